"""Deciding together: where people's answers differ, the rule that combines them, and settling.

The core keeps every person's answers, combines them and records decisions; this page only
lists what the store reports and sends the user's choices back to it.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection
from PySide6.QtGui import QShowEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kvet.gui.common.readonlylist import read_only_list
from kvet.gui.common.screenfit import narrow_combo
from kvet.gui.common.state import AppState
from kvet.gui.common.text import heading, plain_label
from kvet.gui.words.answerwords import answer_label
from kvet.gui.words.errorwords import error_words
from kvet.gui.words.paperwords import paper
from kvet.gui.words.tr import QT_TRANSLATE_NOOP, translate
from kvet.gui.words.verdictwords import say, unit_words
from kvet.rating.combine import RULE_TEXT, Disagreement, Opinion, Rule
from kvet.rating.money import unit_for
from kvet.store.api import Change
from kvet.store.errors import StorageError
from kvet.text.datewords import day_words

RULE_TITLES = {
    Rule.CAUTIOUS: QT_TRANSLATE_NOOP("Together", "The more cautious answer counts"),
    Rule.LATEST: QT_TRANSLATE_NOOP("Together", "The most recent answer counts"),
}


def opinion_text(kind_label: str, opinion: Opinion) -> str:
    note = (
        translate("Together", " — they noted: “{note}”").format(note=opinion.note)
        if opinion.note
        else ""
    )
    when = day_words(opinion.answered_at, say)
    return f"{opinion.rater_name}: {kind_label} ({when}){note}"


class TogetherPage(QWidget):
    """The "Together" tab of the main window."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self._disagreements: list[Disagreement] = []
        # What the list and the detail show now, so a change redoes only what differs.
        self._shown: list[Disagreement] = []
        self._detail_for: tuple[Disagreement | None, str] | None = None
        self._settled_lines: dict[str, tuple[object, list[str]]] = {}
        self._filling = False  # refresh() is refilling the list: selection changes are its own
        self._stale = True  # changed while hidden: filled again when shown (see showEvent)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(translate("Together", "Deciding together"), scale=1.1))
        layout.addWidget(
            plain_label(
                translate(
                    "Together",
                    "kvet keeps each person's answers. When two of you heard different things, "
                    "it shows them here, so you can settle them, for example with a second call.",
                )
            )
        )
        self._build_rule(layout)
        self.count = heading("", scale=1.05)
        layout.addWidget(self.count)
        self.model = QStandardItemModel(self)
        self.view = read_only_list(
            self.model,
            translate("Together", "Answers that differ"),
            translate("Together", "Pick one to see both answers and settle it."),
        )
        layout.addWidget(self.view, 1)
        self._build_detail(layout)
        self.settled_caption = heading(translate("Together", "Already settled"), scale=1.05)
        self.settled = plain_label(selectable=True)
        self.settled.setAccessibleDescription(translate("Together", "Already settled"))
        layout.addWidget(self.settled_caption)
        layout.addWidget(self.settled)

        self.rule_combo.activated.connect(self._rule_chosen)
        self.view.selectionModel().selectionChanged.connect(self._selected)
        state.resultsChanged.connect(self.refresh)
        state.raterSwitched.connect(lambda _id: self._show_detail(force=True))
        state.storeChanged.connect(self._store_changed)
        self.refresh()

    def _build_rule(self, layout: QVBoxLayout) -> None:
        """How answers are combined: the rule to choose, and what it does in words."""
        rule_row = QVBoxLayout()  # the words above the choice: both whole with larger text
        rule_caption = QLabel(translate("Together", "How answers are combine&d:"))
        self.rule_combo = QComboBox()
        self.rule_combo.setAccessibleName(translate("Together", "How answers are combined"))
        rule_caption.setBuddy(self.rule_combo)
        for rule in Rule:
            title = RULE_TITLES.get(rule)
            self.rule_combo.addItem(
                translate("Together", title) if title else rule.value, rule.value
            )
        rule_row.addWidget(rule_caption)
        rule_row.addWidget(self.rule_combo)
        narrow_combo(self.rule_combo)
        layout.addLayout(rule_row)
        self.rule_text = plain_label()
        self.rule_text.setAccessibleDescription(translate("Together", "What the rule does"))
        layout.addWidget(self.rule_text)

    def _build_detail(self, layout: QVBoxLayout) -> None:
        """The chosen difference: both answers, a button to settle on each, and who decides."""
        self.detail = QGroupBox(translate("Together", "Settle it"))
        detail_layout = QVBoxLayout(self.detail)
        self.detail_text = plain_label(selectable=True)
        self.detail_text.setAccessibleDescription(translate("Together", "Both answers"))
        self.decider = plain_label()
        self.decider.setAccessibleDescription(translate("Together", "Who decides"))
        self.choices_row = QHBoxLayout()
        detail_layout.addWidget(self.detail_text)
        detail_layout.addLayout(self.choices_row)
        detail_layout.addWidget(self.decider)
        layout.addWidget(self.detail)

    # --- filling ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Fill the page from the shared state; while it is hidden (another tab shows), only
        remember to, and fill it as it is shown: a walkthrough answer costs no work here."""
        state = self.state
        if state.comparison_id:  # the rule, at once: one held value
            rule = state.rule()
            self.rule_combo.setCurrentIndex(max(0, self.rule_combo.findData(rule.value)))
            self.rule_text.setText(say(RULE_TEXT[rule]))
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        self._disagreements = state.disagreements() if state.comparison_id else []
        selected = self.selected()
        key = (selected.clinic_id, selected.item_id) if selected else None
        # Clearing moves the selection once per row: the detail is shown once, at the end,
        # not rebuilt (with a database read) for every row removed (a slider move took 0.8 s).
        self._filling = True
        try:
            self._update_rows()
        finally:
            self._filling = False
        n = len(self._disagreements)
        self.count.setText(
            translate("Together", "No answers differ between you.")
            if n == 0
            else translate("Together", "1 answer differs between you")
            if n == 1
            else translate("Together", "{count} answers differ between you").format(count=n)
        )
        self.count.setAccessibleName(self.count.text())
        keys = [(d.clinic_id, d.item_id) for d in self._disagreements]
        self._filling = True
        try:
            if key in keys:
                self.view.setCurrentIndex(self.model.index(keys.index(key), 0))
            elif self._disagreements:
                self.view.setCurrentIndex(self.model.index(0, 0))
        finally:
            self._filling = False
        self._show_detail()
        self._show_settled()

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:  # what changed while another tab showed, before it is painted
            self.refresh()
        super().showEvent(event)

    def _update_rows(self) -> None:
        """Only the rows that differ are replaced: one answer changes one clinic's rows, and a
        weight change none (rebuilding a thousand rows took most of an answer's time)."""
        old, new = self._shown, self._disagreements
        if old is new:
            return
        start = 0
        while start < min(len(old), len(new)) and old[start] == new[start]:
            start += 1
        end = 0
        while end < min(len(old), len(new)) - start and old[-1 - end] == new[-1 - end]:
            end += 1
        if len(old) - start - end > 0:
            self.model.removeRows(start, len(old) - start - end)
        for row, disagreement in enumerate(new[start : len(new) - end], start):
            item = QStandardItem(f"{disagreement.clinic_name} — {disagreement.sentence(say)}")
            item.setEditable(False)
            self.model.insertRow(row, item)
        self._shown = new

    def _show_settled(self) -> None:
        """What was decided, by whom and when (undo with Ctrl+Z right after, if it was wrong)."""
        lines = []
        items = self.state.checklist.items_by_id
        kept = self._settled_lines
        for clinic in self.state.clinics if self.state.comparison_id else []:
            decisions = self.state.decisions(clinic.id)
            held = kept.get(clinic.id)
            if held is None or held[0] is not decisions:  # read again since: worded again
                said = []
                for item_id, decision in decisions.items():
                    item = items.get(item_id)
                    statement = item.statement if item else item_id.replace("_", " ")
                    unit = unit_for(item.unit, clinic.currency) if item else ""
                    said.append("• " + decision.sentence(clinic.name, statement, unit, say))
                held = kept[clinic.id] = (decisions, said)
            lines.extend(held[1])
        self.settled.setText("\n".join(lines))
        self.settled.setVisible(bool(lines))
        self.settled_caption.setVisible(bool(lines))

    def selected(self) -> Disagreement | None:
        index = self.view.currentIndex()
        if not index.isValid() or index.row() >= len(self._disagreements):
            return None
        return self._disagreements[index.row()]

    def _selected(self, _new: QItemSelection, _old: QItemSelection) -> None:
        if not self._filling:
            self._show_detail()

    def _show_detail(self, *, force: bool = False) -> None:
        shown_for = (self.selected(), self.state.rater_id)
        if not force and shown_for == self._detail_for:
            return  # the same disagreement, for the same person: nothing to redo
        self._detail_for = shown_for
        while self.choices_row.count():
            child = self.choices_row.takeAt(0)
            widget = child.widget() if child is not None else None
            if widget is not None:
                widget.deleteLater()
        disagreement = self.selected()
        self.detail.setVisible(disagreement is not None)
        if disagreement is None:
            return
        item_id = disagreement.item_id
        item = self.state.checklist.items_by_id.get(item_id)
        lines = [f"{disagreement.clinic_name}: {disagreement.statement}"]
        for opinion in disagreement.opinions:
            said = self._answer_label(item_id, opinion, disagreement.unit)
            lines.append("• " + opinion_text(said, opinion))
        self.detail_text.setText("\n".join(lines))
        rater = next(
            (r.name for r in self.state.people() if r.id == self.state.rater_id),
            translate("Together", "Me"),
        )
        self.decider.setText(
            translate(
                "Together",
                "Your choice is recorded as decided by {name} "
                "(change the person under “Answers by”).",
            ).format(name=rater)
        )
        seen: set[str] = set()
        for opinion in disagreement.opinions:
            text = self._answer_label(item_id, opinion, disagreement.unit)
            if text in seen:
                continue
            seen.add(text)
            button = QPushButton(translate("Together", "Settle as “{answer}”").format(answer=text))
            button.setAccessibleDescription(
                (
                    translate(
                        "Together", "Record “{answer}” as the answer you agreed on for {statement}"
                    )
                    if item
                    else translate("Together", "Record “{answer}” as the answer you agreed on")
                ).format(answer=text, statement=item.statement if item else "")
            )
            button.clicked.connect(lambda _=False, o=opinion, d=disagreement: self.settle(d, o))
            self.choices_row.addWidget(button)
            button.show()  # at once, also when filled as the page is being shown
        self.choices_row.addStretch(1)

    def _answer_label(self, item_id: str, opinion: Opinion, unit: str) -> str:
        """An answer in words; a number with its unit (a price: the clinic's currency)."""
        item = self.state.checklist.items_by_id.get(item_id)
        if opinion.choice is not None and item is not None:
            return answer_label(item.kind, opinion.choice)
        if opinion.number is not None:
            shown = f" {unit_words(unit)}" if unit else ""
            return f"{opinion.number:,.0f}{shown}"
        return paper("table", "not_answered")

    # --- actions ------------------------------------------------------------------------------

    def settle(self, disagreement: Disagreement, opinion: Opinion) -> None:
        try:
            self.state.store.decisions.settle(
                disagreement.clinic_id,
                disagreement.item_id,
                opinion.choice,
                self.state.rater_id,
                number=opinion.number,
            )
        except StorageError as exc:
            self.decider.setText(error_words(exc))

    def _rule_chosen(self, index: int) -> None:
        rule = Rule(self.rule_combo.itemData(index))
        if self.state.comparison_id:
            try:
                self.state.store.decisions.set_rule(self.state.comparison_id, rule)
            except StorageError as exc:
                self.rule_text.setText(error_words(exc))

    def _store_changed(self, change: Change) -> None:
        if change.what in {"rater"}:
            self._show_detail(force=True)
