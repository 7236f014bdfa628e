"""A US user reading the REMS question can hover (or hear) what REMS means."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from tests.gui.helpers import Session, add_clinic


def test_jargon_is_explained_on_hover_and_to_screen_readers(session: Session, qtbot: QtBot) -> None:
    window = session.start()
    window.state.set_country("US")
    add_clinic(qtbot, window, "Harbour Clinic", ("Esketamine nasal spray (Spravato)",))
    window.show_walkthrough()
    page = window.walkthrough
    page.go([item.id for item in page.items].index("vs_rems"))
    form = page.form
    assert "REMS" in form.explanation.statement_label.text()
    assert "REMS: A US safety program" in form.explanation.statement_label.toolTip()
    assert form.explanation.statement_label.accessibleDescription().startswith(
        "What to check. Words explained: REMS: A US safety program"
    )
    # an item with no glossary words has no tooltip and the plain caption
    page.go([item.id for item in page.items].index("vs_private_room"))
    assert form.explanation.statement_label.toolTip() == ""
    assert form.explanation.statement_label.accessibleDescription() == "What to check"
