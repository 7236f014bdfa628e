"""Errors of exports and imports: a code and its values (kvet.text.errors), worded by
kvet.content.catalogue."""

from __future__ import annotations

from kvet.text.errors import KvetError


class ExchangeError(KvetError):
    """A file that cannot be written or read."""


class PasswordNeededError(ExchangeError):
    """The file is encrypted; ask the user for the password and try again."""


class WrongPasswordError(ExchangeError):
    """The password did not open the file (or the file was changed): ask again."""


class NotAsWrittenError(ExchangeError, ValueError):
    """Something in a file that kvet never writes (two clinics with one id, say). A
    ``ValueError`` too, so the file format's checks report it in place (pydantic)."""
