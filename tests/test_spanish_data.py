"""The Spanish checklist, glossary, crisis lines and guide: complete, faithful in every number,
valid, and plain enough to read while unwell.

Each Spanish file is an overlay of the English one (kvet.content.translations). A Spanish reader
must
see the same items, scored the same way, with the same phone numbers; only the words change.
"""

from __future__ import annotations

import copy
import re
import tomllib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from kvet.content.checklist import Checklist, default_checklist_path, parse_checklist
from kvet.content.crisis import default_contacts_path, parse_crisis_contacts
from kvet.content.glossary import default_glossary_path, parse_glossary
from kvet.content.guide import default_guide_path, parse_guide
from kvet.content.overlays import (
    CHECKLIST,
    SHAPES,
    TranslationError,
    apply_overlay,
    missing_and_extra,
    overlay_path,
    read_overlay,
    translated,
)
from kvet.content.readability import user_texts

PARSERS: dict[str, tuple[Callable[[], Path], Callable[[dict[str, Any]], object]]] = {
    "checklist": (default_checklist_path, parse_checklist),
    "glossary": (default_glossary_path, parse_glossary),
    "crisis contacts": (default_contacts_path, parse_crisis_contacts),
    "guide": (default_guide_path, parse_guide),
}
# The fields a person reads, named here apart from kvet.content.translations so that the check of
# "nothing else changed" does not lean on the code it checks.
TEXT_FIELDS = {
    "checklist": {
        "title",
        "description",
        "intro",
        "statement",
        "how_to_ask",
        "why_it_matters",
        "good_answer",
        "tell_clinic",
        "why",
        "citation",
    },
    "glossary": {"term", "words", "explanation"},
    "crisis contacts": {"note", "name", "how", "detail"},
    "guide": {"who", "funding", "conflicts", "items", "weights", "limits"}
    | {"heading", "text", "question", "why"},
}


def english(what: str) -> dict[str, Any]:
    with PARSERS[what][0]().open("rb") as handle:
        return tomllib.load(handle)


def spanish(what: str) -> dict[str, Any]:
    return read_overlay(overlay_path(PARSERS[what][0](), "es"), "es")


def merged(what: str) -> dict[str, Any]:
    return translated(PARSERS[what][0](), english(what), "es")


