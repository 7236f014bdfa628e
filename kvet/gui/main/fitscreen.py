"""The main window on the user's screen: placed as it was left, and nothing runs off the edge.

The window opens where and as large as it was (kept on a smaller screen, ``firstpaint``), with
the tab and the split it had. On a small screen or with large text the drop-downs above the list
wrap onto a second line, the window scrolls up and down when the screen is too short, and the
clinic list goes above the views when the window is narrow for its text. Where everything fits,
nothing changes. Qt only; imported as the form is built, just after the first paint.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, Qt
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kvet.gui.common.flowlayout import FlowLayout, keep_together, scrolled, whole_height
from kvet.gui.common.screenfit import keep_on_screen, keep_windows_on_screen
from kvet.gui.forms.ui_mainwindow import Ui_MainWindow
from kvet.gui.main.firstpaint import GEOMETRY_KEY

# The window holds the clinic list and the views side by side when it is at least this many
# characters wide (1024 px at the usual text size); with larger text, the list goes above.
SIDE_BY_SIDE_CHARS = 130
# Under the list (larger text on a laptop), the views are never given fewer lines than this.
VIEWS_LEAST_LINES = 39


def restore_views(ui: Ui_MainWindow) -> None:
    """The split between list and views, and the tab, as left (the window's place and size:
    ``kvet.gui.main.firstpaint.restore_place``, before the form is built)."""
    settings = QSettings()
    splitter = settings.value("mainWindow/splitter")
    if isinstance(splitter, QByteArray):
        ui.splitter.restoreState(splitter)
    else:
        ui.splitter.setSizes([460, 820])  # the views need the width more than the list
    tab = settings.value("mainWindow/tab", 0, int)
    ui.tabs.setCurrentIndex(tab if isinstance(tab, int) else 0)


def watch_windows_on_screen() -> None:
    """Every dialog kept inside the screen as it opens, from when the first one can open (the
    crisis lines, or anything once the data is open). Not at the first paint: the watch is a
    filter on the whole application, Python called for every event of every widget (tens of
    ms there), and the main window places itself (``firstpaint.restore_place``,
    ``MainWindow.showEvent``).
    """
    app = QApplication.instance()
    if app is not None:
        keep_windows_on_screen(app)


def save_layout(window: QMainWindow, ui: Ui_MainWindow) -> None:
    settings = QSettings()
    settings.setValue(GEOMETRY_KEY, window.saveGeometry())
    settings.setValue("mainWindow/splitter", ui.splitter.saveState())
    settings.setValue("mainWindow/tab", ui.tabs.currentIndex())


def fit_to_screen(window: QMainWindow, ui: Ui_MainWindow) -> tuple[QWidget, QScrollArea]:
    """The form made to fit a small screen or large text: the header's drop-downs wrap, the
    window scrolls up and down when short, the list goes above the views when narrow, and the
    note under the list keeps all its lines. Returns the header's bar and the scrolling area."""
    header_bar = wrap_header(ui)
    area = scroll_when_short(window, ui.centralwidget)
    # Height to spare goes to the list and the views, never to the header's drop-downs
    # (on a tall screen they were given a band of empty room above the list).
    ui.centralLayout.setStretchFactor(ui.splitter, 1)
    whole_height(ui.rankingNote)
    FitWindow(window, ui)
    return header_bar, area


def wrap_header(ui: Ui_MainWindow) -> QWidget:
    """The drop-downs above the list go onto a second line when the window is narrow or the
    text large, instead of making the window wider than the screen. Returns their bar."""
    row = ui.headerLayout
    while row.count():
        row.takeAt(0)
    header_bar = QWidget()
    flow = FlowLayout(header_bar, spacing=12)
    for caption, combo in (
        (ui.comparisonLabel, ui.comparisonCombo),
        (ui.raterLabel, ui.raterCombo),
        (ui.viewLabel, ui.viewCombo),
    ):
        flow.addWidget(keep_together(caption, combo))
    for stretch in range(row.count() + 2):
        row.setStretch(stretch, 0)
    row.addWidget(header_bar, 1)
    row.addWidget(ui.helpNowButton, 0, Qt.AlignmentFlag.AlignTop)
    return header_bar


