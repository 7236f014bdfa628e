"""Help → Before you decide and Help → About this guide open readable pages."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from tests.gui.helpers import Session


def shown(dialog: object) -> str:
    return "\n".join(label.text() for label in dialog.findChildren(QLabel))  # type: ignore[attr-defined]


def test_the_guide_pages_open_from_the_help_menu(session: Session, qtbot: QtBot) -> None:
    window = session.start()
    before = window.show_guide_page("before")
    qtbot.waitExposed(before)
    text = shown(before)
    assert "Before you decide" in text
    assert "placebo" in text
    assert "From: Article" in text  # every point says where it comes from
    before.close()
    about = window.show_guide_page("about")
    qtbot.waitExposed(about)
    text = shown(about)
    assert "kvet has no funding." in text
    assert "Next check due by" in text
    about.close()


def test_the_psychiatrist_questions_save_as_a_pdf(
    session: Session, qtbot: QtBot, tmp_path: Path
) -> None:
    window = session.start()
    target = tmp_path / "questions.pdf"
    with qtbot.waitSignal(window.sharing.done) as done:
        saved = window.sharing.export_psychiatrist_sheet(target)
    assert saved == target
    assert target.read_bytes().startswith(b"%PDF")
    assert str(target) in done.args[0]


def test_the_overview_shows_cost_by_schedule_and_travel(session: Session, qtbot: QtBot) -> None:
    from tests.gui.helpers import add_clinic

    window = session.start()
    add_clinic(qtbot, window, "Harbour Clinic", ("Esketamine nasal spray (Spravato)",))
    store = session.store
    assert store is not None
    clinic = window.state.clinics[0].id
    store.answers.set_fact(clinic, "price_per_session", 600)
    store.answers.set_fact(clinic, "travel_minutes", 30)
    text = window.overview.cost.text()
    assert "Esketamine: about $4,800 for the first 8 sessions (the usual number)" in text  # 8×600
    assert "Travel: about 8.0 hours there and back for the first 8 sessions" in text  # 30×2×8/60
