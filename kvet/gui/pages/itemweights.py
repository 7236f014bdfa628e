"""The per-question weights of "What matters to you": a table a person edits in place, kept
apart from the panel's sliders and dealbreakers so each reads in one sitting."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QWidget

from kvet.content.checklist import Checklist, Kind
from kvet.gui.words.paperwords import paper
from kvet.gui.words.tr import QT_TRANSLATE_NOOP, translate

Index = QModelIndex | QPersistentModelIndex


class ItemWeightsModel(QAbstractTableModel):
    """Per-question weights, editable in place; a change is handed to ``on_change``."""

    HEADERS = (
        "Question",  # the report's word too (words.toml [table] question)
        QT_TRANSLATE_NOOP("WeightsPanel", "Weight"),
    )

    def __init__(self, checklist: Checklist, on_change: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items = [i for i in checklist.items if i.kind is not Kind.FACT]
        self.weights: dict[str, float] = {}
        self.on_change = on_change

    def set_checklist(self, checklist: Checklist) -> None:
        """The questions of another country's checklist; weights already set are kept."""
        self.beginResetModel()
        self.items = [i for i in checklist.items if i.kind is not Kind.FACT]
        self.endResetModel()

    def set_weights(self, weights: dict[str, float]) -> None:
        self.beginResetModel()
        self.weights = dict(weights)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if section == 0:
                return paper("table", "question")
            return translate("WeightsPanel", self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        if index.column() == 0 and role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return item.statement
        if index.column() == 1 and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return float(self.weights.get(item.id, item.weight))
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == 1 else base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if index.column() != 1 or role != Qt.ItemDataRole.EditRole:
            return False
        try:
            number = float(value)
        except (TypeError, ValueError):
            return False
        if not 0 <= number <= 10:
            return False
        self.weights[self.items[index.row()].id] = number
        self.dataChanged.emit(index, index)
        self.on_change()
        return True
