"""Draw the picture in docs/architecture.md from the import contracts, so it cannot drift.

The floors and rooms come from pyproject.toml's ``[tool.importlinter]`` (the contracts
``lint-imports`` checks), each room's modules from the files in ``kvet/gui/<room>/``, and the
rules for outside packages from the ``protected`` and ``forbidden_submodules`` contracts.
tests/test_architecture_doc.py fails when the picture in the page is not what this draws.
Run: .venv/bin/python scripts/architecture.py (``--check``: change nothing, exit 1 if stale)
"""

from __future__ import annotations

import re
import sys
import textwrap
import tomllib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "architecture.md"
BEGIN = "<!-- picture: drawn by scripts/architecture.py from pyproject.toml; do not edit -->"
END = "<!-- end of picture -->"
DOWN = "      │"
WIDTH = 96


def contracts(pyproject: Path = ROOT / "pyproject.toml") -> dict[str, dict[str, Any]]:
    config = tomllib.loads(pyproject.read_text(encoding="utf-8"))["tool"]["importlinter"]
    return {contract["id"]: contract for contract in config["contracts"]}


def layer_parts(layer: str) -> tuple[list[str], str]:
    """The modules of one layer and how they stand: side by side ("|") or together (":")."""
    for mark in ("|", ":"):
        if mark in layer:
            return [part.strip() for part in layer.split(mark)], mark
    return [layer.strip()], ""


def _wrapped(head: str, words: list[str], indent: int) -> list[str]:
    return textwrap.wrap(
        " ".join(words),
        WIDTH,
        initial_indent=head.ljust(indent),
        subsequent_indent=" " * indent,
        break_on_hyphens=False,
    )


def floors(contract: dict[str, Any], kvet: Path = ROOT / "kvet") -> list[str]:
    lines = [
        "The floors of kvet: a floor imports only the floors below it.",
        "Parts on one floor with | between them never import each other.",
        "",
    ]
    core = False
    for number, layer in enumerate(contract["layers"]):
        parts, mark = layer_parts(layer)
        if number:
            lines.append(DOWN)
        if core:  # below the store: the core's packages, each with its modules
            lines += [line for part in parts for line in _package(part, kvet)]
        elif mark == ":":
            head = f"  the core ({len(parts)} modules of kvet/, which may import each other):"
            lines += [head, *_wrapped("", parts, 4)]
        else:
            lines.append("  " + "  |  ".join(f"kvet.{part}" for part in parts))
        if parts == ["store"]:
            core = True
            lines += [DOWN, "  the core: no Qt, no database"]
    return lines


def _package(part: str, kvet: Path) -> list[str]:
    if (kvet / part).is_dir():
        return _wrapped(f"  {part}/", room_modules(part, kvet), 15)
    return [f"  kvet.{part}"]


def room_modules(room: str, gui: Path) -> list[str]:
    return sorted(p.stem for p in (gui / room).glob("*.py") if p.stem != "__init__")


def rooms(contract: dict[str, Any], gui: Path = ROOT / "kvet" / "gui") -> list[str]:
    lines = [
        "The rooms of the window, kvet/gui/: a room imports only the rooms below it.",
        "Rooms listed together never import each other.",
        "",
    ]
    for number, layer in enumerate(contract["layers"]):
        if number:
            lines.append(DOWN)
        for room in layer_parts(layer)[0]:
            lines += _wrapped(f"  {room}/", room_modules(room, gui), 15)
    return lines


def outside(found: dict[str, dict[str, Any]]) -> list[str]:
    lines = ["Outside packages:"]
    for contract in found.values():
        if contract["type"] == "protected":
            used = ", ".join(contract["protected_modules"])
            by = " and ".join(contract["allowed_importers"])
            lines.append(f"  {used}: only in {by}")
        elif contract["type"] == "forbidden_submodules":
            never = ", ".join(contract["forbidden_modules"])
            lines.append(f"  {never}: never in {' and '.join(contract['source_modules'])}")
    return lines


def picture(pyproject: Path = ROOT / "pyproject.toml", gui: Path = ROOT / "kvet" / "gui") -> str:
    found = contracts(pyproject)
    lines = [*floors(found["floors"]), "", *rooms(found["rooms"], gui), "", *outside(found)]
    return "```text\n" + "\n".join(line.rstrip() for line in lines) + "\n```"


def redraw(text: str, drawn: str) -> str:
    """``text`` (the page) with the picture between its markers replaced by ``drawn``."""
    block = re.compile(re.escape(BEGIN) + r"\n.*?\n" + re.escape(END), re.DOTALL)
    if not block.search(text):
        raise ValueError(f"{DOC.name} has no picture markers")
    return block.sub(lambda _: f"{BEGIN}\n{drawn}\n{END}", text)


def main(argv: list[str]) -> int:
    text = DOC.read_text(encoding="utf-8")
    new = redraw(text, picture())
    if new == text:
        return 0
    if "--check" in argv:
        print(f"{DOC.relative_to(ROOT)} is stale: run .venv/bin/python scripts/architecture.py")
        return 1
    DOC.write_text(new, encoding="utf-8")
    print(f"redrew the picture in {DOC.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
