"""A clinic's details kept as a draft while they are typed, and offered again after a crash.

The clinic dialog can take a while to fill (prices, times, notes from a phone call). Its typing is
kept in the database as it goes, so kvet closing unexpectedly loses none of it; at the next start
the person is asked whether to open it again. Apart from the controller's commands, so that each
of the two reads in one place.
"""

from __future__ import annotations

import contextlib
import json
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from kvet.gui.words.tr import translate
from kvet.store.errors import StorageError

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from kvet.gui.common.state import AppState
    from kvet.gui.dialogs.clinicdialog import ClinicDialog
    from kvet.store.api import Store

DRAFT_KEY = "clinic_draft"  # typing in the clinic editor not saved yet


class Commands(Protocol):
    """What the drafts need of the controller that owns them (kvet.gui.main.controller), named
    here so the two modules do not import each other."""

    store: Store
    state: AppState
    status: SignalInstance

    def add_clinic(self, draft: dict[str, Any] | None = None) -> ClinicDialog: ...
    def edit_clinic(
        self, clinic_id: str | None = None, draft: dict[str, Any] | None = None
    ) -> ClinicDialog | None: ...
    def fill_comparisons(self, selected: str) -> None: ...


class ClinicDrafts:
    """Keeps an open clinic dialog's typing, and offers a draft left by a closed kvet."""

    def __init__(self, commands: Commands, window: QWidget) -> None:
        self._commands = commands
        self._window = window  # the parent of the question asked

    def keep(self, dialog: ClinicDialog, clinic_id: str) -> ClinicDialog:
        """Keep the typing in the database as a draft until the dialog is saved or cancelled."""
        commands = self._commands
        settings = commands.store.settings
        comparison_id = commands.state.comparison_id

        def keep(fields: dict[str, Any]) -> None:
            draft = {
                "clinic_id": clinic_id,
                "comparison_id": comparison_id,
                "fields": {**fields, "formats": [str(f) for f in fields["formats"]]},
            }
            try:
                settings.set_preference(DRAFT_KEY, json.dumps(draft))
            except StorageError as exc:
                commands.status.emit(
                    translate(
                        "Controller", "Your typing could not be kept as a draft: {problem}"
                    ).format(problem=exc),
                    0,
                )

        def forget(_result: int) -> None:
            with contextlib.suppress(StorageError):  # a stale draft is only offered again
                settings.set_preference(DRAFT_KEY, "")

        dialog.draftChanged.connect(keep)
        dialog.finished.connect(forget)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def offer(self) -> QMessageBox | None:
        """kvet closed while a clinic was being typed in: offer to open that typing again."""
        settings = self._commands.store.settings
        try:
            draft = json.loads(settings.preference(DRAFT_KEY) or "null")
        except (ValueError, StorageError):  # a damaged draft, or kvet already closing
            draft = None
        if not isinstance(draft, dict) or not isinstance(draft.get("fields"), dict):
            return None
        name = str(draft["fields"].get("name") or translate("Controller", "a new clinic"))
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "kvet",
            translate(
                "Controller",
                "kvet was closed while you were typing the details of “{name}”. "
                "Open what you typed?",
            ).format(name=name),
            QMessageBox.StandardButton.NoButton,
            self._window,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        reopen = box.addButton(
            translate("Controller", "Open it"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(translate("Controller", "Discard it"), QMessageBox.ButtonRole.DestructiveRole)

        def chosen() -> None:
            if box.clickedButton() is reopen:
                self._reopen(draft)
            else:
                settings.set_preference(DRAFT_KEY, "")

        box.finished.connect(lambda _result: chosen())
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    def _reopen(self, draft: dict[str, Any]) -> None:
        """The dialog again, with the typing, in the comparison it was typed in."""
        commands = self._commands
        comparison_id = str(draft.get("comparison_id") or "")
        if any(c.id == comparison_id for c in commands.store.comparisons.list()):
            commands.fill_comparisons(comparison_id)
            commands.state.switch_comparison(comparison_id)
        clinic_id = str(draft.get("clinic_id") or "")
        if clinic_id and commands.state.clinic(clinic_id) is not None:
            commands.edit_clinic(clinic_id, draft["fields"])
        else:
            commands.add_clinic(draft["fields"])
