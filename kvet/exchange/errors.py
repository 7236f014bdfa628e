"""Errors of exports and imports; each message is meant for the user as it is."""

from __future__ import annotations


class ExchangeError(Exception):
    """A file that cannot be written or read."""


class PasswordNeededError(ExchangeError):
    """The file is encrypted; ask the user for the password and try again."""


class WrongPasswordError(ExchangeError):
    """The password did not open the file (or the file was changed): ask again."""