def leaves(node: object, at: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], object]]:
    """Every value in a raw data file with its place: ('items', 3, 'weight') -> 2.0."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from leaves(value, (*at, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from leaves(value, (*at, index))
    else:
        yield at, node


def non_text_differences(what: str, before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """Places where anything but a text a person reads differs between two raw files."""
    texts = TEXT_FIELDS[what]

    def kept(tree: dict[str, Any]) -> dict[tuple[Any, ...], object]:
        out: dict[tuple[Any, ...], object] = {}
        for place, value in leaves(tree):
            names = [p for p in place if isinstance(p, str)]
            if names and names[-1] in texts and isinstance(value, str):
                out[place[: place.index(names[-1]) + 1]] = "<text>"
            else:
                out[place] = value
        return out

    a, b = kept(before), kept(after)
    return [str(p) for p in sorted(a.keys() | b.keys(), key=str) if a.get(p) != b.get(p)]


@pytest.mark.parametrize("what", list(PARSERS))
def test_every_english_text_has_spanish_and_nothing_more(what: str) -> None:
    missing, extra = missing_and_extra(english(what), spanish(what))
    assert not missing, f"the Spanish {what} lacks: " + ", ".join(missing)
    assert not extra, f"the Spanish {what} has what English does not: " + ", ".join(extra)


@pytest.mark.parametrize("what", list(PARSERS))
def test_spanish_changes_the_words_and_nothing_else(what: str) -> None:
    en, es = english(what), merged(what)
    assert non_text_differences(what, en, es) == []
    before = dict(leaves(en))
    changed = [place for place, value in leaves(es) if before.get(place, value) != value]
    assert len(changed) > 5  # the words really are Spanish, not the English passed through


@pytest.mark.parametrize("what", list(PARSERS))
def test_the_spanish_data_passes_the_same_validation(what: str) -> None:
    parse = PARSERS[what][1]
    assert parse(merged(what)) is not None


def test_the_spanish_checklist_scores_exactly_like_the_english(checklist: Checklist) -> None:
    es = parse_checklist(merged("checklist"))

    def scoring(c: Checklist) -> list[tuple[object, ...]]:
        return [
            (i.id, i.section, i.kind, i.weight, i.dealbreaker, i.formats, i.countries, i.unit)
            for i in c.items
        ]

    assert scoring(es) == scoring(checklist)
    assert [(s.id, s.weight) for s in es.sections] == [(s.id, s.weight) for s in checklist.sections]
    assert es.title.startswith("Lista para revisar")
    assert es.item("rf_cure_promise").statement == (
        "La clínica promete una cura o resultados garantizados."
    )


def test_every_number_in_the_checklist_reads_the_same_in_spanish(checklist: Checklist) -> None:
    """Prices, minutes and doses ("$400 to $800", "0.5 mg", "40 minutes") are not re-typed."""
    es = parse_checklist(merged("checklist"))
    number = re.compile(r"\d+(?:\.\d+)?")
    pairs = list(zip(user_texts(checklist), user_texts(es), strict=True))
    differ = [
        where
        for (where, en_text), (_w, es_text) in pairs
        if sorted(number.findall(en_text)) != sorted(number.findall(es_text))
    ]
    assert not differ, differ
    assert any("$400" in es_text for _pair, (_w, es_text) in pairs)


# Numbers a Spanish speaker needs that the English text does not say: on the US 988 line,
# press 2 for Spanish, and text AYUDA to 988.
SPANISH_ONLY_NUMBERS = {("US", "988 Suicide & Crisis Lifeline"): ["2", "988"]}


def numbers(text: str) -> list[str]:
    """Phone numbers as digits: "13 11 14" is one number, 131114."""
    return [n.replace(" ", "") for n in re.findall(r"\d+(?: \d+)*", text)]


def test_the_spanish_crisis_lines_give_the_same_numbers() -> None:
    en = parse_crisis_contacts(english("crisis contacts"))
    es = parse_crisis_contacts(merged("crisis contacts"))
    for en_country, es_country in zip(en.countries, es.countries, strict=True):
        assert es_country.code == en_country.code
        for a, b in zip(en_country.contacts, es_country.contacts, strict=True):
            where = (en_country.code, a.name)
            assert (b.phone, b.sms, b.emergency) == (a.phone, a.sms, a.emergency), where
            assert numbers(b.how) == numbers(a.how), where
            if a.phone:
                assert a.phone in numbers(b.how), where
            extra = list(numbers(b.detail))
            for n in numbers(a.detail):
                assert n in extra, (where, n)
                extra.remove(n)
            assert sorted(extra) == sorted(SPANISH_ONLY_NUMBERS.get(where, [])), where


def test_988_is_named_as_in_spanish_and_says_how_to_get_spanish() -> None:
    es = parse_crisis_contacts(merged("crisis contacts"))
    line = es.for_country("US")[0]
    assert line.name == "988 Línea de Prevención del Suicidio y Crisis"
    assert line.how == "Llame o envíe un mensaje de texto al 988"
    assert "marque 2" in line.detail
    assert "AYUDA" in line.detail
    assert es.fallback.name == "Otro país"


def test_the_spanish_glossary_explains_every_word_the_english_one_does(
    checklist: Checklist,
) -> None:
    """Its words are Spanish, so they must be found in the Spanish checklist's texts."""
    g_en = parse_glossary(english("glossary"))
    g_es = parse_glossary(merged("glossary"))
    same = {b.term: a.term for a, b in zip(g_en.terms, g_es.terms, strict=True)}
    es = parse_checklist(merged("checklist"))
    lost = []
    for (where, en_text), (_w, es_text) in zip(user_texts(checklist), user_texts(es), strict=True):
        found_en = {t.term for t in g_en.terms_in(en_text)}
        found_es = {same[t.term] for t in g_es.terms_in(es_text)}
        if not found_en <= found_es:
            lost.append(f"{where}: {sorted(found_en - found_es)}")
    assert not lost, "\n".join(lost)
    assert g_es.explain("Pregunte por el REMS y la MAV.").startswith("REMS: Un programa")


# --- planted faults: the checks above would catch them -------------------------------------


def test_a_new_english_item_without_spanish_is_reported_missing() -> None:
    en = english("checklist")
    new = copy.deepcopy(en["items"][0])
    new["id"] = "rf_new_item"
    en["items"].append(new)
    missing, extra = missing_and_extra(en, spanish("checklist"))
    assert missing[0] == "items.rf_new_item"
    assert "items.rf_new_item.statement" in missing
    assert "items.rf_new_item.how_to_ask" in missing
    assert extra == []


def test_a_spanish_item_english_does_not_have_is_reported_extra() -> None:
    es = spanish("checklist")
    es["items"]["rf_made_up"] = {"statement": "Inventado."}
    es["formats"]["iv"]["typo_field"] = "x"
    missing, extra = missing_and_extra(english("checklist"), es)
    assert missing == []
    assert extra == ["formats.iv.typo_field", "items.rf_made_up", "items.rf_made_up.statement"]


