"""kvet starts lean: showing a user's data needs neither pydantic (the shipped data files are
proven valid by the tests) nor alembic (a current database needs no migration) nor the
cryptography used only for sharing files; the pages not shown yet are built just after the
data shows, and the export and import code when first used. Each costs start-up time."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import kvet.gui as kvet_gui
from kvet.content.checklist import Checklist, load_checklist
from kvet.gui.main.app import EXIT_AFTER_SHOW
from kvet.start.sample import create_sample
from kvet.store.api import Store
from kvet.text.language import save_language

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
    with Store.open(checklist, path, daily_backup=False) as store:
        sample = create_sample(store)
        store.settings.set_preference("last_comparison", sample.id)
        save_language(store.settings, language)  # Spanish data is proven like English
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        HOME=str(tmp_path),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_STATE_HOME=str(tmp_path / "state"),
        **{EXIT_AFTER_SHOW: "1"},
    )
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
# beside a bare PySide6 window's: which modules each has loaded by then.
SHOWN_PROBE = """
import sys

out = sys.stdout

class Watch:
    def write(self, text):
        if text.startswith("shown-at"):
            out.write("modules at first paint " + " ".join(sorted(sys.modules)) + "\\n")
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
# small ones of Python's (json, html, dataclasses, sqlite3 to read the chosen language). It was
# 79 before issue 26, 55 before the start-up was split by job (issue 28: the commands'
# controller, and json with it, now load with the data); a heavy library creeping back in brings
# tens of modules with it.
SHOWN_BUDGET = 51
NOT_BEFORE_PAINT = (
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
    "logging.handlers",  # the log and the crash file: set up after the first paint
    "kvet.content.checklist",
    "kvet.system.crashlog",
    "kvet.store.api",
    "kvet.store.models",
    "kvet.render",
    "kvet.gui.common.state",
)


def test_the_window_paints_before_any_data_log_or_data_file_library_is_loaded(
    tmp_path: Path, checklist: Checklist
) -> None:
    path = tmp_path / "kvet.sqlite"
    with Store.open(checklist, path, daily_backup=False) as store:
        store.settings.set_preference("last_comparison", create_sample(store).id)
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        HOME=str(tmp_path),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_STATE_HOME=str(tmp_path / "state"),
        **{EXIT_AFTER_SHOW: "1"},
    )
    loaded = {}
    for program in ("bare", str(path)):
        done = subprocess.run(
            [sys.executable, "-c", SHOWN_PROBE, program],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        line = next(x for x in done.stdout.splitlines() if x.startswith("modules at first paint"))
        loaded[program] = set(line.split()[4:])
    kvet = loaded[str(path)]
    heavy = sorted(name for name in kvet if name.startswith(NOT_BEFORE_PAINT))
    assert heavy == []
    # the window's rooms (kvet/gui/main, common, ...) are folders: their __init__ holds no code
    rooms = {f"kvet.gui.{p.name}" for p in Path(kvet_gui.__file__).parent.iterdir() if p.is_dir()}
    more = sorted(kvet - loaded["bare"] - rooms)
    assert len(more) <= SHOWN_BUDGET, more
