"""What matters to you: section sliders, dealbreakers, budget, and per-question weights."""

from __future__ import annotations

import itertools
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSlider,
    QWidget,
)

from kvet.content.checklist import Item, Kind
from kvet.gui.common.flowlayout import FlowLayout, wrapping_title
from kvet.gui.common.state import AppState
from kvet.gui.common.text import plain_label, wrapping_check_box
from kvet.gui.forms.ui_weights import Ui_WeightsPanel
from kvet.gui.pages.itemweights import ItemWeightsModel
from kvet.gui.words.paperwords import paper
from kvet.gui.words.tr import QT_TRANSLATE_NOOP, translate
from kvet.rating import money
from kvet.rating.budget import Budget
from kvet.rating.costs import CostPlan
from kvet.rating.scoring import Weights
from kvet.rating.verdict import dealbreaker_origin

Index = QModelIndex | QPersistentModelIndex
FACTORS = (0.0, 0.5, 1.0, 1.5, 2.0)
# How much a part counts, as the report's weights say it too (words.toml [in_force]).
FACTOR_WORDS = ("not_at_all", "a_little", "as_usual", "more", "a_lot")


# Keyed by kvet.rating.verdict's English words (translated in the "Verdict" context where shown).
ORIGIN_TIPS = {
    "kvet's suggestion": QT_TRANSLATE_NOOP("WeightsPanel", "kvet suggests this as a dealbreaker."),
    "your choice": QT_TRANSLATE_NOOP("WeightsPanel", "You chose this as a dealbreaker."),
    "you chose not to count it": QT_TRANSLATE_NOOP(
        "WeightsPanel", "kvet suggests this as a dealbreaker; you chose not to count it."
    ),
}


def factor_words(position: int) -> str:
    return paper("in_force", FACTOR_WORDS[position])


def dealbreaker_name(text: str) -> str:
    return translate("WeightsPanel", "Dealbreaker: {question}").format(question=text)


def show_origin(box: QCheckBox, item: Item, chosen: bool) -> None:
    """The tick box says when it is the user's own choice; kvet's suggestions say so on hover
    (the words above the boxes say it for all of them, so the long lines stay short).

    The words are on the box's wrapping label (see ``wrapping_check_box``) and in its
    accessible name, for screen readers."""
    origin = dealbreaker_origin(item, chosen)
    changed = chosen != item.dealbreaker
    text = f"{item.statement} ({translate('Verdict', origin)})" if changed else item.statement
    row = box.parentWidget()
    label = row.findChild(QLabel) if row is not None else None
    if label is not None:
        label.setText(text)
    box.setAccessibleName(dealbreaker_name(text))
    tip = translate("WeightsPanel", ORIGIN_TIPS[origin]) if origin in ORIGIN_TIPS else ""
    box.setToolTip(tip)
    if label is not None:
        label.setToolTip(tip)


