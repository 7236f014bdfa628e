"""The plain records that cross the store's door for whole comparisons (``kvet.store.transfer``).

They are the whole vocabulary between the store and ``kvet.exchange``: what a shared file is
read from (``ComparisonDump``), what an import would meet (``Holdings``) and what an import
writes (``ImportBatch``). Plain values only, never ORM rows, so the exchange never sees the
database; kept apart from the reading and writing so each side can be read alone.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, NamedTuple, Protocol

from kvet.rating.answers import Choice, Origin
from kvet.rating.combine import Rule
from kvet.rating.scoring import Weights
from kvet.store.courseentries import Entry
from kvet.treatment.course import Plan

# --- records: what is stored, as stored ---------------------------------------------------------


class StoredAnswer(NamedTuple):
    """One answer as stored (choice and origin are the stored words; the file checks them)."""

    item_id: str
    choice: str | None
    number: float | None
    note: str
    origin: str
    answered_at: datetime


class StoredDecision(NamedTuple):
    clinic_id: str
    item_id: str
    choice: str | None
    number: float | None
    decided_by: str
    decided_at: datetime
    note: str


@dataclass(frozen=True)
class StoredClinic:
    id: str
    comparison_id: str
    live: bool  # False once deleted (it can still be undone in this session)
    name: str
    address: str
    phone: str
    website: str
    formats: tuple[str, ...]
    notes: str
    position: int
    currency: str


@dataclass(frozen=True)
class StoredAssessment:
    clinic_id: str
    rater_id: str
    checklist_version: str
    answers: tuple[StoredAnswer, ...]


@dataclass(frozen=True)
class StoredTopic:
    rater_id: str
    topic_id: str
    applies: bool
    note: str


@dataclass(frozen=True)
class StoredEntry:
    id: str
    kind: str
    data: Mapping[str, Any]  # as files keep it (``kvet.store.courseentries.entry_data``)


@dataclass(frozen=True)
class StoredCourse:
    id: str
    clinic_id: str | None
    clinic_name: str
    plan: Mapping[str, Any]
    entries: tuple[StoredEntry, ...]


@dataclass(frozen=True)
class ComparisonDump:
    """One comparison, whole, as ``read_comparison`` found it in one transaction."""

    id: str
    name: str
    weights: Weights  # read leniently, as the window reads them, so a file always fits
    combine_rule: Rule  # an unknown stored word reads as the cautious rule
    people: tuple[tuple[str, str], ...]  # (id, name), everyone who answered or decided
    clinics: tuple[StoredClinic, ...]  # live ones, in their order
    assessments: tuple[StoredAssessment, ...]
    decisions: tuple[StoredDecision, ...]
    topics: tuple[StoredTopic, ...] | None  # None unless asked for
    courses: tuple[StoredCourse, ...] | None  # None unless asked for


@dataclass(frozen=True)
class Holdings:
    """What is already stored that an import would meet (see ``Transfer.holdings``)."""

    comparison_id_taken: bool  # importing as new, the file's comparison id is in use here
    people: Mapping[str, str]  # everyone's id -> name
    clinics: Mapping[str, StoredClinic]  # clinics with the file's ids, in any comparison
    answers: Mapping[tuple[str, str], Mapping[str, StoredAnswer]]  # (clinic, person) -> item
    decisions: Mapping[tuple[str, str], StoredDecision]  # (clinic, item)
    topics: frozenset[tuple[str, str]]  # (person, topic) already kept for the chosen people
    courses: frozenset[str]  # ids of the file's treatment records already here


# --- what an import writes: plain values, planned by kvet.exchange.importer ----------------------


@dataclass(frozen=True)
class NewComparison:
    """The comparison an import makes, stored under the batch's ``comparison_id``."""

    name: str
    weights: Weights
    combine_rule: Rule


@dataclass(frozen=True)
class ImportedClinic:
    """Added when no clinic of this comparison has the id; else only ``overwrite`` is changed."""

    id: str
    name: str
    address: str
    phone: str
    website: str
    notes: str
    formats: tuple[str, ...]
    position: int
    currency: str = "USD"
    overwrite: frozenset[str] = frozenset()  # fields where the file's value wins


class AnswerValues(Protocol):
    """One answer of an import: any record with these values (the file's own records are)."""

    @property
    def item_id(self) -> str: ...
    @property
    def choice(self) -> Choice | None: ...
    @property
    def number(self) -> float | None: ...
    @property
    def note(self) -> str: ...
    @property
    def origin(self) -> Origin: ...
    @property
    def answered_at(self) -> datetime: ...


class ImportedAnswer(NamedTuple):
    item_id: str
    choice: Choice | None
    number: float | None
    note: str
    origin: Origin
    answered_at: datetime


@dataclass(frozen=True)
class ImportedAssessment:
    """One person's answers on one clinic; answers already stored are kept unless ``overwrite``
    names their item (the user chose the file's)."""

    clinic_id: str
    rater_id: str
    checklist_version: str
    answers: Sequence[AnswerValues]  # taken as they are: a large file has tens of thousands
    overwrite: frozenset[str] = frozenset()


class ImportedDecision(NamedTuple):
    clinic_id: str
    item_id: str
    choice: Choice | None
    number: float | None
    note: str
    decided_by: str
    decided_at: datetime
    overwrite: bool


@dataclass(frozen=True)
class ImportedCourse:
    """A treatment record with its own ids, so a file that carries it round-trips exactly."""

    id: str
    clinic_id: str | None
    clinic_name: str
    plan: Plan
    entries: tuple[tuple[str, Entry], ...]


@dataclass(frozen=True)
class ImportBatch:
    comparison_id: str
    new_comparison: NewComparison | None  # None: into ``comparison_id``, which exists
    people: tuple[tuple[str, str], ...]  # (id, name): added unless the id is someone's already
    clinics: tuple[ImportedClinic, ...]
    assessments: tuple[ImportedAssessment, ...]
    decisions: tuple[ImportedDecision, ...]
    topics: tuple[StoredTopic, ...] = ()  # added unless the person has the topic already
    courses: tuple[ImportedCourse, ...] = ()  # added unless a record has the id already
