"""Passwords on the command line: from $KVET_PASSWORD or typed, never on the command line itself.

Kept apart because export (a new password, checked for strength) and import (a file's password,
asked again when wrong) share how one is read.
"""

from __future__ import annotations

import getpass
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from kvet.content.catalogue import say as say_words
from kvet.exchange.errors import ExchangeError, WrongPasswordError
from kvet.text.errors import Words

if TYPE_CHECKING:
    from kvet.exchange.fileformat import ComparisonFile

PASSWORD_ENV = "KVET_PASSWORD"
PASSWORD_TRIES = 3


def password(confirm: bool = False, names: Sequence[str] = ()) -> str:
    """The password from the environment or the terminal; a new one (``confirm``) must be
    strong enough for a file that may travel (see ``kvet.exchange.passphrase``), and not built
    on ``names`` (the people in the comparison)."""
    value = _typed_password(confirm)
    if confirm:
        from kvet.exchange.passphrase import assess

        strength = assess(value, names=names)
        if not strength.acceptable:
            raise ExchangeError("cli.weak-password", why=strength.words)
    return value


def _typed_password(confirm: bool) -> str:
    if value := os.environ.get(PASSWORD_ENV):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise ExchangeError("cli.password-not-text", setting=PASSWORD_ENV) from None
        return value
    if not sys.stdin.isatty():
        raise ExchangeError("cli.password-needed", setting=PASSWORD_ENV)
    try:
        first = getpass.getpass("Password: ")
        if confirm and getpass.getpass("Password again: ") != first:
            raise ExchangeError("cli.passwords-differ")
    except (EOFError, KeyboardInterrupt):
        raise ExchangeError("cli.no-password") from None
    if not first:
        raise ExchangeError("cli.no-password")
    return first


def read_protected(path: Path) -> ComparisonFile:
    """A protected file, its password typed again (in a terminal) when the first is wrong."""
    from kvet.exchange import files

    for _ in range(PASSWORD_TRIES - 1):
        try:
            return files.read_document(path, password())
        except WrongPasswordError:
            if os.environ.get(PASSWORD_ENV) or not sys.stdin.isatty():
                raise
            print(say_words(Words("cli.password-again")), file=sys.stderr)
    return files.read_document(path, password())
