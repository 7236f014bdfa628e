"""The private pre-screen: pregnancy is a topic to raise; thoughts of ending one's life lead
straight to help, and nothing about them is saved."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from kvet.gui.dialogs.crisis import CrisisDialog
from kvet.gui.dialogs.prescreen import PrescreenDialog
from kvet.store.errors import InvalidValueError
from tests.gui.helpers import Session, active_dialog


def test_urgent_thoughts_open_the_crisis_panel_and_are_never_saved(
    session: Session, qtbot: QtBot
) -> None:
    window = session.start()
    prescreen = window.open_prescreen()
    assert isinstance(prescreen, PrescreenDialog)
    urgent = next(
        b
        for b in prescreen.findChildren(QPushButton)
        if b.text() == "I am having thoughts of ending my life"
    )
    assert "urgent_suicidal_thoughts" not in prescreen.boxes  # not a box to tick for later
    urgent.click()
    panel = active_dialog(CrisisDialog)
    assert panel.contact_cards()  # lines to call or text, right away
    panel.close()
    store = session.store
    assert store is not None
    assert store.answers.personal_topics() == {}
    with pytest.raises(InvalidValueError):
        store.answers.set_personal_topic("urgent_suicidal_thoughts", True)


def test_pregnancy_is_a_topic_to_tell_the_clinic(session: Session, qtbot: QtBot) -> None:
    window = session.start()
    prescreen = window.open_prescreen()
    assert isinstance(prescreen, PrescreenDialog)
    prescreen.boxes["caution_pregnancy"].click()
    store = session.store
    assert store is not None
    assert store.answers.personal_topics()["caution_pregnancy"].applies
