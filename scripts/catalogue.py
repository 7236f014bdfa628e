"""Update kvet's catalogue of core sentences: copy new or changed English into each language's
``.po``, then compile it to the ``.mo`` kvet reads with Python's gettext.

The English lives in ``kvet/text/errortexts.py`` (one entry per code). Each ``resources/catalogue/
<lang>.po`` keeps an entry per code: ``msgctxt`` the code, ``msgid`` the English, ``msgstr`` the
translation. A code whose English changed keeps its old translation as a comment and an empty
``msgstr`` until a translator writes it again (kvet shows the English meanwhile, and
tests/test_error_catalogue.py fails). The ``.mo`` is compiled here with the standard library
only (GNU's format, as ``msgfmt`` writes it); both files are committed.
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

Entry = tuple[str, str, str]  # code, English, translation


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


def render_po(entries: list[Entry], lang: str, stale: dict[str, str]) -> str:
    """A .po file of ``entries``; ``stale`` holds old translations of codes whose English
    changed, kept as comments for the translator."""
    out = [
        f"# kvet's core sentences in {lang}. Edit the msgstr lines; msgctxt is the code and",
        "# msgid the English (kvet/text/errortexts.py). Then run .venv/bin/python "
        "scripts/catalogue.py.",
        'msgid ""',
        f"msgstr {_quoted(HEADER)}",
        "",
    ]
    for code, english, translated in entries:
        if code in stale:
            out += [f"# was: {line}" for line in stale[code].splitlines()]
        out += [
            f"msgctxt {_quoted(code)}",
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
            pairs[f"{code}\x04{english}"] = translated
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


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from kvet.text.errortexts import TEXTS

    for lang in LANGUAGES:
        po = OUT_DIR / f"{lang}.po"
        old = parse_po(po.read_text(encoding="utf-8")) if po.exists() else []
        entries, stale = merged(TEXTS, old)
        po.write_text(render_po(entries, lang, stale), encoding="utf-8")
        (OUT_DIR / f"{lang}.mo").write_bytes(compile_mo(entries))
        missing = [code for code, _, translated in entries if not translated]
        print(f"{po.relative_to(ROOT)}: {len(entries)} codes, {len(missing)} without words")
        for code in missing:
            print(f"  to translate: {code}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
