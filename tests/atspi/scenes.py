"""kvet's screens one after another, for the screen-reader check in tests/atspi/reader.py.

Run by the reader (with the checkout's .venv python, under Xvfb with accessibility on). It shows
one screen, prints ``SCENE <name>`` and waits for a line on its input before the next one, so
the reader can read the AT-SPI tree of exactly that screen. For the walkthrough it prints
``MOVE <question>`` before pressing 1 and ``MOVED`` after, so the reader can listen to what a
screen reader would say. Each scene also prints the texts a sighted user sees on it
(``SEE <text>``): what a screen reader must be able to read too.
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QSocketNotifier, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QTabWidget, QWidget


def settle(ms: int = 300) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def say(line: str) -> None:
    print(line, flush=True)


def shown_texts(window: QWidget) -> list[str]:
    """The labels a sighted user reads in ``window`` (visible, with text)."""
    texts = []
    for label in window.findChildren(QLabel):
        if label.isVisible() and label.window() is window and label.text().strip():
            if label.textFormat() == Qt.TextFormat.RichText or "<" in label.text():
                continue  # links and markup: Qt exposes them through their own objects
            texts.append(label.text())
    return texts


def announce(name: str, window: QWidget) -> None:
    window.activateWindow()
    settle()
    for text in shown_texts(window):
        say("SEE " + json.dumps(text))
    say(f"SCENE {name}")


def scenes(lang: str, folder: Path) -> Iterator[None]:
    """Each ``yield`` waits for the reader; the screen shown stays until then."""
    from kvet.content.checklist import load_checklist
    from kvet.content.checklistkinds import Kind
    from kvet.gui.main.application import make_application
    from kvet.gui.main.language import install_translations
    from kvet.gui.main.mainwindow import MainWindow
    from kvet.gui.words.peoplewords import first_person_name
    from kvet.store.api import Store
    from kvet.text import language

    app = make_application(sys.argv[:1])
    if lang != "en":
        language.set_active(lang)
        install_translations(app, lang)
    store = Store.open(load_checklist(), folder / "kvet.sqlite", default_person=first_person_name())

    # First start: the welcome box and the country question, no clinics yet.
    window = MainWindow(store)
    window.resize(1024, 700)
    window.show()
    announce("first-start", window)
    yield

    window.open_sample()  # as the welcome box's button does
    if window.country_bar is not None:
        window.country_bar.hide()
    tabs: QTabWidget = window.ui.tabs
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        announce(f"main-tab-{index}", window)
        yield

    # The walkthrough on questions not answered yet (the sample has most answered): pressing
    # 1 answers one and moves on, as it does for a user going through the checklist.
    window.show_walkthrough()
    page = window.walkthrough
    answered = page._answers()
    open_items = [
        n
        for n, item in enumerate(page.items[:-1])
        if item.id not in answered and item.kind is not Kind.FACT
    ]
    page.go(open_items[0])
    page.form.focus_answers()
    announce("walkthrough", window)
    yield
    for n in open_items[:2]:
        page.go(n)
        page.form.focus_answers()
        settle()
        say("MOVE " + json.dumps(page.items[n + 1].statement))
        yield
        focus = QApplication.focusWidget() or window
        QTest.keyClick(focus, Qt.Key.Key_1)
        settle(800)
        say("MOVED")
        yield

    call = window.open_call_mode()
    assert call is not None
    announce("call-mode", call)
    yield
    go: Callable[[int], None] | None = getattr(call, "go", None)
    if go is not None:
        go(0)
        announce("call-mode-question", call)
        yield
    call.close()

    tracker = window.open_treatment()
    tracker_tabs: QTabWidget = getattr(tracker, "tabs")  # noqa: B009
    for index in range(tracker_tabs.count()):
        tracker_tabs.setCurrentIndex(index)
        announce(f"treatment-tab-{index}", tracker)
        yield
    tracker.close()

    for name, open_dialog in (
        ("add-clinic", lambda: window.add_clinic()),
        ("crisis", window.show_crisis_panel),
        ("prescreen", window.open_prescreen),
        ("country", window.choose_country),
        ("language", window.choose_language),
        ("about", window.show_about),
    ):
        dialog = open_dialog()
        announce(name, dialog)
        yield
        dialog.close()
        settle(100)

    shared = folder / "shared.kvet"
    window.sharing.export_file(shared, ask=False)
    imported = window.sharing.import_file(shared)
    assert imported is not None
    announce("import", imported)
    yield
    imported.close()
    window.close()
    store.close()
    app.quit()


def main() -> int:
    lang = sys.argv[1] if len(sys.argv) > 1 else "en"
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, name)
        steps = scenes(lang, folder)
        next(steps)  # builds the application and shows the first screen
        app = QApplication.instance()
        assert isinstance(app, QApplication)

        notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)

        def step() -> None:
            # Off while a screen is being built: its waits run the event loop, and the notifier
            # must not start the next screen inside this one.
            notifier.setEnabled(False)
            if not sys.stdin.readline():
                app.quit()
                return
            try:
                next(steps)
            except StopIteration:
                say("END")
                app.quit()
                return
            notifier.setEnabled(True)

        notifier.activated.connect(lambda *_args: step())
        app.exec()
    return 0


if __name__ == "__main__":
    sys.exit(main())
