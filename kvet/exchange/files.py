"""Export a comparison to a ``.kvet`` file and read one back, validating everything first."""

from __future__ import annotations

import json
import logging
import os
import stat
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, get_args

from pydantic import BaseModel, ValidationError

from kvet import __version__
from kvet.content.checklist import Format
from kvet.exchange import crypto
from kvet.exchange.errors import ExchangeError, PasswordNeededError, WrongPasswordError
from kvet.exchange.fileformat import (
    FORMAT_NAME,
    MAX_FILE_BYTES,
    SCHEMA_VERSION,
    AnswerDoc,
    AssessmentDoc,
    ClinicDoc,
    ComparisonDoc,
    ComparisonFile,
    CourseDoc,
    CourseEntryDoc,
    DecisionDoc,
    RaterDoc,
    SettingsDoc,
    TopicDoc,
)
from kvet.exchange.targets import check_export_target
from kvet.rating.answers import Choice, Origin
from kvet.store.api import Store
from kvet.store.validation import weights_to_dict
from kvet.system import atomicfile
from kvet.text.errors import KvetError, Words

if TYPE_CHECKING:
    from kvet.store.transferrecords import (
        StoredAnswer,
        StoredAssessment,
        StoredClinic,
        StoredCourse,
        StoredDecision,
    )

# What happened, never what it was about: no names, notes, answers or paths (see
# kvet.system.crashlog).
log = logging.getLogger(__name__)


def build_document(
    store: Store,
    comparison_id: str,
    *,
    include_personal: bool = False,
    include_courses: bool = False,
) -> ComparisonFile:
    """Everything about one comparison, read in one transaction so the file is consistent.

    Something stored that the file format cannot hold is an ``ExchangeError`` that says what.
    """
    try:
        return _build_document(
            store, comparison_id, include_personal=include_personal, include_courses=include_courses
        )
    except ValidationError as exc:
        # the place, never the value: it could be a clinic's name or a note
        raise ExchangeError("export.does-not-fit", place=_place(exc)) from None


def _build_document(
    store: Store, comparison_id: str, *, include_personal: bool, include_courses: bool = False
) -> ComparisonFile:
    stored = store.transfer.read_comparison(
        comparison_id, include_personal=include_personal, include_courses=include_courses
    )
    return ComparisonFile(
        format=FORMAT_NAME,
        schema_version=SCHEMA_VERSION,
        exported_at=datetime.now(UTC),
        app_version=__version__,
        checklist_version=store.checklist.version,
        comparison=ComparisonDoc(
            id=stored.id,
            name=stored.name,
            settings=SettingsDoc.model_validate(weights_to_dict(stored.weights)),
            combine_rule=stored.combine_rule,
        ),
        raters=tuple(RaterDoc(id=rater_id, name=name) for rater_id, name in stored.people),
        clinics=tuple(_clinic_doc(c) for c in stored.clinics),
        assessments=tuple(_assessment_doc(a) for a in stored.assessments),
        personal_topics=None
        if stored.topics is None
        else tuple(
            TopicDoc(rater_id=t.rater_id, topic_id=t.topic_id, applies=t.applies, note=t.note)
            for t in stored.topics
        ),
        decisions=tuple(_decision_doc(d) for d in stored.decisions),
        courses=None
        if stored.courses is None
        else tuple(_course_doc(course) for course in stored.courses),
    )


def _clinic_doc(c: StoredClinic) -> ClinicDoc:
    return ClinicDoc(
        id=c.id,
        name=c.name,
        address=c.address,
        phone=c.phone,
        website=c.website,
        formats=tuple(Format(f) for f in c.formats if f in set(Format)),
        notes=c.notes,
        position=c.position,
        currency=c.currency,
    )


def _assessment_doc(a: StoredAssessment) -> AssessmentDoc:
    return AssessmentDoc(
        clinic_id=a.clinic_id,
        rater_id=a.rater_id,
        checklist_version=a.checklist_version,
        answers=tuple(
            AnswerDoc(**_values(x), origin=Origin(x.origin), answered_at=_aware(x.answered_at))
            for x in a.answers
        ),
    )