def scroll_when_short(window: QMainWindow, central: QWidget) -> QScrollArea:
    """Below the menus and above the status bar, the window scrolls up and down when the
    screen is too short for all of it (large text on a laptop), rather than running off
    the screen's bottom. Where it fits, nothing changes. Returns the scrolling area."""
    window.takeCentralWidget()  # kept: ``central`` goes inside the scrolling area
    # Inside, the window's parts take the height they are given, down to their least
    # (a scroll area would otherwise give them the height their words prefer, and scroll).
    sheet = QWidget()
    _LeastHeight(sheet).addWidget(central)
    area = scrolled(sheet)
    window.setCentralWidget(area)
    # never narrower than what is inside: it scrolls up and down, not sideways
    central.installEventFilter(_FollowInside(window, area))
    return area


class _FollowInside(QObject):
    """What is inside needs more (or less) room: the scrolling area follows, so the parts are
    never squeezed over each other; the window is never narrower."""

    def __init__(self, window: QMainWindow, area: QScrollArea) -> None:
        super().__init__(area)
        self.window = window
        self.area = area

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        resized = event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.Resize)
        if resized and isinstance(watched, QWidget):
            self._follow(watched)
        return super().eventFilter(watched, event)

    def _follow(self, central: QWidget) -> None:
        least = central.minimumSizeHint()
        inside = central.layout()
        if inside is not None and inside.hasHeightForWidth():
            # at its width: the header's drop-downs on two rows (large text, 1024 px)
            # were counted as one, and the clinic list's note was drawn over its rows
            least.setHeight(max(least.height(), inside.totalMinimumHeightForWidth(central.width())))
        area = self.area
        sheet = area.widget()
        if sheet is not None and sheet.minimumSize() != least:
            sheet.setMinimumSize(least)
        width = least.width() + area.verticalScrollBar().sizeHint().width()
        if width != area.minimumWidth():
            area.setMinimumWidth(width)
            window_layout = self.window.layout()
            if window_layout is not None:
                window_layout.activate()  # the window grows at once if it must


class FitWindow(QObject):
    """The main window kept inside the screen as it shows, and its clinic list beside or above
    the views as its width or its text size changes. A filter on the window, set up with its
    form (``MainWindow.build_form``), rather than handlers of the window's own: Python is then
    not called for the events of the window's first paint (PySide6 makes the event's classes,
    and their enums, the first time it hands one to Python)."""

    def __init__(self, window: QMainWindow, ui: Ui_MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.ui = ui
        window.installEventFilter(self)
        self.fit()  # for the size the window has already

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window:
            kind = event.type()
            if kind == QEvent.Type.Show:
                if not (self.window.isMaximized() or self.window.isFullScreen()):
                    keep_on_screen(self.window)
            elif kind in (QEvent.Type.Resize, QEvent.Type.FontChange):
                self.fit()
        return False

    def fit(self) -> None:
        fit_splitter(self.window, self.ui.splitter, self.ui.clinicsView, self.ui.tabs)


def fit_splitter(window: QWidget, splitter: QSplitter, clinics: QTableView, views: QWidget) -> None:
    """The clinic list beside the views when the window is wide for its text, above them
    when it is not (large text on a laptop): side by side, both would be squeezed until
    their words ran off the edge."""
    wide = window.width() >= window.fontMetrics().averageCharWidth() * SIDE_BY_SIDE_CHARS
    wanted = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
    if splitter.orientation() != wanted:
        splitter.setOrientation(wanted)
        splitter.setSizes([3, 5] if wide else [2, 3])  # shares of the room
    # Above the views, the list keeps a few rows and the views enough lines for a question
    # of the walkthrough with its first answer; the window scrolls if it must. Given only
    # what was left (1024 x 700 at 150%), the walkthrough showed four lines of a question.
    lines = window.fontMetrics().lineSpacing()
    clinics.setMinimumHeight(0 if wide else lines * 7)
    views.setMinimumHeight(0 if wide else lines * VIEWS_LEAST_LINES)


class _LeastHeight(QVBoxLayout):
    """A layout that does not ask its contents how tall they would like to be at a width."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setContentsMargins(0, 0, 0, 0)

    def hasHeightForWidth(self) -> bool:
        return False
