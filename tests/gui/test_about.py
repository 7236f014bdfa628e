"""Help → About shows the versions, what the checklist rests on, and the disclaimer."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

import kvet
from kvet.content.checklist import Checklist, Source
from kvet.gui.dialogs.about import AboutDialog, article_title
from tests.gui.helpers import find_button, find_by_name

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support propagateSizeHints\(\)", extend=True
)


def shown_text(root: QWidget) -> str:
    return "\n".join(label.text() for label in root.findChildren(QLabel))


def open_about(qtbot: QtBot, checklist: Checklist) -> AboutDialog:
    dialog = AboutDialog(checklist)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_it_shows_both_versions(qtbot: QtBot, checklist: Checklist) -> None:
    text = shown_text(open_about(qtbot, checklist))
    assert f"kvet version {kvet.__version__}" in text
    assert f"checklist version {checklist.version}" in text


def test_it_says_it_is_not_medical_advice(qtbot: QtBot, checklist: Checklist) -> None:
    text = shown_text(open_about(qtbot, checklist))
    assert "education and decision support" in text
    assert "not medical advice" in text


def test_it_names_the_article(qtbot: QtBot, checklist: Checklist) -> None:
    title = article_title(checklist)
    assert title == "Ketamine Therapy for Depression: How It Works, Benefits, and Risks"
    assert title in shown_text(open_about(qtbot, checklist))


def test_every_source_is_listed_with_citation_and_address(
    qtbot: QtBot, checklist: Checklist
) -> None:
    dialog = open_about(qtbot, checklist)
    view = find_by_name(dialog, "Sources", QPlainTextEdit)
    text = view.toPlainText()
    assert view.isReadOnly()
    for source in checklist.sources:
        assert source.title in text
        assert source.citation in text
        if source.url:
            assert source.url in text


def test_sources_are_plain_text_even_with_markup(qtbot: QtBot, checklist: Checklist) -> None:
    odd = Source(key="odd", title="<b>Bold claim</b>", citation="A & B <i>x</i>", url="")
    changed = replace(checklist, sources=(*checklist.sources, odd))
    dialog = open_about(qtbot, changed)
    view = find_by_name(dialog, "Sources", QPlainTextEdit)
    assert "<b>Bold claim</b>" in view.toPlainText()
    assert "A & B <i>x</i>" in view.toPlainText()


def test_labels_are_plain_text(qtbot: QtBot, checklist: Checklist) -> None:
    dialog = open_about(qtbot, checklist)
    for label in dialog.findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName()


def test_close_and_escape_close_it(qtbot: QtBot, checklist: Checklist) -> None:
    dialog = open_about(qtbot, checklist)
    qtbot.mouseClick(find_button(dialog, "Close"), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    dialog = open_about(qtbot, checklist)
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)


def test_it_names_the_languages_and_invites_corrections(qtbot: QtBot, checklist: Checklist) -> None:
    text = shown_text(open_about(qtbot, checklist))
    assert "kvet can be used in: English, Español." in text
    assert "Corrections are welcome." in text
