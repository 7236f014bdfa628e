"""The vetting checklist: typed schema, loading and validation.

The checklist is data (``resources/checklist/checklist.toml``) so that clinicians and
translators can
edit it without touching code. It is validated as a whole on load: the app never runs with a
half-read checklist, and a broken file is reported by file, item and field.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from functools import cached_property
from pathlib import Path
from typing import Annotated, Any, Self

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, model_validator

from kvet.country import CODES as COUNTRY_CODES
from kvet.datafiles import read_toml, resource_path

ID_PATTERN = r"^[a-z][a-z0-9_]*$"
Identifier = Annotated[str, Field(pattern=ID_PATTERN, max_length=64)]
Text = Annotated[str, Field(min_length=1, max_length=2000)]


class Kind(StrEnum):
    """What sort of answer an item takes; see ``kvet.answers``."""

    RED_FLAG = "red_flag"
    PRACTICE = "practice"
    QUESTION = "question"
    FACT = "fact"


class Format(StrEnum):
    IV = "iv"
    ESKETAMINE = "esketamine"
    IM = "im"
    ORAL = "oral"


class TopicGroup(StrEnum):
    CAUTION = "caution"
    MEDICINE = "medicine"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class FormatInfo(_Strict):
    id: Format
    title: Text
    description: Text


class Source(_Strict):
    key: Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$", max_length=64)]
    title: Text
    citation: Text
    url: str = ""


class Section(_Strict):
    id: Identifier
    title: Text
    intro: Text
    weight: Annotated[float, Field(ge=0, le=10)] = 1.0


class Item(_Strict):
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
    # Countries whose rules the item is about (codes from kvet.country); empty means everywhere.
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

    def applies_to(self, formats: Iterable[Format]) -> bool:
        """Whether a clinic offering ``formats`` is judged on this item.

        An item tied to particular formats (say, the esketamine REMS) is only scored for clinics
        that
        offer one of them; a clinic whose formats are not yet known is judged on general items only.
        """
        return not self.formats or bool(set(self.formats) & set(formats))

    def applies_in(self, country: str | None) -> bool:
        """Whether a user in ``country`` is asked this item; None (not chosen) means everywhere.

        A rule of one country (say, the US esketamine REMS) is neither asked nor scored
        elsewhere, so a clinic that honestly follows its own country's rules loses nothing.
        """
        return country is None or not self.countries or country in self.countries


class PersonalTopic(_Strict):
    id: Identifier
    group: TopicGroup
    title: Text
    tell_clinic: Text
    why: Text
    sources: Annotated[tuple[str, ...], Field(min_length=1)]
    # Urgent: not a topic to note for later but a reason to get help now. The pre-screen shows
    # it first, as a way straight to the crisis panel, and never saves it.
    urgent: bool = False


class RetiredItem(_Strict):
    """An item taken out of the checklist, with its last wording.

    Answers to it are kept (never dropped) and shown against the words they answered.
    """

    id: Identifier
    statement: Text
    retired_in: Annotated[str, Field(pattern=r"^\d+\.\d+\.\d+$")]
    replaced_by: tuple[str, ...] = ()


class Checklist(_Strict):
    version: Annotated[str, Field(pattern=r"^\d+\.\d+\.\d+$")]
    title: Text
    formats: tuple[FormatInfo, ...]
    sources: tuple[Source, ...]
    sections: Annotated[tuple[Section, ...], Field(min_length=1)]
    items: tuple[Item, ...]
    personal_topics: tuple[PersonalTopic, ...] = ()
    retired: tuple[RetiredItem, ...] = ()
    _views: dict[str, Checklist] = PrivateAttr(default_factory=dict)

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

    @cached_property
    def items_by_id(self) -> dict[str, Item]:
        return {item.id: item for item in self.items}

    @cached_property
    def sections_by_id(self) -> dict[str, Section]:
        return {section.id: section for section in self.sections}

    @cached_property
    def sources_by_key(self) -> dict[str, Source]:
        return {source.key: source for source in self.sources}

    @cached_property
    def retired_by_id(self) -> dict[str, RetiredItem]:
        return {old.id: old for old in self.retired}

    def for_country(self, country: str | None) -> Checklist:
        """The checklist as a user in ``country`` sees it: other countries' rules left out.

        Everything downstream (walkthrough, call mode, scoring, comparison, reports) works
        from this view, so an item that does not apply is neither asked nor scored. Answers
        to the left-out items stay in the store untouched.
        """
        if country is None:
            return self
        view = self._views.get(country)
        if view is None:
            kept = tuple(item for item in self.items if item.applies_in(country))
            # Built afresh, not model_copy: a copy would carry this checklist's cached lookups.
            # Not validated again: this checklist was, and a subset of its items stays valid
            # (a retired item may name a replacement that this country does not see).
            fields = {name: getattr(self, name) for name in type(self).model_fields}
            view = type(self).model_construct(**{**fields, "items": kept})
            self._views[country] = view
        return view

    def item(self, item_id: str) -> Item:
        return self.items_by_id[item_id]

    def items_in(self, section_id: str) -> list[Item]:
        return [item for item in self.items if item.section == section_id]


def _unique(what: str, ids: Iterable[str]) -> None:
    seen: set[str] = set()
    for value in ids:
        if value in seen:
            raise ValueError(f"duplicate {what} id {value!r}")
        seen.add(value)


class ChecklistError(ValueError):
    """The checklist file is missing or invalid; the message names the file, item and field."""


DEFAULT_CHECKLIST = ("checklist", "checklist.toml")


def default_checklist_path() -> Path:
    return resource_path(*DEFAULT_CHECKLIST)


def load_checklist(path: Path | None = None) -> Checklist:
    """Read and validate a checklist file; raise ``ChecklistError`` with a readable message."""
    path = path or default_checklist_path()
    return parse_checklist(read_toml(path, "checklist", ChecklistError), path)


def parse_checklist(raw: dict[str, Any], path: Path | str = "<checklist>") -> Checklist:
    try:
        return Checklist.model_validate(raw)
    except ValidationError as exc:
        problems = [_describe_error(raw, error) for error in exc.errors()]
        raise ChecklistError(
            f"The checklist file {path} is invalid:\n" + "\n".join(f"  - {p}" for p in problems)
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
