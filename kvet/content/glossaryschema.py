"""The glossary file's full validation, kept apart from ``kvet.content.glossary`` so that starting
kvet
need not import pydantic (as for the checklist: see ``kvet.content.checklistschema``)."""

from __future__ import annotations

from typing import Annotated, Any, Self

from pydantic import Field, ValidationError, model_validator

from kvet.content.datafiles import GlossaryError
from kvet.content.schemabase import Strict
from kvet.text.errors import listed

Text = Annotated[str, Field(min_length=1, max_length=500)]


class TermSchema(Strict):
    term: Text
    words: Annotated[tuple[Text, ...], Field(min_length=1)]
    explanation: Text
    sources: tuple[str, ...] = ()


class GlossarySchema(Strict):
    version: Annotated[int, Field(ge=1)]
    terms: tuple[TermSchema, ...]

    @model_validator(mode="after")
    def _one_entry_per_word(self) -> Self:
        seen: set[str] = set()
        for term in self.terms:
            for word in term.words:
                key = word.lower()
                if key in seen:
                    raise ValueError(f"the word {word!r} is listed under two terms")
                seen.add(key)
        return self


def validated(raw: dict[str, Any], path: object) -> dict[str, Any]:
    """``raw`` checked in full and tidied, or a ``GlossaryError`` naming the file, term and
    field of every problem."""
    try:
        return GlossarySchema.model_validate(raw).model_dump()
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            loc = list(error.get("loc", ()))
            where = ""
            if len(loc) >= 2 and loc[0] == "terms" and isinstance(loc[1], int):
                terms = raw.get("terms")
                entry = terms[loc[1]] if isinstance(terms, list) and loc[1] < len(terms) else {}
                name = entry.get("term") if isinstance(entry, dict) else None
                where = f"term {name!r}" if name else f"term number {loc[1] + 1}"
                if loc[2:]:
                    where += f", field {'.'.join(str(p) for p in loc[2:])!r}"
                where += ": "
            problems.append(where + str(error.get("msg", "invalid")))
        raise GlossaryError(
            "datafile.invalid", what="glossary", path=str(path), problems=listed(problems)
        ) from exc
