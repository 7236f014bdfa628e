"""A Spanish-speaking family prints the comparison, a call sheet, the treatment page and the
questions for their own psychiatrist, and reads kvet's own words in Spanish: the clinics' names,
their notes and every number stay exactly as they are in English.

kvet's fixed words live in resources/report/words.toml with a Spanish overlay (words.es.toml),
the same design as the checklist's: same ids, and each Spanish text keeps the English one's
{placeholders}, which kvet fills with names, numbers and dates.
"""

from __future__ import annotations

import copy
import csv
import re
import shutil
import tomllib
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from kvet.__main__ import main
from kvet.content.catalogue import core_say, sentence
from kvet.content.checklist import Checklist, load_checklist
from kvet.content.country import COUNTRIES, set_country
from kvet.content.guide import load_guide
from kvet.content.overlays import missing_and_extra, overlay_path
from kvet.content.printwords import (
    Words,
    WordsError,
    parse_words,
    placeholder_differences,
    words_path,
    words_shape,
)
from kvet.exchange import coursereport, csvexport, psychiatrist, report
from kvet.exchange.errors import ExchangeError
from kvet.exchange.reportsections import about_lines
from kvet.exchange.table import build_table
from kvet.exchange.words import settled_lines, whose_line
from kvet.rating.answers import Choice
from kvet.rating.combine import Rule
from kvet.rating.costs import schedule_summary
from kvet.render.pdf import write_pdf
from kvet.start.sample import create_sample
from kvet.store.api import Store
from kvet.text import language
from tests.test_exports import pdf_text
from tests.test_spanish_data import NORMAL, SHORT, inflesz

TODAY = date(2026, 3, 1)


def english() -> dict[str, Any]:
    return tomllib.loads(words_path().read_text(encoding="utf-8"))


def spanish() -> dict[str, Any]:
    return tomllib.loads(overlay_path(words_path(), "es").read_text(encoding="utf-8"))


def both_words() -> tuple[Words, Words]:
    """The printout's words in English, and in Spanish over them."""
    return parse_words(english(), None, "en"), parse_words(english(), spanish(), "es")


@pytest.fixture(autouse=True)
def fresh_words() -> Iterator[None]:
    """Each test reads the words files itself (one test plants a damaged copy)."""
    from kvet.content import printwords

    printwords._load_words.cache_clear()
    yield
    printwords._load_words.cache_clear()


@pytest.fixture
def spanish_run() -> Iterator[None]:
    language.set_active("es")
    yield
    language.set_active("en")


def sample_store(path: Path, lang: str) -> Store:
    store = Store.open(load_checklist(lang=lang), path, daily_backup=False)
    create_sample(store)
    set_country(store.settings, "US")
    return store


# --- the words files ----------------------------------------------------------------------------


def test_every_english_word_has_spanish_and_nothing_more() -> None:
    en = english()
    missing, extra = missing_and_extra(en, spanish(), words_shape(en))
    assert missing == [], "the Spanish words lack: " + ", ".join(missing)
    assert extra == [], "the Spanish words have what English does not: " + ", ".join(extra)
    assert sum(len(table) for table in en.values()) > 150


def test_every_spanish_text_keeps_the_english_placeholders() -> None:
    assert placeholder_differences(english(), spanish()) == []
    # and the check has something to check
    assert "{name}" in english()["report"]["title"]
    assert "{name}" in spanish()["report"]["title"]


def test_the_spanish_words_really_are_spanish() -> None:
    en, es = english(), spanish()
    same = [f"{t}.{k}" for t, table in en.items() for k, text in table.items() if es[t][k] == text]
    total = sum(len(table) for table in en.values())
    # A few are the same in both (No, Australia, PHQ-9, "{minutes} min"); nearly all differ.
    assert len(same) < total // 15, same


def drop(tree: dict[str, Any]) -> None:
    del tree["report"]["title"]


def add(tree: dict[str, Any]) -> None:
    tree["report"]["titel"] = "Comparación"


