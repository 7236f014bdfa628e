"""kvet starts lean: showing a user's data needs neither pydantic (the shipped data files are
proven valid by the tests) nor alembic (a current database needs no migration) nor the
cryptography used only for sharing files; the pages not shown yet are built just after the
data shows, and the export and import code when first used. Each costs start-up time."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

import kvet.gui as kvet_gui
from kvet.content.checklist import Checklist, load_checklist
from tests.gui.helpers import own_process_env, sample_shown_at_start

PAGES = (
    "pages.overview",
    "pages.walkthrough",
    "pages.compare",
    "pages.weights",
    "pages.together",
    "sharing.sharing",
)
PROBE = """
import sys
import kvet.gui.main.mainwindow
import kvet.text.language
from kvet.__main__ import main

pages = {f"kvet.gui.{name}" for name in sys.argv[2].split(",")}
attach = kvet.gui.main.mainwindow.MainWindow.attach
def attach_and_look(window, store):
    attach(window, store)  # the clinics and scores are in the window now
    print("pages when the data shows", sorted(pages & set(sys.modules)))
    print("checklist in", kvet.text.language.active(), store.checklist.title)
kvet.gui.main.mainwindow.MainWindow.attach = attach_and_look
code = main(["--db", sys.argv[1]])
print("loaded", sorted({name.split(".")[0] for name in sys.modules}
      & {"pydantic", "alembic", "cryptography"}))
print("pages at the end", sorted(pages & set(sys.modules)))
sys.exit(code)
"""


@pytest.mark.parametrize("language", ["en", "es"])
def test_showing_the_data_loads_no_validation_migration_or_crypto_library_nor_hidden_pages(
    tmp_path: Path, checklist: Checklist, language: str
) -> None:
    path = tmp_path / "kvet.sqlite"
    sample_shown_at_start(checklist, path, language)  # Spanish data is proven like English
    env = own_process_env(tmp_path)
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(path), ",".join(PAGES)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "ready-at" in done.stdout  # the clinics and scores were on screen
    assert "loaded []" in done.stdout, done.stdout
    title = load_checklist(lang=language).title
    assert f"checklist in {language} {title}" in done.stdout, done.stdout
    # The first tab is built before the data shows, the other pages just after it.
    assert "pages when the data shows ['kvet.gui.pages.overview']" in done.stdout, done.stdout
    built_after = [f"kvet.gui.{name}" for name in PAGES if name != "sharing.sharing"]
    assert f"pages at the end {sorted(built_after)}" in done.stdout, done.stdout


# The first paint (bench_startup's "shown" mark: the window on screen, the event loop turned once)
# beside a bare PySide6 window's: which modules each has loaded by then, and which Qt classes
# PySide6 has made (it makes a class, with its enums, the first time Python names it or meets
# one of its objects: the Qt namespace alone takes some 20 ms, QStyle 10 ms).
SHOWN_PROBE = """
import sys

out = sys.stdout
filtered = []  # each event Qt hands to a Python event filter

def watch_calls(frame, event, arg):
    if event == "call" and frame.f_code.co_name == "eventFilter":
        filtered.append(frame.f_code.co_qualname)

sys.setprofile(watch_calls)

def qt_classes():
    found = []
    for room in ("QtCore", "QtGui", "QtWidgets"):
        module = sys.modules.get("PySide6." + room)
        if module is not None:
            found += [f"{room}.{k}" for k, v in vars(module).items() if isinstance(v, type)]
    return found

class Watch:
    def write(self, text):
        if text.startswith("shown-at"):
            out.write("modules at first paint " + " ".join(sorted(sys.modules)) + "\\n")
            out.write("qt classes at first paint " + " ".join(sorted(qt_classes())) + "\\n")
            out.write(f"events filtered before first paint {len(filtered)}\\n")
        return out.write(text)

    def flush(self):
        out.flush()

sys.stdout = Watch()
if sys.argv[1] == "bare":
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication([])
    window = QMainWindow()
    window.show()
    QTimer.singleShot(0, lambda: (print("shown-at 0", flush=True), app.quit()))
    app.exec()
else:
    from kvet.__main__ import main

    main(["--db", sys.argv[1]])
