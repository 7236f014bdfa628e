"""Command line: ``kvet`` starts the app; ``kvet --version``, export and import need no screen."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from kvet import __version__
from kvet.system import collector
from kvet.text.errors import KvetError
from kvet.text.language import CODES, force, override, set_active

if TYPE_CHECKING:
    import argparse

# Words that start a command-line job; without one (or --help), kvet opens its window and the
# command-line code is not even imported, so the window shows sooner.
COMMAND_WORDS = frozenset({"list", "export", "import", "restore", "country", "-h", "--help"})


class WindowWords(NamedTuple):
    """What the plain start of the window was given: the same names as ``build_parser``'s."""

    db: Path | None = None
    lang: str | None = None
    file: Path | None = None
    install_desktop: bool = False
    uninstall_desktop: bool = False
    command: None = None


def window_words(words: Sequence[str]) -> WindowWords | None:
    """The words of a plain start read without argparse (its import and its parser cost
    milliseconds before the window shows, issue 26): ``--db PATH``, ``--lang CODE`` (also with
    ``=``) and one shared file, as a desktop starts kvet. Anything else, None: argparse reads
    it, and says what is wrong in its usual way."""
    found: dict[str, str] = {}
    file: Path | None = None
    rest = list(words)
    while rest:
        word = rest.pop(0)
        name, equals, value = word.partition("=")
        if name in ("--db", "--lang") and name[2:] not in found:
            if not equals:
                if not rest or rest[0].startswith("-"):
                    return None
                value = rest.pop(0)
            if not value or (name == "--lang" and value not in CODES):
                return None
            found[name[2:]] = value
        elif word and not word.startswith("-") and file is None:
            file = Path(word)
        else:
            return None
    db = found.get("db")
    return WindowWords(Path(db) if db is not None else None, found.get("lang"), file)


def build_parser(with_commands: bool = True) -> argparse.ArgumentParser:
    import argparse

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
    parser.add_argument(
        "--lang",
        choices=sorted(CODES),
        help="the language of the checklist and other texts for this run "
        "(also KVET_LANG; the window otherwise follows your choice, then your system's)",
    )
    menu = parser.add_mutually_exclusive_group()
    menu.add_argument(
        "--install-desktop",
        action="store_true",
        help="add kvet to your desktop's application menu (for you only), then stop",
    )
    menu.add_argument(
        "--uninstall-desktop",
        action="store_true",
        help="remove kvet from your desktop's application menu, then stop",
    )
    if with_commands:
        from kvet.cli.commands import add_commands

        add_commands(parser)
    else:
        parser.set_defaults(command=None)
        parser.add_argument(
            "file",
            nargs="?",
            type=Path,
            help="a shared .kvet file to import once kvet is open "
            "(what your desktop passes when you open such a file)",
        )
    return parser


def desktop_menu(*, install: bool) -> int:
    """``--install-desktop``: the freedesktop menu on Linux, the Start menu on Windows."""
    if sys.platform == "win32":
        done = start_menu(install=install)
    elif sys.platform == "darwin":
        print(
            "On a Mac, drag kvet.app into your Applications folder: it then shows in Launchpad "
            "and Spotlight. To remove it, drag it to the Bin. Your clinics and notes are kept."
        )
        done = 0
    else:
        done = freedesktop_menu(install=install)
    return done


def freedesktop_menu(*, install: bool) -> int:
    from kvet.system import desktop

    def add() -> None:
        written = desktop.install()
        print(f"kvet is now in your application menu ({written[0]}).")
        print("If it does not show yet, log out and in again.")

    return _change_menu(
        add if install else None, desktop.uninstall, desktop.DesktopError, "application menu"
    )


def start_menu(*, install: bool) -> int:
    from kvet.system import startmenu

    def add() -> None:
        startmenu.install()
        print("kvet is now in your Start menu.")

    return _change_menu(
        add if install else None, startmenu.uninstall, startmenu.StartMenuError, "Start menu"
    )


def _change_menu(
    add: Callable[[], None] | None,
    remove: Callable[[], object],
    refusal: type[KvetError],
    menu: str,
) -> int:
    """``add`` kvet to the desktop's ``menu`` (None: ``remove`` it), saying what was done; a
    ``refusal`` is said in one sentence on stderr."""
    try:
        if add is not None:
            add()
        elif remove():
            print(f"kvet was removed from your {menu}. Your clinics and notes are kept.")
        else:
            print(f"kvet was not in your {menu}; nothing to remove.")
    except refusal as exc:
        from kvet.content.catalogue import error_text

        print(f"kvet: {error_text(exc)}", file=sys.stderr)
        return 1
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    commands = bool(COMMAND_WORDS & set(words))
    args = (None if commands else window_words(words)) or build_parser(commands).parse_args(words)
    if args.install_desktop or args.uninstall_desktop:
        return desktop_menu(install=args.install_desktop)
    if args.lang:
        force(args.lang)  # the window reads it where it picks its language
    if not isinstance(args, WindowWords) and args.command:
        from kvet.cli.running import run_command

        set_active(override())  # exports in the language asked for, else English

        return run_command(args)
    # kvet uses no pydantic plugins; looking for them scans every installed package's metadata.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    collector.pause()  # until the window shows the data (kvet.gui.main.app resumes it)
    try:
        # Qt is imported only here, so the command-line paths stay fast and screen-free.
        from kvet.gui.main.app import run

        return run(db_path=args.db, argv=[sys.argv[0]], open_file=getattr(args, "file", None))
    finally:
        collector.resume()  # whatever ended the window's run


def launch() -> None:
    """The ``kvet`` program: ``main``, then end the process without Python's slow teardown.

    The application is deleted first, as Qt's own exit would (the desktop's clipboard then
    keeps what was copied); ``kvet.system.leave`` says what else is waited for."""
    code = main()
    gui = sys.modules.get("kvet.gui.main.application")  # only when the window was opened
    if gui is not None:
        gui.release_application()
    from kvet.system.leave import leave

    leave(code)


if __name__ == "__main__":
    launch()
