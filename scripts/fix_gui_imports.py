"""Rewrite references to the flat ``kvet/gui/`` of before issue 28 to the rooms it was split into.

kvet/gui/ was one folder of about 50 modules; each now lives in a sub-package named after what a
person sees (docs/architecture.md). Code written against the flat layout (a branch that began
before the move, a patch, a note) still names the old modules; this rewrites those names in place:
dotted module paths (imports, ``monkeypatch`` targets, ``__module__`` names), ``from <gui> import
a, b`` lines (split by room) and file paths such as ``kvet/gui/<module>.py``. Running it twice
changes nothing the second time.

Run: .venv/bin/python scripts/fix_gui_imports.py [--imports-only] [--check] [PATH ...]
(no PATH: the whole checkout's code, tests, scripts and docs). ``--imports-only`` leaves
everything but import lines alone; ``--check`` changes nothing and exits 1 if it would.
A module that is new in kvet/gui/ is not placed by this script: move it into its room with
``git mv`` (lint-imports lists every module that is in no room).
"""

from __future__ import annotations

import re
import sys
from functools import cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # layoutfix, beside this script
import layoutfix

ROOT = Path(__file__).resolve().parent.parent
# Each room and the modules that moved into it from kvet/gui/ (same file names).
ROOMS: dict[str, tuple[str, ...]] = {
    "main": (
        "actions",
        "app",
        "clinicmodel",
        "clinictable",
        "controller",
        "importcheck",
        "language",
        "mainwindow",
    ),
    "pages": ("compare", "overview", "rankingchart", "together", "walkthrough", "weights"),
    "treatment": ("checkin", "coursechart", "sessionlog", "treatment", "weekly"),
    "sharing": ("openfiles", "sharing"),
    "dialogs": (
        "about",
        "callmode",
        "clinicdialog",
        "country",
        "crisis",
        "currency",
        "errors",
        "guide",
        "prescreen",
    ),
    "common": (
        "colours",
        "flowlayout",
        "focus",
        "glossary",
        "itemform",
        "problems",
        "screenfit",
        "state",
        "text",
        "wrapheader",
    ),
    "words": (
        "answerwords",
        "coursewords",
        "errorwords",
        "peoplewords",
        "progresswords",
        "rankingwords",
        "samplewords",
        "sharingwords",
        "tr",
        "verdictwords",
    ),
}
ROOM_OF = {module: room for room, modules in ROOMS.items() for module in modules}
_NAMES = "|".join(sorted(ROOM_OF, key=len, reverse=True))
# kvet.gui.<old>, and the name after it: the rooms "sharing" and "treatment" have the names of
# modules that moved into them, so "kvet.gui.sharing.openfiles" and "from kvet.gui.sharing import
# openfiles" are already new, while "kvet.gui.sharing.Sharing" and a bare "kvet.gui.sharing" are
# old.
DOTTED = re.compile(rf"\bkvet\.gui\.({_NAMES})\b(?:(\.\w+)|(?= import \(?\s*(\w+)))?")
PATH = re.compile(rf"\bkvet/gui/({_NAMES})\.py\b")
FROM_GUI = re.compile(
    r"^(?P<indent>[ \t]*)from kvet\.gui import (?:\((?P<paren>[^)]*)\)|(?P<line>[^\n#]*?))"
    r"(?P<rest>[ \t]*(?:#[^\n]*)?)$",
    re.MULTILINE,
)
IMPORT_LINE = re.compile(r"^[ \t]*(?:from|import)[ \t]")
DEFAULT_PATHS = ("kvet", "tests", "bench", "scripts", "docs", "packaging", "README.md")
# files that name the flat layout on purpose: this script, its test, and the page that shows an
# old name as an example
SKIP = {"scripts/fix_gui_imports.py", "tests/test_fix_imports.py", "docs/architecture.md"}


@cache
def room_modules(room: str) -> frozenset[str]:
    """The modules a room holds: those that moved into it, and those written in it since (the
    sharing room's importdialog is new, not an attribute of the old flat sharing.py)."""
    written = (p.stem for p in (ROOT / "kvet" / "gui" / room).glob("*.py"))
    return frozenset((*ROOMS.get(room, ()), *written))


def _dotted(match: re.Match[str]) -> str:
    old, after, imported = match.group(1), match.group(2) or "", match.group(3) or ""
    modules = room_modules(old) if old in ROOMS else frozenset()
    if after[1:] in modules or imported in modules:
        return match.group(0)  # already a room's module: kvet.gui.sharing.openfiles
    return f"kvet.gui.{ROOM_OF[old]}.{old}{after}"


def _from_gui(match: re.Match[str]) -> str:
    names = match.group("paren") if match.group("paren") is not None else match.group("line")
    parts = [part.strip() for part in names.replace("\n", " ").split(",") if part.strip()]
    by_room: dict[str, list[str]] = {}
    for part in parts:
        by_room.setdefault(ROOM_OF.get(part.split()[0], ""), []).append(part)
    indent, rest = match.group("indent"), match.group("rest")
    lines = [
        f"{indent}from kvet.gui{'.' + room if room else ''} import {', '.join(names)}"
        for room, names in by_room.items()
    ]
    return "\n".join(lines) + rest


def rewrite(text: str, imports_only: bool = False) -> str:
    """``text`` with every reference to a moved module pointing at its room."""
    text = FROM_GUI.sub(_from_gui, text)
    if imports_only:
        return "".join(
            DOTTED.sub(_dotted, line) if IMPORT_LINE.match(line) else line
            for line in text.splitlines(keepends=True)
        )
    return PATH.sub(
        lambda m: f"kvet/gui/{ROOM_OF[m.group(1)]}/{m.group(1)}.py", DOTTED.sub(_dotted, text)
    )


def main(argv: list[str]) -> int:
    imports_only = "--imports-only" in argv
    return layoutfix.run(argv, lambda text: rewrite(text, imports_only), SKIP, DEFAULT_PATHS)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
