"""The shareable comparison file (``.kvet``): a documented, versioned JSON schema.

Schema version 4::

    {
      "format": "kvet-comparison", "schema_version": 4,
      "exported_at": ISO-8601, "app_version": "0.1.0", "checklist_version": "1.0.0",
      "comparison": {"id", "name",
                     "settings": {sections, items, dealbreakers, budget, cost_plan},
                     "combine_rule": "cautious" or "latest"},
      "raters": [{"id", "name"}],
      "clinics": [{"id", "name", "address", "phone", "website", "formats", "notes", "position",
                   "currency"}],
      "assessments": [{"clinic_id", "rater_id", "checklist_version",
                       "answers": [{"item_id", "choice", "number", "note", "origin",
                                    "answered_at"}]}],
      "personal_topics": null or [{"rater_id", "topic_id", "applies", "note"}],
      "decisions": [{"clinic_id", "item_id", "choice", "number", "decided_by", "decided_at",
                     "note"}],
      "courses": null or [{"id", "clinic_id", "clinic_name", "plan": {...},
                           "entries": [{"id", "kind", "data": {...}}]}]
    }

Version 2 added ``comparison.combine_rule`` and ``decisions`` (how the family settled answers
that differed). Both are optional, so every version 1 file is a valid version 2 file and is read
as one (the cautious rule, no decisions). The number went up because a version 1 reader refuses
any field it does not know: with the new number, an older kvet says "saved by a newer version of
kvet, update kvet" instead of a puzzling complaint about an unexpected field.

Version 3 added ``courses``: a treatment record ("My treatment") at a clinic of the comparison.
Like personal topics, courses are health information: null unless the user chose to include
them, and imported only when the recipient chooses to. Their entries are checked by the store's
own rules for typed entries (``kvet.store.courses``).

Version 4 added, all optional: three fields of a treatment record, the plan's
``first_phase_sessions`` (how many sessions its first phase has), and a session's
``dose_raise_planned`` (the clinic said the dose raise was part of its plan) and ``lift_days``
(how many days the lift from that session lasted); and ``clinics[].currency`` (what the
clinic's prices are in: USD, CAD, GBP, EUR, AUD or NZD) with
``comparison.settings.budget.currency``, both defaulting to USD, since every price in an older
file was entered as US dollars. A version 3 file has none of them and is read as it always was;
a version 3 kvet refuses the new fields, so the number went up for the same reason as in
version 2.

Personal topics are health information: they are null unless the user chose to include them.
A file may instead hold an encrypted envelope (see ``kvet.exchange.crypto``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from typing import Annotated, Any, Literal, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    TypeAdapter,
    ValidationError,
    model_validator,
)

from kvet.content.checklist import Format
from kvet.exchange.errors import NotAsWrittenError
from kvet.rating.answers import Choice, Origin
from kvet.rating.combine import Rule
from kvet.store.courseentries import KINDS, course_entry, course_plan
from kvet.store.validation import (
    FIELD_LIMITS,
    MAX_NAME,
    MAX_NUMBER,
    MAX_PERSON_NAME,
    MAX_TEXT,
    MAX_WEIGHT,
    PLAN_LIMITS,
    clean_name,
    clean_text,
)
from kvet.treatment.course import MarkerWeek, Plan

FORMAT_NAME = "kvet-comparison"
SCHEMA_VERSION = 4
READABLE_VERSIONS = (1, 2, 3, 4)
MAX_FILE_BYTES = 20 * 1024 * 1024  # far above any real comparison; refuses absurd files early
# Treatment records (My treatment) in one file: a session, a PHQ-9, a mood check, a care visit
# and a week of signs each week is about 260 entries a year, so 10,000 is decades of records;
# more is not a record but a file made to freeze the window. The signs of one week are the
# five kvet suggests and the person's own: 50 is far more than anyone ticks.
MAX_IMPORT_ENTRIES = 10_000
MAX_MARKERS_PER_WEEK = 50
FILE_SUFFIX = ".kvet"

Id = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_.:-]+$")]


# One validation for typed and imported values: names and texts from a file go through the very
# checks the store applies to what the user types (``kvet.store.validation``).
def _name(value: str) -> str:
    return clean_name(value, "clinic or comparison")


def _person(value: str) -> str:
    return clean_name(value, "person", MAX_PERSON_NAME)


def _storable(value: str) -> str:
    return clean_text(value, "text")


def _field(value: str) -> str:
    """Phone and website, trimmed as the store trims them."""
    return clean_text(value, "text").strip()


Name = Annotated[str, Field(min_length=1, max_length=MAX_NAME), AfterValidator(_name)]
Text = Annotated[str, Field(max_length=MAX_TEXT), AfterValidator(_storable)]
ItemId = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[a-z][a-z0-9_]*$")]
Weight = Annotated[float, Field(ge=0, le=MAX_WEIGHT, allow_inf_nan=False)]
CurrencyCode = Literal["USD", "CAD", "GBP", "EUR", "AUD", "NZD"]  # kvet.rating.money.CODES


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class BudgetDoc(_Model):
    first_year: Annotated[float, Field(ge=0, le=MAX_NUMBER, allow_inf_nan=False)]
    weight: Weight = 2.0
    scored: bool = True
    currency: CurrencyCode = "USD"  # version 4; older budgets were in US dollars


class CostPlanDoc(_Model):
    induction_sessions: Annotated[int, Field(ge=0, le=PLAN_LIMITS["induction_sessions"])] = 6
    induction_months: Annotated[
        float, Field(ge=0, le=PLAN_LIMITS["induction_months"], allow_inf_nan=False)
    ] = 1.0
    maintenance_sessions_per_month: Annotated[
        float, Field(ge=0, le=PLAN_LIMITS["maintenance_sessions_per_month"], allow_inf_nan=False)
    ] = 1.0


class SettingsDoc(_Model):
    """The comparison's weights, as ``kvet.store.validation.weights_to_dict`` stores them.

    A schema, not any JSON: a file could otherwise bring settings nested hundreds deep, holding
    half characters or millions of items, that break the comparison later (on sharing it again).
    """

    sections: Annotated[dict[ItemId, Weight], Field(max_length=200)] = Field(default_factory=dict)
    items: Annotated[dict[ItemId, Weight], Field(max_length=2000)] = Field(default_factory=dict)
    dealbreakers: Annotated[dict[ItemId, bool], Field(max_length=2000)] = Field(
        default_factory=dict
    )
    budget: BudgetDoc | None = None
    cost_plan: CostPlanDoc = Field(default_factory=CostPlanDoc)


class ComparisonDoc(_Model):
    id: Id
    name: Name
    settings: SettingsDoc = Field(default_factory=SettingsDoc)
    combine_rule: Rule = Rule.CAUTIOUS


class RaterDoc(_Model):
    id: Id
    name: Annotated[str, Field(min_length=1, max_length=MAX_PERSON_NAME), AfterValidator(_person)]


class ClinicDoc(_Model):
    id: Id
    name: Name
    address: Text = ""
    phone: Annotated[str, Field(max_length=FIELD_LIMITS["phone"]), AfterValidator(_field)] = ""
    website: Annotated[str, Field(max_length=FIELD_LIMITS["website"]), AfterValidator(_field)] = ""
    formats: tuple[Format, ...] = ()
    notes: Text = ""
    position: Annotated[int, Field(ge=0, le=100_000)] = 0
    currency: CurrencyCode = "USD"  # version 4; older files' prices were all US dollars


class AnswerDoc(_Model):
    item_id: ItemId
    choice: Choice | None = None
    number: Annotated[float, Field(ge=0, le=1_000_000_000, allow_inf_nan=False)] | None = None
    note: Text = ""
    origin: Origin = Origin.PHONE
    answered_at: datetime


class AssessmentDoc(_Model):
    clinic_id: Id
    rater_id: Id
    checklist_version: Annotated[str, Field(max_length=20)] = ""
    answers: Annotated[tuple[AnswerDoc, ...], Field(max_length=1000)] = ()

    @model_validator(mode="after")
    def _one_answer_per_item(self) -> Self:
        ids = [a.item_id for a in self.answers]
        if len(ids) != len(set(ids)):
            raise NotAsWrittenError("file.answered-twice")
        return self


class TopicDoc(_Model):
    rater_id: Id
    topic_id: ItemId
    applies: bool
    note: Text = ""


class DecisionDoc(_Model):
    clinic_id: Id
    item_id: ItemId
    choice: Choice | None = None
    number: Annotated[float, Field(ge=0, le=1_000_000_000, allow_inf_nan=False)] | None = None
    decided_by: Id
    decided_at: datetime
    note: Text = ""

    @model_validator(mode="after")
    def _decides_something(self) -> Self:
        if (self.choice is None) == (self.number is None):
            raise NotAsWrittenError("file.empty-decision")
        return self


def _strictly(adapter: TypeAdapter[Any], data: dict[str, Any]) -> None:
    """``data`` as JSON holds it, with no value turned into another type: "3" and true are not
    the answer 3, as typing one could never give them (pydantic's strict JSON mode)."""
    try:
        adapter.validate_json(json.dumps(data), strict=True)
    except (ValidationError, ValueError, TypeError):
        raise NotAsWrittenError("file.entry-wrong-type") from None


_STRICT_ENTRIES: dict[str, TypeAdapter[Any]] = {k: TypeAdapter(c) for k, c in KINDS.items()}
_STRICT_PLAN: TypeAdapter[Any] = TypeAdapter(Plan)


class CourseEntryDoc(_Model):
    id: Id
    kind: Literal["session", "phq9", "mood", "care", "markers"]
    data: dict[str, Any]

    @model_validator(mode="after")
    def _as_typed(self) -> Self:
        entry = course_entry(self.kind, self.data)  # the store's own checks, as if typed
        _strictly(_STRICT_ENTRIES[self.kind], self.data)
        if isinstance(entry, MarkerWeek) and len(entry.ticked) > MAX_MARKERS_PER_WEEK:
            raise NotAsWrittenError("file.too-many-signs", limit=MAX_MARKERS_PER_WEEK)
        return self


class CourseDoc(_Model):
    id: Id
    clinic_id: Id | None = None
    clinic_name: Name
    plan: dict[str, Any] = Field(default_factory=dict)
    entries: Annotated[tuple[CourseEntryDoc, ...], Field(max_length=10_000)] = ()

    @model_validator(mode="after")
    def _plan(self) -> Self:
        course_plan(self.plan)
        _strictly(_STRICT_PLAN, self.plan)
        if len({e.id for e in self.entries}) != len(self.entries):
            raise NotAsWrittenError("file.entry-ids-shared")
        return self


class ComparisonFile(_Model):
    format: Literal["kvet-comparison"]
    schema_version: Literal[1, 2, 3, 4]
    exported_at: datetime
    app_version: Annotated[str, Field(max_length=40)]
    checklist_version: Annotated[str, Field(max_length=20)]
    comparison: ComparisonDoc
    raters: Annotated[tuple[RaterDoc, ...], Field(max_length=100)]
    clinics: Annotated[tuple[ClinicDoc, ...], Field(max_length=5000)]
    assessments: Annotated[tuple[AssessmentDoc, ...], Field(max_length=50_000)]
    personal_topics: tuple[TopicDoc, ...] | None = None
    decisions: Annotated[tuple[DecisionDoc, ...], Field(max_length=250_000)] = ()
    courses: Annotated[tuple[CourseDoc, ...], Field(max_length=100)] | None = None

    @model_validator(mode="after")
    def _references(self) -> Self:
        clinic_ids = [c.id for c in self.clinics]
        rater_ids = [r.id for r in self.raters]
        if len(set(clinic_ids)) != len(clinic_ids):
            raise NotAsWrittenError("file.clinic-ids-shared")
        if len(set(rater_ids)) != len(rater_ids):
            raise NotAsWrittenError("file.person-ids-shared")
        known_clinics, known_raters = set(clinic_ids), set(rater_ids)
        _check_links(
            ((a.clinic_id, a.rater_id, (a.clinic_id, a.rater_id)) for a in self.assessments),
            known_clinics,
            known_raters,
            ("file.answers-unknown-clinic", "file.answers-unknown-person", "file.answers-twice"),
        )
        for t in self.personal_topics or ():
            if t.rater_id not in known_raters:
                raise NotAsWrittenError("file.topic-unknown-person")
        _check_links(
            ((d.clinic_id, d.decided_by, (d.clinic_id, d.item_id)) for d in self.decisions),
            known_clinics,
            known_raters,
            ("file.decision-unknown-clinic", "file.decision-unknown-person", "file.decided-twice"),
        )
        topics = [(t.rater_id, t.topic_id) for t in self.personal_topics or ()]
        if len(set(topics)) != len(topics):
            raise NotAsWrittenError("file.topic-twice")
        courses = self.courses or ()
        for course in courses:
            if course.clinic_id is not None and course.clinic_id not in known_clinics:
                raise NotAsWrittenError("file.course-unknown-clinic")
        if len({c.id for c in courses}) != len(courses):
            raise NotAsWrittenError("file.course-ids-shared")
        entry_ids = [e.id for c in courses for e in c.entries]
        if len(entry_ids) > MAX_IMPORT_ENTRIES:
            raise NotAsWrittenError(
                "file.too-many-entries",
                count=f"{len(entry_ids):,}",
                limit=f"{MAX_IMPORT_ENTRIES:,}",
            )
        if len(set(entry_ids)) != len(entry_ids):
            raise NotAsWrittenError("file.entry-ids-shared")
        return self


def _check_links(
    links: Iterable[tuple[str, str, tuple[str, str]]],
    clinics: set[str],
    people: set[str],
    refusals: tuple[str, str, str],
) -> None:
    """Each record (its clinic, its person, what makes it one of a kind) names a clinic and a
    person of the file, and comes once; else the first that does not is refused, in the order
    ``refusals`` names: unknown clinic, unknown person, twice."""
    unknown_clinic, unknown_person, twice = refusals
    seen = set()
    for clinic, person, key in links:
        if clinic not in clinics:
            raise NotAsWrittenError(unknown_clinic)
        if person not in people:
            raise NotAsWrittenError(unknown_person)
        if key in seen:
            raise NotAsWrittenError(twice)
        seen.add(key)
