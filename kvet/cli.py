"""Command-line exports and imports, for scripted backups and for tests. No window needed.

Errors are printed as one clear sentence and the exit code is non-zero; nothing half-done stays.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kvet.content.catalogue import error_text
from kvet.content.catalogue import say as say_words
from kvet.exchange.errors import ExchangeError, PasswordNeededError, WrongPasswordError
from kvet.store.errors import StorageError
from kvet.text import language
from kvet.text.errors import Words
from kvet.text.language import CODES

if TYPE_CHECKING:
    from kvet.exchange.fileformat import ComparisonFile
    from kvet.rating.combine import Disagreement
    from kvet.store.api import Store

PASSWORD_ENV = "KVET_PASSWORD"
FORMATS = ("kvet", "csv", "pdf", "callsheet", "treatment")
SUFFIXES = {".kvet": "kvet", ".csv": "csv", ".pdf": "pdf"}


def add_commands(parser: argparse.ArgumentParser) -> None:
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    listing = commands.add_parser(
        "list", help="list your comparisons and their clinics, and your treatment records"
    )
    listing.set_defaults(run=cmd_list)

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

    restore = commands.add_parser(
        "restore",
        help="list every copy kvet keeps of your data, or put one back in place of the database",
    )
    restore.add_argument(
        "backup",
        nargs="?",
        help="the number (from the list), date (YYYY-MM-DD) or file name of the "
        "copy to restore; without it, the copies are listed",
    )
    restore.add_argument(
        "--without-lost-changes",
        action="store_true",
        help="when the file of recent changes is damaged: open your data without the changes "
        "that cannot be read (both files are kept in the backups folder first)",
    )
    restore.set_defaults(run=cmd_restore)

    country = commands.add_parser(
        "country", help="show, or set, the country whose rules kvet asks about and scores"
    )
    country.add_argument(
        "code",
        nargs="?",
        help="US, CA, GB (or UK), IE, AU, NZ or OTHER; without it, the country in use is shown",
    )
    country.set_defaults(run=cmd_country)


def _password(confirm: bool = False, names: Sequence[str] = ()) -> str:
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


def _open(args: argparse.Namespace, *, create: bool = False) -> Store:
    """Open the database; only an import may create it (an export from a mistyped path would
    otherwise leave an empty database behind and then say there is nothing to export).

    A command that only reads (list, export) still runs while the window has the database open:
    it then reads without the lock, as the window's commits allow."""
    from kvet.content.checklist import load_checklist
    from kvet.store.api import Store
    from kvet.store.locking import COMMAND

    if not create and args.db is not None and not Path(args.db).expanduser().exists():
        raise ExchangeError("cli.no-database", path=Path(args.db))
    store = Store.open(
        load_checklist(), args.db, daily_backup=False, holder=COMMAND, read_only_if_busy=not create
    )
    global _saved_language
    _saved_language = language.saved_language(store.settings)  # for refusals after this
    return store


_saved_language = ""  # the user's choice, once a store was opened in this run


# C0 and C1 controls and DEL, and the marks that reorder text on screen (bidi overrides,
# isolates and marks): a name holding them could rewrite the terminal or disguise itself.
_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_HIDDEN = {*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0), *map(ord, _BIDI)}


def visible(text: str, *, keep_newlines: bool = False) -> str:
    """Text from a file or a user, safe to print: controls shown as \\x1b, \\u202e and so on."""
    out = []
    for char in text:
        code = ord(char)
        if code in _HIDDEN and not (keep_newlines and char == "\n"):
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        elif 0xD800 <= code <= 0xDFFF:  # a lone surrogate (an undecodable byte) cannot print
            out.append(f"\\u{code:04x}")
        else:
            out.append(char)
    return "".join(out)


def say(text: str) -> None:
    """Print one message kvet made (it may quote names): newlines kept, controls made visible."""
    print(visible(text, keep_newlines=True))


