"""Refresh the treatment page's copy of the core's sentences in the printouts' words files.

The page for the next appointment hands the core (kvet.treatment.coursetrend,
kvet.treatment.reconsider,
kvet.treatment.bloodpressure) a ``say`` read from ``[course_core]`` in resources/report/words.toml
and its
Spanish overlay. When a core sentence is added or reworded, run this: it rewrites that table in
both files from the core's templates. The Spanish kept is, in order: the overlay's own for the
same English, else the window's (resources/translations/kvet_es.ts, context CourseWords). A
sentence with neither is listed, and left for a translator to add to words.es.toml;
tests/test_treatment_page.py fails until it is there.
Run: .venv/bin/python scripts/course_core_words.py
"""

from __future__ import annotations

import json
import re
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kvet.treatment import bloodpressure, coursetrend, reconsider  # noqa: E402

WORDS = ROOT / "resources" / "report" / "words.toml"
SPANISH = ROOT / "resources" / "report" / "words.es.toml"
TS = ROOT / "resources" / "translations" / "kvet_es.ts"
TABLE = "course_core"


def core_sentences() -> list[tuple[str, str]]:
    """(key, English template) for every sentence the page asks the core to write; the key is
    the module's short name and the constant's name, as ``signal_mood_rule``."""
    found: list[tuple[str, str]] = []
    for prefix, module in (
        ("trend", coursetrend),
        ("signal", reconsider),
        ("pressure", bloodpressure),
    ):
        names = {v: k for k, v in vars(module).items() if k.isupper() and isinstance(v, str)}
        for k, v in vars(module).items():  # the forms of one sentence: ("a …", "an …")
            if k.isupper() and isinstance(v, tuple) and v is not module.TEMPLATES:
                forms = [f for f in v if isinstance(f, str)]
                names.update({f: f"{k}_{n}" for n, f in enumerate(forms) if f not in names})
        signs = {words: f"SIGN_{attr}" for attr, words in getattr(module, "MOOD_SIGNS", ())}
        for template in module.TEMPLATES:
            name = signs.get(template) or names.get(template) or f"TEXT_{len(found)}"
            found.append((f"{prefix}_{name.lower()}", template))
    return found


def window_spanish() -> dict[str, str]:
    spanish = {}
    for context in ET.parse(TS).getroot().iter("context"):
        if context.findtext("name") == "CourseWords":
            for message in context.iter("message"):
                if text := message.findtext("translation"):
                    spanish[message.findtext("source", "")] = text
    return spanish


def replace_table(path: Path, lines: list[str]) -> None:
    text = path.read_text(encoding="utf-8")
    start = text.index(f"[{TABLE}]\n") + len(f"[{TABLE}]\n")
    end = re.search(r"^\s*(#.*\n)*\[", text[start:], re.MULTILINE)
    stop = start + end.start() if end else len(text)
    body = "\n".join(lines) + "\n"
    path.write_text(text[:start] + body + text[stop:], encoding="utf-8")


def main() -> int:
    english_file = tomllib.loads(WORDS.read_text(encoding="utf-8"))[TABLE]
    spanish_file = tomllib.loads(SPANISH.read_text(encoding="utf-8")).get(TABLE, {})
    kept = {english_file[k]: v for k, v in spanish_file.items() if k in english_file}
    window = window_spanish()
    english_lines, spanish_lines, missing = [], [], []
    for key, template in core_sentences():
        english_lines.append(f"{key} = {json.dumps(template, ensure_ascii=False)}")
        spanish = kept.get(template) or window.get(template)
        if spanish:
            spanish_lines.append(f"{key} = {json.dumps(spanish, ensure_ascii=False)}")
        else:
            missing.append(f"{key} = {json.dumps(template, ensure_ascii=False)}")
    replace_table(WORDS, english_lines)
    replace_table(SPANISH, spanish_lines)
    if missing:
        print("No Spanish yet; add to [course_core] in words.es.toml:\n" + "\n".join(missing))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
