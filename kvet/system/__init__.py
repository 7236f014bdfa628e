"""The machine kvet runs on: private files, whole-file writes, logs, the desktop menu, leaving."""
