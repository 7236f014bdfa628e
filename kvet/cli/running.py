"""Running one command: what went wrong said in one sentence, in the user's language.

Every refusal of every command comes through here, so the command line has one voice: "kvet: "
and a sentence on stderr, exit code 1; a reader that went away (``kvet list | head``) is no error.
"""

from __future__ import annotations

import argparse
import os
import sys

from kvet.cli.language import error_language, forget_saved
from kvet.cli.wording import complain, visible
from kvet.content.catalogue import error_text
from kvet.content.catalogue import say as say_words
from kvet.exchange.errors import ExchangeError
from kvet.store.errors import StorageError
from kvet.text.errors import Words


def run_command(args: argparse.Namespace) -> int:
    forget_saved()  # nothing known of this run's database yet
    try:
        code = int(args.run(args))
        sys.stdout.flush()  # here, so a reader that went away is caught below
        _tell_set_aside()
        return code
    except BrokenPipeError:
        # the reader (``kvet list | head``) has all it wants: stop quietly. Point stdout at
        # nothing, so Python's own flush at exit does not complain either.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        return 0
    except OverflowError:
        refuse(Words("cli.out-of-range"), args)
        return 1
    except (ExchangeError, StorageError, OSError, ValueError) as exc:
        complain(_refusal(exc, args))
        return 1


def _refusal(exc: Exception, args: argparse.Namespace) -> str:
    """The sentence for ``exc``, with where to turn when the data itself is damaged."""
    from kvet.store.errors import DatabaseCorruptError, LostChangesError

    chosen = error_language(args, peek=not isinstance(exc, StorageError))
    said = error_text(exc, chosen)
    if isinstance(exc, LostChangesError) and args.command != "restore":
        said += " " + say_words(Words("cli.hint-lost-changes"), chosen)
    elif isinstance(exc, DatabaseCorruptError) and args.command != "restore":
        said += " " + say_words(Words("cli.hint-restore"), chosen)
    return said


def refuse(words: Words, args: argparse.Namespace) -> None:
    """Print one refusal on stderr, in the user's language."""
    complain(say_words(words, error_language(args)))


def _tell_set_aside() -> None:
    """Say which translations were set aside for the English (kvet.content.translations)."""
    from kvet.content.translations import set_aside, set_aside_words

    for item in set_aside():
        print(f"kvet: {visible(set_aside_words(item))}", file=sys.stderr)
