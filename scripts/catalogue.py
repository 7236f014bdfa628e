"""Update kvet's catalogue of core sentences: copy new or changed English into each language's
``.po``, then compile it to the ``.mo`` kvet reads with Python's gettext.

Two kinds of entry, errors first:
- errors: the English lives in ``kvet/text/errortexts.py`` (one entry per code); the entry's
  ``msgctxt`` is the code. A code whose English changed keeps its old translation as a comment
  and an empty ``msgstr`` until a translator writes it again (kvet shows the English meanwhile,
  and tests/test_error_catalogue.py fails);
- the core's sentences: the English templates the core's modules keep and hand to ``say``
  (``core_sentences`` below lists them, family by family); the entry is keyed by its English
  alone (no ``msgctxt``), or by a short ``msgctxt`` where one English has two meanings ("May",
  a short and a long month's name). A reworded sentence is a new entry with an empty
  ``msgstr``; tests/test_one_source.py fails until it is translated.
The window and the printouts both read these (``kvet.content.catalogue``), so the window's Qt
``.ts`` and the printouts' ``words.toml`` no longer hold them. The ``.mo`` is compiled here with
the standard library only (GNU's format, as ``msgfmt`` writes it); both files are committed.
Run: .venv/bin/python scripts/catalogue.py
"""

from __future__ import annotations

import ast
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "resources" / "catalogue"
LANGUAGES = ("es",)
HEADER = "Content-Type: text/plain; charset=UTF-8\n"

Entry = tuple[str, str, str]  # code (or a sentence's context), English, translation
# A long month's name ("May") is not the short one: its entries carry this msgctxt.
LONG_MONTH = "month"


def is_sentence(context: str) -> bool:
    """An entry of a core sentence (an error's context is its code, like "import.too-new")."""
    return "." not in context


def _families() -> dict[str, tuple[str, ...]]:
    """The core's sentences by family: each the tuple its module keeps for translators, so a new
    template there lands here (and in the catalogue, empty) the next time this runs."""
    from kvet.content.checklist import Kind
    from kvet.exchange import importplan, passphrase
    from kvet.rating import (
        answers,
        combine,
        costs,
        decisive,
        placewords,
        progress,
        ranking,
        scorewords,
        verdict,
    )
    from kvet.start import recovery, sample
    from kvet.store.people import DEFAULT_RATER
    from kvet.text import datewords
    from kvet.treatment import bloodpressure, course, coursetrend, signalwords

    labels = [o.label for options in answers.OPTIONS.values() for o in options]
    return {
        "score": scorewords.SENTENCES,
        "verdict": verdict.SENTENCES,
        "cost": costs.SENTENCES,
        "ranking": (
            ranking.ORDER_SENTENCE,
            *placewords.PLACE_SENTENCES,
            *decisive.QUESTION_SENTENCES,
            ranking.STATUS_NOT_RECOMMENDED,
            ranking.STATUS_FIXED,
            ranking.STATUS_OPEN,
            ranking.STATUS_NO_SCORE,
            ranking.STATUS_NOT_VETTED,
        ),
        "together": (*combine.SENTENCES, combine.PERSON_SAID),
        "answers": (*dict.fromkeys(labels), answers.label(Kind.FACT, None)),
        "months": datewords.MONTHS,
        # the units of the checklist's facts, after a number ("450 USD" needs none)
        "units": ("minutes", "sessions"),
        "progress": progress.TEMPLATES,
        "course": (
            course.BLOOD_PRESSURE_PROBLEM,
            *course.SIDE_EFFECT_LABELS.values(),
            *course.SUGGESTED_MARKERS,
        ),
        "trend": coursetrend.TEMPLATES,
        "signals": signalwords.TEMPLATES,
        "blood pressure": bloodpressure.TEMPLATES,
        "password": passphrase.TEMPLATES,
        "import plan": (
            importplan.CONFLICT,
            importplan.CLINIC_FIELD,
            importplan.DECIDED_ON,
            importplan.DECIDED_BY,
            importplan.SOMEONE,
            importplan.NOT_ANSWERED,
            importplan.NONE,
            importplan.EMPTY,
            importplan.SUMMARY_START,
            *importplan.SUMMARY_PARTS.values(),
            importplan.TOPICS_LEFT_OUT,
            importplan.COURSES_LEFT_OUT,
            *importplan.CLINIC_FIELD_NAMES.values(),
        ),
        "backups": (recovery.BACKUP, *recovery.COPY_BEFORE.values()),
        "sample": sample.TEXTS,
        "people": (DEFAULT_RATER,),
    }


def core_sentences() -> dict[str, list[tuple[str, str]]]:
    """Every sentence the core builds, by family: (msgctxt, English), in the core's order."""
    from kvet.start import recovery

    found: dict[str, list[tuple[str, str]]] = {}
    seen: set[str] = set()
    for family, texts in _families().items():
        for text in texts:
            if text not in seen:  # one English, one entry: "{first} and {second}" serves two
                seen.add(text)
                found.setdefault(family, []).append(("", text))
    found["long months"] = [(LONG_MONTH, month) for month in recovery.MONTHS]
    return found


