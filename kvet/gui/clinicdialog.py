"""Add or edit a clinic: the form is Designer's; validation is the store's."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QWidget

from kvet.checklist import Checklist, Format
from kvet.gui.forms.ui_clinicdialog import Ui_ClinicDialog
from kvet.store.errors import StorageError
from kvet.store.records import ClinicInfo


class ClinicDialog(QDialog):
    """Calls ``save(fields)``; if the store refuses a value the message shows and nothing closes."""

    def __init__(
        self,
        checklist: Checklist,
        save: Callable[[dict[str, Any]], object],
        clinic: ClinicInfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ClinicDialog()
        self.ui.setupUi(self)
        self._save = save
        self.setWindowTitle("Edit clinic" if clinic else "Add a clinic")
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
        self.ui.errorLabel.hide()
        self.ui.errorLabel.setAccessibleName("Problem")
        if clinic is not None:
            self.ui.nameEdit.setText(clinic.name)
            self.ui.addressEdit.setText(clinic.address)
            self.ui.phoneEdit.setText(clinic.phone)
            self.ui.websiteEdit.setText(clinic.website)
            self.ui.notesEdit.setPlainText(clinic.notes)
            for fmt, box in self.format_boxes.items():
                box.setChecked(fmt in clinic.formats)
        save_button = self.ui.buttons.button(QDialogButtonBox.StandardButton.Save)
        save_button.setText("Save clinic")
        self.ui.buttons.accepted.connect(self.accept)
        self.ui.buttons.rejected.connect(self.reject)
        self.ui.nameEdit.setFocus()

    def fields(self) -> dict[str, Any]:
        return {
            "name": self.ui.nameEdit.text(),
            "address": self.ui.addressEdit.text().strip(),
            "phone": self.ui.phoneEdit.text().strip(),
            "website": self.ui.websiteEdit.text().strip(),
            "formats": [fmt for fmt, box in self.format_boxes.items() if box.isChecked()],
            "notes": self.ui.notesEdit.toPlainText(),
        }

    def accept(self) -> None:
        try:
            self._save(self.fields())
        except StorageError as exc:
            self.ui.errorLabel.setText(str(exc))
            self.ui.errorLabel.show()
            self.ui.nameEdit.setFocus()
            return
        super().accept()
