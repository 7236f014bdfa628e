"""kvet speaks the user's language: the one they chose, else their system's, else English.

The same clinic, with the same answers, scores exactly the same in every language: only the
words a person reads change.
"""

from __future__ import annotations

import dataclasses
import shutil
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kvet.content.checklist import Checklist, Format, Kind, load_checklist
from kvet.content.crisis import load_crisis_contacts
from kvet.content.glossary import load_glossary
from kvet.content.guide import load_guide
from kvet.content.translations import set_aside, set_aside_words
from kvet.rating.answers import OPTIONS, Choice, ClinicAnswers
from kvet.rating.ranking import rank
from kvet.rating.scoring import Scorer
from kvet.store.api import Store
from kvet.text import language
from kvet.text.language import choose_language, save_language, saved_language


@pytest.fixture
def store(checklist: Checklist, tmp_path: Path) -> Iterator[Store]:
    with Store.open(checklist, tmp_path / "kvet.sqlite") as opened:
        yield opened


def spanish_text(*parts: str) -> dict[str, object]:
    """A Spanish data file read as plain TOML, apart from the code that lays it over English."""
    with Path("resources", *parts).open("rb") as handle:
        return tomllib.load(handle)


def test_a_spanish_system_gets_spanish_until_the_user_chooses_otherwise() -> None:
    assert choose_language("", "es_MX.UTF-8") == "es"
    assert choose_language("", "es-419") == "es"
    assert choose_language("en", "es_ES") == "en"  # the user's choice wins
    assert choose_language("es", "en_US") == "es"


def test_a_language_kvet_does_not_speak_falls_back_to_english() -> None:
    assert choose_language("", "fr_FR.UTF-8") == "en"
    assert choose_language("", "C") == "en"
    assert choose_language("", "") == "en"
    # A saved choice kvet no longer speaks gives way to the system's language.
    assert choose_language("fr", "es_ES") == "es"
    assert choose_language("xx-garbage", "nonsense") == "en"


@given(st.text(max_size=20), st.text(max_size=20))
def test_the_choice_is_always_a_language_kvet_speaks(saved: str, system: str) -> None:
    assert choose_language(saved, system) in {code for code, _ in language.LANGUAGES}


def test_the_choice_is_kept_with_the_users_data(store: Store, tmp_path: Path) -> None:
    assert saved_language(store.settings) == ""  # never chosen
    save_language(store.settings, "es")
    store.close()
    with Store.open(store.checklist, tmp_path / "kvet.sqlite") as again:
        assert saved_language(again.settings) == "es"
        assert choose_language(saved_language(again.settings), "en_US") == "es"


def test_a_language_kvet_does_not_speak_is_refused_and_nothing_changes(store: Store) -> None:
    save_language(store.settings, "es")
    with pytest.raises(ValueError, match="English, Español"):
        save_language(store.settings, "fr")
    assert saved_language(store.settings) == "es"


def test_the_loaders_read_spanish_when_asked() -> None:
    es_checklist = spanish_text("checklist", "checklist.es.toml")
    items = es_checklist["items"]
    assert isinstance(items, dict)
    expected = items["rf_no_screening"]["statement"]
    assert load_checklist(lang="es").item("rf_no_screening").statement == expected
    assert load_checklist(lang="en").item("rf_no_screening").statement != expected

    spanish_988 = load_crisis_contacts(lang="es").for_country("US")[0]
    assert spanish_988.name.startswith("988 Línea")
    english_988 = load_crisis_contacts(lang="en").for_country("US")[0]
    assert (
        (spanish_988.phone, spanish_988.sms)
        == (english_988.phone, english_988.sms)
        == ("988", "988")
    )

    es_guide = spanish_text("guide", "guide.es.toml")
    about = es_guide["about"]
    assert isinstance(about, dict)
    assert load_guide(lang="es").about.who == about["who"]

    es_glossary = spanish_text("glossary", "glossary.es.toml")
    terms = es_glossary["terms"]
    assert isinstance(terms, dict)
    assert {t.term for t in load_glossary(lang="es").terms} == {
        entry.get("term", english) for english, entry in terms.items()
    }