def _find_comparison(store: Store, wanted: str | None) -> str:
    comparisons = store.comparisons.list()
    if not comparisons:
        raise ExchangeError("cli.no-comparisons")
    if wanted is None:
        last = store.settings.preference("last_comparison")
        if len(comparisons) == 1:
            return str(comparisons[0].id)
        if any(c.id == last for c in comparisons):
            return str(last)
        raise ExchangeError("cli.several-comparisons")
    matches = [c for c in comparisons if wanted in (c.id, c.name)]
    if len(matches) != 1:
        raise ExchangeError("cli.no-such-comparison")
    return str(matches[0].id)


def cmd_list(args: argparse.Namespace) -> int:
    store = _open(args)
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


def system_language() -> str:
    """The system's locale name, from the variables a desktop session sets (as Qt reads them)."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if value := os.environ.get(name, ""):
            return value
    return ""


def _open_in_language(args: argparse.Namespace) -> Store:
    """The store, with its checklist in the language of the export: ``--lang`` (or KVET_LANG),
    else the one the window uses (the user's saved choice, else the system's).

    Only the user's data knows their choice, so the store is opened once to read it, and again
    in that language when it differs from the one this run started in."""
    chosen = getattr(args, "lang", None) or language.override()
    if chosen:
        language.set_active(chosen)
        return _open(args)
    store = _open(args)
    chosen = language.choose_language(language.saved_language(store.settings), system_language())
    if chosen == language.active():
        return store
    store.close()
    language.set_active(chosen)
    return _open(args)


def cmd_export(args: argparse.Namespace) -> int:
    from kvet.exchange import csvexport, files, report

    kind = args.format or SUFFIXES.get(args.output.suffix.lower())
    if kind is None:
        raise ExchangeError("cli.which-format")
    if kind not in FORMATS:
        raise ExchangeError("cli.unknown-format", format=visible(kind))
    if kind == "treatment":
        return export_treatment(args)
    if kind == "callsheet" and not args.clinic:
        raise ExchangeError("cli.name-clinic")
    store = _open_in_language(args)
    try:
        comparison_id = _find_comparison(store, args.comparison)
        person = _find_person(store, args.person) if args.person else None
        view: dict[str, Any] = {"rater_id": person, "combined": person is None}
        if kind == "kvet":
            names = [person.name for person in store.people.list()]
            password = _password(confirm=True, names=names) if args.password else None
            files.export_comparison(
                store,
                comparison_id,
                args.output,
                password=password,
                include_personal=args.include_personal,
                include_courses=args.include_courses,
            )
        elif kind == "csv":
            csvexport.export_csv(store, comparison_id, args.output, **view)
        else:
            from kvet.render.pdf import write_pdf

            if kind == "pdf":
                html = report.report_html(store, comparison_id, **view)
            else:
                clinics = [
                    c for c in store.clinics.list(comparison_id) if args.clinic in (c.id, c.name)
                ]
                if not clinics:
                    raise ExchangeError("cli.no-such-clinic")
                if len(clinics) > 1:
                    raise ExchangeError("cli.several-clinics")
                html = report.call_sheet_html(
                    store, clinics[0].id, person, include_personal=args.include_personal
                )
            write_pdf(html, args.output, title=f"kvet: {args.output.stem}")
    finally:
        store.close()
    say(f"Saved {args.output}")
    return 0


def export_treatment(args: argparse.Namespace) -> int:
    """The page for the next appointment (.pdf) or the treatment log (.csv), as My treatment
    saves them: the same page, on the paper of the user's country, in the export's language.

    The errors never repeat a clinic's name: it is health information."""
    from kvet.content.country import normalise, paper_for, stored_country
    from kvet.exchange.coursereport import course_csv
    from kvet.exchange.files import write_atomically

    suffix = args.output.suffix.lower()
    if suffix not in (".pdf", ".csv"):
        raise ExchangeError("cli.treatment-suffix")
    store = _open_in_language(args)
    try:
        course_id = _find_course(store, args.clinic)
        course = store.courses.load(course_id)
        country = stored_country(store.settings) or normalise(_system_territory())
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