def test_a_missing_spanish_entry_or_text_is_reported_and_stays_english() -> None:
    es = spanish("checklist")
    del es["items"]["vs_rems"]
    del es["sections"]["red_flags"]["intro"]
    missing, _extra = missing_and_extra(english("checklist"), es)
    assert missing[0] == "sections.red_flags.intro"
    assert "items.vs_rems" in missing
    assert "items.vs_rems.good_answer" in missing
    shown = parse_checklist(apply_overlay(english("checklist"), es))
    assert shown.item("vs_rems").statement.startswith("The site is certified")
    assert shown.sections_by_id["red_flags"].title == "Señales de alerta"


def test_a_weight_in_the_spanish_file_is_reported_and_never_used() -> None:
    es = spanish("checklist")
    es["items"]["rf_cure_promise"]["weight"] = 0.0
    es["items"]["rf_cure_promise"]["dealbreaker"] = False
    _missing, extra = missing_and_extra(english("checklist"), es)
    assert extra == ["items.rf_cure_promise.dealbreaker", "items.rf_cure_promise.weight"]
    en = english("checklist")
    assert non_text_differences("checklist", en, apply_overlay(en, es)) == []


def test_a_changed_weight_or_phone_number_is_caught() -> None:
    en = english("checklist")
    changed = copy.deepcopy(merged("checklist"))
    changed["items"][3]["weight"] = 0.5
    assert non_text_differences("checklist", en, changed) == ["('items', 3, 'weight')"]
    contacts = copy.deepcopy(merged("crisis contacts"))
    contacts["countries"][0]["contacts"][0]["phone"] = "989"
    differ = non_text_differences("crisis contacts", english("crisis contacts"), contacts)
    assert differ == ["('countries', 0, 'contacts', 0, 'phone')"]


# --- the overlay module ----------------------------------------------------------------------


def test_the_overlay_sits_beside_the_english_file() -> None:
    path = default_checklist_path()
    assert overlay_path(path, "es") == path.with_name("checklist.es.toml")
    assert overlay_path(path, "es").is_file()
    with pytest.raises(TranslationError, match="not a language code"):
        overlay_path(path, "../es")
    assert set(SHAPES) == {p[0]().name for p in PARSERS.values()}


def test_english_or_a_language_without_a_file_is_the_english_data() -> None:
    en = english("guide")
    assert translated(default_guide_path(), en, "en") is en
    assert translated(default_guide_path(), en, "fr") is en


def test_applying_an_overlay_leaves_the_english_data_untouched() -> None:
    en = english("checklist")
    before = copy.deepcopy(en)
    apply_overlay(en, spanish("checklist"), CHECKLIST)
    assert en == before


def test_a_damaged_overlay_is_refused_naming_the_file(tmp_path: Path) -> None:
    english_file = tmp_path / "guide.toml"
    english_file.write_text(default_guide_path().read_text(encoding="utf-8"), encoding="utf-8")
    overlay = tmp_path / "guide.es.toml"
    overlay.write_text('[about]\nwho = "sin cerrar\n', encoding="utf-8")
    with pytest.raises(TranslationError, match=r"Spanish translation file .*guide\.es\.toml"):
        translated(english_file, english("guide"), "es")
    overlay.write_text("[about]\nwho = 3\n", encoding="utf-8")
    with pytest.raises(TranslationError, match=r"guide\.es\.toml is damaged: about\.who should be"):
        translated(english_file, english("guide"), "es")
    overlay.write_text('about = "texto"\n', encoding="utf-8")
    with pytest.raises(TranslationError, match=r"about should be a table"):
        translated(english_file, english("guide"), "es")


def test_a_glossary_term_needs_its_words_as_a_list() -> None:
    es = spanish("glossary")
    es["terms"]["REMS"]["words"] = "REMS"
    with pytest.raises(TranslationError, match=r"terms\.REMS\.words should be a list of texts"):
        apply_overlay(english("glossary"), es)


# --- reading ease in Spanish (Szigriszt-Pazos, read on the INFLESZ scale) -------------------
#
# INFLESZ (Barrio-Cantalejo et al., 2008) reads the Szigriszt-Pazos index as: below 40 very
# hard, 40-55 somewhat hard, 55-65 normal, 65-80 fairly easy, above 80 very easy. Health texts
# for patients should be "normal" or easier.

NORMAL = 55.0
FAIRLY_EASY = 65.0
SHORT = 12
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)|[;:](?=\s)")
_STRONG = set("aeoáéíóú")  # an accent on i or u makes it a vowel of its own ("día")
_WEAK = set("iuü")


