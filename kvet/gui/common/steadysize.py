"""A page that tells the window around it only when its size needs really change.

Qt passes every re-layout of a page up to the window, whether or not the page's size needs
changed: a label given new words ("step 4 of 45" after "step 3 of 45") re-lays the page out,
then its tab, the tabs, the splitter and the window, and the tabs repaint the whole of their
area, the clinic list and all (issue 26: that was most of the time of one answer). A page built
on ``SteadyPage`` lays its parts out in a widget of its own (``inside``) and passes a re-layout
on only when its least, preferred or wrapped size has changed (larger text, another clinic's
longer words), so the window is laid out again only when it must be.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

# what the layouts around ask of a page: its preferred and least sizes, the greatest, and
# whether (and how tall) it wraps at its width
_Needs = tuple[QSize, QSize, QSize, QSize, bool, int]


class SteadyPage(QWidget):
    """A widget whose parts are laid out in ``inside``, which always fills it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # a page takes the room it is given, as it did when its layout was its own
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.inside = QWidget(self)
        self._needs: _Needs | None = None
        self.passed_on = 0  # re-layouts passed on to the window (counted by the tests)

    def _measure(self) -> _Needs:
        inside = self.inside
        wraps = inside.hasHeightForWidth()
        return (
            inside.sizeHint(),
            inside.minimumSizeHint(),
            inside.minimumSize(),
            inside.maximumSize(),
            wraps,
            inside.heightForWidth(self.width()) if wraps else -1,
        )

    def _check(self) -> None:
        """Tell the layouts around when what they ask of this page has changed."""
        needs = self._measure()
        if needs != self._needs:
            self._needs = needs
            self.passed_on += 1
            self.updateGeometry()

    def event(self, event: QEvent) -> bool:
        # ``inside`` re-laid out: it has no layout around it, so Qt asks this page instead
        if event.type() == QEvent.Type.LayoutRequest:
            self._check()
        return super().event(event)

    def showEvent(self, event: QShowEvent) -> None:
        self._check()  # changes while hidden are not told to a hidden page
        super().showEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.inside.setGeometry(self.rect())
        # the layouts around chose this size: what it asks at this width is known to them
        self._needs = self._measure()
        super().resizeEvent(event)

    def sizeHint(self) -> QSize:
        return self.inside.sizeHint()

    def minimumSizeHint(self) -> QSize:
        return self.inside.minimumSizeHint().expandedTo(self.inside.minimumSize())

    def hasHeightForWidth(self) -> bool:
        return self.inside.hasHeightForWidth()

    def heightForWidth(self, width: int) -> int:
        return self.inside.heightForWidth(width)