def _find_course(store: Store, wanted: str | None) -> str:
    courses = store.courses.list_courses()
    if not courses:
        raise ExchangeError("cli.no-courses")
    if wanted is None:
        if len(courses) == 1:
            return courses[0].id
        raise ExchangeError("cli.several-courses")
    matches = [c for c in courses if wanted in (c.id, c.clinic_name)]
    if not matches:
        raise ExchangeError("cli.no-such-course")
    if len(matches) > 1:
        raise ExchangeError("cli.several-courses-for-clinic")
    return matches[0].id


def _system_territory() -> str:
    """The country part of the system's locale ("en_US.UTF-8" gives "US"), for the paper
    size before the user has chosen a country in kvet."""
    name = system_language().split(".")[0].split("@")[0]
    return name.partition("_")[2]


def _find_person(store: Store, wanted: str) -> str:
    people = [r for r in store.people.list() if wanted in (r.id, r.name)]
    if not people:
        raise ExchangeError("cli.no-such-person")
    return people[0].id


def _read_protected(path: Path) -> ComparisonFile:
    """A protected file, its password typed again (in a terminal) when the first is wrong."""
    from kvet.exchange import files

    for _ in range(PASSWORD_TRIES - 1):
        try:
            return files.read_document(path, _password())
        except WrongPasswordError:
            if os.environ.get(PASSWORD_ENV) or not sys.stdin.isatty():
                raise
            print(say_words(Words("cli.password-again")), file=sys.stderr)
    return files.read_document(path, _password())


PASSWORD_TRIES = 3


def cmd_import(args: argparse.Namespace) -> int:
    from kvet.exchange import files, importer

    try:
        document = files.read_document(args.file)
    except PasswordNeededError:
        document = _read_protected(args.file)
    store = _open(args, create=True)
    try:
        into = _find_comparison(store, args.into) if args.into else None
        people = _same_people(store, document, args.same_person)
        # A file imported before, or made from one of your comparisons, goes back there with
        # the same people as last time (as the window offers), unless told otherwise.
        offer = importer.remembered(store, document)
        if into is None and offer.comparison_id and not args.as_new:
            into = offer.comparison_id
            home = visible(store.comparisons.get(into).name)
            say(f"This file belongs to your “{home}”: adding it there (--as-new to keep it apart).")
            if not args.same_person:
                people = offer.people
        before = store.decisions.disagreements(into) if into else []
        plan = importer.plan_import(
            store,
            document,
            into,
            people=people,
            include_personal=args.include_personal,
            include_courses=args.include_courses,
        )
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
        created = importer.disagreements_created(store, comparison_id, before)
        if created:
            _tell_disagreements(created, every=args.all_disagreements, args=args)
    finally:
        store.close()
    return 0


# An import from a relative can bring hundreds of answers that differ (683 in one family's
# file): a count says enough; the list itself is there on request.
DISAGREEMENTS_LISTED = 5


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


def cmd_country(args: argparse.Namespace) -> int:
    """The same setting as the window's Edit → Your country (kvet.content.country)."""
    from kvet.content.country import country_name, set_country, stored_country

    store = _open(args, create=args.code is not None)
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


KIND_WORDS = {
    "daily": "daily backup",
    "before-migration": "before an update",
    "before-import": "before an import",
    "before-restore": "before a restore",
    "before-repair": "before a repair",
}


def _unusable(copy: Path) -> str:
    """A mark for a copy that fails the checks a restore makes (so choosing it is refused)."""
    from kvet.store import restore

    try:
        restore.check_backup(copy)
    except StorageError:
        return "  (damaged or empty: cannot be restored)"
    return ""


