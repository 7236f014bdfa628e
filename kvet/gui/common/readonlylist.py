"""A list the person reads and picks from but never edits, set up one way on every page.

The pages' lists (questions that could change the decision, answers that differ) share their
set-up here, so each wraps its words and is named for screen readers alike.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QListView


def read_only_list(model: QAbstractItemModel, name: str, description: str = "") -> QListView:
    """A view of ``model`` that wraps long rows; ``name`` (and ``description``) for screen
    readers."""
    view = QListView()
    view.setModel(model)
    view.setAccessibleName(name)
    if description:
        view.setAccessibleDescription(description)
    view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
    view.setWordWrap(True)
    return view
