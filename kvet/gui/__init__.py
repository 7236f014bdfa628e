"""The PySide6 views: thin widgets over the core, which they reach only through its API."""
