"""Where each sentence the core builds is translated: the gettext catalogue, the window's Qt .ts,
the printouts' words files, or more than one of them.

A core sentence is an English text the Qt-free core keeps as a constant (a template such as
"Place {rank} for now: answers still to come could change it.") and hands to a ``say``
function. Issue 28 asks that each lives in one place: the catalogue
(``resources/catalogue/es.po``). This script finds every such text that a translation file also
holds, says where, and lists the ones whose Spanish differs between the screen (the .ts) and
paper (``words.es.toml``). Its output is kept in docs/translating.md; tests/test_one_source.py
holds the moved families to one source.
Run: .venv/bin/python scripts/sentence_sources.py [--markdown] [--files OTHER_CHECKOUT]
"""

from __future__ import annotations

import importlib
import importlib.util
import pkgutil
import sys
import tomllib
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "kvet_es.ts"
WORDS = ROOT / "resources" / "report" / "words.toml"
WORDS_ES = ROOT / "resources" / "report" / "words.es.toml"
PO = ROOT / "resources" / "catalogue" / "es.po"
# The core's packages (Qt-free); their module-level constants hold the sentences.
CORE = ("rating", "treatment", "text", "start", "exchange", "content")


def _texts(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, tuple | list | frozenset | set):
        for one in value:
            yield from _texts(one)
    elif isinstance(value, dict):
        for one in value.values():
            yield from _texts(one)


def core_constants() -> dict[str, list[str]]:
    """English text -> the core constants that hold it ("kvet.rating.ranking.PLACE_ONLY")."""
    sys.path.insert(0, str(ROOT))
    found: dict[str, list[str]] = {}
    for package in CORE:
        base = importlib.import_module(f"kvet.{package}")
        for info in pkgutil.iter_modules(base.__path__):
            module = importlib.import_module(f"kvet.{package}.{info.name}")
            for name, value in vars(module).items():
                if not name.isupper() or name.startswith("_"):
                    continue
                for text in _texts(value):
                    if text.strip() and any(c.isalpha() for c in text):
                        where = f"{module.__name__}.{name}"
                        if where not in found.setdefault(text, []):
                            found[text].append(where)
    return found


def ts_entries() -> list[tuple[str, str, str]]:
    """(context, English, Spanish) of every message the window's .ts holds."""
    entries = []
    for context in ET.parse(TS).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            english = message.findtext("source", "")
            entries.append((name, english, message.findtext("translation") or ""))
    return entries


def words_entries() -> list[tuple[str, str, str, str]]:
    """(table, id, English, Spanish) of every text of the printouts' words files."""
    english = tomllib.loads(WORDS.read_text(encoding="utf-8"))
    spanish = tomllib.loads(WORDS_ES.read_text(encoding="utf-8"))
    return [
        (table, key, text, spanish.get(table, {}).get(key, ""))
        for table, texts in english.items()
        if isinstance(texts, dict)
        for key, text in texts.items()
    ]


def catalogue_entries() -> list[tuple[str, str, str]]:
    """(msgctxt, English, Spanish) of the catalogue; the error codes' entries included."""
    spec = importlib.util.spec_from_file_location("catalogue_script", ROOT / "scripts/catalogue.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    entries: list[tuple[str, str, str]] = module.parse_po(PO.read_text(encoding="utf-8"))
    return entries


@dataclass
class Sentence:
    """One core sentence and every place that translates it."""

    english: str
    constants: list[str]
    screen: list[tuple[str, str]] = field(default_factory=list)  # (.ts context, Spanish)
    paper: list[tuple[str, str]] = field(default_factory=list)  # ("table.id", Spanish)
    catalogue: list[tuple[str, str]] = field(default_factory=list)  # (msgctxt, Spanish)

    @property
    def places(self) -> int:
        return len(self.screen) + len(self.paper) + len(self.catalogue)

    def differs(self) -> bool:
        """Screen and paper both translate it, in other Spanish."""
        spanish = {s for _, s in self.screen} | {s for _, s in self.paper}
        return bool(self.screen and self.paper) and len(spanish) > 1


def measure() -> list[Sentence]:
    """Every core sentence that some translation file holds, in the core's order."""
    sentences = {text: Sentence(text, where) for text, where in core_constants().items()}
    for context, english, spanish in ts_entries():
        if english in sentences:
            sentences[english].screen.append((context, spanish))
    for table, key, english, spanish in words_entries():
        if english in sentences:
            sentences[english].paper.append((f"{table}.{key}", spanish))
    for context, english, spanish in catalogue_entries():
        if english in sentences and "." not in context:  # error codes are "import.too-new"
            sentences[english].catalogue.append((context, spanish))
    return [s for s in sentences.values() if s.places]


def report(sentences: list[Sentence]) -> str:
    both = [s for s in sentences if s.screen and s.paper]
    lines = [
        f"Core sentences with a translation somewhere: {len(sentences)}",
        f"  in the catalogue (es.po): {sum(1 for s in sentences if s.catalogue)}",
        f"  in the window's .ts: {sum(1 for s in sentences if s.screen)}",
        f"  in the printouts' words.toml: {sum(1 for s in sentences if s.paper)}",
        f"  in more than one place: {sum(1 for s in sentences if s.places > 1)}",
        f"  on screen and on paper: {len(both)}, of which with other Spanish: "
        f"{sum(1 for s in both if s.differs())}",
    ]
    for s in sentences:
        if s.places > 1:
            where = [f"ts:{c}" for c, _ in s.screen] + [f"words:{k}" for k, _ in s.paper]
            where += [f"po:{c}" for c, _ in s.catalogue]
            lines.append(f"- {s.english!r}: {', '.join(where)}")
    return "\n".join(lines)


def markdown_differences(sentences: list[Sentence]) -> str:
    rows = ["| English | screen (.ts) | paper (words.es.toml) |", "| --- | --- | --- |"]
    for s in sentences:
        if s.differs():
            screen = " / ".join(sorted({t for _, t in s.screen}))
            paper = " / ".join(sorted({t for _, t in s.paper}))
            rows.append(f"| {s.english} | {screen} | {paper} |")
    return "\n".join(rows)


def main() -> int:
    global TS, WORDS, WORDS_ES, PO
    if "--files" in sys.argv:  # the translation files of another checkout, to compare
        other = Path(sys.argv[sys.argv.index("--files") + 1])
        TS, WORDS, WORDS_ES, PO = (
            other / path.relative_to(ROOT) for path in (TS, WORDS, WORDS_ES, PO)
        )
    sentences = measure()
    print(report(sentences))
    if "--markdown" in sys.argv:
        print()
        print(markdown_differences(sentences))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