def _decision_doc(d: StoredDecision) -> DecisionDoc:
    return DecisionDoc(
        **_values(d),
        clinic_id=d.clinic_id,
        decided_by=d.decided_by,
        decided_at=_aware(d.decided_at),
    )


def _values(x: StoredAnswer | StoredDecision) -> dict[str, Any]:
    """What an answer and a decision share: the item, the choice or number, and the note."""
    return {
        "item_id": x.item_id,
        "choice": Choice(x.choice) if x.choice else None,
        "number": x.number,
        "note": x.note,
    }


def _course_doc(course: StoredCourse) -> CourseDoc:
    return CourseDoc(
        id=course.id,
        clinic_id=course.clinic_id,
        clinic_name=course.clinic_name,
        plan=dict(course.plan),
        entries=tuple(
            CourseEntryDoc(id=e.id, kind=e.kind, data=dict(e.data)) for e in course.entries
        ),
    )


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def document_bytes(document: ComparisonFile, password: str | None = None) -> bytes:
    text = document.model_dump_json(indent=2)
    if password:
        return json.dumps(crypto.encrypt(text.encode("utf-8"), password), indent=2).encode()
    return text.encode("utf-8")


def write_atomically(path: Path, data: bytes) -> None:
    """Write beside the target, then rename: a crash never leaves half a file
    (``kvet.system.atomicfile``), and a failure leaves the target as it was and no temporary file.

    The target is checked first (``check_export_target``): never kvet's own data, never a
    device, pipe, folder, link or read-only file.
    """
    path = Path(path)
    check_export_target(path)
    try:
        atomicfile.write_bytes(path, data)
    except OSError as exc:
        raise ExchangeError(
            "export.cannot-save", path=path, reason=exc.strerror or str(exc)
        ) from exc


def export_comparison(
    store: Store,
    comparison_id: str,
    path: Path,
    *,
    password: str | None = None,
    include_personal: bool = False,
    include_courses: bool = False,
) -> Path:
    document = build_document(
        store, comparison_id, include_personal=include_personal, include_courses=include_courses
    )
    data = document_bytes(document, password)
    write_atomically(path, data)
    log.info(
        "exported a comparison: %d clinics, %d bytes, %s",
        len(document.clinics),
        len(data),
        "password-protected" if password else "not protected",
    )
    return path


def read_document(path: Path, password: str | None = None) -> ComparisonFile:
    """Read and validate the whole file; nothing is written anywhere."""
    path = Path(path)
    return parse_document(read_bounded(path), path.name, password)


READ_CHUNK = 1024 * 1024


def read_bounded(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The file's bytes, read only from a regular file and never more than ``limit``.

    ``/dev/zero`` or a named pipe would otherwise be read without end (or wait forever for a
    writer): the type is checked before opening, and again on what was opened, in case the
    path was swapped in between. The size is checked first and the reading stops at the limit
    too, since a file can grow while it is read.
    """
    too_large = ExchangeError("import.too-large", name=path.name, limit=limit // 1_048_576)
    not_a_file = ExchangeError("import.not-a-file", name=path.name)
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            raise not_a_file
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise not_a_file
            if info.st_size > limit:
                raise ExchangeError(
                    "import.too-large-size",
                    name=path.name,
                    size=f"{info.st_size / 1_048_576:.0f}",
                    limit=limit // 1_048_576,
                )
            chunks: list[bytes] = []
            total = 0
            while chunk := handle.read(READ_CHUNK):
                total += len(chunk)
                if total > limit:
                    raise too_large
                chunks.append(chunk)
    except OSError as exc:
        raise ExchangeError(
            "import.cannot-read", path=path, reason=exc.strerror or str(exc)
        ) from exc
    return b"".join(chunks)


def _validated(raw: bytes, data: object, name: str) -> ComparisonFile:
    """The file checked strictly; where pydantic's JSON reader gives up (nesting deeper than it
    reads) the lax check of what Python read says what is wrong, in the schema's words."""
    try:
        return ComparisonFile.model_validate_json(raw, strict=True)
    except ValidationError as exc:
        if exc.errors()[0].get("type") != "json_invalid":
            raise
    ComparisonFile.model_validate(data)  # raises, naming the place
    raise ExchangeError("import.nested-too-deeply", name=name)


