"""``kvet export``: a comparison saved as a .kvet file, a CSV table, a PDF report or a call sheet.

The treatment record's page and log (``--format treatment``) are made by ``kvet.cli.treatment``.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from kvet.cli.database import (
    find_clinic,
    find_comparison,
    find_person,
    open_in_language,
)
from kvet.cli.password import PASSWORD_ENV, password
from kvet.cli.treatment import export_treatment
from kvet.cli.wording import say, visible
from kvet.exchange.errors import ExchangeError
from kvet.text.language import CODES

if TYPE_CHECKING:
    from kvet.store.api import Store

FORMATS = ("kvet", "csv", "pdf", "callsheet", "treatment")
SUFFIXES = {".kvet": "kvet", ".csv": "csv", ".pdf": "pdf"}


def add_export(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    export = commands.add_parser("export", help="save a comparison as a file")
    export.add_argument("output", type=Path, help="the file to write")
    export.add_argument("--comparison", "-c", help="name or id (default: the only or last one)")
    # checked by cmd_export rather than by argparse, so a wrong one is a one-line error
    export.add_argument(
        "--format",
        "-f",
        metavar="FORMAT",
        help="kvet (shareable file), csv, pdf (report), callsheet or treatment (the page for "
        "your next appointment as .pdf, or the treatment log as .csv); "
        "by default taken from the output's extension",
    )
    export.add_argument(
        "--clinic",
        help="for a call sheet: the clinic's name or id; for treatment: the clinic of the "
        "treatment record, or the record's id (kvet list shows them)",
    )
    export.add_argument(
        "--password",
        action="store_true",
        help=f"protect a .kvet file with a password (asked for, or ${PASSWORD_ENV})",
    )
    export.add_argument(
        "--include-personal",
        action="store_true",
        help="include your private pre-screen topics (left out by default)",
    )
    export.add_argument(
        "--include-courses",
        action="store_true",
        help="for a .kvet file: include your treatment records at the "
        "comparison's clinics (left out by default)",
    )
    export.add_argument(
        "--person",
        metavar="NAME",
        help="for csv and pdf: only this person's answers (default: everyone's answers together)",
    )
    # the same option as kvet's own --lang, accepted after the command too; SUPPRESS keeps the
    # one given before the command when this one is not given
    export.add_argument(
        "--lang",
        choices=sorted(CODES),
        default=argparse.SUPPRESS,
        help="the language of the file's words (default: the one the window uses: your choice "
        "in Edit → Language, else your system's)",
    )
    export.set_defaults(run=cmd_export)


def cmd_export(args: argparse.Namespace) -> int:
    kind = args.format or SUFFIXES.get(args.output.suffix.lower())
    if kind is None:
        raise ExchangeError("cli.which-format")
    if kind not in FORMATS:
        raise ExchangeError("cli.unknown-format", format=visible(kind))
    if kind == "treatment":
        return export_treatment(args)
    if kind == "callsheet" and not args.clinic:
        raise ExchangeError("cli.name-clinic")
    store = open_in_language(args)
    try:
        comparison_id = find_comparison(store, args.comparison)
        person = find_person(store, args.person) if args.person else None
        if kind == "kvet":
            _export_kvet(store, comparison_id, args)
        elif kind == "csv":
            from kvet.exchange import csvexport

            csvexport.export_csv(
                store, comparison_id, args.output, rater_id=person, combined=person is None
            )
        else:
            _export_pdf(store, comparison_id, person, kind, args)
    finally:
        store.close()
    say(f"Saved {args.output}")
    return 0


def _export_kvet(store: Store, comparison_id: str, args: argparse.Namespace) -> None:
    """The shareable file, protected with a password strong enough to travel when asked."""
    from kvet.exchange import files

    names = [person.name for person in store.people.list()]
    secret = password(confirm=True, names=names) if args.password else None
    files.export_comparison(
        store,
        comparison_id,
        args.output,
        password=secret,
        include_personal=args.include_personal,
        include_courses=args.include_courses,
    )


def _export_pdf(
    store: Store, comparison_id: str, person: str | None, kind: str, args: argparse.Namespace
) -> None:
    """The report (``pdf``) or one clinic's call sheet (``callsheet``), drawn to PDF."""
    from kvet.exchange import report
    from kvet.render.pdf import write_pdf

    if kind == "pdf":
        html = report.report_html(store, comparison_id, rater_id=person, combined=person is None)
    else:
        clinic_id = find_clinic(store, comparison_id, args.clinic)
        html = report.call_sheet_html(
            store, clinic_id, person, include_personal=args.include_personal
        )
    write_pdf(html, args.output, title=f"kvet: {args.output.stem}")
