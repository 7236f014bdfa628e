"""Command line: ``kvet`` starts the app; ``kvet --version``, export and import need no screen."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from kvet import __version__


def build_parser() -> argparse.ArgumentParser:
    from kvet.cli import add_commands

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
    add_commands(parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command:
        from kvet.cli import run_command

        return run_command(args)
    # kvet uses no pydantic plugins; looking for them scans every installed package's metadata.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    # The core is imported before Qt on purpose: PySide6 inspects the source of every module
    # imported after it (for its optional "__feature__" switches), which costs start-up time.
    import kvet.checklist
    import kvet.store.api  # noqa: F401

    # Qt is imported only here, so the command-line paths stay fast and screen-free.
    from kvet.gui.app import run

    return run(db_path=args.db, argv=[sys.argv[0]])


if __name__ == "__main__":
    sys.exit(main())