def cmd_restore(args: argparse.Namespace) -> int:
    """Without a choice, list every copy kvet keeps; with one, keep the current file aside and
    restore it, if it passes the checks an opening makes."""
    from kvet.start import recovery
    from kvet.store import backups, restore
    from kvet.store.connection import check_database_path, database_location

    db = database_location(args.db)
    if db is None:
        raise ExchangeError("cli.restore-needs-file")
    check_database_path(db)  # never through a link, never onto a folder
    backups.check_backup_dir(backups.backup_dir(db))  # never a linked backups folder
    if args.without_lost_changes:
        if args.backup is not None:
            raise ExchangeError("cli.restore-both")
        repaired = recovery.drop_lost_changes(db)
        say(
            f"Your data in {db} now opens without the changes that could not be read. "
            f"The database and its damaged file of recent changes were kept as {repaired}."
        )
        return 0
    found = backups.list_copies(db)
    if not found:
        raise ExchangeError("cli.no-backups", path=db)
    if args.backup is None:
        say(f"Copies of {db} that kvet keeps, newest first:")
        for number, info in enumerate(found, start=1):
            say(
                f"  {number:>2}. {info.made_on.isoformat()}  {KIND_WORDS[info.kind]:<16}  "
                f"{recovery.human_size(info.size):>9}  {info.path.name}{_unusable(info.path)}"
            )
        say(
            "Restore one with: kvet restore NUMBER (your current file is kept first). "
            "Only a copy that passes kvet's checks is restored."
        )
        return 0
    wanted = str(args.backup)
    chosen = [
        info
        for number, info in enumerate(found, start=1)
        if wanted in (str(number), info.made_on.isoformat(), info.path.name, str(info.path))
    ]
    if len(chosen) != 1:
        raise ExchangeError("cli.no-such-copy", wanted=visible(wanted))
    restore.check_backup(chosen[0].path)
    planted = restore.planted_in(chosen[0].path)
    kept = restore.restore_backup(db, chosen[0].path)
    say(f"Restored {recovery.describe(chosen[0])} into {db}.")
    if planted:
        say(f"It held {planted} command(s) kvet did not make (triggers or views): left out.")
    if kept is not None:
        say(f"The file it replaced was kept as {kept}.")
    return 0


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
        chosen[in_file[0]] = _find_person(store, yours.strip())
    return chosen


def _tell_set_aside() -> None:
    """Say which translations were set aside for the English (kvet.content.translations)."""
    from kvet.content.translations import set_aside, set_aside_words

    for item in set_aside():
        print(f"kvet: {visible(set_aside_words(item))}", file=sys.stderr)


def run_command(args: argparse.Namespace) -> int:
    global _saved_language
    _saved_language = ""  # nothing known of this run's database yet
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
        from kvet.store.errors import DatabaseCorruptError, LostChangesError

        chosen = error_language(args, peek=not isinstance(exc, StorageError))
        said = error_text(exc, chosen)
        if isinstance(exc, LostChangesError) and args.command != "restore":
            said += " " + say_words(Words("cli.hint-lost-changes"), chosen)
        elif isinstance(exc, DatabaseCorruptError) and args.command != "restore":
            said += " " + say_words(Words("cli.hint-restore"), chosen)
        print(f"kvet: {visible(said, keep_newlines=True)}", file=sys.stderr)
        return 1


def error_language(args: argparse.Namespace, *, peek: bool = True) -> str:
    """The language of the command line's refusals: ``--lang`` (or KVET_LANG), else the user's
    choice saved with their data (as the store said when it opened, or read straight from the
    file as the window does before its first widget), else the system's, else English.

    ``peek``: False when the database itself is what went wrong (damaged, busy): it is then
    not read again, not even to learn the language. Never an error itself."""
    chosen = getattr(args, "lang", None) or language.override()
    if chosen:
        return str(chosen)
    saved = _saved_language
    if not saved and peek:
        from kvet.store.peek import saved_preference

        try:
            saved = saved_preference(getattr(args, "db", None), language.PREFERENCE)
        except Exception:  # a refusal must still be said, in English at worst
            saved = ""
    return language.choose_language(saved, system_language())


def refuse(words: Words, args: argparse.Namespace) -> None:
    """Print one refusal on stderr, in the user's language."""
    said = say_words(words, error_language(args))
    print(f"kvet: {visible(said, keep_newlines=True)}", file=sys.stderr)