@pytest.mark.parametrize(
    ("plant", "missing", "extra"),
    [(drop, ["report.title"], []), (add, [], ["report.titel"])],
)
def test_a_missing_or_unknown_id_in_a_translation_is_found(
    plant: Any, missing: list[str], extra: list[str]
) -> None:
    es = copy.deepcopy(spanish())
    plant(es)
    assert missing_and_extra(english(), es, words_shape(english())) == (missing, extra)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Comparación de kvet: {nombre}", "report.title: lost {name}, added {nombre}"),
        ("Comparación de kvet", "report.title: lost {name}, added none"),
        ("Comparación de kvet: {name", "report.title: the braces { } do not pair up"),
        (3, "report.title should be a text"),
        ("   ", "report.title should be a text"),
    ],
)
def test_a_translation_that_breaks_a_placeholder_is_refused_and_named(
    text: object, said: str
) -> None:
    es = copy.deepcopy(spanish())
    es["report"]["title"] = text
    with pytest.raises(WordsError) as error:
        parse_words(english(), es, "es")
    assert said in str(error.value)
    # the same damage the other way round is not the translation's fault: English must be whole
    en = copy.deepcopy(english())
    en["report"]["title"] = "   "
    with pytest.raises(WordsError, match=r"report\.title should be a text"):
        parse_words(en, None, "en")


def test_a_damaged_translation_file_stops_the_printout_with_its_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, checklist: Checklist
) -> None:
    folder = tmp_path / "report"
    folder.mkdir()
    shutil.copy(words_path(), folder / "words.toml")
    text = overlay_path(words_path(), "es").read_text(encoding="utf-8")
    (folder / "words.es.toml").write_text(
        text.replace('place = "Puesto"', 'place = "Puesto {n}"', 1), encoding="utf-8"
    )
    monkeypatch.setattr("kvet.content.printwords.words_path", lambda: folder / "words.toml")
    with Store.open(checklist, tmp_path / "db.sqlite", daily_backup=False) as store:
        comparison = create_sample(store)
        assert "kvet comparison" in report.report_html(store, comparison.id, lang="en")
        with pytest.raises(ExchangeError) as error:
            report.report_html(store, comparison.id, lang="es")
    message = str(error.value)
    assert str(folder / "words.es.toml") in message
    assert "report.place: lost none, added {n}" in message
    assert "Reinstall kvet" in message


def test_the_english_words_are_the_ones_kvet_has_always_printed() -> None:
    """The core keeps its English sentences; the words file must say exactly the same."""
    en = english()
    assert en["report"]["disclaimer"] == report.DISCLAIMER
    # the core's own sentences are not here: they are in the catalogue (test_one_source.py)
    for table in ("ranking", "answers", "side_effects", "summary", "course_core", "months"):
        assert table not in en
    assert en["countries"] == {c.code: c.name for c in COUNTRIES}
    assert en["psychiatrist"]["title"] == "Questions for your own psychiatrist"


def test_the_countries_have_spanish_names_for_the_window_and_the_report_alike() -> None:
    """The window shows the countries' names from these words too (kvet.gui.words.paperwords;
    tests/test_one_window_paper.py keeps them out of the window's .ts), so each needs Spanish."""
    en, es = english(), spanish()
    assert set(es["countries"]) == set(en["countries"])
    assert es["countries"]["US"] == "Estados Unidos"
    assert es["countries"]["OTHER"] == "Otro país"


# --- the printouts ------------------------------------------------------------------------------


