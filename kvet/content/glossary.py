"""The glossary: words in the checklist that need a short explanation, and where they occur.

Jargon (REMS, ACLS, induction, superbill…) is explained where it is read: on hover, to screen
readers, and in the report. The terms are data (``resources/glossary/glossary.toml``), validated
as a whole like the checklist (``kvet.content.glossaryschema``; the shipped file by the tests, any
other
content on load), so a reviewer can change an explanation without code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from kvet.content.datafiles import (
    GlossaryError as GlossaryError,
)  # re-exported: the glossary's error
from kvet.content.datafiles import resource_path
from kvet.content.translations import read_translated
from kvet.text.language import resolve

DEFAULT_GLOSSARY = ("glossary", "glossary.toml")


@dataclass(frozen=True, kw_only=True)
class Term:
    term: str
    words: tuple[str, ...]
    explanation: str
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


@dataclass(frozen=True, kw_only=True)
class Glossary:
    version: int
    terms: tuple[Term, ...]
    _explained: dict[tuple[str, ...], str] = field(
        default_factory=dict, init=False, repr=False, compare=False, hash=False
    )

    def terms_in(self, *texts: str) -> list[Term]:
        """The terms that occur in any of ``texts``, in glossary order, each once."""
        return [t for t in self.terms if any(t.found_in(text) for text in texts)]

    def explain(self, *texts: str) -> str:
        """One line per term found, for a tooltip or a screen reader; empty when none is. Kept
        per text: the walkthrough explains the same item's words each time it shows it."""
        found = self._explained.get(texts)
        if found is None:
            found = self._explained[texts] = "\n".join(t.line() for t in self.terms_in(*texts))
        return found


def default_glossary_path() -> Path:
    return resource_path(*DEFAULT_GLOSSARY)


def load_glossary(path: Path | None = None, lang: str | None = None) -> Glossary:
    """Read a glossary file in ``lang`` (the run's language when None): the proven shipped one
    as it is, any other validated in full."""
    path = path or default_glossary_path()
    raw, proven = read_translated(path, "glossary", GlossaryError, resolve(lang))
    return build_glossary(raw) if proven else parse_glossary(raw, path)


def parse_glossary(raw: dict[str, Any], path: Path | str = "<glossary>") -> Glossary:
    """Validate ``raw`` in full, then build the glossary from it."""
    from kvet.content.glossaryschema import validated

    return build_glossary(validated(raw, path))


def build_glossary(data: dict[str, Any]) -> Glossary:
    """The records for glossary data already known valid (see ``load_glossary``)."""
    terms: list[dict[str, Any]] = data["terms"]
    return Glossary(
        version=data["version"],
        terms=tuple(
            Term(**{**t, "words": tuple(t["words"]), "sources": tuple(t.get("sources", ()))})
            for t in terms
        ),
    )
