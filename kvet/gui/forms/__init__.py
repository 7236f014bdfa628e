"""Python compiled from the Qt Designer forms in ``ui/`` by ``scripts/compile-forms``; do not edit."""