def test_the_loaders_follow_the_language_of_the_run() -> None:
    english = load_checklist().item("rf_no_screening").statement
    language.set_active("es")
    assert load_checklist().item("rf_no_screening").statement != english
    assert load_checklist() == load_checklist(lang="es")
    assert load_crisis_contacts().for_country("US")[0].name.startswith("988 Línea")
    language.set_active("en")
    assert load_checklist().item("rf_no_screening").statement == english


def test_only_the_words_change_between_languages() -> None:
    english, spanish = load_checklist(lang="en"), load_checklist(lang="es")
    assert [i.id for i in spanish.items] == [i.id for i in english.items]
    for es, en in zip(spanish.items, english.items, strict=True):
        assert (es.kind, es.weight, es.dealbreaker, es.formats, es.countries, es.sources) == (
            en.kind,
            en.weight,
            en.dealbreaker,
            en.formats,
            en.countries,
            en.sources,
        )
    assert [(s.id, s.weight) for s in spanish.sections] == [
        (s.id, s.weight) for s in english.sections
    ]


NUMBERS = ("score", "low", "high", "coverage", "answered", "applicable", "known_share")


@given(st.data())
def test_the_same_answers_give_the_same_scores_and_ranking_in_both_languages(
    data: st.DataObject,
) -> None:
    english, spanish = load_checklist(lang="en"), load_checklist(lang="es")
    items = [i for i in english.items if i.kind is not Kind.FACT]
    clinics = [
        ClinicAnswers(
            str(n),
            f"Clinic {n}",
            frozenset(data.draw(st.sets(st.sampled_from(list(Format))))),
            data.draw(
                st.dictionaries(
                    st.sampled_from([i.id for i in items]),
                    st.sampled_from(list(Choice)),
                    max_size=25,
                ).map(lambda d: {k: v for k, v in d.items() if _allowed(english, k, v)})
            ),
        )
        for n in range(3)
    ]
    in_english = Scorer(english).score_all(clinics)
    in_spanish = Scorer(spanish).score_all(clinics)
    for en, es in zip(in_english, in_spanish, strict=True):
        assert {f: getattr(es, f) for f in NUMBERS} == {f: getattr(en, f) for f in NUMBERS}
        assert (es.red_flags_seen, es.dealbreakers_seen, es.still_to_ask) == (
            en.red_flags_seen,
            en.dealbreakers_seen,
            en.still_to_ask,
        )
    assert [p.result.clinic_id for p in rank(in_spanish).places] == [
        p.result.clinic_id for p in rank(in_english).places
    ]


def _allowed(checklist: Checklist, item_id: str, choice: Choice) -> bool:
    return choice in {o.choice for o in OPTIONS[checklist.item(item_id).kind]}


def test_a_damaged_translation_is_set_aside_by_name_and_the_english_shown(
    tmp_path: Path,
) -> None:
    english = Path("resources", "checklist", "checklist.toml")
    shutil.copy(english, tmp_path / "checklist.toml")
    overlay = Path("resources", "checklist", "checklist.es.toml").read_text(encoding="utf-8")
    damaged = tmp_path / "checklist.es.toml"
    damaged.write_text(overlay.replace('statement = "', "statement = 3 # ", 1), encoding="utf-8")
    shown = load_checklist(tmp_path / "checklist.toml", lang="es")
    assert shown == load_checklist(lang="en")
    [item] = set_aside()
    assert (item.path, item.why) == (damaged, "damaged")
    assert str(damaged) in set_aside_words(item)


def test_an_edited_translation_is_validated_in_full_and_shows_its_words(tmp_path: Path) -> None:
    shutil.copy(Path("resources", "checklist", "checklist.toml"), tmp_path / "checklist.toml")
    overlay = Path("resources", "checklist", "checklist.es.toml").read_text(encoding="utf-8")
    shipped = load_checklist(lang="es")
    first = shipped.item("rf_no_screening").statement
    (tmp_path / "checklist.es.toml").write_text(
        overlay.replace(f'statement = "{first}"', f'statement = "  {first} Nuevo.  "', 1),
        encoding="utf-8",
    )
    edited = load_checklist(tmp_path / "checklist.toml", lang="es")
    # Validated in full: the spaces around the edited text are stripped as for English.
    assert edited.item("rf_no_screening").statement == f"{first} Nuevo."
    assert dataclasses.replace(edited.item("rf_no_screening"), statement=first) == shipped.item(
        "rf_no_screening"
    )
