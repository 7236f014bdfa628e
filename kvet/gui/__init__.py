"""The PySide6 views: thin widgets over the core, which they reach only through its API.

One sub-package a room, named after what a person sees: main, pages, treatment, sharing, dialogs,
with common and words below them and forms compiled from ui/ (docs/architecture.md)."""
