"""The glossary: words in the checklist that need a short explanation, and where they occur.

Jargon (REMS, ACLS, induction, superbill…) is explained where it is read: on hover, to screen
readers, and in the report. The terms are data (``resources/glossary/glossary.toml``), validated
as a whole on load like the checklist, so a reviewer can change an explanation without code.
"""

from __future__ import annotations

import re
from functools import cached_property
from pathlib import Path
from typing import Annotated, Any, Self

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from kvet.datafiles import read_toml, resource_path

DEFAULT_GLOSSARY = ("glossary", "glossary.toml")
Text = Annotated[str, Field(min_length=1, max_length=500)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Term(_Strict):
    term: Text
    words: Annotated[tuple[Text, ...], Field(min_length=1)]
    explanation: Text
    sources: tuple[str, ...] = ()

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """Whole words only; an abbreviation in capitals matches only in capitals.

        "REMS" is not found in "Remsen Clinic", and "induction" is found in "Induction" at the
        start of a sentence but not inside "reinduction".
        """
        parts = []
        for word in self.words:
            body = re.escape(word).replace(r"\ ", r"\s+")
            parts.append(body if word.isupper() else f"(?i:{body})")
        return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])")

    def found_in(self, text: str) -> bool:
        return self.pattern.search(text) is not None

    def line(self) -> str:
        return f"{self.term}: {self.explanation}"


class Glossary(_Strict):
    version: Annotated[int, Field(ge=1)]
    terms: tuple[Term, ...]

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

    def terms_in(self, *texts: str) -> list[Term]:
        """The terms that occur in any of ``texts``, in glossary order, each once."""
        return [t for t in self.terms if any(t.found_in(text) for text in texts)]

    def explain(self, *texts: str) -> str:
        """One line per term found, for a tooltip or a screen reader; empty when none is."""
        return "\n".join(t.line() for t in self.terms_in(*texts))


class GlossaryError(ValueError):
    """The glossary file is missing or invalid; the message names the file, term and field."""


def default_glossary_path() -> Path:
    return resource_path(*DEFAULT_GLOSSARY)


def load_glossary(path: Path | None = None) -> Glossary:
    path = path or default_glossary_path()
    return parse_glossary(read_toml(path, "glossary", GlossaryError), path)


def parse_glossary(raw: dict[str, Any], path: Path | str = "<glossary>") -> Glossary:
    try:
        return Glossary.model_validate(raw)
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
            f"The glossary file {path} is invalid:\n" + "\n".join(f"  - {p}" for p in problems)
        ) from exc