def spanish_syllables(word: str) -> int:
    """Vowel groups, split where two strong vowels meet (a hiatus: "le-er", "a-é-re-o").

    A weak vowel next to another vowel joins it (a diphthong: "cui-da-do"), and a final "y"
    after a vowel sounds as "i" ("hoy", "muy").
    """
    w = word.lower()
    count, previous = 0, ""
    for index, letter in enumerate(w):
        final_y = letter == "y" and index == len(w) - 1 and index > 0
        if letter not in _STRONG and letter not in _WEAK and not final_y:
            previous = ""
            continue
        if not previous or (letter in _STRONG and previous in _STRONG):
            count += 1
        previous = "i" if final_y else letter
    return max(1, count)


def inflesz(text: str) -> float:
    """Szigriszt-Pazos: 206.835 − 62.3 × syllables / words − words / sentences.

    Abbreviations in capitals (REMS, IMAO) are read letter by letter, as in the English check.
    """
    words = _WORD.findall(text)
    if not words:
        return 0.0
    sentences = max(1, len(_SENTENCE_END.findall(text.strip())))
    total = sum(len(w) if w.isupper() and len(w) > 1 else spanish_syllables(w) for w in words)
    return 206.835 - 62.3 * total / len(words) - len(words) / sentences


@pytest.mark.parametrize(
    ("word", "count"),
    [
        ("ketamina", 4),
        ("clínica", 3),
        ("día", 2),
        ("cuidado", 3),
        ("leer", 2),
        ("aéreo", 4),
        ("guía", 2),
        ("seguimiento", 4),
        ("psiquiatra", 3),
        ("hoy", 1),
        ("y", 1),
        ("presión", 2),
    ],
)
def test_spanish_syllables_are_counted_as_they_are_said(word: str, count: int) -> None:
    assert spanish_syllables(word) == count


def test_the_reading_ease_follows_the_szigriszt_pazos_formula() -> None:
    # Worked by hand: 2 sentences, 7 words, 11 syllables (el 1, pe-rro 2, co-me 2; la 1,
    # ca-sa 2, es 1, gran-de 2): 206.835 − 62.3 × 11/7 − 7/2 = 105.435
    assert inflesz("El perro come. La casa es grande.") == pytest.approx(105.435)
    hard = (
        "La administración intravenosa de anestésicos disociativos requiere monitorización "
        "hemodinámica continuada durante el procedimiento terapéutico."
    )
    assert inflesz(hard) < 40  # very hard on the INFLESZ scale
    assert inflesz("") == 0.0


def spanish_texts() -> Iterator[tuple[str, str]]:
    """Every Spanish text a person reads in the four files, labelled by where it is."""
    yield from user_texts(parse_checklist(merged("checklist")))
    for what in ("glossary", "crisis contacts", "guide"):
        for place, value in leaves(spanish(what)):
            if isinstance(value, str):
                yield f"{what} {'.'.join(map(str, place))}", value


def harder_than_normal(texts: list[tuple[str, str]]) -> list[str]:
    """Each longer text (labelled by where it is) that reads harder than "normal", with its
    score: the texts short enough to be read at a glance are judged together instead."""
    return [
        f"{where} ({inflesz(text):.1f}): {text}"
        for where, text in texts
        if len(text.split()) >= SHORT and inflesz(text) < NORMAL
    ]


def test_every_longer_spanish_text_reads_normal_or_easier() -> None:
    texts = list(spanish_texts())
    assert len(texts) > 250
    too_hard = harder_than_normal(texts)
    assert not too_hard, "\n".join(too_hard)


def test_the_short_spanish_texts_together_read_normal_or_easier() -> None:
    short = [
        t if t.rstrip()[-1:] in ".?!" else t + "."
        for _where, t in spanish_texts()
        if len(t.split()) < SHORT
    ]
    assert len(short) > 50
    assert inflesz(" ".join(short)) >= NORMAL


def test_the_item_questions_read_fairly_easy_taken_together() -> None:
    """What a person reads or says aloud to a clinic: the statements and how to ask."""
    es: Checklist = parse_checklist(merged("checklist"))
    questions = [t for i in es.items for t in (i.statement, i.how_to_ask)]
    assert inflesz(" ".join(questions)) >= FAIRLY_EASY
    assert min(inflesz(q) for q in questions if len(q.split()) >= SHORT) >= NORMAL


def test_phq9_is_not_translated_here() -> None:
    """The PHQ-9 has an official Spanish version; its wording must not be re-translated."""
    assert "phq9.toml" not in SHAPES
    assert not (default_checklist_path().parent.parent / "course" / "phq9.es.toml").exists()
