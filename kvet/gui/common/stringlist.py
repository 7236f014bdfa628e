"""A short list of sentences shown in a list view, told only of the rows that changed.

``QStringListModel.setStringList`` resets the model: its view forgets where the reader was and
measures every row again. The lists that follow each answer and slider move (the questions that
could change the first place) change a row or two at a time, so they are updated row by row.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QStringListModel


def update_strings(model: QStringListModel, strings: list[str]) -> None:
    """Make ``model`` hold ``strings``: changed rows set, missing ones added, extra ones removed
    (a row move, a data change or an insertion: never a reset)."""
    held = model.rowCount()
    if held > len(strings):
        model.removeRows(len(strings), held - len(strings))
    elif held < len(strings):
        model.insertRows(held, len(strings) - held)
    for row, text in enumerate(strings):
        index = model.index(row, 0, QModelIndex())
        if model.data(index) != text:
            model.setData(index, text)
