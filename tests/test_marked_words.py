"""Every word the window shows goes through Qt's translation, so a Spanish reader never meets a
sentence that nobody could translate.

The sweep in tests/gui/test_no_english_left.py reads the screens it can open; this test reads the
code, so a message box or a status message that only shows on an error is covered too: a text
written straight into a call that shows it (``setText("Saved")``, ``QMessageBox.warning(...,
"Locked")``) fails, while ``self.tr("Saved")`` or ``translate("Context", "Saved")`` passes.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

GUI = Path(__file__).resolve().parent.parent / "kvet" / "gui"
# Qt calls whose text arguments a person sees or hears.
SHOWN = frozenset(
    {
        "QAction",
        "QCheckBox",
        "QGroupBox",
        "QLabel",
        "QMessageBox",
        "QPushButton",
        "QRadioButton",
        "QStandardItem",
        "QTreeWidgetItem",
        "addAction",
        "addButton",
        "addItem",
        "addItems",
        "addRow",
        "addTab",
        "critical",
        "information",
        "insertTab",
        "question",
        "setAccessibleDescription",
        "setAccessibleName",
        "setDetailedText",
        "setHeaderLabels",
        "setHtml",
        "setInformativeText",
        "setItemText",
        "setLabelText",
        "setMarkdown",
        "setPlaceholderText",
        "setPlainText",
        "setPrefix",
        "setSpecialValueText",
        "setStatusTip",
        "setSuffix",
        "setTabText",
        "setText",
        "setTitle",
        "setToolTip",
        "setWhatsThis",
        "setWindowTitle",
        "showMessage",
        "warning",
    }
)


# Names that are the same in every language (the app's own name, as a message box's title).
NAMES = frozenset({"kvet"})


def _has_words(node: ast.expr) -> bool:
    """A string written in the code (not one computed or translated) with letters in it."""
    if isinstance(node, ast.Constant):
        return (
            isinstance(node.value, str)
            and node.value not in NAMES
            and any(c.isalpha() for c in node.value)
        )
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(part, ast.Constant) and _has_words(part) for part in node.values)
    if isinstance(node, ast.BinOp):
        return _has_words(node.left) or _has_words(node.right)
    if isinstance(node, ast.IfExp):
        return _has_words(node.body) or _has_words(node.orelse)
    if isinstance(node, ast.List | ast.Tuple):
        return any(_has_words(element) for element in node.elts)
    return False


def _called(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def untranslated(source: str) -> list[tuple[int, str]]:
    """(line, text) of each literal text handed straight to a call that shows it."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and _called(node) in SHOWN:
            arguments = [*node.args, *(k.value for k in node.keywords if k.arg != "objectName")]
            for argument in arguments:
                if _has_words(argument):
                    found.append((node.lineno, ast.unparse(argument)[:80]))
    return found


def test_the_check_finds_a_text_nobody_could_translate() -> None:
    assert untranslated('label.setText("Saved")') == [(1, "'Saved'")]
    assert untranslated('QMessageBox.warning(self, "Locked", f"{n} left")') == [
        (1, "'Locked'"),
        (1, "f'{n} left'"),
    ]
    assert untranslated('QPushButton("Save " + name)') == [(1, "'Save ' + name")]
    assert untranslated('label.setText(self.tr("Saved"))') == []
    assert untranslated('label.setText(translate("Ctx", "{n} left").format(n=n))') == []
    assert untranslated("label.setText(name)") == []
    assert untranslated('label.setText("")') == []
    assert untranslated('QMessageBox.warning(self, "kvet", self.tr("Locked"))') == []


# every room's modules; the compiled forms translate everything they show
MODULES = sorted(p for p in GUI.rglob("*.py") if "forms" not in p.relative_to(GUI).parts)


def test_the_check_reads_every_room() -> None:
    assert {p.parent.name for p in MODULES} >= {"main", "pages", "treatment", "sharing", "dialogs"}


@pytest.mark.parametrize("module", MODULES, ids=lambda p: p.relative_to(GUI).as_posix())
def test_every_text_the_window_shows_can_be_translated(module: Path) -> None:
    left = untranslated(module.read_text(encoding="utf-8"))
    assert not left, f"{module.name}: texts shown without translation:\n" + "\n".join(
        f"  line {line}: {text}" for line, text in left
    )