@pytest.mark.usefixtures("qapp", "spanish_run")
def test_the_spanish_report_reads_in_spanish_with_the_clinics_own_names(tmp_path: Path) -> None:
    es = spanish()["report"]
    with sample_store(tmp_path / "db.sqlite", "es") as store:
        comparison = store.comparisons.list()[0]
        names = [c.name for c in store.clinics.list(comparison.id)]
        html = report.report_html(store, comparison.id, today=TODAY, combined=True)
        english_html = report.report_html(
            store, comparison.id, today=TODAY, combined=True, lang="en"
        )
    write_pdf(html, tmp_path / "informe.pdf")
    text = pdf_text(tmp_path / "informe.pdf")
    for name in names:  # the clinics' own names, as typed
        assert name in text
    for key in ("ranking", "expected_score", "important", "decisive", "still_to_ask", "sources"):
        assert es[key] in text, key
    assert "Comparación de kvet: Sample comparison (fictional clinics)" in text
    assert "Reglas de: Estados Unidos." in text
    assert "NO RECOMENDADA: señal de alerta vista:" in text
    assert "Puesto 1 por ahora" in text
    assert "988, que atiende en español" in text
    for english_words in ("Score so far out of 100", "Red flags seen", "Still to ask", "Ranking"):
        assert english_words not in text
        assert english_words in english_html

    # Every number in the ranking table is the same in both languages.
    def table(page: str) -> list[str]:
        rows = page.split("<table", 2)[1]
        return re.findall(r"\d+", re.sub(r"<[^>]+>", " ", rows))

    assert table(html) == table(english_html)


@pytest.mark.usefixtures("spanish_run")
def test_the_call_sheet_and_psychiatrist_sheet_in_spanish(tmp_path: Path) -> None:
    with sample_store(tmp_path / "db.sqlite", "es") as store:
        clinic = store.clinics.list(store.comparisons.list()[0].id)[0]
        sheet = report.call_sheet_html(store, clinic.id)
        questions = psychiatrist.psychiatrist_sheet_html(load_guide(), store.checklist)
    assert f"Hoja para la llamada: {clinic.name}" in sheet
    assert "[ &nbsp; ] No lo vi &nbsp; [ &nbsp; ] Lo vi &nbsp; [ &nbsp; ] No lo sé" in sheet
    assert "Checking:" not in sheet
    assert "Para saber:" in sheet
    assert "<h1>Preguntas para su propio psiquiatra</h1>" in questions
    assert "Fecha: ____________ &nbsp; Médico:" in questions
    assert english()["psychiatrist"]["intro"] not in questions


@pytest.mark.usefixtures("spanish_run")
def test_the_treatment_page_and_log_in_spanish_with_the_same_numbers(tmp_path: Path) -> None:
    with sample_store(tmp_path / "db.sqlite", "es") as store:
        course = store.courses.load(store.courses.list_courses()[0].id)
    page = coursereport.course_html(course, TODAY)
    english_page = coursereport.course_html(course, TODAY, lang="en")
    assert f"<h1>Mi tratamiento en {course.clinic_name}</h1>" in page
    assert "Hecho con kvet el 1 mar 2026, para mi próxima cita." in page
    assert "Made with kvet on 1 Mar 2026, for my next appointment." in english_page
    assert "Sentirse desconectado o fuera de la realidad" in page
    log = list(csv.reader(coursereport.course_csv(course).splitlines()))
    english_log = list(csv.reader(coursereport.course_csv(course, lang="en").splitlines()))
    assert log[0][:3] == ["Fecha", "Registro", "Tratamiento o tipo"]
    assert english_log[0][:3] == ["Date", "Entry", "Treatment or kind"]
    assert {row[1] for row in log[1:]} <= {
        "sesión",
        "PHQ-9",
        "control del ánimo",
        "cuidado",
        "señales de la semana",
    }
    # dates, pressures, minutes and totals are the same cells in both
    for es_row, en_row in zip(log[1:], english_log[1:], strict=True):
        assert [es_row[i] for i in (0, 5, 6, 7, 9)] == [en_row[i] for i in (0, 5, 6, 7, 9)]


@pytest.mark.usefixtures("spanish_run")
def test_the_spreadsheet_table_keeps_formula_neutralising_in_spanish(tmp_path: Path) -> None:
    with sample_store(tmp_path / "db.sqlite", "es") as store:
        comparison = store.comparisons.list()[0]
        clinic = store.clinics.list(comparison.id)[0]
        store.clinics.update(clinic.id, notes='=HYPERLINK("http://x")')
        text = csvexport.table_csv(build_table(store, comparison.id, combined=True))
    rows = list(csv.reader(text.splitlines()))
    assert rows[0][:2] == ["Sección", "Pregunta"]
    assert rows[2][1] == "Estado"
    assert '\'=HYPERLINK("http://x")' in {cell for row in rows for cell in row}
    assert "No lo vi" in {cell for row in rows for cell in row}


