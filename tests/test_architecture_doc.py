"""docs/architecture.md shows the floors and rooms as they are: its picture is drawn from the
import contracts and the rooms' folders by scripts/architecture.py, and this fails when the page
was not redrawn after a change."""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

from tests.scriptloader import load_script

ROOT = Path(__file__).resolve().parent.parent
RUN = "run .venv/bin/python scripts/architecture.py"


script = load_script("architecture")


def test_the_picture_in_the_page_is_current() -> None:
    page = script.DOC.read_text(encoding="utf-8")
    assert script.redraw(page, script.picture()) == page, RUN


def test_the_picture_shows_every_floor_room_and_outside_rule() -> None:
    drawn = script.picture()
    assert "kvet.gui  |  kvet.cli" in drawn
    assert "the core: no Qt, no database" in drawn
    assert "treatment/   bloodpressure course coursetrend phq9" in drawn
    assert " scoring " in drawn
    assert "treatment/   checkin coursechart " in drawn
    assert "sqlalchemy, alembic, kvet.store.models, kvet.store.tables: only in kvet.store" in drawn
    assert "PySide6.QtWidgets: never in kvet.render" in drawn


def test_a_new_module_or_contract_changes_the_picture(tmp_path: Path) -> None:
    gui = tmp_path / "gui"
    shutil.copytree(ROOT / "kvet" / "gui", gui, ignore=shutil.ignore_patterns("__pycache__"))
    (gui / "pages" / "history.py").write_text('"""A page."""\n')
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(
        (ROOT / "pyproject.toml").read_text(encoding="utf-8")
        + '\n[[tool.importlinter.contracts]]\nid = "x"\nname = "x"\ntype = "protected"\n'
        'protected_modules = ["cryptography"]\nallowed_importers = ["kvet.exchange"]\n',
        encoding="utf-8",
    )
    drawn = script.picture(pyproject, gui)
    assert drawn != script.picture()
    lines = drawn.splitlines()
    start = next(i for i, line in enumerate(lines) if line.lstrip().startswith("pages/"))
    more = itertools.takewhile(lambda line: line.startswith(" " * 15), lines[start + 1 :])
    room = [lines[start], *more]
    shown = " ".join(room).split()[1:]
    assert "history" in shown  # in its room
    assert shown == sorted(shown)  # in order
    assert "cryptography: only in kvet.exchange" in drawn
    page = script.DOC.read_text(encoding="utf-8")
    assert script.redraw(page, drawn) != page
