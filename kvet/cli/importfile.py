"""``kvet import``: a .kvet file added to the user's data, what it brings said first.

As the window's import does: a file imported before goes back to the same comparison with the
same people; differences keep the user's version unless ``--take-theirs``; the answers that now
differ between people are counted, and listed when there are few.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from kvet.cli.database import find_comparison, find_person, open_store
from kvet.cli.language import error_language
from kvet.cli.password import read_protected
from kvet.cli.wording import say, visible
from kvet.content.catalogue import say as say_words
from kvet.exchange.errors import ExchangeError, PasswordNeededError
from kvet.text.errors import Words

if TYPE_CHECKING:
    from kvet.exchange.fileformat import ComparisonFile
    from kvet.exchange.importplan import ImportPlan
    from kvet.rating.combine import Disagreement
    from kvet.store.api import Store

# An import from a relative can bring hundreds of answers that differ (683 in one family's
# file): a count says enough; the list itself is there on request.
DISAGREEMENTS_LISTED = 5


def add_import(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    imp = commands.add_parser("import", help="import a .kvet comparison file")
    imp.add_argument("file", type=Path)
    imp.add_argument(
        "--into",
        help="name or id of a comparison to merge into (default: the comparison the file came "
        "from or was imported into before, else a new comparison)",
    )
    imp.add_argument(
        "--as-new",
        action="store_true",
        help="import as a new comparison even when the file belongs to one you have",
    )
    imp.add_argument(
        "--take-theirs",
        action="store_true",
        help="where the file and your data differ, take the file's version (default: keep yours)",
    )
    imp.add_argument(
        "--same-person",
        action="append",
        default=[],
        metavar="THEIRS=YOURS",
        help="the person called THEIRS in the file is your person YOURS "
        "(default: everyone in the file arrives as a new person); "
        "repeat for several people",
    )
    imp.add_argument(
        "--include-personal",
        action="store_true",
        help="also import private pre-screen topics the file holds (left out by default)",
    )
    imp.add_argument(
        "--include-courses",
        action="store_true",
        help="also import treatment records the file holds (left out by default)",
    )
    imp.add_argument(
        "--all-disagreements",
        action="store_true",
        help=f"list every answer that now differs between people (by default only a count, "
        f"and the list when there are {DISAGREEMENTS_LISTED} or fewer)",
    )
    imp.set_defaults(run=cmd_import)


def cmd_import(args: argparse.Namespace) -> int:
    from kvet.exchange import files, importer

    try:
        document = files.read_document(args.file)
    except PasswordNeededError:
        document = read_protected(args.file)
    store = open_store(args, create=True)
    try:
        into, people = _destination(store, document, args)
        before = store.decisions.disagreements(into) if into else []
        plan = importer.plan_import(
            store,
            document,
            into,
            people=people,
            include_personal=args.include_personal,
            include_courses=args.include_courses,
        )
        comparison_id = _apply(store, plan, args)
        created = importer.disagreements_created(store, comparison_id, before)
        if created:
            _tell_disagreements(created, every=args.all_disagreements, args=args)
    finally:
        store.close()
    return 0


def _destination(
    store: Store, document: ComparisonFile, args: argparse.Namespace
) -> tuple[str | None, dict[str, str]]:
    """The comparison to import into (None: a new one) and who in the file is whom here.

    A file imported before, or made from one of your comparisons, goes back there with the same
    people as last time (as the window offers), unless told otherwise."""
    from kvet.exchange import origins

    into = find_comparison(store, args.into) if args.into else None
    people = _same_people(store, document, args.same_person)
    offer = origins.remembered(store, document)
    if into is None and offer.comparison_id and not args.as_new:
        into = offer.comparison_id
        home = visible(store.comparisons.get(into).name)
        say(f"This file belongs to your “{home}”: adding it there (--as-new to keep it apart).")
        if not args.same_person:
            people = offer.people
    return into, people


def _apply(store: Store, plan: ImportPlan, args: argparse.Namespace) -> str:
    """Say what the file brings and where it differs, then import it; the comparison's id."""
    from kvet.exchange import importer

    say(plan.summary())
    for conflict in plan.conflicts:
        say("  " + visible(conflict.sentence()))
    taken = {c.key for c in plan.conflicts} if args.take_theirs else set()
    comparison_id = importer.apply_import(store, plan, taken)
    if plan.conflicts:
        say(
            "Kept the file's version."
            if args.take_theirs
            else "Kept your version where they differ (use --take-theirs for the file's)."
        )
    say(f"Imported “{visible(store.comparisons.get(comparison_id).name)}”.")
    return comparison_id


def _same_people(store: Store, document: ComparisonFile, pairs: list[str]) -> dict[str, str]:
    """``--same-person THEIRS=YOURS``: the user says who in the file is one of their people."""
    chosen: dict[str, str] = {}
    for pair in pairs:
        theirs, sep, yours = pair.partition("=")
        if not sep:
            raise ExchangeError("cli.same-person-form")
        in_file = [r.id for r in document.raters if theirs.strip() in (r.id, r.name)]
        if len(in_file) != 1:
            raise ExchangeError("cli.no-such-person-in-file")
        chosen[in_file[0]] = find_person(store, yours.strip())
    return chosen


def _tell_disagreements(
    created: Sequence[Disagreement], *, every: bool, args: argparse.Namespace
) -> None:
    """How many answers now differ, on how many questions, clinics and people; each one only
    when there are a few, or with ``--all-disagreements``. In the user's language."""
    chosen = error_language(args)
    say(
        say_words(
            Words(
                "cli.disagreements",
                count=len(created),
                questions=len({(d.clinic_id, d.item_id) for d in created}),
                clinics=len({d.clinic_id for d in created}),
                people=len({o.rater_id for d in created for o in d.opinions}),
            ),
            chosen,
        )
    )
    if every or len(created) <= DISAGREEMENTS_LISTED:
        for disagreement in created:
            say(f"  {visible(disagreement.clinic_name)}: {visible(disagreement.sentence())}")
    else:
        say(say_words(Words("cli.disagreements-hint"), chosen))