# --- the command line ---------------------------------------------------------------------------


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(list(args))
    return code, capsys.readouterr().err


def sample_db(checklist: Checklist, tmp_path: Path, language_chosen: str | None = None) -> Path:
    """A database holding the sample comparison (and the language chosen in the window)."""
    db = tmp_path / "db.sqlite"
    with Store.open(checklist, db, daily_backup=False) as store:
        create_sample(store)
        if language_chosen is not None:
            language.save_language(store.settings, language_chosen)
    return db


def csv_rows(path: Path) -> list[list[str]]:
    """The rows of an exported table, as a spreadsheet reads them."""
    return list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))


@pytest.mark.usefixtures("qapp")
def test_kvet_export_takes_lang_es_after_the_command_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], checklist: Checklist
) -> None:
    db = sample_db(checklist, tmp_path)
    assert cli(capsys, "--db", str(db), "export", str(tmp_path / "en.pdf")) == (0, "")
    assert cli(capsys, "--db", str(db), "export", str(tmp_path / "es.pdf"), "--lang", "es") == (
        0,
        "",
    )
    english_text, spanish_text = pdf_text(tmp_path / "en.pdf"), pdf_text(tmp_path / "es.pdf")
    assert "kvet comparison: Sample comparison" in english_text
    assert "Comparación de kvet: Sample comparison" in spanish_text
    # the checklist is read in the same language as the words around it
    statement = load_checklist(lang="es").item("rf_cure_promise").statement
    assert statement in spanish_text
    assert statement not in english_text


@pytest.mark.usefixtures("qapp")
def test_kvet_export_follows_the_language_chosen_in_the_window(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], checklist: Checklist
) -> None:
    db = sample_db(checklist, tmp_path, language_chosen="es")
    assert cli(capsys, "--db", str(db), "export", str(tmp_path / "t.csv")) == (0, "")
    rows = csv_rows(tmp_path / "t.csv")
    assert rows[1][1] == "Puesto"
    assert rows[-1][:2] == [
        "Sobre estas respuestas",
        spanish()["verdict"]["together"].format(rule=spanish()["verdict"]["cautious"]),
    ]
    # --lang wins over the saved choice
    assert cli(capsys, "--db", str(db), "--lang", "en", "export", str(tmp_path / "e.csv")) == (
        0,
        "",
    )
    rows = csv_rows(tmp_path / "e.csv")
    assert rows[1][1] == "Place"


def test_kvet_export_follows_the_system_language_when_nothing_is_chosen(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    checklist: Checklist,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    db = sample_db(checklist, tmp_path)
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "es_MX.UTF-8")
    assert cli(capsys, "--db", str(db), "export", str(tmp_path / "t.csv")) == (0, "")
    rows = csv_rows(tmp_path / "t.csv")
    assert rows[1][1] == "Puesto"


def test_an_unknown_language_is_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        main(["--db", str(tmp_path / "db.sqlite"), "export", "x.csv", "--lang", "fr"])
    assert "invalid choice: 'fr'" in capsys.readouterr().err


# --- sentences the core also makes: the printout's own words must say the same in English ---


@pytest.mark.parametrize("today", [date(2026, 3, 1), date(2031, 1, 1)])
def test_about_this_guide_says_in_english_what_the_guide_says(today: date) -> None:
    guide = load_guide()
    english_words = parse_words(english(), None, "en")
    assert about_lines(guide, today, english_words) == guide.about_lines(today)
    spanish_lines = about_lines(guide, today, parse_words(english(), spanish(), "es"))
    assert spanish_lines[0][0] == "Quién la escribió"
    checked = spanish_lines[3][1]
    assert f"{guide.reviewed.day:02d} de " in checked
    assert ("atrasada" in checked) is guide.review_overdue(today)