def parse_po(text: str) -> list[Entry]:
    """The entries of a .po file (the header left out), in file order."""
    entries: list[Entry] = []
    fields: dict[str, str] = {}
    current = ""

    def flush() -> None:
        if fields.get("msgid"):
            entries.append((fields.get("msgctxt", ""), fields["msgid"], fields.get("msgstr", "")))
        fields.clear()

    for line in [*text.splitlines(), ""]:
        line = line.strip()
        if not line:
            flush()
            current = ""
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            fields[current] += ast.literal_eval(line)
        else:
            keyword, _, quoted = line.partition(" ")
            if keyword == "msgctxt" and "msgid" in fields:
                flush()
            current = keyword
            fields[current] = ast.literal_eval(quoted)
    return entries


def _quoted(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
    lines = escaped.split("\n")
    pieces = [line + "\\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])
    if len(pieces) == 1 and len(pieces[0]) < 70:
        return f'"{pieces[0]}"'
    return '""\n' + "\n".join(f'"{piece}"' for piece in pieces)


def render_po(
    entries: list[Entry],
    lang: str,
    stale: dict[str, str],
    families: dict[tuple[str, str], str] | None = None,
) -> str:
    """A .po file of ``entries``; ``stale`` holds old translations of codes whose English
    changed, kept as comments for the translator; ``families`` names the family of each core
    sentence, written as a comment above the first of each."""
    out = [
        f"# kvet's errors and core sentences in {lang}. Edit the msgstr lines. An error's",
        "# msgctxt is its code and msgid its English (kvet/text/errortexts.py); a core sentence's",
        "# msgid is the core's English template. Then run .venv/bin/python scripts/catalogue.py.",
        'msgid ""',
        f"msgstr {_quoted(HEADER)}",
        "",
    ]
    family = ""
    for code, english, translated in entries:
        named = (families or {}).get((code, english), family)
        if named != family:
            family = named
            out.append(f"# --- the core's sentences: {family}")
        if code in stale:
            out += [f"# was: {line}" for line in stale[code].splitlines()]
        out += [f"msgctxt {_quoted(code)}"] if code else []
        out += [
            f"msgid {_quoted(english)}",
            f"msgstr {_quoted(translated)}",
            "",
        ]
    return "\n".join(out)


def compile_mo(entries: list[Entry]) -> bytes:
    """GNU .mo bytes of the translated ``entries`` (and the header), keyed code + EOT + English."""
    pairs = {"": HEADER}
    for code, english, translated in entries:
        if translated:
            pairs[f"{code}\x04{english}" if code else english] = translated
    keys = sorted(pairs, key=lambda key: key.encode("utf-8"))
    ids = strs = b""
    offsets: list[tuple[int, int, int, int]] = []
    for key in keys:
        key_bytes, value_bytes = key.encode("utf-8"), pairs[key].encode("utf-8")
        offsets.append((len(ids), len(key_bytes), len(strs), len(value_bytes)))
        ids += key_bytes + b"\0"
        strs += value_bytes + b"\0"
    count = len(keys)
    ids_start = 7 * 4 + count * 16
    strs_start = ids_start + len(ids)
    table_ids: list[int] = []
    table_strs: list[int] = []
    for id_offset, id_length, str_offset, str_length in offsets:
        table_ids += [id_length, id_offset + ids_start]
        table_strs += [str_length, str_offset + strs_start]
    header = struct.pack("Iiiiiii", 0x950412DE, 0, count, 7 * 4, 7 * 4 + count * 8, 0, 0)
    tables = struct.pack(f"{len(table_ids)}i", *table_ids) + struct.pack(
        f"{len(table_strs)}i", *table_strs
    )
    return header + tables + ids + strs


def merged(texts: dict[str, str], old: list[Entry]) -> tuple[list[Entry], dict[str, str]]:
    """Every code of ``texts`` with its translation from ``old`` when its English is the same;
    the old translations of changed English come back apart."""
    known = {code: (english, translated) for code, english, translated in old}
    entries: list[Entry] = []
    stale: dict[str, str] = {}
    for code, english in texts.items():
        was_english, translated = known.get(code, (english, ""))
        if was_english != english:
            if translated:
                stale[code] = translated
            translated = ""
        entries.append((code, english, translated))
    return entries, stale


def merged_sentences(sentences: dict[str, list[tuple[str, str]]], old: list[Entry]) -> list[Entry]:
    """Every core sentence with its translation from ``old`` (by context and English)."""
    known = {(context, english): translated for context, english, translated in old}
    return [
        (context, english, known.get((context, english), ""))
        for texts in sentences.values()
        for context, english in texts
    ]


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from kvet.text.errortexts import TEXTS

    sentences = core_sentences()
    families = {key: family for family, keys in sentences.items() for key in keys}
    for lang in LANGUAGES:
        po = OUT_DIR / f"{lang}.po"
        old = parse_po(po.read_text(encoding="utf-8")) if po.exists() else []
        errors = [entry for entry in old if not is_sentence(entry[0])]
        entries, stale = merged(TEXTS, errors)
        entries += merged_sentences(sentences, [e for e in old if is_sentence(e[0])])
        po.write_text(render_po(entries, lang, stale, families), encoding="utf-8")
        (OUT_DIR / f"{lang}.mo").write_bytes(compile_mo(entries))
        missing = [code or english for code, english, translated in entries if not translated]
        print(f"{po.relative_to(ROOT)}: {len(entries)} entries, {len(missing)} without words")
        for code in missing:
            print(f"  to translate: {code}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
