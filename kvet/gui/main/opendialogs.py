"""The dialogs and windows the main window's commands open.

Each is imported only when first opened (most of them are seldom used, and their imports would
slow the start), is deleted when closed, and opens window-modal over what asked for it. My
treatment is a window of its own, one at a time.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from kvet.gui.words.tr import translate

if TYPE_CHECKING:
    from kvet.content.checklist import Checklist
    from kvet.gui.common.state import AppState
    from kvet.rating.combine import Disagreement
    from kvet.text.language import Preferences

Dialog = TypeVar("Dialog", bound=QDialog)
Crisis = Callable[[QWidget | None], QWidget]


def opened(dialog: Dialog) -> Dialog:
    """Open ``dialog`` over its parent; it is deleted once closed."""
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def open_call_mode(state: AppState, parent: QWidget) -> QWidget:
    from kvet.gui.dialogs.callmode import CallModeDialog

    return opened(CallModeDialog(state, parent))


def open_prescreen(state: AppState, parent: QWidget, crisis: Crisis) -> QWidget:
    from kvet.gui.dialogs.prescreen import PrescreenDialog

    dialog = PrescreenDialog(state, parent)
    dialog.crisisRequested.connect(crisis)
    return opened(dialog)


def open_treatment(
    state: AppState, parent: QWidget, crisis: Crisis, existing: QWidget | None
) -> QWidget:
    """The course tracker, in its own window; ``existing`` raised when it is still open."""
    from kvet.gui.treatment.treatment import TreatmentWindow

    if existing is not None and shiboken6.isValid(existing) and existing.isVisible():
        existing.show()
        existing.raise_()
        existing.activateWindow()
        return existing
    window = TreatmentWindow(state, crisis, parent)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.show()
    return window


def show_crisis_panel(owner: QWidget, country: str | None) -> QWidget:
    """The crisis lines above ``owner``; closing gives focus back where it was."""
    from kvet.gui.dialogs.crisis import CrisisDialog

    dialog = CrisisDialog(owner, country=country)
    dialog.give_focus_back_to(QApplication.focusWidget())
    return opened(dialog)


def show_guide_page(checklist: Checklist, parent: QWidget, which: str) -> QWidget:
    from kvet.gui.dialogs.guide import about_page, before_page

    page = before_page if which == "before" else about_page
    return opened(page(checklist, parent))


def choose_country(state: AppState, parent: QWidget, chosen: Callable[[], object]) -> QWidget:
    from kvet.gui.dialogs.country import CountryDialog

    dialog = CountryDialog(state, parent)
    dialog.accepted.connect(chosen)
    return opened(dialog)


def choose_language(settings: Preferences, parent: QWidget) -> QWidget:
    from kvet.gui.main.languagedialog import LanguageDialog

    return opened(LanguageDialog(settings, parent))


def show_about(checklist: Checklist, parent: QWidget) -> QWidget:
    from kvet.gui.dialogs.about import AboutDialog

    return opened(AboutDialog(checklist, parent))


def show_new_disagreements(parent: QWidget, created: list[Disagreement]) -> None:
    """After a family member's file: what they heard differently, ready to settle."""
    from kvet.gui.words.verdictwords import say

    lines = [f"• {d.clinic_name}: {d.sentence(say)}" for d in created[:12]]
    if len(created) > 12:
        lines.append(translate("MainWindow", "… and {count} more.").format(count=len(created) - 12))
    brought = translate(
        "MainWindow",
        "The file brought {count} answer(s) that differ from yours. They are listed "
        "under Together, where you can settle them.",
    ).format(count=len(created))
    box = QMessageBox(
        QMessageBox.Icon.Information,
        translate("MainWindow", "Answers that differ"),
        brought + "\n\n" + "\n".join(lines),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