def test_the_decisive_questions_and_costs_are_the_cores_in_either_language(
    tmp_path: Path, checklist: Checklist
) -> None:
    english_words, spanish_words = core_say("en"), core_say("es")
    with sample_store(tmp_path / "db.sqlite", "en") as store:
        comparison = store.comparisons.list()[0]
        _results, ranking = store.scores.results(comparison.id, combined=True)
    questions = [*ranking.decisive]
    # every way a sentence can end: ruling out, changing the first, both, and a move of 1 point
    questions += [
        replace(questions[0], could_rule_out=a, changes_first=b, swing=swing)
        for a in (False, True)
        for b in (False, True)
        for swing in (0.2, 1.0, 12.4)
    ]
    questions.append(replace(questions[0], item_id="budget"))
    for question in questions:
        assert report.decisive_sentence(question, checklist, english_words) == question.sentence(
            checklist
        )
        spanish_sentence = report.decisive_sentence(question, checklist, spanish_words)
        assert spanish_sentence.startswith(f"Pregunte a {question.clinic_name}:")
    costs = [p.result.cost for p in ranking.places if p.result.cost is not None]
    assert costs
    for cost in costs:
        assert cost.sentence("USD", english_words) == cost.sentence()
        assert cost.sentence("USD", spanish_words).startswith("Unos $")


def test_what_a_score_means_reads_in_spanish_in_every_branch(tmp_path: Path) -> None:
    english_words, spanish_words = core_say("en"), core_say("es")
    with sample_store(tmp_path / "db.sqlite", "en") as store:
        comparison = store.comparisons.list()[0]
        results, _ranking = store.scores.results(comparison.id, combined=True)
    first = results[0]
    # every branch: ruled out or not, no score, no answers, all answered, partly, wide range
    variants = [*results]
    for seen in ((), ("rf_cure_promise",)):  # a dealbreaker seen rules the clinic out
        variants += [
            replace(first, dealbreakers_seen=seen, score=None),
            replace(first, dealbreakers_seen=seen, answered=0),
            replace(first, dealbreakers_seen=seen, answered=first.applicable),
            replace(first, dealbreakers_seen=seen, answered=1, low=10.0, high=90.0),
            replace(
                first, dealbreakers_seen=seen, answered=1, low=50.0, high=52.0, known_share=None
            ),
        ]
    shown = set()
    for result in variants:
        assert result.summary(english_words) == result.summary()
        spanish_summary = result.summary(spanish_words)
        assert spanish_summary != result.summary()
        shown.add(spanish_summary.split(" ")[0])
    assert {"Solo", "Ninguna", "Todavía", "Puntaje"} <= shown


def test_why_not_recommended_and_whose_answers_read_in_either_language(
    tmp_path: Path,
) -> None:
    english_words, spanish_words = both_words()
    spanish_say = core_say("es")
    with sample_store(tmp_path / "db.sqlite", "en") as store:
        comparison = store.comparisons.list()[0]
        for rule in Rule:
            store.decisions.set_rule(comparison.id, rule)
            for combined in (True, False):
                table = build_table(store, comparison.id, combined=combined)
                assert (
                    whose_line(store, comparison.id, None, combined, english_words) == table.whose
                )
                assert whose_line(store, comparison.id, None, combined, spanish_words).startswith(
                    "Las respuestas de todos" if combined else "Respuestas de "
                )
        reasons = [r for why in table.reasons.values() for r in why]
    assert reasons
    assert reasons[0].seen_by  # the sample's red flag was recorded by its person
    variants = [
        *reasons,
        replace(reasons[0], seen_by=()),
        replace(reasons[0], seen_by=reasons[0].seen_by * 2),
        replace(reasons[0], whose="A red flag you chose as a dealbreaker."),
    ]
    for reason in variants:
        spanish_sentence = reason.sentence(spanish_say)
        assert spanish_sentence != reason.sentence()
        assert "counts as a dealbreaker" not in spanish_sentence
        assert "chose as a dealbreaker" not in spanish_sentence


