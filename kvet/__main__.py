"""Command line: ``kvet`` starts the app; ``kvet --version``, export and import need no screen."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from kvet import __version__

# Words that start a command-line job; without one (or --help), kvet opens its window and the
# command-line code is not even imported, so the window shows sooner.
COMMAND_WORDS = frozenset({"list", "export", "import", "restore", "country", "-h", "--help"})


def build_parser(with_commands: bool = True) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kvet",
        description="Vet and compare ketamine and esketamine therapy clinics, privately.",
        epilog="With no command, kvet opens its window.",
    )
    parser.add_argument("--version", action="version", version=f"kvet {__version__}")
    parser.add_argument(
        "--db",
        type=Path,
        metavar="PATH",
        help="open this database file instead of the default one",
    )
    if with_commands:
        from kvet.cli import add_commands

        add_commands(parser)
    else:
        parser.set_defaults(command=None)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    args = build_parser(with_commands=bool(COMMAND_WORDS & set(words))).parse_args(words)
    if args.command:
        from kvet.cli import run_command

        return run_command(args)
    # kvet uses no pydantic plugins; looking for them scans every installed package's metadata.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    # Qt is imported only here, so the command-line paths stay fast and screen-free.
    from kvet.gui.app import run

    return run(db_path=args.db, argv=[sys.argv[0]])


if __name__ == "__main__":
    sys.exit(main())
