"""``kvet list``: the comparisons, their clinics and the treatment records, with their ids."""

from __future__ import annotations

import argparse

from kvet.cli.database import open_store
from kvet.cli.wording import say, visible


def add_list(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    listing = commands.add_parser(
        "list", help="list your comparisons and their clinics, and your treatment records"
    )
    listing.set_defaults(run=cmd_list)


def cmd_list(args: argparse.Namespace) -> int:
    store = open_store(args)
    lines: list[str] = []  # all read first: a damaged file gives an error, not half a list
    try:
        for comparison in store.comparisons.list():
            lines.append(
                f"{visible(comparison.name)}  ({comparison.clinic_count} clinics)  "
                f"id {visible(comparison.id)}"
            )
            for clinic in store.clinics.list(comparison.id):
                lines.append(f"    {visible(clinic.name)}  id {visible(clinic.id)}")
        if courses := store.courses.list_courses():
            lines.append("Treatment records:")
            lines += [f"    {visible(c.clinic_name)}  id {visible(c.id)}" for c in courses]
    finally:
        store.close()
    for line in lines:
        say(line)
    return 0
