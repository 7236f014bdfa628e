"""Write screenshots of kvet's main screens, on the sample comparison, for the README.

Run through scripts/screenshots.sh, which starts a virtual screen (Xvfb) first.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from kvet.store.api import Store

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"


def settle(app: QApplication, ms: int = 150) -> None:
    # A local loop: QApplication.quit() would close every window before quitting.
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def save(widget: QWidget, name: str, app: QApplication) -> None:
    settle(app)
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    print(f"wrote {path.relative_to(ROOT)}")


def dark_palette() -> QPalette:
    palette = QPalette()
    role = QPalette.ColorRole
    for name, color in (
        (role.Window, "#2b2b2b"),
        (role.WindowText, "#e8e8e8"),
        (role.Base, "#1f1f1f"),
        (role.AlternateBase, "#2f2f2f"),
        (role.Text, "#e8e8e8"),
        (role.Button, "#353535"),
        (role.ButtonText, "#e8e8e8"),
        (role.Highlight, "#3d7fd1"),
        (role.HighlightedText, "#ffffff"),
        (role.ToolTipBase, "#353535"),
        (role.ToolTipText, "#e8e8e8"),
        (role.PlaceholderText, "#a0a0a0"),
        (role.Mid, "#5a5a5a"),
        (role.Dark, "#1a1a1a"),
        (role.Light, "#4a4a4a"),
        (role.Mid, "#404040"),
    ):
        palette.setColor(name, QColor(color))
    return palette


def add_second_person(store: Store, comparison_id: str) -> None:
    """A relative who called one clinic too and heard some things differently."""
    from kvet.rating.answers import Choice

    alex = store.people.add("Alex")
    clinic = store.clinics.list(comparison_id)[1]
    store.answers.set(clinic.id, "q_response_measure", Choice.VAGUE, rater_id=alex.id)
    store.answers.set_note(
        clinic.id, "q_response_measure", "They said 'we just ask how you feel'", rater_id=alex.id
    )
    store.answers.set(clinic.id, "vs_recovery", Choice.NO, rater_id=alex.id)
    # one they already talked through: a second call settled it
    me = store.people.default().id
    store.answers.set(clinic.id, "sc_rule_out", Choice.YES, rater_id=me)
    store.answers.set(clinic.id, "sc_rule_out", Choice.NOT_SURE, rater_id=alex.id)
    store.answers.set(clinic.id, "vs_pulse_ox", Choice.YES, rater_id=me)
    store.answers.set(clinic.id, "vs_pulse_ox", Choice.NO, rater_id=alex.id)
    store.decisions.settle(clinic.id, "vs_pulse_ox", Choice.YES, alex.id)
    store.history.clear()


def main() -> int:
    from kvet.content.checklist import load_checklist
    from kvet.gui.main.application import make_application
    from kvet.gui.main.mainwindow import MainWindow
    from kvet.start.sample import create_sample

    OUT.mkdir(parents=True, exist_ok=True)
    app = make_application(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        # Window state goes to a throw-away folder, never the settings of whoever runs this.
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
        store = Store.open(load_checklist(), Path(folder) / "kvet.sqlite")
        sample = create_sample(store)
        store.settings.set_preference("last_comparison", sample.id)
        add_second_person(store, sample.id)
        window = MainWindow(store)
        window.dismiss_welcome()
        window.show()
        # The usual laptop size, then the smallest screen kvet is made for.
        for size, suffix in (((1024, 700), "-1024x700"), ((1280, 800), "")):
            window.resize(*size)
            for index, name in enumerate(
                ("overview", "walkthrough", "compare", "weights", "together")
            ):
                window.ui.tabs.setCurrentIndex(index)
                save(window, f"main-{name}{suffix}", app)
        call = window.open_call_mode()
        if call is not None:
            call.resize(760, 460)
            call.only_open.setChecked(False)  # type: ignore[attr-defined]
            call.go(0)  # type: ignore[attr-defined]
            save(call, "call-mode", app)
            call.close()
        tracker = window.open_treatment()  # the sample's fictional course
        tracker.resize(1024, 700)
        for index, name in ((0, "treatment"), (2, "treatment-sessions"), (3, "treatment-phq9")):
            tracker.tabs.setCurrentIndex(index)  # type: ignore[attr-defined]
            save(tracker, name, app)
        app.setStyle("Fusion")
        light_first = app.palette()
        app.setPalette(dark_palette())
        tracker.tabs.setCurrentIndex(0)  # type: ignore[attr-defined]
        save(tracker, "treatment-dark", app)
        app.setPalette(light_first)
        tracker.close()
        # The same screens in the dark scheme, as a user who prefers it sees them.
        # Xvfb has no desktop theme to ask, so the dark palette is set the way a theme would.
        light = app.palette()
        app.setStyle("Fusion")
        app.setPalette(dark_palette())
        for index, name in ((0, "overview"), (2, "compare")):
            window.ui.tabs.setCurrentIndex(index)
            save(window, f"main-{name}-dark", app)
        app.setPalette(light)
        crisis = window.show_crisis_panel()
        save(crisis, "need-help-now", app)
        crisis.close()
        window.close()
        store.close()
    larger_text(app)
    spanish(app)
    return 0


def larger_text(app: QApplication) -> None:
    """The sample with the text at 200% (the desktop's font made twice as large, no scaling) on
    a 1366×768 laptop: the list goes above the views and long words wrap."""
    from kvet.content.checklist import load_checklist
    from kvet.gui.main.mainwindow import MainWindow
    from kvet.start.sample import create_sample

    usual = app.font()
    large = QFont(usual)
    large.setPointSizeF(usual.pointSizeF() * 2)
    app.setFont(large)
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(load_checklist(), Path(folder) / "kvet.sqlite")
        sample = create_sample(store)
        store.settings.set_preference("last_comparison", sample.id)
        window = MainWindow(store)
        window.dismiss_welcome()
        window.show()
        window.resize(1366, 768)
        window.ui.tabs.setCurrentIndex(0)
        save(window, "main-overview-200-percent-text", app)
        window.close()
        store.close()
    app.setFont(usual)


def spanish(app: QApplication) -> None:
    """The same sample as a Spanish speaker starts it: the window, the data and the sample."""
    from kvet.content.checklist import load_checklist
    from kvet.gui.main.language import install_translations
    from kvet.gui.main.mainwindow import MainWindow
    from kvet.gui.words.peoplewords import first_person_name
    from kvet.gui.words.samplewords import sample_say
    from kvet.start.sample import create_sample
    from kvet.text import language

    language.set_active("es")
    install_translations(app, "es")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "kvet.sqlite"
        store = Store.open(load_checklist(), path, default_person=first_person_name())
        sample = create_sample(store, sample_say)
        store.settings.set_preference("last_comparison", sample.id)
        window = MainWindow(store)
        window.dismiss_welcome()
        window.show()
        window.resize(1024, 700)
        window.ui.tabs.setCurrentIndex(0)
        save(window, "main-overview-es", app)
        tracker = window.open_treatment()
        tracker.resize(1000, 680)
        tracker.tabs.setCurrentIndex(0)  # type: ignore[attr-defined]
        save(tracker, "treatment-es", app)
        tracker.close()
        window.close()
        store.close()


if __name__ == "__main__":
    sys.exit(main())
