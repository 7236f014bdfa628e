"""File menu sharing: export, print and import, and a shared ``.kvet`` file opened from the
desktop."""
