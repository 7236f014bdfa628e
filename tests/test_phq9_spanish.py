"""The PHQ-9 in Spanish is Pfizer's own "Spanish for the USA" form, never kvet's translation, and
it scores exactly like the English: same answers, same total, same bands, same safety step."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kvet.content.datafiles import resource_path
from kvet.content.translations import set_aside
from kvet.text import language
from kvet.treatment import phq9

SPANISH = resource_path("course", phq9.OFFICIAL["es"])


@pytest.fixture(autouse=True)
def fresh_cache() -> Iterator[None]:
    phq9._load.cache_clear()
    yield
    phq9._load.cache_clear()


def test_spanish_is_the_official_form_word_for_word() -> None:
    data = phq9.load_phq9("es")
    assert data.stem == (
        "Durante las últimas 2 semanas, ¿qué tan seguido ha tenido molestias debido a los "
        "siguientes problemas?"
    )
    assert [o.label for o in data.options] == [
        "Ningún día",
        "Varios días",
        "Más de la mitad de los días",
        "Casi todos los días",
    ]
    assert data.items[0].text == "Poco interés o placer en hacer cosas"
    assert data.items[8].text == (
        "Pensamientos de que estaría mejor muerto(a) o de lastimarse de alguna manera"
    )
    assert data.difficulty.options == (
        "No ha sido difícil",
        "Un poco difícil",
        "Muy difícil",
        "Extremadamente difícil",
    )
    # Pfizer's attribution line, as the Spanish form prints it.
    assert data.attribution.endswith(
        "Elaborado por los doctores Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke y "
        "colegas, mediante una subvención educativa otorgada por Pfizer Inc. No se requiere "
        "permiso para reproducir, traducir, presentar o distribuir."
    )
    # The file says where its words come from.
    source = SPANISH.read_text(encoding="utf-8")
    assert "phqscreeners.com" in source
    assert "Spanish for the USA" in source


def test_spanish_scores_exactly_like_english() -> None:
    english, spanish = phq9.load_phq9("en"), phq9.load_phq9("es")
    assert phq9.scoring_of(spanish) == phq9.scoring_of(english)
    assert spanish.safety_item == english.safety_item == 9
    for total in range(phq9.MAX_TOTAL + 1):
        e = next(i for i, b in enumerate(english.bands) if b.low <= total <= b.high)
        s = next(i for i, b in enumerate(spanish.bands) if b.low <= total <= b.high)
        assert e == s
    assert [spanish.band(t) for t in (0, 5, 10, 15, 20)] == [
        "mínima",
        "leve",
        "moderada",
        "moderadamente grave",
        "grave",
    ]


def test_the_questionnaire_follows_the_language_of_the_run() -> None:
    assert phq9.load_phq9().items[0].text == "Little interest or pleasure in doing things"
    language.set_active("es")
    try:
        assert phq9.load_phq9().items[0].text == "Poco interés o placer en hacer cosas"
        assert phq9.load_phq9("en").stem.startswith("Over the last 2 weeks")
    finally:
        language.set_active("en")


def test_a_spanish_file_that_would_score_differently_is_set_aside_for_the_english(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    changed = SPANISH.read_text(encoding="utf-8").replace("safety_item = 9", "safety_item = 8")
    assert changed != SPANISH.read_text(encoding="utf-8")
    (tmp_path / phq9.OFFICIAL["es"]).write_text(changed, encoding="utf-8")
    real = resource_path

    def spanish_from_tmp(*parts: str) -> Path:
        return tmp_path / parts[-1] if parts[-1] == phq9.OFFICIAL["es"] else real(*parts)

    monkeypatch.setattr(phq9, "resource_path", spanish_from_tmp)
    shown = phq9.load_phq9("es")
    assert shown.safety_item == 9
    assert shown.options[0].label == "Not at all"  # the English, never a half-checked Spanish
    assert [(i.path, i.why) for i in set_aside()] == [(tmp_path / phq9.OFFICIAL["es"], "numbers")]