def parse_document(
    raw: bytes, name: str = "the file", password: str | None = None, *, _inside: bool = False
) -> ComparisonFile:
    """The validated comparison in ``raw``; ``_inside``: ``raw`` came out of a protected file,
    where another protected file is refused (asking for its password would never end)."""
    if len(raw) > MAX_FILE_BYTES:
        raise ExchangeError("import.too-large-plain", name=name)
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ExchangeError("import.not-text", name=name) from None
    except json.JSONDecodeError as exc:  # Python's own words stay out; the line helps
        raise ExchangeError("import.incomplete", name=name, line=exc.lineno) from None
    except ValueError:  # Python refuses integers of more than 4,300 digits
        raise ExchangeError("import.number-too-long", name=name) from None
    except RecursionError:
        raise ExchangeError("import.nested-too-deeply", name=name) from None
    if crypto.is_envelope(data):
        if _inside:
            raise ExchangeError("import.nested-protection", name=name)
        if not password:
            raise PasswordNeededError("import.password-needed", name=name)
        try:
            inner = crypto.decrypt(data, password)
        except crypto.PasswordMismatchError as exc:
            raise WrongPasswordError(exc.code, **exc.values) from None
        except crypto.EncryptionError as exc:
            raise ExchangeError(exc.code, **exc.values) from None
        return parse_document(inner, name, _inside=True)
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise ExchangeError("import.not-kvet", name=name)
    version = data.get("schema_version")
    if isinstance(version, int) and not isinstance(version, bool) and version > SCHEMA_VERSION:
        raise ExchangeError("import.too-new", name=name, version=version)
    try:
        # strict: no value becomes another type ("3" is not 3, true is not 1), as typing it
        # could never give it; JSON's own strings still give dates and choices
        return _validated(raw, data, name)
    except ValidationError as exc:
        raise invalid_file(exc, name) from None


# The parts of a .kvet file, in words, for saying where a problem is.
PARTS = {
    "format": "part.format",
    "schema_version": "part.version",
    "exported_at": "part.date",
    "app_version": "part.app-version",
    "checklist_version": "part.checklist-version",
    "comparison": "part.comparison",
    "raters": "part.people",
    "clinics": "part.clinics",
    "assessments": "part.answers",
    "personal_topics": "part.topics",
    "decisions": "part.decisions",
    "courses": "part.courses",
}


def _field_names(model: type[BaseModel]) -> set[str]:
    names: set[str] = set()
    for name, info in model.model_fields.items():
        names.add(name)
        for inner in _models_in(info.annotation):
            names |= _field_names(inner)
    return names


def _models_in(annotation: object) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in get_args(annotation) for m in _models_in(arg)]


# Every field name of the file format: a name kvet itself wrote, safe to repeat in a message.
FIELDS = frozenset(_field_names(ComparisonFile) - set(PARTS) - {"settings"})


def _place(exc: ValidationError) -> Words:
    """Where the first problem is, in plain words: "the “phone” of entry 3 of the clinics". A
    name the file made up (an unknown key, a section id) is never repeated: it could be
    anything; only the format's own field names are."""
    loc = exc.errors()[0].get("loc", ())
    part = PARTS.get(str(loc[0])) if loc else None
    if part is None:
        return Words("place.whole")
    field = next((str(key) for key in reversed(loc[1:]) if str(key) in FIELDS), "")
    entry = loc[1] + 1 if len(loc) > 1 and isinstance(loc[1], int) else None
    if entry is not None:
        if field:
            return Words("place.entry-field", field=field, number=entry, part=Words(part))
        return Words("place.entry", number=entry, part=Words(part))
    if field:
        return Words("place.part-field", field=field, part=Words(part))
    return Words("place.part", part=Words(part))


def invalid_file(exc: ValidationError, name: str) -> ExchangeError:
    """A file the format's checks refused, said without the checker's own words (pydantic's
    "Input should be...") and without the file's values: where, and why when kvet knows."""
    first = exc.errors()[0]
    reason = first.get("ctx", {}).get("error")
    if isinstance(reason, KvetError):
        return ExchangeError(
            "import.invalid-because", name=name, place=_place(exc), reason=reason.words
        )
    return ExchangeError("import.invalid", name=name, place=_place(exc))
