"""The window's saves refuse kvet's own data, like the command line (same ``write_atomically``)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.gui.helpers import Session, add_clinic


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_saving_the_table_over_the_open_database_is_refused_in_plain_words(
    session: Session, qtbot: QtBot
) -> None:
    window = session.start()
    add_clinic(qtbot, window, "Harbor Clinic")
    before = digest(session.path)
    with qtbot.waitSignal(window.sharing.problem) as said:
        assert window.sharing.export_csv(session.path) is None
    assert "will not save over" in said.args[0].text
    assert "kvet's own data" in said.args[0].text
    assert digest(session.path) == before
    with qtbot.waitSignal(window.sharing.problem):
        assert window.sharing.export_file(session.path, ask=False) is None
    assert digest(session.path) == before
    assert session.store is not None
    clinics = session.store.clinics.list(window.state.comparison_id)
    assert [c.name for c in clinics] == ["Harbor Clinic"]