"""
# What kvet itself may add before its window first paints: its window's own modules and a few
# small ones of Python's (sqlite3 to read the chosen language). It was 79 before issue 26, 55
# before the start-up was split by job (issue 28), 51 before the first paint was cut to what it
# needs (no socket or signal handling, no html, no problem boxes or their words); a heavy
# library creeping back in brings tens of modules with it. 39 since the cycle collector waits
# for the start (gc and kvet.system.collector), 32 since the window paints before its form
# (kvet.gui.main.firstpaint; the form, menus, flow layout and focus helpers come just after)
# and its colours and desktop id need no dataclasses.
SHOWN_BUDGET = 32
# The Qt classes kvet may have made by then beyond the bare window's: 286 before the first
# paint was cut to what it needs (the forms named every usual class, an event filter on the
# whole application met every kind of event, QStyle and QAccessible were named at import);
# 108 after (the Qt namespace, the window's widgets, and the events its own handlers meet); 19
# since the window paints before its form, with no handler of its own for Qt's events (a button,
# its layouts, the status bar, the icon, the palette and the saved place).
QT_CLASSES_BUDGET = 19
NOT_BEFORE_PAINT = (
    "dataclasses",  # its import and the code each dataclass generates: milliseconds
    "sqlalchemy",  # the data: opened after the first paint
    "alembic",
    "pydantic",
    "cryptography",
    "zxcvbn",
    "asyncio",
    "tomllib",  # the checklist and other data files
    "hashlib",
    "subprocess",
    "platformdirs",
    "socket",  # SIGTERM's quit, set up after the first paint
    "logging.handlers",  # the log and the crash file: set up after the first paint
    "kvet.content.checklist",
    "kvet.system.crashlog",
    "kvet.store.api",
    "kvet.store.models",
    "kvet.store.tables",
    "kvet.render",
    "kvet.gui.common.state",
    "kvet.gui.common.problems",  # the boxes that say a problem: when there is one
    "kvet.gui.forms",  # the Designer form, its header and menus: just after the first paint
    "kvet.gui.main.actions",
    "kvet.gui.common.flowlayout",
    "kvet.gui.common.focus",
)
# Qt classes the first paint does not need (PySide6 makes each, with its enums, when named).
NOT_QT_BEFORE_PAINT = (
    "QtWidgets.QStyle",  # tens of enums: named by the buttons whose words wrap, made later
    "QtGui.QAccessible",  # a screen reader's announcements: when there is one
    "QtGui.QPainter",  # kvet's own painting: the charts, the focus frame
    "QtGui.QConicalGradient",  # named by the forms (uic) and never used
    "QtGui.QFontDatabase",
    "QtCore.QUrl",
    "QtWidgets.QDialogButtonBox",  # dialogs: none is open yet
    "QtCore.Qt",  # the namespace: some 200 enums, 15 ms (the form names it; copying a colour did)
    "QtCore.QEvent",  # met by a Python event handler or filter: none runs before the first paint
    "QtGui.QAction",  # the menus, and the form's widgets: built just after the first paint
    "QtWidgets.QTabWidget",
    "QtWidgets.QMenuBar",
    "QtWidgets.QLabel",  # "Opening your data…" is the status bar's message
    "QtWidgets.QComboBox",  # the form's drop-downs and the language dialog's: just after
    "QtWidgets.QDialog",
)


# Events Qt may hand to kvet's Python event filters before the first paint: 1004 before it was
# cut to what it needs (two filters on the whole application saw every event of every widget),
# 14 until the window's filters were set up with its form, just after the first paint.
FILTERED_BUDGET = 0


@dataclass(frozen=True)
class FirstPaint:
    modules: set[str]
    qt_classes: set[str]
    filtered: int  # events handed to a Python event filter


@pytest.fixture(scope="module")
def first_paints(tmp_path_factory: pytest.TempPathFactory) -> dict[str, FirstPaint]:
    """What the bare window and kvet (on a sample comparison) have done by then."""
    tmp_path = tmp_path_factory.mktemp("first-paint")
    path = tmp_path / "kvet.sqlite"
    sample_shown_at_start(load_checklist(), path)
    env = own_process_env(tmp_path)
    found: dict[str, FirstPaint] = {}
    for program in ("bare", "kvet"):
        done = subprocess.run(
            [sys.executable, "-c", SHOWN_PROBE, "bare" if program == "bare" else str(path)],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        found[program] = FirstPaint(
            set(_said(done.stdout, "modules at first paint")),
            set(_said(done.stdout, "qt classes at first paint")),
            int(_said(done.stdout, "events filtered before first paint")[-1]),
        )
    return found


def _said(out: str, start: str) -> list[str]:
    return next(x for x in out.splitlines() if x.startswith(start)).split()[4:]


def test_the_window_paints_before_any_data_log_or_data_file_library_is_loaded(
    first_paints: dict[str, FirstPaint],
) -> None:
    kvet = first_paints["kvet"].modules
    heavy = sorted(name for name in kvet if name.startswith(NOT_BEFORE_PAINT))
    assert heavy == []
    # the window's rooms (kvet/gui/main, common, ...) are folders: their __init__ holds no code
    rooms = {f"kvet.gui.{p.name}" for p in Path(kvet_gui.__file__).parent.iterdir() if p.is_dir()}
    more = sorted(kvet - first_paints["bare"].modules - rooms)
    assert len(more) <= SHOWN_BUDGET, more


def test_the_window_paints_before_qt_makes_the_classes_it_does_not_need_yet(
    first_paints: dict[str, FirstPaint],
) -> None:
    kvet = first_paints["kvet"].qt_classes
    assert sorted(kvet & set(NOT_QT_BEFORE_PAINT)) == []
    more = sorted(kvet - first_paints["bare"].qt_classes)
    assert len(more) <= QT_CLASSES_BUDGET, more


def test_no_python_filter_watches_every_event_while_the_window_first_paints(
    first_paints: dict[str, FirstPaint],
) -> None:
    """A filter on the whole application has Python called for each event of each widget;
    the window's filters watch their own widgets and are set up with its form, just after the
    first paint (dialogs are watched once one can open)."""
    assert first_paints["bare"].filtered == 0
    assert first_paints["kvet"].filtered <= FILTERED_BUDGET
