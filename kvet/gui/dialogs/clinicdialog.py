"""Add or edit a clinic: the form is Designer's; validation is the store's."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from kvet.content.checklist import Checklist, Format, Kind
from kvet.gui.common.flowlayout import scrolling_body
from kvet.gui.common.text import plain_label
from kvet.gui.common.typednumbers import NumberError, format_number, parse_number
from kvet.gui.dialogs.currency import currency_combo
from kvet.gui.forms.ui_clinicdialog import Ui_ClinicDialog
from kvet.gui.words.errorwords import error_words
from kvet.gui.words.verdictwords import unit_words
from kvet.rating.money import unit_for
from kvet.store.errors import InvalidValueError, StorageError
from kvet.store.records import ClinicInfo

DRAFT_PAUSE_MS = 500


class ClinicDialog(QDialog):
    """Calls ``save(fields)``; if the store refuses a value the message shows and nothing closes.

    While the user types, ``draftChanged`` carries the fields within a second of the last
    keystroke, so a crash before "Save" loses nothing (the main window keeps the draft).
    """

    draftChanged = Signal(dict)

    def __init__(
        self,
        checklist: Checklist,
        save: Callable[[dict[str, Any]], object],
        clinic: ClinicInfo | None = None,
        parent: QWidget | None = None,
        draft: dict[str, Any] | None = None,
        facts: dict[str, float] | None = None,
        currency: str = "USD",
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ClinicDialog()
        self.ui.setupUi(self)
        scrolling_body(self.ui.dialogLayout)  # all but Save and Cancel scroll on a short screen
        self._save = save
        self.setWindowTitle(self.tr("Edit clinic") if clinic else self.tr("Add a clinic"))
        self._build_format_boxes(checklist)
        self._build_facts(checklist, clinic.currency if clinic else currency)
        self._facts = dict(facts or {})
        for item_id, value in self._facts.items():
            if item_id in self.fact_edits:
                self.fact_edits[item_id].setText(format_number(value))
        self.ui.errorLabel.hide()
        self.ui.errorLabel.setAccessibleDescription(self.tr("Problem"))
        if clinic is not None:
            self._show_clinic(clinic)
        if draft is not None:
            self.fill(draft)
        self._watch_typing()
        save_button = self.ui.buttons.button(QDialogButtonBox.StandardButton.Save)
        save_button.setText(self.tr("Save clinic"))
        self.ui.buttons.accepted.connect(self.accept)
        self.ui.buttons.rejected.connect(self.reject)
        self.ui.nameEdit.setFocus()

    def _build_format_boxes(self, checklist: Checklist) -> None:
        """A tick for each way the treatment is given, in the Tab order after the website."""
        self.format_boxes: dict[Format, QCheckBox] = {}
        previous: QWidget = self.ui.websiteEdit
        for info in checklist.formats:
            box = QCheckBox(info.title)
            box.setToolTip(info.description)
            box.setAccessibleName(info.title)
            box.setAccessibleDescription(info.description)
            self.ui.formatsLayout.addWidget(box)
            self.format_boxes[info.id] = box
            QWidget.setTabOrder(previous, box)
            previous = box
        QWidget.setTabOrder(previous, self.ui.notesEdit)

    def _build_facts(self, checklist: Checklist, currency: str) -> None:
        """Prices and times are asked here too, where a person adds the clinic; they are stored
        as the clinic's answers to the checklist's number questions."""
        self.fact_items = [i for i in checklist.items if i.kind is Kind.FACT]
        self.fact_edits: dict[str, QLineEdit] = {}
        self.unit_labels: dict[str, QLabel] = {}
        # The clinic's prices are in one currency: the country's for a new clinic, the saved one
        # for an existing clinic (kvet never converts).
        self.currency = currency_combo(currency, self.tr("Currency of the prices"))
        currency_label = plain_label(self.tr("Prices are in:"), wrap=False)
        currency_label.setBuddy(self.currency)
        self.ui.factsForm.addRow(currency_label, self.currency)
        QWidget.setTabOrder(self.ui.notesEdit, self.currency)
        previous: QWidget = self.currency
        for item in self.fact_items:
            edit = QLineEdit()
            edit.setMaxLength(40)
            row = QHBoxLayout()
            row.addWidget(edit, 1)
            unit = plain_label("", wrap=False)
            row.addWidget(unit)
            label = plain_label(f"{item.statement}:", wrap=False)  # a form row is one line high
            label.setBuddy(edit)
            self.ui.factsForm.addRow(label, row)
            self.fact_edits[item.id] = edit
            self.unit_labels[item.id] = unit
            QWidget.setTabOrder(previous, edit)
            previous = edit
        self._show_units()
        self.currency.currentIndexChanged.connect(lambda _index: self._show_units())

    def _show_clinic(self, clinic: ClinicInfo) -> None:
        self.ui.nameEdit.setText(clinic.name)
        self.ui.addressEdit.setText(clinic.address)
        self.ui.phoneEdit.setText(clinic.phone)
        self.ui.websiteEdit.setText(clinic.website)
        self.ui.notesEdit.setPlainText(clinic.notes)
        for fmt, box in self.format_boxes.items():
            box.setChecked(fmt in clinic.formats)

    def _watch_typing(self) -> None:
        """Any change starts the draft's pause; the draft goes out when the typing stops."""
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_PAUSE_MS)
        self._draft_timer.timeout.connect(lambda: self.draftChanged.emit(self.fields()))
        for edit in (
            self.ui.nameEdit,
            self.ui.addressEdit,
            self.ui.phoneEdit,
            self.ui.websiteEdit,
            *self.fact_edits.values(),
        ):
            edit.textEdited.connect(lambda _text: self._draft_timer.start())
        self.ui.notesEdit.textChanged.connect(self._draft_timer.start)
        for box in self.format_boxes.values():
            box.toggled.connect(lambda _on: self._draft_timer.start())
        self.currency.activated.connect(lambda _index: self._draft_timer.start())

    def _show_units(self) -> None:
        """Each number's unit beside it and in its accessible name; prices in the currency."""
        code = str(self.currency.currentData())
        for item in self.fact_items:
            unit = unit_words(unit_for(item.unit, code))
            self.unit_labels[item.id].setText(unit)
            self.fact_edits[item.id].setAccessibleName(
                self.tr("{statement}, in {unit}").format(statement=item.statement, unit=unit)
                if item.unit
                else item.statement
            )

    def fill(self, fields: dict[str, Any]) -> None:
        """Show saved typing again (e.g. a draft kept when kvet closed unexpectedly)."""
        for key, edit in (
            ("name", self.ui.nameEdit),
            ("address", self.ui.addressEdit),
            ("phone", self.ui.phoneEdit),
            ("website", self.ui.websiteEdit),
        ):
            if isinstance(fields.get(key), str):
                edit.setText(fields[key])
        if isinstance(fields.get("notes"), str):
            self.ui.notesEdit.setPlainText(fields["notes"])
        facts = fields.get("facts")
        if isinstance(facts, dict):
            for item_id, text in facts.items():
                if item_id in self.fact_edits and isinstance(text, str):
                    self.fact_edits[item_id].setText(text)
        if (
            isinstance(fields.get("currency"), str)
            and self.currency.findData(fields["currency"]) >= 0
        ):
            self.currency.setCurrentIndex(self.currency.findData(fields["currency"]))
        formats = fields.get("formats")
        if isinstance(formats, list):
            for fmt, box in self.format_boxes.items():
                box.setChecked(fmt.value in formats or fmt in formats)

    def fields(self) -> dict[str, Any]:
        return {
            "name": self.ui.nameEdit.text(),
            "address": self.ui.addressEdit.text().strip(),
            "phone": self.ui.phoneEdit.text().strip(),
            "website": self.ui.websiteEdit.text().strip(),
            "formats": [fmt for fmt, box in self.format_boxes.items() if box.isChecked()],
            "notes": self.ui.notesEdit.toPlainText(),
            "facts": {item_id: edit.text() for item_id, edit in self.fact_edits.items()},
            "currency": str(self.currency.currentData()),
        }

    def focus_facts(self) -> None:
        """Opened from the Overview's cost line: the price is what is wanted."""
        first = next(iter(self.fact_edits.values()), None)
        if first is not None:
            first.setFocus()

    def changed_facts(self) -> dict[str, float | None]:
        """The numbers typed that differ from what was stored; refuses text that is no number."""
        changed: dict[str, float | None] = {}
        for item in self.fact_items:
            edit = self.fact_edits[item.id]
            try:
                value = parse_number(edit.text(), unit_for(item.unit, self.currency.currentData()))
            except NumberError as exc:
                edit.setFocus()
                # the statement and the number's problem, both already in the window's language
                raise InvalidValueError(
                    "value.as-said", reason=f"{item.statement}: {exc}"
                ) from None
            if value != self._facts.get(item.id):
                changed[item.id] = value
        return changed

    def accept(self) -> None:
        try:
            fields = self.fields()
            fields["facts"] = self.changed_facts()
        except StorageError as exc:  # a price that is not a number: nothing is saved yet
            self.ui.errorLabel.setText(error_words(exc))
            self.ui.errorLabel.show()
            return
        try:
            self._save(fields)
        except StorageError as exc:
            self.ui.errorLabel.setText(error_words(exc))
            self.ui.errorLabel.show()
            self.ui.nameEdit.setFocus()
            return
        super().accept()
