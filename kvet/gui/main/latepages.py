"""The pages the main window builds late: just after the clinics show, or when first shown or
used, so the clinics and scores paint first (issue 26).

Overview is built with the data; Walk through, Compare, What matters to you and Together on
the next turn of the event loop (or at once when their tab is the one shown), and the export
and import commands (``Sharing``) when first used. After a backup is restored the window
drops them and builds them again over the new data.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QLayout, QStatusBar, QWidget

from kvet.gui.common.flowlayout import scrolled

if TYPE_CHECKING:
    from kvet.gui.common.problems import Problem
    from kvet.gui.common.state import AppState
    from kvet.gui.forms.ui_mainwindow import Ui_MainWindow
    from kvet.gui.main.controller import Controller
    from kvet.gui.pages.compare import ComparePage
    from kvet.gui.pages.together import TogetherPage
    from kvet.gui.pages.walkthrough import WalkthroughPage
    from kvet.gui.pages.weights import WeightsPanel
    from kvet.gui.sharing.sharing import Sharing
    from kvet.rating.combine import Disagreement


class Host(Protocol):
    """What the pages are built into: the main window, named here so imports run one way."""

    @property
    def state(self) -> AppState: ...
    @property
    def ui(self) -> Ui_MainWindow: ...
    @property
    def controller(self) -> Controller: ...
    def open_call_mode(self) -> object: ...
    def show_problem(self, message: str | Problem) -> None: ...
    def show_new_disagreements(self, created: list[Disagreement]) -> None: ...
    def statusBar(self) -> QStatusBar: ...


class LatePages:
    """Each page built on first use, put in its tab, and wired to the window."""

    def __init__(self, host: Host, window: QWidget) -> None:
        self.host = host
        self.window = window  # the parent of the export and import dialogs
        self._walkthrough: WalkthroughPage | None = None
        self._compare: ComparePage | None = None
        self._weights_panel: WeightsPanel | None = None
        self._together: TogetherPage | None = None
        self._sharing: Sharing | None = None

    @property
    def walkthrough(self) -> WalkthroughPage:
        if self._walkthrough is None:
            from kvet.gui.pages.walkthrough import WalkthroughPage

            page = WalkthroughPage(self.host.state)
            _place(page, self.host.ui.walkthroughLayout)
            page.callModeRequested.connect(self.host.open_call_mode)
            page.problem.connect(self.host.show_problem)
            self._walkthrough = page
        return self._walkthrough

    @property
    def compare(self) -> ComparePage:
        if self._compare is None:
            from kvet.gui.pages.compare import ComparePage

            self._compare = ComparePage(self.host.state)
            _place(self._compare, self.host.ui.compareLayout)
        return self._compare

    @property
    def weights_panel(self) -> WeightsPanel:
        if self._weights_panel is None:
            from kvet.gui.pages.weights import WeightsPanel

            self._weights_panel = WeightsPanel(self.host.state)
            _place(self._weights_panel, self.host.ui.weightsLayout)
        return self._weights_panel

    @property
    def together(self) -> TogetherPage:
        if self._together is None:
            from kvet.gui.pages.together import TogetherPage

            self._together = TogetherPage(self.host.state)
            _place(scrolled(self._together), self.host.ui.togetherLayout)
        return self._together

    @property
    def sharing(self) -> Sharing:
        if self._sharing is None:
            from kvet.gui.sharing.sharing import Sharing

            host = self.host
            sharing = Sharing(host.state, self.window)
            sharing.problem.connect(host.show_problem)
            sharing.done.connect(lambda text: host.statusBar().showMessage(text, 15000))
            sharing.imported.connect(host.controller.imported)
            sharing.disagreementsCreated.connect(host.show_new_disagreements)
            self._sharing = sharing
        return self._sharing

    def build_shown(self) -> None:
        """The page of the tab on screen (the tab kept from last time may be any of them)."""
        build = self._builders().get(self.host.ui.tabs.currentWidget())
        if build is not None:
            build()

    def build_all(self) -> None:
        for build in self._builders().values():
            build()

    def _builders(self) -> dict[QWidget, Callable[[], QWidget]]:
        ui = self.host.ui
        return {
            ui.walkthroughTab: lambda: self.walkthrough,
            ui.compareTab: lambda: self.compare,
            ui.weightsTab: lambda: self.weights_panel,
            ui.togetherTab: lambda: self.together,
        }

    def flush(self) -> None:
        """A note still waiting for its pause is saved (the window is closing)."""
        if self._walkthrough is not None:
            self._walkthrough.flush()

    def drop(self) -> None:
        """Delete the pages built over an earlier store (attach again after a restore)."""
        together = self._together
        viewport = together.parentWidget() if together is not None else None
        area = viewport.parentWidget() if viewport is not None else None  # its scroll area
        for built in (self._walkthrough, self._compare, self._weights_panel, together, area):
            if built is not None:
                built.setParent(None)
                built.deleteLater()
        if self._sharing is not None:
            self._sharing.deleteLater()
        self._walkthrough = self._compare = self._weights_panel = self._together = None
        self._sharing = None


def _place(page: QWidget, layout: QLayout) -> None:
    """Put a page built late into its tab, shown at once: a layout would show it only on the
    next turn of the event loop, and until then its keyboard shortcuts would not work."""
    layout.addWidget(page)
    page.show()
