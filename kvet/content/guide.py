"""Who made kvet's content and when it was checked ("About this guide"), and a balanced summary
of what ketamine may and may not do ("Before you decide").

Decision-aid standards (IPDAS) ask a tool to say who wrote it, who paid, what conflicts exist,
when it was last reviewed and when it will be next, and to present the options in balance. The
texts are data (``resources/guide/guide.toml``) so they are reviewed like the checklist.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Any, Self

from pydantic import Field, ValidationError, model_validator

from kvet.content.checklist import Checklist
from kvet.content.datafiles import resource_path
from kvet.content.schemabase import Strict
from kvet.content.translations import read_translated
from kvet.text.errors import DataFileError
from kvet.text.errors import listed as _listed
from kvet.text.language import resolve

DEFAULT_GUIDE = ("guide", "guide.toml")
Text = Annotated[str, Field(min_length=1, max_length=1000)]


class About(Strict):
    who: Text
    funding: Text
    conflicts: Text
    items: Text
    weights: Text
    limits: Text


class Point(Strict):
    heading: Text
    text: Text
    sources: Annotated[tuple[str, ...], Field(min_length=1)]


class PsychiatristQuestion(Strict):
    question: Text
    why: Text
    sources: Annotated[tuple[str, ...], Field(min_length=1)]


class Guide(Strict):
    version: Annotated[int, Field(ge=1)]
    reviewed: date
    next_review: date
    about: About
    before_you_decide: Annotated[tuple[Point, ...], Field(min_length=1)]
    own_psychiatrist: Annotated[tuple[PsychiatristQuestion, ...], Field(min_length=1)]

    @model_validator(mode="after")
    def _dates_in_order(self) -> Self:
        if self.next_review <= self.reviewed:
            raise ValueError("next_review must come after reviewed")
        return self

    def review_overdue(self, today: date) -> bool:
        return today > self.next_review

    def about_lines(self, today: date) -> list[tuple[str, str]]:
        """The "About this guide" text as (heading, text) pairs, for the page and the report."""
        review = (
            f"Last checked against its sources on {self.reviewed:%d %B %Y}. "
            f"Next check due by {self.next_review:%d %B %Y}."
        )
        if self.review_overdue(today):
            review += " That check is overdue, so some details may be out of date."
        a = self.about
        return [
            ("Who wrote it", a.who),
            ("Funding", a.funding),
            ("Conflicts of interest", a.conflicts),
            ("When it was checked", review),
            ("How the items were chosen", a.items),
            ("How the weights and dealbreakers were set", a.weights),
            ("What kvet is not", a.limits),
        ]

    def unknown_sources(self, checklist: Checklist) -> list[str]:
        keys = [k for p in self.before_you_decide for k in p.sources]
        keys += [k for q in self.own_psychiatrist for k in q.sources]
        return [k for k in keys if k not in checklist.sources_by_key]


class GuideError(DataFileError):
    """The guide file is missing or invalid; the message names the file and field."""


def default_guide_path() -> Path:
    return resource_path(*DEFAULT_GUIDE)


def load_guide(path: Path | None = None, lang: str | None = None) -> Guide:
    """Read and validate the guide in ``lang`` (the run's language when None)."""
    path = path or default_guide_path()
    raw, _ = read_translated(path, "guide", GuideError, resolve(lang))
    return parse_guide(raw, path)


def parse_guide(raw: dict[str, Any], path: Path | str = "<guide>") -> Guide:
    try:
        return Guide.model_validate(raw)
    except ValidationError as exc:
        problems = [
            f"field {'.'.join(str(p) for p in e.get('loc', ()))!r}: {e.get('msg', 'invalid')}"
            for e in exc.errors()
        ]
        raise GuideError(
            "datafile.invalid", what="guide", path=path, problems=_listed(problems)
        ) from exc
