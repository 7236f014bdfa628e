"""The subcommands of ``kvet``, each added by the module that runs it.

A new command is a module of this package with its ``add_...`` function, listed here.
"""

from __future__ import annotations

import argparse

from kvet.cli.country import add_country
from kvet.cli.export import add_export
from kvet.cli.importfile import add_import
from kvet.cli.listing import add_list
from kvet.cli.restore import add_restore


def add_commands(parser: argparse.ArgumentParser) -> None:
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for add in (add_list, add_export, add_import, add_restore, add_country):
        add(commands)
