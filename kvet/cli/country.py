"""``kvet country``: the same setting as the window's Edit → Your country (kvet.content.country)."""

from __future__ import annotations

import argparse

from kvet.cli.database import open_store
from kvet.cli.wording import say


def add_country(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    country = commands.add_parser(
        "country", help="show, or set, the country whose rules kvet asks about and scores"
    )
    country.add_argument(
        "code",
        nargs="?",
        help="US, CA, GB (or UK), IE, AU, NZ or OTHER; without it, the country in use is shown",
    )
    country.set_defaults(run=cmd_country)


def cmd_country(args: argparse.Namespace) -> int:
    """The country in use, or ``code`` set as the new one."""
    from kvet.content.country import country_name, set_country, stored_country

    store = open_store(args, create=args.code is not None)
    try:
        if args.code is None:
            code = stored_country(store.settings)
            say(
                f"Rules for: {country_name(code)} ({code})."
                if code
                else "No country chosen yet: every item is asked and scored."
            )
            return 0
        code = set_country(store.settings, args.code)
    finally:
        store.close()
    say(f"kvet now asks about and scores the rules for {country_name(code)}.")
    return 0