@pytest.mark.parametrize(
    "facts",
    [
        {"price_per_session": 550.0},
        {"price_per_session": 1234.5, "consult_fee": 300.0, "travel_minutes": 45.0},
        {"price_per_session": 700.0, "induction_sessions": 7.0, "travel_minutes": 20.0},
        {},
    ],
)
def test_cost_by_schedule_reads_in_spanish_with_the_same_figures(facts: dict[str, float]) -> None:
    formats = ["iv", "esketamine", "im"]
    english_lines = schedule_summary(facts, formats, core_say("en"))
    assert english_lines == schedule_summary(facts, formats)
    spanish_lines = schedule_summary(facts, formats, core_say("es"))
    assert len(spanish_lines) == len(english_lines)
    for en, es in zip(english_lines, spanish_lines, strict=True):
        assert es != en
        assert re.findall(r"[\d,.]+\d", es) == re.findall(r"[\d,.]+\d", en)  # the same figures
        # every part is Spanish: the schedule's name and its later sessions too
        for part in ("IV ketamine", "Esketamine", "then ", "the usual number", "Travel"):
            assert part not in es, (part, es)


def test_where_people_differ_and_what_they_settled_read_in_either_language(
    tmp_path: Path,
) -> None:
    english_words, spanish_words = both_words()
    with sample_store(tmp_path / "db.sqlite", "en") as store:
        comparison = store.comparisons.list()[0]
        clinic = store.clinics.list(comparison.id)[0]
        mum = store.people.add("Mum")
        me = store.people.default()
        store.answers.set(clinic.id, "q_induction_schedule", Choice.REFUSED, rater_id=mum.id)
        store.answers.set(clinic.id, "rf_cure_promise", Choice.SEEN, rater_id=mum.id)
        store.answers.set_fact(clinic.id, "price_per_session", 612.5, rater_id=mum.id)
        store.decisions.settle(clinic.id, "rf_cure_promise", Choice.NOT_SEEN, me.id)
        store.decisions.settle(clinic.id, "price_per_session", None, me.id, number=1250.0)
        table = build_table(store, comparison.id, combined=True)
        settled = settled_lines(store, table, english_words)
        spanish_settled = settled_lines(store, table, spanish_words)
    assert table.disagreements
    assert len(table.settled) == 2
    assert settled == list(table.settled)
    assert any("1,250 USD" in line for line in spanish_settled)
    assert any("quedó como no lo vi" in line for line in spanish_settled)
    for disagreement in table.disagreements:
        assert " — sobre “" in disagreement.sentence(core_say("es"))


def test_the_spanish_words_read_normal_or_easier() -> None:
    """The INFLESZ reading ease the Spanish data files are held to (tests/test_spanish_data.py),
    with each {placeholder} read as a short word."""
    texts = [
        (f"{table}.{key}", re.sub(r"\{[^}]*\}", "Ana", text))
        for table, words in spanish().items()
        for key, text in words.items()
    ]
    too_hard = [
        f"{where} ({inflesz(text):.1f}): {text}"
        for where, text in texts
        if len(text.split()) >= SHORT and inflesz(text) < NORMAL
    ]
    assert not too_hard, "\n".join(too_hard)
    short = [
        t if t.rstrip()[-1:] in ".?!:" else t + "." for _w, t in texts if len(t.split()) < SHORT
    ]
    assert inflesz(" ".join(short)) >= NORMAL


@pytest.mark.usefixtures("spanish_run")
def test_every_unit_of_the_checklist_is_printed_in_spanish(tmp_path: Path) -> None:
    units = {i.unit for i in load_checklist(lang="en").items if i.unit} - {"USD"}
    assert units
    assert all(sentence(unit, "es") != unit for unit in units), units
    with sample_store(tmp_path / "db.sqlite", "es") as store:
        comparison = store.comparisons.list()[0]
        clinic = store.clinics.list(comparison.id)[0]
        store.answers.set_fact(clinic.id, "travel_minutes", 45)
        sheet = report.call_sheet_html(store, clinic.id)
        rows = list(csv.reader(csvexport.table_csv(build_table(store, comparison.id)).splitlines()))
    assert "Respuesta: ______________ minutos" in sheet
    cells = {cell for row in rows for cell in row}
    assert {"45 minutos", "550 USD"} <= cells
