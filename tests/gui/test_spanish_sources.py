"""A Spanish reader looks at the sources, picks a file in Qt's own dialog, and opens a damaged
shared file: each of these speaks Spanish.

The names of the publications (an article's title and headings, a journal, a body) stay in
English, since a reader looking one up needs them; kvet's own words around them are Spanish.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from kvet.content.checklist import load_checklist
from kvet.exchange import files, report
from kvet.gui.dialogs.about import AboutDialog, article_title
from kvet.gui.main.language import install_translations
from kvet.gui.main.mainwindow import MainWindow
from kvet.start.sample import create_sample
from kvet.store.api import Store
from kvet.text import language
from tests.gui.visibletext import english_left, visible_texts

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support propagateSizeHints\(\)", extend=True
)
# kvet's own English words around a source's names, as a Spanish reader met them.
ENGLISH_FRAME = re.compile(r"\bArticle:|\bsection “|\bparts? “|\bintroduction,")


@pytest.fixture
def spanish(qapp: QApplication) -> Iterator[None]:
    language.set_active("es")
    install_translations(qapp, "es")
    yield
    install_translations(qapp, "en")


@pytest.mark.usefixtures("spanish")
def test_the_sources_read_in_spanish_in_about_and_in_the_printout(
    qtbot: QtBot, tmp_path: Path
) -> None:
    checklist = load_checklist()
    english = load_checklist(lang="en")
    about = AboutDialog(checklist)
    qtbot.addWidget(about)
    listed = about.ui.sourcesView.toPlainText()
    assert "Artículo: “Core Points for a Safer Decision”" in listed
    assert "sección “Forms, dosing, and what to expect”, parte “What it feels like”" in listed
    assert not ENGLISH_FRAME.search(listed), ENGLISH_FRAME.findall(listed)
    # The article keeps its own title, as a reader would search for it.
    assert article_title(checklist) == article_title(english) != ""
    assert article_title(checklist) in about.ui.basedOnLabel.text()
    untranslated = [
        s.title for s, e in zip(checklist.sources, english.sources, strict=True) if s == e
    ]
    assert untranslated == []

    with Store.open(checklist, tmp_path / "kvet.sqlite", daily_backup=False) as store:
        comparison = create_sample(store)
        printed = report.report_html(store, comparison.id, today=date(2026, 3, 1))
    sources = printed.split("<ul class='small'>")[-1]
    assert "Artículo: “Who needs extra caution”" in sources
    assert not ENGLISH_FRAME.search(sources), ENGLISH_FRAME.findall(sources)


@pytest.mark.usefixtures("spanish")
def test_qts_own_file_dialog_reads_in_spanish(qtbot: QtBot, tmp_path: Path) -> None:
    """Where the desktop offers no file dialog of its own, Qt's is shown: in US Spanish."""
    dialog = QFileDialog(None, "Abrir", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    texts = visible_texts(dialog)
    for label in ("&Buscar en:", "&Nombre del archivo:", "Archivos de &tipo:"):
        assert label.replace("&", "") in texts, texts
    # Folder names are the machine's, not Qt's words: the test's own folders, the home folder
    # and the folder the run started in (a CI clone may sit in one called "check").
    places = {Path.home(), Path.cwd(), tmp_path, *tmp_path.parents, *Path.cwd().parents}
    names = {p.name for p in places} | {str(p) for p in places}
    folders = [t for t in texts if "/" in t or t.startswith("pytest-") or t in names]
    left = english_left([t for t in texts if t not in folders], [])
    assert not left, left
    assert not [t for t in texts if "fichero" in t.lower()]  # Spain's word, not kvet's variety
    dialog.close()


def damaged_copies(good: Path) -> Iterator[Path]:
    data = good.read_bytes()
    for name, content in (
        ("cut-short.kvet", data[: len(data) // 2]),
        ("last-byte-lost.kvet", data[:-1]),
        ("empty.kvet", b""),
        ("a-web-page.kvet", b"<html><body>Not found</body></html>"),
        ("a-list.kvet", b"[1, 2, 3]"),
    ):
        path = good.parent / name
        path.write_bytes(content)
        yield path


@pytest.mark.usefixtures("spanish")
def test_a_truncated_or_invalid_shared_file_is_explained_in_spanish(
    qtbot: QtBot, tmp_path: Path
) -> None:
    store = Store.open(load_checklist(), tmp_path / "kvet.sqlite", daily_backup=False)
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    good = tmp_path / "shared.kvet"
    files.export_comparison(store, create_sample(store).id, good)
    try:
        for damaged in damaged_copies(good):
            assert window.sharing.import_file(damaged) is None  # nothing to import
            box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox))
            qtbot.waitExposed(box)
            shown = [box.text(), box.informativeText(), box.detailedText()]
            assert all(shown), shown  # what happened, what to do, and the details for a helper
            left = english_left(shown, [damaged.name])
            assert not left, f"{damaged.name}: {left}"
            assert "incomplete" not in box.detailedText()
            box.close()
            box.deleteLater()
            QApplication.processEvents()
    finally:
        window.close()
        store.close()
