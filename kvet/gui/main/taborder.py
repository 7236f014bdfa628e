"""Where the keyboard goes in the main window.

Tab follows the screen: the welcome box and the country question are built after the rest of
the window but shown above it, so Tab reaches them first, then the bar, the clinics and the
tabs, in the order the eye reads them. Ctrl+1..5 put the keyboard where a page's work starts.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from kvet.gui.forms.ui_mainwindow import Ui_MainWindow

if TYPE_CHECKING:
    from kvet.gui.common.state import AppState
    from kvet.gui.main.latepages import LatePages
    from kvet.gui.pages.overview import ClinicOverview


def follow_the_screen(window: QWidget, ui: Ui_MainWindow, above: list[QWidget]) -> None:
    """Put ``above`` (built late, shown on top) first in the Tab order, then the header's
    drop-downs, the help button and the clinic list."""
    order: list[QWidget] = [
        *above,
        # the drop-downs moved into the wrapping header bar, then the help button beside it
        ui.comparisonCombo,
        ui.raterCombo,
        ui.viewCombo,
        ui.helpNowButton,
        ui.clinicsView,
    ]
    # Qt moves a widget only after one that takes focus: the widget before the first in the
    # chain (the help button: the header bar's drop-downs were moved into it later) takes
    # it for a moment, so the welcome box goes in first.
    before = ui.helpNowButton.previousInFocusChain()
    anchor: QWidget = ui.comparisonLabel
    if before is not None and before is not window and before not in order:
        anchor = before
    policy = anchor.focusPolicy()
    anchor.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    for first, second in itertools.pairwise([anchor, *order]):
        QWidget.setTabOrder(first, second)
    anchor.setFocusPolicy(policy)


def focus_where_work_starts(
    ui: Ui_MainWindow, index: int, pages: LatePages, overview: ClinicOverview, state: AppState
) -> None:
    """The keyboard on the first thing to do on the page of tab ``index``; where that cannot
    take it, on the clinic list (or "Add clinic" when there is none)."""
    start: QWidget | None
    page = ui.tabs.widget(index)
    if page is ui.walkthroughTab:
        pages.walkthrough.form.focus_answers()
        return
    if page is ui.overviewTab:
        start = overview.walk_button
    elif page is ui.compareTab:
        questions = pages.compare.decisive_view
        start = questions if questions.isVisible() else pages.compare.matrix
    elif page is ui.weightsTab:
        start = next(iter(pages.weights_panel.sliders.values()), None)
    else:
        start = pages.together.rule_combo
    if start is None or not start.isVisible() or not start.isEnabled():
        start = ui.clinicsView if state.ranking.places else ui.addClinicButton
    start.setFocus(Qt.FocusReason.ShortcutFocusReason)