class WeightsPanel(QScrollArea):
    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setWidgetResizable(True)
        # A Tab stop (arrow keys scroll it), so it has a name.
        self.setAccessibleName(translate("WeightsPanel", "What matters most to you"))
        body = QWidget()
        self.ui = Ui_WeightsPanel()
        self.ui.setupUi(body)
        self.setWidget(body)
        # with larger text a row's slider goes under its title rather than off the side
        for form in (self.ui.slidersForm, self.ui.costForm):
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for group in (self.ui.slidersGroup, self.ui.dealbreakersGroup, self.ui.costGroup):
            wrapping_title(group)
        self._buttons_flow()
        self._loading = False
        self._saving = False  # this panel's own write: what is stored is what it shows
        self._saved_budget: Budget | None = None
        self._build_sliders()
        self._build_dealbreakers()
        self.item_model = ItemWeightsModel(state.checklist, self._changed, self)
        self._build_advanced()
        for signal in (
            self.ui.budgetCheck.toggled,
            self.ui.budgetSpin.valueChanged,
            self.ui.inductionSpin.valueChanged,
            self.ui.maintenanceSpin.valueChanged,
        ):
            signal.connect(self._changed)
        self.ui.resetButton.clicked.connect(self.reset)
        self._tab_order_follows_the_screen()
        state.comparisonSwitched.connect(lambda _id: self.load())
        state.countryChanged.connect(lambda _code: self._country_changed())
        self._show_country_items()
        state.storeChanged.connect(self._store_changed)
        self.load()

    def _buttons_flow(self) -> None:
        """The form's buttons go onto two lines with larger text, not off the side."""
        buttons = FlowLayout(spacing=6)
        buttons_row = self.ui.buttonsLayout
        while buttons_row.count():
            taken = buttons_row.takeAt(0)
            button = taken.widget() if taken is not None else None
            if button is not None:
                buttons.addWidget(button)
        buttons_row.addLayout(buttons, 1)

    def _build_sliders(self) -> None:
        """A slider per section, its place in words beside it."""
        self.sliders: dict[str, QSlider] = {}
        self.slider_words: dict[str, Any] = {}
        for section in self.state.checklist.sections:
            slider = QSlider(Qt.Orientation.Horizontal)
            slider.setRange(0, len(FACTORS) - 1)
            slider.setPageStep(1)
            slider.setTickPosition(QSlider.TickPosition.TicksBelow)
            slider.setAccessibleName(
                translate("WeightsPanel", "How much {section} matter").format(
                    section=section.title.lower()
                )
            )
            words = plain_label(wrap=False)
            row = QWidget()
            row_layout = QHBoxLayout(row)
            row_layout.setContentsMargins(0, 0, 0, 0)
            row_layout.addWidget(slider, 1)
            row_layout.addWidget(words)
            label = plain_label(section.title)
            label.setBuddy(slider)
            self.ui.slidersForm.addRow(label, row)
            slider.valueChanged.connect(self._changed)
            self.sliders[section.id] = slider
            self.slider_words[section.id] = words

    def _build_dealbreakers(self) -> None:
        """A tick box per red flag: whether seeing it rules a clinic out."""
        self.dealbreaker_boxes: dict[str, QCheckBox] = {}
        self.dealbreaker_rows: dict[str, QWidget] = {}
        self.ui.dealbreakersLayout.addWidget(
            plain_label(
                translate(
                    "WeightsPanel",
                    "The ones ticked at first are kvet's suggestion. Change any of them: what you "
                    "change is marked as your choice. A dealbreaker counts whatever its weight.",
                )
            )
        )
        # Every red flag of every country; those of other countries' rules are hidden (below).
        for item in self.state.store.checklist.items:
            if item.kind is Kind.RED_FLAG:
                row, box = wrapping_check_box(item.statement)
                box.setAccessibleName(dealbreaker_name(item.statement))
                box.setChecked(item.dealbreaker)
                show_origin(box, item, item.dealbreaker)
                box.toggled.connect(self._changed)
                box.toggled.connect(
                    lambda chosen, box=box, item=item: show_origin(box, item, chosen)
                )
                self.ui.dealbreakersLayout.addWidget(row)
                self.dealbreaker_boxes[item.id] = box
                self.dealbreaker_rows[item.id] = row

    def _build_advanced(self) -> None:
        """Per-question weights, folded away until asked for."""
        self.ui.advancedView.setModel(self.item_model)
        header = self.ui.advancedView.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.ui.advancedView.setMinimumHeight(260)
        self.ui.advancedView.hide()
        self.ui.advancedButton.toggled.connect(self._toggle_advanced)

    def _tab_order_follows_the_screen(self) -> None:
        """The sliders and dealbreakers are built after the form's own fields but shown above
        them: Tab goes down the page, so the budget and Reset come after them, not first."""
        ui = self.ui
        order: list[QWidget] = [
            *self.sliders.values(),
            *self.dealbreaker_boxes.values(),
            ui.budgetCheck,
            ui.budgetSpin,
            ui.inductionSpin,
            ui.maintenanceSpin,
            ui.advancedButton,
            ui.resetButton,
            ui.advancedView,
        ]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    def _show_country_items(self) -> None:
        here = self.state.checklist.items_by_id
        for item_id, row in self.dealbreaker_rows.items():
            row.setHidden(item_id not in here)
        self.item_model.set_checklist(self.state.checklist)

    def _country_changed(self) -> None:
        """Other rules, other questions: the lists follow at once, not at the next start."""
        self._show_country_items()
        self.load()

    def _here(self) -> dict[str, QCheckBox]:
        """The dealbreaker boxes of the items this country's checklist asks."""
        here = self.state.checklist.items_by_id
        return {i: box for i, box in self.dealbreaker_boxes.items() if i in here}

    def _toggle_advanced(self, shown: bool) -> None:
        self.ui.advancedView.setVisible(shown)
        self.ui.advancedButton.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )

    def load(self) -> None:
        """Show the stored weights; nothing is written while loading."""
        state = self.state
        self.setEnabled(bool(state.comparison_id))
        if not state.comparison_id:
            return
        weights = state.store.settings.weights(state.comparison_id)
        self._loading = True
        try:
            for section in state.checklist.sections:
                value = weights.sections.get(section.id, section.weight)
                factor = value / section.weight if section.weight else 1.0
                position = min(range(len(FACTORS)), key=lambda n: abs(FACTORS[n] - factor))
                self.sliders[section.id].setValue(position)
                self._show_words(section.id)
            for item_id, box in self._here().items():
                box.setChecked(weights.is_dealbreaker(state.checklist.item(item_id)))
            budget = weights.budget
            self._saved_budget = budget
            self.ui.budgetCheck.setChecked(budget is not None and budget.scored)
            if budget is not None:
                self.ui.budgetSpin.setValue(budget.first_year)
            self.ui.inductionSpin.setValue(weights.cost_plan.induction_sessions)
            self.ui.maintenanceSpin.setValue(weights.cost_plan.maintenance_sessions_per_month)
            self.item_model.set_weights(dict(weights.items))
        finally:
            self._loading = False
        self._show_budget_currency()

    def current_weights(self) -> Weights:
        checklist = self.state.checklist
        sections = {
            s.id: FACTORS[self.sliders[s.id].value()] * s.weight for s in checklist.sections
        }
        dealbreakers = {
            item_id: box.isChecked()
            for item_id, box in self._here().items()
            if box.isChecked() != checklist.item(item_id).dealbreaker
        }
        budget = Budget(
            self.ui.budgetSpin.value(),
            scored=self.ui.budgetCheck.isChecked(),
            currency=self._budget_currency(),
        )
        plan = replace(
            CostPlan(),
            induction_sessions=self.ui.inductionSpin.value(),
            maintenance_sessions_per_month=self.ui.maintenanceSpin.value(),
        )
        return Weights(sections, dict(self.item_model.weights), dealbreakers, budget, plan)

    def _budget_currency(self) -> str:
        """A budget in use keeps the currency it was set in (kvet never relabels money); one
        not in use, or newly turned on, takes the currency of the user's country."""
        saved = self._saved_budget
        if self.ui.budgetCheck.isChecked() and saved is not None and saved.scored:
            return saved.currency
        return self.state.currency

    def _show_budget_currency(self) -> None:
        self.ui.budgetSpin.setPrefix(f"{money.symbol(self._budget_currency())} ")

    def _changed(self, *_args: object) -> None:
        self._show_budget_currency()
        for section_id in self.sliders:
            self._show_words(section_id)
        if self._loading or not self.state.comparison_id:
            return
        self._saving = True
        try:
            self.state.store.settings.set_weights(self.state.comparison_id, self.current_weights())
        finally:
            self._saving = False

    def _show_words(self, section_id: str) -> None:
        """The slider's place in words, beside it and first in what a screen reader says
        (Qt reads a slider's value only as its number, 0 to 4)."""
        slider = self.sliders[section_id]
        words = factor_words(slider.value())
        self.slider_words[section_id].setText(words)
        intro = self.state.checklist.sections_by_id[section_id].intro
        slider.setAccessibleDescription(f"{words}. {intro}")

    def reset(self) -> None:
        self.state.store.settings.set_weights(self.state.comparison_id, Weights(), merge=False)
        self.load()

    def _store_changed(self, change: Any) -> None:
        if self._saving:
            return  # the panel's own slider move: nothing to read back
        if change.what == "settings" and change.comparison_id == self.state.comparison_id:
            current = self.current_weights()
            stored = self.state.store.settings.weights(self.state.comparison_id)
            if stored != current:  # changed by undo or elsewhere
                self.load()
