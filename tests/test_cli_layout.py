"""A newcomer who wants to change a command, an export or the import finds it in a module named
for it, short enough to read in one sitting (issue 28): the command line is a package with one
module a group of commands, and the import is split by job."""

from __future__ import annotations

import argparse
import ast
from pathlib import Path

from kvet.cli import commands

ROOT = Path(__file__).resolve().parents[1] / "kvet"
EXCHANGE = (
    "importer importplan importchecks importconflicts importbatch csvexport files table targets "
    "fileformat crypto passphrase inforce origins errors"
)
# the command line, the launcher, the share file and the import, and the drawing of documents
AREA = [
    ROOT / "__main__.py",
    *sorted((ROOT / "cli").glob("*.py")),
    *sorted((ROOT / "render").glob("*.py")),
    *(ROOT / "exchange" / f"{name}.py" for name in EXCHANGE.split()),
]


def test_each_command_lives_in_the_module_named_for_it() -> None:
    parser = argparse.ArgumentParser(prog="kvet")
    commands.add_commands(parser)
    [subcommands] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    home = {name: sub.get_default("run").__module__ for name, sub in subcommands.choices.items()}
    assert home == {
        "list": "kvet.cli.listing",
        "export": "kvet.cli.export",
        "import": "kvet.cli.importfile",
        "restore": "kvet.cli.restore",
        "country": "kvet.cli.country",
    }


def test_every_module_says_why_it_exists() -> None:
    for path in AREA:
        docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
        assert docstring, f"{path.relative_to(ROOT)} has no docstring"
