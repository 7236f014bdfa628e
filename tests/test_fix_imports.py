"""Code written against an older layout (a branch begun earlier, a patch) is brought to the new
one by a script, and then imports again: scripts/fix_gui_imports.py for the window's rooms,
scripts/fix_core_imports.py for the core's packages."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def load_script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


gui = load_script("fix_gui_imports")
core = load_script("fix_core_imports")

GUI_OLD = '''"""See kvet/gui/treatment.py and kvet.gui.sharing."""
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
GUI_NEW = '''"""See kvet/gui/treatment/treatment.py and kvet.gui.sharing.sharing."""
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
CORE_OLD = '''"""See kvet/scoring.py and kvet.ranking.rank."""
from kvet import __version__, phq9, ranking, scoring
from kvet.course import (
    Course,
)
import kvet.crashlog as crashlog

def f(monkeypatch):
    from kvet.recovery import newest_good_backup  # offered at start
    monkeypatch.setattr("kvet.language.saved_choice", None)
    return "import os; from kvet import leave; leave.now", newest_good_backup
'''
CORE_NEW = '''"""See kvet/rating/scoring.py and kvet.rating.ranking.rank."""
from kvet import __version__
from kvet.treatment import phq9
from kvet.rating import ranking, scoring
from kvet.treatment.course import (
    Course,
)
import kvet.system.crashlog as crashlog

def f(monkeypatch):
    from kvet.start.recovery import newest_good_backup  # offered at start
    monkeypatch.setattr("kvet.text.language.saved_choice", None)
    return "import os; from kvet.system import leave; leave.now", newest_good_backup
'''

CASES = [(gui, GUI_OLD, GUI_NEW), (core, CORE_OLD, CORE_NEW)]
IDS = ["rooms", "core"]


@pytest.mark.parametrize(("script", "old", "new"), CASES, ids=IDS)
def test_old_names_are_rewritten(script: ModuleType, old: str, new: str) -> None:
    assert script.rewrite(old) == new


@pytest.mark.parametrize(("script", "old", "new"), CASES, ids=IDS)
def test_rewriting_twice_changes_nothing_more(script: ModuleType, old: str, new: str) -> None:
    assert script.rewrite(new) == new


def test_a_room_named_like_its_module_is_left_alone() -> None:
    assert gui.rewrite("from kvet.gui.sharing import openfiles, sharing") == (
        "from kvet.gui.sharing import openfiles, sharing"
    )


def test_a_module_written_in_a_room_since_the_move_is_left_as_it_is() -> None:
    for new in (
        "from kvet.gui.sharing.importdialog import ImportDialog",
        "from kvet.gui.sharing import exportcommands, filequestions",
        'monkeypatch.setattr("kvet.gui.sharing.progress.QApplication", None)',
    ):
        assert gui.rewrite(new) == new
    # the old flat sharing.py's own names still move to the room's sharing module
    assert gui.rewrite("kvet.gui.sharing.Sharing") == "kvet.gui.sharing.sharing.Sharing"


def test_a_module_made_in_a_room_since_the_move_is_left_alone() -> None:
    # My treatment's tabs were split out of treatment.py after the rooms were made (issue 28)
    for line in (
        "from kvet.gui.treatment.plantab import PlanTab",
        "from kvet.gui.treatment import dayedit, plantab",
        'monkeypatch.setattr("kvet.gui.treatment.sessionstab.QTableView", None)',
    ):
        assert gui.rewrite(line) == line
    # a name that is no module of the room is still the old module's: kvet.gui.treatment.X
    assert gui.rewrite("kvet.gui.treatment.TreatmentWindow") == (
        "kvet.gui.treatment.treatment.TreatmentWindow"
    )


def test_imports_only_leaves_the_words_alone() -> None:
    done = gui.rewrite(GUI_OLD, imports_only=True)
    assert done.startswith('"""See kvet/gui/treatment.py and kvet.gui.sharing."""')
    assert "from kvet.gui.common.state import AppState" in done
    assert '"kvet.gui.sharing.QFileDialog.getSaveFileName"' in done


def test_a_name_that_only_ends_like_a_module_is_left_alone() -> None:
    """The desktop file io.github.kvet.kvet.desktop is no module."""
    assert core.rewrite("io.github.kvet.kvet.desktop") == "io.github.kvet.kvet.desktop"


@pytest.mark.parametrize(
    ("script", "old", "module", "where"),
    [
        (gui, GUI_OLD, "TreatmentWindow", "kvet.gui.treatment.treatment"),
        (core, CORE_OLD, "Course", "kvet.treatment.course"),
    ],
    ids=IDS,
)
def test_the_rewritten_code_imports(script: ModuleType, old: str, module: str, where: str) -> None:
    code = script.rewrite(old).split("\n", 1)[1]
    namespace: dict[str, object] = {}
    exec(compile(code, "<rewritten>", "exec"), namespace)
    assert getattr(namespace[module], "__module__", "") == where


def test_every_module_the_maps_name_is_in_its_place() -> None:
    for script, places in ((gui, gui.ROOMS), (core, core.PACKAGES)):
        folder = ROOT / "kvet" / ("gui" if script is gui else "")
        for place, modules in places.items():
            for module in modules:
                assert (folder / place / f"{module}.py").is_file(), f"{place}/{module}.py"


@pytest.mark.parametrize("script", [gui, core], ids=IDS)
def test_nothing_in_the_checkout_names_an_old_layout_any_more(script: ModuleType) -> None:
    assert script.main(["--check"]) == 0
