"""My treatment saves the page for the next appointment as the command line does: one sheet of
the country's paper, with the PHQ-9 chart drawn on it."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kvet.gui.treatment.treatment import TreatmentWindow
from tests.gui.helpers import Session
from tests.test_exports import pdf_text
from tests.test_treatment_page import pdf_info


@pytest.mark.parametrize(
    ("country", "size"), [("US", "(letter)"), ("CA", "(letter)"), ("IE", "(A4)")]
)
def test_the_page_is_saved_on_one_sheet_of_the_countrys_paper(
    session: Session, qtbot: QtBot, tmp_path: Path, country: str, size: str
) -> None:
    window = session.start()
    window.state.set_country(country)
    window.open_sample()
    tracker = window.open_treatment()
    assert isinstance(tracker, TreatmentWindow)
    qtbot.waitExposed(tracker)
    saved = tracker.save_pdf(tmp_path / "appointment.pdf")
    assert saved is not None
    info = pdf_info(saved)
    assert info["Pages"] == "1"
    assert info["Page size"].endswith(size)
    text = pdf_text(saved)
    assert "marks along the bottom are sessions" in text
    assert "Blood pressure" in text
    tracker.close()
