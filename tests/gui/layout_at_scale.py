"""Run by tests/gui/test_layout.py in a process of its own: kvet on a screen of a given size, at a
scale factor (QT_SCALE_FACTOR) or with a larger font, in one or both languages.

Qt reads the scale factor and the screen once, when the application starts, so each of them needs
a process of its own. The screen is the offscreen platform's, made as large as asked; kvet picks
its first window size from it, as it would on a real screen.

For each language and font size it looks at the main window on the first start (welcome shown)
and with the sample open (every tab, for the first clinic and for one with a 60-character name),
then opens every window and dialog kvet has. It prints every text that cannot be read whole,
every sideways scroll bar and every window larger than the screen, and exits non-zero when it
found any. It also prints the main window's least size with the sample and with 40 clinics more.

    python -m tests.gui.layout_at_scale FOLDER --screen 1366x768 --font 150,200 --lang en,es
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from kvet.gui.main.mainwindow import MainWindow

LONG_NAME = "The Riverside and Lakeshore Ketamine Wellness Centre of Nort"
MORE_CLINICS = 40


def _use_screen(folder: Path, size: str) -> None:
    """The offscreen platform with one screen of ``size`` pixels (before Qt starts)."""
    width, height = (int(n) for n in size.split("x"))
    config = folder / "screen.json"
    screen = {"name": "s", "x": 0, "y": 0, "width": width, "height": height}
    config.write_text(json.dumps({"screens": [{**screen, "logicalDpi": 96, "dpr": 1}]}))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", type=Path)
    parser.add_argument("--screen", default="")
    parser.add_argument("--font", default="100", help="font sizes in per cent, e.g. 150,200")
    parser.add_argument("--lang", default="en", help="languages, e.g. en,es")
    args = parser.parse_args(argv)
    folder: Path = args.folder
    folder.mkdir(parents=True, exist_ok=True)
    if args.screen:
        _use_screen(folder, args.screen)

    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    app = QApplication(["kvet"])
    app.setOrganizationName("kvet-tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    base_font = app.font()
    screen = app.primaryScreen()
    print(f"device pixel ratio {screen.devicePixelRatio():.1f}")
    room = screen.availableGeometry()
    print(f"screen {room.width()}×{room.height()}")
    found: list[str] = []
    for lang in args.lang.split(","):
        for percent in (int(p) for p in args.font.split(",")):
            font = QFont(base_font)
            font.setPointSizeF(base_font.pointSizeF() * percent / 100)
            app.setFont(font)
            where = f"{lang}, font {percent}%"
            run = folder / f"{lang}-{percent}"
            QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(run))
            found += [f"{where}: {p}" for p in look_at_kvet(app, run, lang)]
    print("\n".join(found) if found else "no text cut")
    return 1 if found else 0


def look_at_kvet(app: object, folder: Path, lang: str) -> list[str]:
    from PySide6.QtWidgets import QApplication

    from kvet.content.checklist import load_checklist
    from kvet.gui.main.language import install_translations
    from kvet.gui.main.mainwindow import MainWindow
    from kvet.store.api import Store
    from kvet.text import language
    from tests.gui.helpers import add_clinics_at_once
    from tests.gui.layoutprobe import cut_cells, cut_texts, larger_than_screen

    assert isinstance(app, QApplication)
    language.set_active(lang)
    install_translations(app, lang)
    found: list[str] = []

    def settle() -> None:
        for _ in range(4):
            app.processEvents()

    def look(window: QWidget, where: str) -> None:
        settle()
        problems = larger_than_screen(window) + cut_texts(window) + cut_cells(window)
        found.extend(f"{where}: {p}" for p in problems)

    store = Store.open(load_checklist(), folder / "kvet.sqlite")
    window = MainWindow(store)
    window.show()
    print(f"{lang}: first tab: {window.ui.tabs.tabText(0)}")
    look(window, "first start")
    window.open_sample()
    sample_id = window.state.comparison_id
    long = store.clinics.add(sample_id, LONG_NAME)
    settle()
    for clinic in (window.state.ranking.places[0].result.clinic_id, long.id):
        window.state.select_clinic(clinic)
        for tab in range(window.ui.tabs.count()):
            window.ui.tabs.setCurrentIndex(tab)
            look(window, f"tab {tab + 1}")

    openers: dict[str, Callable[[], QWidget | None]] = {
        "clinic": window.add_clinic,
        "call mode": lambda: _call_mode_question(window),
        "pre-screen": window.open_prescreen,
        "crisis": window.show_crisis_panel,
        "before you call": lambda: window.show_guide_page("before"),
        "about the checklist": lambda: window.show_guide_page("about"),
        "country": window.choose_country,
        "language": window.choose_language,
        "about": window.show_about,
        "side by side": window.compare.open_matrix_window,
        "share": lambda: _share_options(window),
    }
    for name, opener in openers.items():
        dialog = opener()
        assert dialog is not None, name
        look(dialog, name)
        dialog.close()
    treatment = window.open_treatment()
    tabs = getattr(treatment, "tabs")  # noqa: B009 (the window's own tab widget)
    for tab in range(tabs.count()):
        tabs.setCurrentIndex(tab)
        look(treatment, f"my treatment, tab {tab + 1}")
    treatment.close()

    # The window's least size does not grow with the number of clinics.
    window.ui.tabs.setCurrentWidget(window.ui.compareTab)
    settle()
    few = window.minimumSizeHint()
    store.clinics.add(sample_id, "Clinic 1")  # one added in the window, which follows it
    settle()
    # the others at once, as an import brings them (one notice, not 39: issue 26)
    more = [f"Clinic {number + 1}" for number in range(1, MORE_CLINICS)]
    add_clinics_at_once(store, sample_id, more)
    settle()
    many = window.minimumSizeHint()
    clinics = len(window.state.ranking.places)
    print(f"{lang}: least size {few.width()}×{few.height()}", end="; ")
    print(f"with {clinics} clinics {many.width()}×{many.height()}")
    if many.height() > few.height() or many.width() > few.width():
        found.append(f"the window's least size grows with {clinics} clinics")
    # (the side-by-side table may scroll sideways here: 44 columns cannot all fit)
    found.extend(f"with {clinics} clinics: {p}" for p in larger_than_screen(window))
    window.close()
    store.close()
    return found


def _call_mode_question(window: MainWindow) -> QWidget:
    """Call mode on a question (a long one, in large bold letters), not its first page."""
    from kvet.gui.dialogs.callmode import CallModeDialog

    dialog = window.open_call_mode()
    assert isinstance(dialog, CallModeDialog)
    dialog.only_open.setChecked(False)
    dialog.go(1)
    return dialog


def _share_options(parent: QWidget) -> QWidget:
    from kvet.gui.sharing.shareoptions import ShareOptionsDialog

    dialog = ShareOptionsDialog(parent)
    dialog.protect.setChecked(True)
    dialog.password.setText("ketamine")  # a weak one: the strength line says why
    dialog.open()
    return dialog


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
