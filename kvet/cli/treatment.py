"""``kvet export --format treatment``: My treatment's page for the next appointment, or its log.

The errors never repeat a clinic's name: it is health information.
"""

from __future__ import annotations

import argparse
from datetime import date

from kvet.cli.database import find_course, open_in_language
from kvet.cli.language import system_territory
from kvet.cli.wording import say
from kvet.exchange.errors import ExchangeError


def export_treatment(args: argparse.Namespace) -> int:
    """The page for the next appointment (.pdf) or the treatment log (.csv), as My treatment
    saves them: the same page, on the paper of the user's country, in the export's language."""
    from kvet.content.country import normalise, paper_for, stored_country
    from kvet.exchange.coursereport import course_csv
    from kvet.exchange.files import write_atomically

    suffix = args.output.suffix.lower()
    if suffix not in (".pdf", ".csv"):
        raise ExchangeError("cli.treatment-suffix")
    store = open_in_language(args)
    try:
        course_id = find_course(store, args.clinic)
        course = store.courses.load(course_id)
        country = stored_country(store.settings) or normalise(system_territory())
    finally:
        store.close()
    if suffix == ".csv":
        write_atomically(args.output, course_csv(course).encode("utf-8-sig"))
    else:
        from kvet.render.coursepage import write_course_pdf

        write_course_pdf(
            course,
            args.output,
            date.today(),
            paper=paper_for(country),
            title=f"kvet: {args.output.stem}",
        )
    say(f"Saved {args.output}")
    return 0
