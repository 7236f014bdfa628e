"""The checklist file's full validation: every field's type and limits, and cross-references.

Kept apart from ``kvet.content.checklist`` so that starting kvet need not import pydantic: the
shipped
file is proven valid by the tests (``tests/test_shipped_data.py``), and only a file whose bytes
differ from that proven one is validated here, on load. The field lists match the records in
``kvet.content.checklist`` (a test checks that too). It imports only the shared vocabulary
(``kvet.content.checklistkinds``), never the records, so the two modules do not import each other.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated, Any, Self

from pydantic import Field, ValidationError, model_validator

from kvet.content.checklistkinds import ChecklistError, Format, Kind, TopicGroup
from kvet.content.country import CODES as COUNTRY_CODES
from kvet.content.schemabase import Strict
from kvet.text.errors import listed

ID_PATTERN = r"^[a-z][a-z0-9_]*$"
Identifier = Annotated[str, Field(pattern=ID_PATTERN, max_length=64)]
Text = Annotated[str, Field(min_length=1, max_length=2000)]


class FormatInfoSchema(Strict):
    id: Format
    title: Text
    description: Text


# How much of a source was read when it was last checked: the whole text, named parts of it, its
# abstract only, someone else's summary of it, or only a report about it
# (docs/content-review.md).
READ_LEVELS = ("full", "part", "abstract", "summary", "secondary")


class SourceSchema(Strict):
    key: Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$", max_length=64)]
    title: Text
    citation: Text
    url: str = ""
    # True when the cited publisher is the original: a regulator, a drug label, a guideline body,
    # a professional society, a journal, a service's own site. The article kvet is based on, news,
    # blogs and commercial pages are not.
    official: bool
    checked: Annotated[str, Field(pattern=r"^\d{4}-\d{2}-\d{2}$")]
    read: Annotated[str, Field(pattern="^(" + "|".join(READ_LEVELS) + ")$")]
    note: str = ""


class SectionSchema(Strict):
    id: Identifier
    title: Text
    intro: Text
    weight: Annotated[float, Field(ge=0, le=10)] = 1.0


class ItemSchema(Strict):
    id: Identifier
    section: Identifier
    kind: Kind
    statement: Text
    how_to_ask: Text
    why_it_matters: Text
    good_answer: str = ""
    sources: Annotated[tuple[str, ...], Field(min_length=1)]
    formats: tuple[Format, ...] = ()
    weight: Annotated[float, Field(ge=0, le=10)] = 1.0
    dealbreaker: bool = False
    unit: str = ""
    countries: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _kind_rules(self) -> Self:
        for code in self.countries:
            if code not in COUNTRY_CODES:
                known = ", ".join(sorted(COUNTRY_CODES))
                raise ValueError(f"unknown country {code!r} (known: {known})")
        if self.dealbreaker and self.kind is not Kind.RED_FLAG:
            raise ValueError("only red_flag items can be dealbreakers")
        if self.kind is Kind.FACT and not self.unit:
            raise ValueError("a fact needs a unit (for example USD or minutes)")
        if self.kind is not Kind.FACT and self.unit:
            raise ValueError("only fact items have a unit")
        return self


class PersonalTopicSchema(Strict):
    id: Identifier
    group: TopicGroup
    title: Text
    tell_clinic: Text
    why: Text
    sources: Annotated[tuple[str, ...], Field(min_length=1)]
    urgent: bool = False


class RetiredItemSchema(Strict):
    id: Identifier
    statement: Text
    retired_in: Annotated[str, Field(pattern=r"^\d+\.\d+\.\d+$")]
    replaced_by: tuple[str, ...] = ()


class ChecklistSchema(Strict):
    version: Annotated[str, Field(pattern=r"^\d+\.\d+\.\d+$")]
    title: Text
    formats: tuple[FormatInfoSchema, ...]
    sources: tuple[SourceSchema, ...]
    sections: Annotated[tuple[SectionSchema, ...], Field(min_length=1)]
    items: tuple[ItemSchema, ...]
    personal_topics: tuple[PersonalTopicSchema, ...] = ()
    retired: tuple[RetiredItemSchema, ...] = ()

    @model_validator(mode="after")
    def _cross_references(self) -> Self:
        _unique("section", (s.id for s in self.sections))
        _unique("item", (i.id for i in self.items))
        _unique("source", (s.key for s in self.sources))
        _unique("personal topic", (t.id for t in self.personal_topics))
        section_ids = {s.id for s in self.sections}
        source_keys = {s.key for s in self.sources}
        for item in self.items:
            if item.section not in section_ids:
                raise ValueError(f"item {item.id!r}: unknown section {item.section!r}")
            for key in item.sources:
                if key not in source_keys:
                    raise ValueError(f"item {item.id!r}: unknown source {key!r}")
        for topic in self.personal_topics:
            for key in topic.sources:
                if key not in source_keys:
                    raise ValueError(f"personal topic {topic.id!r}: unknown source {key!r}")
        live = {i.id for i in self.items}
        for old in self.retired:
            if old.id in live:
                raise ValueError(f"retired item {old.id!r} is still in the checklist")
            for new in old.replaced_by:
                if new not in live:
                    raise ValueError(f"retired item {old.id!r}: unknown replacement {new!r}")
        return self


def _unique(what: str, ids: Iterable[str]) -> None:
    seen: set[str] = set()
    for value in ids:
        if value in seen:
            raise ValueError(f"duplicate {what} id {value!r}")
        seen.add(value)


def validated(raw: dict[str, Any], path: object) -> dict[str, Any]:
    """``raw`` checked in full and tidied (spaces stripped, numbers as floats), or a
    ``ChecklistError`` naming the file, item and field of every problem."""
    try:
        return ChecklistSchema.model_validate(raw).model_dump()
    except ValidationError as exc:
        problems = [_describe_error(raw, error) for error in exc.errors()]
        raise ChecklistError(
            "datafile.invalid", what="checklist", path=str(path), problems=listed(problems)
        ) from exc


def _describe_error(raw: dict[str, Any], error: Any) -> str:
    """Name the item and field: ('items', 3, 'kind') becomes 'item "rf_x", field kind'."""
    loc = list(error.get("loc", ()))
    message = str(error.get("msg", "invalid"))
    where: list[str] = []
    if len(loc) >= 2 and isinstance(loc[0], str) and isinstance(loc[1], int):
        collection, index = loc[0], loc[1]
        entries = raw.get(collection)
        entry = entries[index] if isinstance(entries, list) and index < len(entries) else None
        label = collection.rstrip("s").replace("_", " ")
        ident = entry.get("id") or entry.get("key") if isinstance(entry, dict) else None
        where.append(f"{label} {ident!r}" if ident else f"{label} number {index + 1}")
        rest = loc[2:]
    else:
        rest = loc
    fields = ".".join(str(part) for part in rest)
    if fields:
        where.append(f"field {fields!r}")
    return (", ".join(where) + ": " if where else "") + message
