"""The window carries kvet's own icon, the one its menu entry shows."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from kvet.gui.main.application import application_icon
from kvet.system.desktop import ICON_SIZES


def test_the_window_icon_has_every_shipped_size_and_is_not_blank(qapp: QApplication) -> None:
    icon = application_icon()
    assert not icon.isNull()
    assert {s.width() for s in icon.availableSizes()} == set(ICON_SIZES)
    image = icon.pixmap(QSize(64, 64)).toImage()
    assert image.pixelColor(32, 32).alpha() == 255  # the tile is drawn, not transparent
