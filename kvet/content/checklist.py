"""The vetting checklist: its typed records, and loading them.

The checklist is data (``resources/checklist/checklist.toml``) so that clinicians and
translators can edit it without touching code. It is validated as a whole: the app never runs with a
half-read checklist, and a broken file is reported by file, item and field. The full validation
(``kvet.content.checklistschema``, with pydantic) runs in the tests on the shipped file, and on
load for
any file whose bytes differ from it; the proven file is read straight into these records, which
keeps pydantic off the start-up path.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any

# Re-exported: the rest of kvet names these as part of the checklist.
from kvet.content.checklistkinds import ChecklistError as ChecklistError
from kvet.content.checklistkinds import Format as Format
from kvet.content.checklistkinds import Kind as Kind
from kvet.content.checklistkinds import TopicGroup as TopicGroup
from kvet.content.datafiles import is_shipped, resource_path
from kvet.content.translations import read_translated
from kvet.text.language import resolve


@dataclass(frozen=True, kw_only=True)
class FormatInfo:
    id: Format
    title: str
    description: str


@dataclass(frozen=True, kw_only=True)
class Source:
    key: str
    title: str
    citation: str
    url: str = ""
    # Whether the cited publisher is the original (label, regulator, guideline, journal, service's
    # own site), when the source was last checked, how much of it was read then
    # (kvet.content.checklistschema.READ_LEVELS) and what exactly: the content review's record.
    official: bool = False
    checked: str = ""
    read: str = ""
    note: str = ""


@dataclass(frozen=True, kw_only=True)
class Section:
    id: str
    title: str
    intro: str
    weight: float = 1.0


@dataclass(frozen=True, kw_only=True)
class Item:
    id: str
    section: str
    kind: Kind
    statement: str
    how_to_ask: str
    why_it_matters: str
    good_answer: str = ""
    sources: tuple[str, ...]
    formats: tuple[Format, ...] = ()
    weight: float = 1.0
    dealbreaker: bool = False
    unit: str = ""
    # Countries whose rules the item is about (codes from kvet.content.country); empty means
    # everywhere.
    countries: tuple[str, ...] = ()

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


@dataclass(frozen=True, kw_only=True)
class PersonalTopic:
    id: str
    group: TopicGroup
    title: str
    tell_clinic: str
    why: str
    sources: tuple[str, ...]
    # Urgent: not a topic to note for later but a reason to get help now. The pre-screen shows
    # it first, as a way straight to the crisis panel, and never saves it.
    urgent: bool = False


@dataclass(frozen=True, kw_only=True)
class RetiredItem:
    """An item taken out of the checklist, with its last wording.

    Answers to it are kept (never dropped) and shown against the words they answered.
    """

    id: str
    statement: str
    retired_in: str
    replaced_by: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Checklist:
    version: str
    title: str
    formats: tuple[FormatInfo, ...]
    sources: tuple[Source, ...]
    sections: tuple[Section, ...]
    items: tuple[Item, ...]
    personal_topics: tuple[PersonalTopic, ...] = ()
    retired: tuple[RetiredItem, ...] = ()
    _views: dict[str, Checklist] = field(
        default_factory=dict, init=False, repr=False, compare=False, hash=False
    )

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
            # Built afresh: a copy would carry this checklist's cached lookups. A subset of a
            # valid checklist's items stays valid (a retired item may name a replacement that
            # this country does not see).
            view = replace(self, items=kept)
            self._views[country] = view
        return view

    def item(self, item_id: str) -> Item:
        return self.items_by_id[item_id]

    def items_in(self, section_id: str) -> list[Item]:
        return [item for item in self.items if item.section == section_id]


DEFAULT_CHECKLIST = ("checklist", "checklist.toml")


def default_checklist_path() -> Path:
    return resource_path(*DEFAULT_CHECKLIST)


def load_checklist(path: Path | None = None, lang: str | None = None) -> Checklist:
    """Read a checklist file in ``lang`` (the run's language when None); raise
    ``ChecklistError`` with a readable message.

    The shipped file with the shipped translation, byte for byte as the tests validated them
    together, is read without validating it again. kvet's own checklist with other bytes was
    changed or damaged after kvet was installed and is refused: one changed weight would change
    every score, and a file that still parses says nothing about whether its numbers are the
    ones kvet was checked with. Another file (a tool's, a test's) is validated in full, after
    the translation is laid over it.
    """
    path = path or default_checklist_path()
    raw, proven = read_translated(path, "checklist", ChecklistError, resolve(lang))
    if proven:
        return build_checklist(raw)
    if is_shipped(path):  # there, only the English file's bytes can make it unproven
        raise ChecklistError("datafile.checklist-changed", path=path)
    return parse_checklist(raw, path)


def parse_checklist(raw: dict[str, Any], path: Path | str = "<checklist>") -> Checklist:
    """Validate ``raw`` in full, then build the checklist from it."""
    from kvet.content.checklistschema import validated

    return build_checklist(validated(raw, path))


def build_checklist(data: dict[str, Any]) -> Checklist:
    """The records for checklist data already known valid (see ``load_checklist``)."""

    def entries(key: str) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = data.get(key, [])
        return found

    return Checklist(
        version=data["version"],
        title=data["title"],
        formats=tuple(
            FormatInfo(id=Format(f["id"]), title=f["title"], description=f["description"])
            for f in entries("formats")
        ),
        sources=tuple(Source(**s) for s in entries("sources")),
        sections=tuple(
            Section(**{**s, "weight": float(s.get("weight", 1.0))}) for s in entries("sections")
        ),
        items=tuple(
            Item(
                **{
                    **i,
                    "kind": Kind(i["kind"]),
                    "sources": tuple(i["sources"]),
                    "formats": tuple(Format(f) for f in i.get("formats", ())),
                    "weight": float(i.get("weight", 1.0)),
                    "countries": tuple(i.get("countries", ())),
                }
            )
            for i in entries("items")
        ),
        personal_topics=tuple(
            PersonalTopic(**{**t, "group": TopicGroup(t["group"]), "sources": tuple(t["sources"])})
            for t in entries("personal_topics")
        ),
        retired=tuple(
            RetiredItem(**{**r, "replaced_by": tuple(r.get("replaced_by", ()))})
            for r in entries("retired")
        ),
    )
