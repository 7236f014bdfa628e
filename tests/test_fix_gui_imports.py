"""Code written against the flat kvet/gui/ of before the rooms (a branch begun earlier, a patch)
is brought to the rooms by scripts/fix_gui_imports.py, and then imports again."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "fix_gui_imports", ROOT / "scripts/fix_gui_imports.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


script = load_script()

OLD = '''"""See kvet/gui/treatment.py and kvet.gui.sharing."""
from kvet.gui import checkin, coursewords, forms, sessionlog
from kvet.gui.sharing import Sharing
from kvet.gui.treatment import (
    TreatmentWindow,
)
import kvet.gui.crisis as crisis_gui

def f(monkeypatch):
    from kvet.gui.state import AppState  # the shared state
    monkeypatch.setattr("kvet.gui.sharing.QFileDialog.getSaveFileName", None)
    return "import kvet.gui.mainwindow as m", AppState
'''
NEW = '''"""See kvet/gui/treatment/treatment.py and kvet.gui.sharing.sharing."""
from kvet.gui.treatment import checkin, sessionlog
from kvet.gui.words import coursewords
from kvet.gui import forms
from kvet.gui.sharing.sharing import Sharing
from kvet.gui.treatment.treatment import (
    TreatmentWindow,
)
import kvet.gui.dialogs.crisis as crisis_gui

def f(monkeypatch):
    from kvet.gui.common.state import AppState  # the shared state
    monkeypatch.setattr("kvet.gui.sharing.sharing.QFileDialog.getSaveFileName", None)
    return "import kvet.gui.main.mainwindow as m", AppState
'''


def test_old_names_are_rewritten_to_the_rooms() -> None:
    assert script.rewrite(OLD) == NEW


def test_rewriting_twice_changes_nothing_more() -> None:
    assert script.rewrite(NEW) == NEW
    assert script.rewrite("from kvet.gui.sharing import openfiles, sharing") == (
        "from kvet.gui.sharing import openfiles, sharing"
    )


def test_a_module_written_in_a_room_since_the_move_is_left_as_it_is() -> None:
    for new in (
        "from kvet.gui.sharing.importdialog import ImportDialog",
        "from kvet.gui.sharing import exportcommands, filequestions",
        'monkeypatch.setattr("kvet.gui.sharing.progress.QApplication", None)',
    ):
        assert script.rewrite(new) == new
    # the old flat sharing.py's own names still move to the room's sharing module
    assert script.rewrite("kvet.gui.sharing.Sharing") == "kvet.gui.sharing.sharing.Sharing"


def test_imports_only_leaves_the_words_alone() -> None:
    done = script.rewrite(OLD, imports_only=True)
    assert done.startswith('"""See kvet/gui/treatment.py and kvet.gui.sharing."""')
    assert "from kvet.gui.common.state import AppState" in done
    assert '"kvet.gui.sharing.QFileDialog.getSaveFileName"' in done


def test_the_rewritten_code_imports() -> None:
    code = script.rewrite(OLD).split("\n", 1)[1]
    namespace: dict[str, object] = {}
    exec(compile(code, "<rewritten>", "exec"), namespace)
    assert namespace["TreatmentWindow"].__module__ == "kvet.gui.treatment.treatment"


def test_every_module_the_map_names_is_in_its_room() -> None:
    gui = ROOT / "kvet" / "gui"
    for room, modules in script.ROOMS.items():
        for module in modules:
            assert (gui / room / f"{module}.py").is_file(), f"{room}/{module}.py"


def test_nothing_in_the_checkout_names_the_flat_layout_any_more() -> None:
    assert script.main(["--check"]) == 0
