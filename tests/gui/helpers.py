"""Find widgets the way a user does: by what they say on screen or to a screen reader."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

W = TypeVar("W", bound=QWidget)


def _visible_text(widget: QWidget) -> str:
    text = getattr(widget, "text", None)
    return str(text()).replace("&", "") if callable(text) else ""


def find_button(root: QWidget, text: str) -> QAbstractButton:
    """The visible button whose label or accessible name contains ``text``."""
    matches = [
        b for b in root.findChildren(QAbstractButton)
        if b.isVisibleTo(root) and (text in _visible_text(b) or text == b.accessibleName())
    ]
    assert matches, f"no visible button saying {text!r}"
    return matches[0]


def find_by_name(root: QWidget, name: str, kind: type[W] = QWidget) -> W:  # type: ignore[assignment]
    matches = [w for w in root.findChildren(kind) if w.accessibleName() == name]
    assert matches, f"no {kind.__name__} named {name!r}"
    return matches[0]


def active_dialog(kind: type[W]) -> W:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, kind) and widget.isVisible():
            return widget
    raise AssertionError(f"no open {kind.__name__}")
