"""A user whose kvet speaks Spanish saves the report and the table from the window: both come out
in Spanish, the language the window shows, with the clinics' names as typed. The window reads
the printouts' words only when one is made, never at start.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kvet.content import printwords
from kvet.content.checklist import load_checklist
from kvet.gui.main.language import install_translations
from kvet.start.sample import create_sample
from kvet.store.api import Store
from tests.gui.helpers import Session
from tests.test_exports import pdf_text

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support propagateSizeHints\(\)", extend=True
)


@pytest.fixture(autouse=True)
def back_to_english(qapp: QApplication) -> Iterator[None]:
    printwords._load_words.cache_clear()
    yield
    install_translations(qapp, "en")
    printwords._load_words.cache_clear()


@pytest.mark.parametrize(
    ("code", "title", "place"),
    [
        ("es", "Comparación de kvet: Sample comparison (fictional clinics)", "Puesto"),
        ("en", "kvet comparison: Sample comparison (fictional clinics)", "Place"),
    ],
)
def test_the_report_saved_from_the_window_is_in_the_windows_language(
    qapp: QApplication, qtbot: QtBot, tmp_path: Path, code: str, title: str, place: str
) -> None:
    install_translations(qapp, code)
    # Installing a language retranslates every window still open, some left by earlier tests
    # in this process: what this test counts starts after that.
    printwords._load_words.cache_clear()
    path = tmp_path / "kvet.sqlite"
    with Store.open(load_checklist(), path, daily_backup=False) as store:
        sample = create_sample(store)
        store.settings.set_preference("last_comparison", sample.id)
        names = [c.name for c in store.clinics.list(sample.id)]
    session = Session(qtbot, load_checklist(), path)
    window = session.start()
    try:
        # the window is up and shows the clinics; the words it shares with the printouts (the
        # list's column names) are read once, in its language, and the printouts use the same
        assert window.ui.clinicsView.model().rowCount() == len(names)
        assert printwords._load_words.cache_info().currsize <= 1
        saved = window.sharing.export_report(tmp_path / "report.pdf")
        table = window.sharing.export_csv(tmp_path / "table.csv")
        assert printwords._load_words.cache_info().currsize == 1
    finally:
        session.stop()
    assert saved is not None
    assert table is not None
    text = pdf_text(saved)
    assert title in text
    for name in names:
        assert name in text
    rows = list(csv.reader(table.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[1][1] == place
    statement = load_checklist(lang=code).item("rf_cure_promise").statement
    assert statement in text


def test_the_psychiatrist_sheet_is_offered_under_its_spanish_name(
    qapp: QApplication,
    qtbot: QtBot,
    session: Session,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from kvet.text import language

    language.set_active("es")
    install_translations(qapp, "es")
    window = session.start()
    asked: list[tuple[str, str]] = []

    def ask(title: str, name: str, suffix: str, filter_: str) -> Path:
        asked.append((title, name))
        return tmp_path / "preguntas.pdf"

    monkeypatch.setattr(window.sharing, "ask_save_path", ask)
    saved = window.sharing.export_psychiatrist_sheet()
    assert saved is not None
    assert asked == [
        (
            "Guardar “Preguntas para su propio psiquiatra” en PDF",
            "Preguntas para su propio psiquiatra",
        )
    ]
    assert "Preguntas para su propio psiquiatra" in pdf_text(saved)
