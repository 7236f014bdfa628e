"""What a menu command of the main window is made of: its id, words, keys, handler and when it
works. The commands themselves are one table in ``kvet.gui.main.actions``.

Only Qt is imported, so the window still shows before the data and scoring libraries load.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum, StrEnum
from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QKeySequence

from kvet.gui.words.tr import translate

if TYPE_CHECKING:
    from kvet.gui.main.controller import Controller
    from kvet.gui.sharing.sharing import Sharing

Key = QKeySequence.StandardKey | str
# The translation context of every word in this table (see resources/translations).
CONTEXT = "Actions"


def translated(text: str) -> str:
    return translate(CONTEXT, text)


class Window(Protocol):
    """What the handlers below call: the main window, named here so this table needs only Qt."""

    @property
    def controller(self) -> Controller: ...
    @property
    def sharing(self) -> Sharing: ...
    def close(self) -> bool: ...
    def add_clinic(self) -> object: ...
    def edit_clinic(self) -> object: ...
    def remove_clinic(self) -> None: ...
    def open_sample(self) -> None: ...
    def rename_person(self) -> None: ...
    def undo(self) -> None: ...
    def redo(self) -> None: ...
    def show_crisis_panel(self) -> object: ...
    def show_walkthrough(self) -> None: ...
    def show_tab(self, index: int) -> None: ...
    def open_call_mode(self) -> object: ...
    def open_prescreen(self) -> object: ...
    def open_treatment(self) -> object: ...
    def choose_country(self) -> object: ...
    def choose_language(self) -> object: ...
    def show_about(self) -> object: ...
    def show_guide_page(self, which: str) -> object: ...


class ActionId(StrEnum):
    CRISIS = "crisis"
    NEW_CLINIC = "new_clinic"
    NEW_COMPARISON = "new_comparison"
    RENAME_COMPARISON = "rename_comparison"
    DELETE_COMPARISON = "delete_comparison"
    SAMPLE = "sample"
    SHARE = "share"
    IMPORT = "import"
    REPORT = "report"
    PRINT = "print"
    CALL_SHEET = "call_sheet"
    CSV = "csv"
    PSYCHIATRIST = "psychiatrist"
    QUIT = "quit"
    UNDO = "undo"
    REDO = "redo"
    EDIT_CLINIC = "edit_clinic"
    REMOVE_CLINIC = "remove_clinic"
    RENAME_PERSON = "rename_person"
    COUNTRY = "country"
    LANGUAGE = "language"
    WALK = "walk"
    CALL = "call"
    PRESCREEN = "prescreen"
    TREATMENT = "treatment"
    TAB_OVERVIEW = "tab_overview"
    TAB_WALKTHROUGH = "tab_walkthrough"
    TAB_COMPARE = "tab_compare"
    TAB_WEIGHTS = "tab_weights"
    TAB_TOGETHER = "tab_together"
    ABOUT = "about"
    GUIDE = "guide"
    BEFORE = "before"


class When(Enum):
    """When an action can be used; the window switches them as the data and selection change."""

    ALWAYS = "always"  # even before the data is open: help, the tabs, Quit
    DATA = "data"  # once the data is open
    CLINIC = "clinic"  # a clinic is selected
    UNDO = "undo"  # there is something to undo (its text says what)
    REDO = "redo"  # there is something to redo


@dataclass(frozen=True)
class ActionSpec:
    id: ActionId
    text: str
    handler: Callable[[Window], object]
    shortcuts: tuple[Key, ...] = ()
    tip: str = ""
    when: When = When.DATA
    window_wide: bool = False  # also on the window itself, so its keys work with no menu open


def shortcut_texts(spec: ActionSpec) -> list[str]:
    """The keys of an action as Qt shows them, for tests that check no key does two things."""
    return [QKeySequence(key).toString() for key in spec.shortcuts]
