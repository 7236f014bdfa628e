"""Every menu command of the main window, declared once: its words, keys, handler and when it works.

One table instead of a long builder keeps the menus easy to read and change, and lets tests ask
the table (every shortcut unique, every action in a menu) instead of hunting through the window.
The pattern is MusicBrainz Picard's ``ui/mainwindow/actions.py``. Only Qt is imported, so the
window still shows before the data and scoring libraries load.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenuBar, QWidget

from kvet.gui.main.actionspec import ActionId, ActionSpec, When, Window, translated
from kvet.gui.words.tr import QT_TRANSLATE_NOOP

ACTIONS: tuple[ActionSpec, ...] = (
    # Help comes first: F1 works before the data has even been opened.
    ActionSpec(
        ActionId.CRISIS,
        QT_TRANSLATE_NOOP("Actions", "&Need help now?"),
        lambda w: w.show_crisis_panel(),
        ("F1",),
        QT_TRANSLATE_NOOP("Actions", "Crisis lines you can call or text now"),
        When.ALWAYS,
        window_wide=True,
    ),
    ActionSpec(
        ActionId.NEW_CLINIC,
        QT_TRANSLATE_NOOP("Actions", "New &clinic…"),
        lambda w: w.add_clinic(),
        (QKeySequence.StandardKey.New,),
        QT_TRANSLATE_NOOP("Actions", "Add a clinic"),
    ),
    ActionSpec(
        ActionId.NEW_COMPARISON,
        QT_TRANSLATE_NOOP("Actions", "New co&mparison…"),
        lambda w: w.controller.new_comparison(),
        ("Ctrl+Shift+N",),
        QT_TRANSLATE_NOOP("Actions", "Start another set of clinics"),
    ),
    ActionSpec(
        ActionId.RENAME_COMPARISON,
        QT_TRANSLATE_NOOP("Actions", "Re&name comparison…"),
        lambda w: w.controller.rename_comparison(),
    ),
    ActionSpec(
        ActionId.DELETE_COMPARISON,
        QT_TRANSLATE_NOOP("Actions", "&Delete comparison"),
        lambda w: w.controller.delete_comparison(),
    ),
    ActionSpec(
        ActionId.SAMPLE,
        QT_TRANSLATE_NOOP("Actions", "Open the samp&le comparison"),
        lambda w: w.open_sample(),
    ),
    ActionSpec(
        ActionId.SHARE,
        QT_TRANSLATE_NOOP("Actions", "&Share with family (.kvet file)…"),
        lambda w: w.sharing.export_file(),
        ("Ctrl+Shift+S",),
        QT_TRANSLATE_NOOP(
            "Actions", "Save one file with this comparison that family can open in their kvet"
        ),
    ),
    ActionSpec(
        ActionId.IMPORT,
        QT_TRANSLATE_NOOP("Actions", "&Import a comparison…"),
        lambda w: w.sharing.import_file(),
        (QKeySequence.StandardKey.Open,),
        QT_TRANSLATE_NOOP("Actions", "Open a .kvet file from family or from another computer"),
    ),
    ActionSpec(
        ActionId.REPORT,
        QT_TRANSLATE_NOOP("Actions", "Save &report as PDF…"),
        lambda w: w.sharing.export_report(),
        ("Ctrl+Shift+P",),
        QT_TRANSLATE_NOOP("Actions", "A report of this comparison to take to a consultation"),
    ),
    ActionSpec(
        ActionId.PRINT,
        QT_TRANSLATE_NOOP("Actions", "&Print report…"),
        lambda w: w.sharing.print_report(),
        (QKeySequence.StandardKey.Print,),
    ),
    ActionSpec(
        ActionId.CALL_SHEET,
        QT_TRANSLATE_NOOP("Actions", "Save call shee&t as PDF…"),
        lambda w: w.sharing.export_call_sheet(),
        tip=QT_TRANSLATE_NOOP(
            "Actions", "The questions for one clinic, with boxes to tick during the call"
        ),
        when=When.CLINIC,
    ),
    ActionSpec(
        ActionId.CSV,
        QT_TRANSLATE_NOOP("Actions", "Save table for a spreads&heet (CSV)…"),
        lambda w: w.sharing.export_csv(),
    ),
    ActionSpec(
        ActionId.PSYCHIATRIST,
        QT_TRANSLATE_NOOP("Actions", "Save questions for your o&wn psychiatrist as PDF…"),
        lambda w: w.sharing.export_psychiatrist_sheet(),
        tip=QT_TRANSLATE_NOOP(
            "Actions",
            "Questions to take to your own psychiatrist or doctor, apart from the clinics",
        ),
    ),
    ActionSpec(
        ActionId.QUIT,
        QT_TRANSLATE_NOOP("Actions", "&Quit"),
        lambda w: w.close(),
        (QKeySequence.StandardKey.Quit,),
        when=When.ALWAYS,
    ),
    ActionSpec(
        ActionId.UNDO,
        QT_TRANSLATE_NOOP("Actions", "&Undo"),
        lambda w: w.undo(),
        (QKeySequence.StandardKey.Undo,),
        when=When.UNDO,
        window_wide=True,
    ),
    ActionSpec(
        ActionId.REDO,
        QT_TRANSLATE_NOOP("Actions", "&Redo"),
        lambda w: w.redo(),
        (QKeySequence.StandardKey.Redo, "Ctrl+Shift+Z", "Ctrl+Y"),
        when=When.REDO,
        window_wide=True,
    ),
    ActionSpec(
        ActionId.EDIT_CLINIC,
        QT_TRANSLATE_NOOP("Actions", "&Edit clinic…"),
        lambda w: w.edit_clinic(),
        ("Ctrl+E",),
        when=When.CLINIC,
    ),
    ActionSpec(
        ActionId.REMOVE_CLINIC,
        QT_TRANSLATE_NOOP("Actions", "Re&move clinic"),
        lambda w: w.remove_clinic(),
        ("Ctrl+Delete",),
        when=When.CLINIC,
    ),
    ActionSpec(
        ActionId.RENAME_PERSON,
        QT_TRANSLATE_NOOP("Actions", "Rename &person…"),
        lambda w: w.rename_person(),
        tip=QT_TRANSLATE_NOOP(
            "Actions", "Change the name of the person whose answers are recorded"
        ),
    ),
    ActionSpec(
        ActionId.COUNTRY,
        QT_TRANSLATE_NOOP("Actions", "Your &country…"),
        lambda w: w.choose_country(),
        tip=QT_TRANSLATE_NOOP("Actions", "Choose the country whose rules the checklist asks about"),
    ),
    ActionSpec(
        ActionId.LANGUAGE,
        QT_TRANSLATE_NOOP("Actions", "&Language…"),
        lambda w: w.choose_language(),
        tip=QT_TRANSLATE_NOOP("Actions", "Choose the language kvet uses, from the next start"),
    ),
    ActionSpec(
        ActionId.WALK,
        QT_TRANSLATE_NOOP("Actions", "&Walk through the checklist"),
        lambda w: w.show_walkthrough(),
        when=When.CLINIC,
    ),
    ActionSpec(
        ActionId.CALL,
        QT_TRANSLATE_NOOP("Actions", "&Call mode…"),
        lambda w: w.open_call_mode(),
        ("Ctrl+L",),
        when=When.CLINIC,
    ),
    ActionSpec(
        ActionId.PRESCREEN,
        QT_TRANSLATE_NOOP("Actions", "&Things to tell the clinic (private)…"),
        lambda w: w.open_prescreen(),
        ("Ctrl+T",),
    ),
    ActionSpec(
        ActionId.TREATMENT,
        QT_TRANSLATE_NOOP("Actions", "&My treatment (after choosing a clinic)…"),
        lambda w: w.open_treatment(),
        ("Ctrl+Shift+M",),
    ),
    # Ctrl+1..5 follow the order of the tabs.
    ActionSpec(
        ActionId.TAB_OVERVIEW,
        QT_TRANSLATE_NOOP("Actions", "&Overview"),
        lambda w: w.show_tab(0),
        ("Ctrl+1",),
        when=When.ALWAYS,
    ),
    ActionSpec(
        ActionId.TAB_WALKTHROUGH,
        QT_TRANSLATE_NOOP("Actions", "&Walk through"),
        lambda w: w.show_tab(1),
        ("Ctrl+2",),
        when=When.ALWAYS,
    ),
    ActionSpec(
        ActionId.TAB_COMPARE,
        QT_TRANSLATE_NOOP("Actions", "Com&pare"),
        lambda w: w.show_tab(2),
        ("Ctrl+3",),
        when=When.ALWAYS,
    ),
    ActionSpec(
        ActionId.TAB_WEIGHTS,
        QT_TRANSLATE_NOOP("Actions", "What &matters to you"),
        lambda w: w.show_tab(3),
        ("Ctrl+4",),
        when=When.ALWAYS,
    ),
    ActionSpec(
        ActionId.TAB_TOGETHER,
        QT_TRANSLATE_NOOP("Actions", "&Together"),
        lambda w: w.show_tab(4),
        ("Ctrl+5",),
        when=When.ALWAYS,
    ),
    ActionSpec(
        ActionId.ABOUT, QT_TRANSLATE_NOOP("Actions", "&About kvet"), lambda w: w.show_about()
    ),
    ActionSpec(
        ActionId.GUIDE,
        QT_TRANSLATE_NOOP("Actions", "About this &guide"),
        lambda w: w.show_guide_page("about"),
    ),
    ActionSpec(
        ActionId.BEFORE,
        QT_TRANSLATE_NOOP("Actions", "&Before you decide"),
        lambda w: w.show_guide_page("before"),
    ),
)

SEPARATOR = None
MENUS: tuple[tuple[str, tuple[ActionId | None, ...]], ...] = (
    (
        QT_TRANSLATE_NOOP("Actions", "&File"),
        (
            ActionId.NEW_CLINIC,
            ActionId.NEW_COMPARISON,
            ActionId.RENAME_COMPARISON,
            ActionId.DELETE_COMPARISON,
            SEPARATOR,
            ActionId.SHARE,
            ActionId.IMPORT,
            SEPARATOR,
            ActionId.REPORT,
            ActionId.PRINT,
            ActionId.CALL_SHEET,
            ActionId.PSYCHIATRIST,
            ActionId.CSV,
            SEPARATOR,
            ActionId.SAMPLE,
            SEPARATOR,
            ActionId.QUIT,
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Actions", "&Edit"),
        (
            ActionId.UNDO,
            ActionId.REDO,
            SEPARATOR,
            ActionId.EDIT_CLINIC,
            ActionId.REMOVE_CLINIC,
            SEPARATOR,
            ActionId.RENAME_PERSON,
            ActionId.COUNTRY,
            ActionId.LANGUAGE,
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Actions", "&Clinic"),
        (ActionId.WALK, ActionId.CALL, ActionId.PRESCREEN, SEPARATOR, ActionId.TREATMENT),
    ),
    (
        QT_TRANSLATE_NOOP("Actions", "&View"),
        (
            ActionId.TAB_OVERVIEW,
            ActionId.TAB_WALKTHROUGH,
            ActionId.TAB_COMPARE,
            ActionId.TAB_WEIGHTS,
            ActionId.TAB_TOGETHER,
        ),
    ),
    (
        QT_TRANSLATE_NOOP("Actions", "&Help"),
        (ActionId.CRISIS, ActionId.BEFORE, ActionId.GUIDE, ActionId.ABOUT),
    ),
)


def create_actions(owner: QWidget, window: Window) -> dict[ActionId, QAction]:
    """The actions, each made from its line in ``ACTIONS``, owned by ``owner`` (the window)."""
    actions: dict[ActionId, QAction] = {}
    for spec in ACTIONS:
        act = QAction(translated(spec.text), owner)
        act.setShortcuts([QKeySequence(key) for key in spec.shortcuts])
        if spec.tip:
            act.setStatusTip(translated(spec.tip))
        act.triggered.connect(lambda _checked=False, spec=spec: spec.handler(window))
        actions[spec.id] = act
    owner.addActions([actions[spec.id] for spec in ACTIONS if spec.window_wide])
    return actions


def build_menus(menubar: QMenuBar, actions: dict[ActionId, QAction]) -> None:
    for title, entries in MENUS:
        menu = menubar.addMenu(translated(title))
        for entry in entries:
            if entry is SEPARATOR:
                menu.addSeparator()
            else:
                menu.addAction(actions[entry])


def ids_when(*when: When) -> Iterable[ActionId]:
    return (spec.id for spec in ACTIONS if spec.when in when)
