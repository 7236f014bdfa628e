"""The main window: comparisons, the ranked clinics, and the views of the selected clinic.

It starts in steps. ``kvet.gui.main.app`` paints it first with its title, place and size,
"Opening your data…" and a working "Need help now?" (``firstpaint``), and ``build_form`` puts in
the form, header and menus on the next turn; ``MainWindow()`` has its form at once. All Qt; then
``attach(store)`` builds the views over the data, which needs the database and scoring libraries.

The menus come from the table in ``actions``; the commands' work is in ``controller``. This
module lays out and connects: the fit to small screens is ``fitscreen``, the pages built late
``latepages``, the dialogs the commands open ``opendialogs``, the welcome box ``welcome``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QMainWindow, QPushButton, QWidget

from kvet.gui.main.firstpaint import restore_place, show_now, waiting_page
from kvet.gui.words.tr import translate

if TYPE_CHECKING:  # the rest is loaded with the form, by attach() or on first use
    from PySide6.QtGui import QCloseEvent
    from PySide6.QtWidgets import QFrame

    from kvet.gui.common.problems import Problem
    from kvet.gui.common.state import AppState
    from kvet.gui.dialogs.clinicdialog import ClinicDialog
    from kvet.gui.dialogs.country import CountryBar
    from kvet.gui.forms.ui_mainwindow import Ui_MainWindow
    from kvet.gui.main.cliniclist import ClinicList
    from kvet.gui.main.clinicmodel import ClinicTableModel
    from kvet.gui.main.clinictable import ColumnFitter
    from kvet.gui.main.controller import Controller
    from kvet.gui.main.latepages import LatePages
    from kvet.gui.pages.compare import ComparePage
    from kvet.gui.pages.overview import ClinicOverview
    from kvet.gui.pages.together import TogetherPage
    from kvet.gui.pages.walkthrough import WalkthroughPage
    from kvet.gui.pages.weights import WeightsPanel
    from kvet.gui.sharing.sharing import Sharing
    from kvet.rating.combine import Disagreement
    from kvet.store.api import Store


class MainWindow(QMainWindow):
    """The window, its menus and tabs; what the commands do is in ``Controller``."""

    ui: Ui_MainWindow
    store: Store
    state: AppState
    controller: Controller
    overview: ClinicOverview
    welcome: QFrame
    country_bar: CountryBar | None  # only at the start that asks (the first)
    clinic_list: ClinicList
    clinic_model: ClinicTableModel
    column_fitter: ColumnFitter
    # The other pages are built just after the clinics show (or when first shown or used), and
    # the export and import actions when first used (see ``kvet.gui.main.latepages``).
    _pages: LatePages | None = None
    _treatment: QWidget | None = None

    def __init__(self, store: Store | None = None, *, form_now: bool = True) -> None:
        """The whole window; with ``form_now=False`` (``kvet.gui.main.app`` only) the window
        of the first paint, whose form ``build_form`` puts in once it has painted."""
        super().__init__()
        self.attached = False
        self.form_built = False
        self.setWindowTitle("kvet")
        restore_place(self)
        self.statusBar().showMessage(self.tr("Opening your data…"))  # until attach()
        if form_now or store is not None:
            self.build_form()
        else:
            self.setCentralWidget(waiting_page(lambda: self.show_crisis_panel()))
        if store is not None:
            self.attach(store)

    def build_form(self) -> None:
        """The form, header and menus, the split and tab as left, the data's controls off until
        it is open (done once); the keyboard stays on "Need help now?" if it was there."""
        if self.form_built:
            return
        from kvet.gui.common.focus import EnterPressesButtons, keep_focus_in_view
        from kvet.gui.forms.ui_mainwindow import Ui_MainWindow
        from kvet.gui.main.fitscreen import fit_to_screen, restore_views

        on_help = self.focusWidget() is not None  # the waiting page's button: nothing else takes it
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)  # the waiting page goes
        self.setWindowTitle("kvet")
        self.header_bar, self.central_area = fit_to_screen(self, self.ui)
        self.ui.helpNowButton.clicked.connect(lambda: self.show_crisis_panel())
        self._build_menus()
        self._enter = EnterPressesButtons(self)
        keep_focus_in_view()
        restore_views(self.ui)
        self.ui.tabs.currentChanged.connect(lambda _index: self._build_shown_page())
        for widget in self._data_widgets():
            widget.setEnabled(False)
        self.form_built = True
        show_now(self)  # the data is attached to it next
        if on_help:
            self.ui.helpNowButton.setFocus()

    def _build_menus(self) -> None:
        from kvet.gui.main.actions import build_menus, create_actions, ids_when
        from kvet.gui.main.actionspec import ActionId, When

        self.menu_actions = named = create_actions(self, self)
        build_menus(self.menuBar(), self.menu_actions)
        # a few by name, for the tests and the soak driver
        self.new_clinic_action = named[ActionId.NEW_CLINIC]
        self.sample_action = named[ActionId.SAMPLE]
        self.quit_action = named[ActionId.QUIT]
        self.undo_action = named[ActionId.UNDO]
        self.redo_action = named[ActionId.REDO]
        self.country_action = named[ActionId.COUNTRY]
        # Until the data is open, only help, the tabs and Quit do anything.
        waiting = ids_when(When.DATA, When.CLINIC, When.UNDO, When.REDO)
        self._waiting_actions = [named[action_id] for action_id in waiting]
        for act in self._waiting_actions:
            act.setEnabled(False)
        self._clinic_actions = [named[action_id] for action_id in ids_when(When.CLINIC)]

    def _data_widgets(self) -> tuple[QWidget, ...]:
        ui = self.ui
        return (ui.comparisonCombo, ui.raterCombo, ui.viewCombo, ui.splitter)

    def attach(self, store: Store) -> None:
        """Show the data: build every view over the opened store."""
        from kvet.gui.common.state import AppState
        from kvet.gui.main.controller import Controller
        from kvet.gui.main.fitscreen import watch_windows_on_screen
        from kvet.gui.main.latepages import LatePages

        self.build_form()  # made already, but for a caller that did not wait for it
        watch_windows_on_screen()
        self.store = store
        self.state = AppState(store, self)
        ui = self.ui
        self.controller = commands = Controller(
            self.state, self, ui.comparisonCombo, ui.raterCombo, ui.viewCombo
        )
        commands.status.connect(self.statusBar().showMessage)
        commands.problem.connect(self.show_problem)
        commands.actionsChanged.connect(self._update_actions)
        commands.sampleOpened.connect(self.dismiss_welcome)
        for widget in self._data_widgets():
            widget.setEnabled(True)
        self.statusBar().clearMessage()
        self._build_welcome_and_country()
        self._build_clinic_list()
        if self._pages is not None:
            self._pages.drop()  # built over an earlier store (attach again after a restore)
        self._pages = LatePages(self, self)
        self._build_overview()
        for act in self._waiting_actions:
            act.setEnabled(True)
        self.clinic_list.follow()
        self.state.storeChanged.connect(commands.store_changed)
        self._start()
        self.attached = True
        self._build_shown_page()  # the tab kept from last time may be any of them
        # The other pages on the next turn of the event loop, after the clinics are painted:
        # they are ready when a tab is clicked, and every page sets the window's minimum size.
        QTimer.singleShot(0, self, self._build_pages)
        QTimer.singleShot(0, commands, commands.offer_draft)  # once the window is up
        if store.backup_problem:
            # Data is safe, but the user should know the daily copy did not happen.
            from kvet.gui.words.errorwords import error_words

            self.statusBar().showMessage(error_words(store.backup_problem))

    def _build_welcome_and_country(self) -> None:
        """Above the list: the welcome box (first start) and the country question; the
        country chosen in the status bar."""
        from kvet.gui.common.text import plain_label
        from kvet.gui.dialogs.country import CountryBar, status_text
        from kvet.gui.main.taborder import follow_the_screen
        from kvet.gui.main.welcome import build_welcome

        ui = self.ui
        self.welcome = build_welcome(self.open_sample, self.dismiss_welcome)
        ui.centralLayout.insertWidget(0, self.welcome)
        above: list[QWidget] = self.welcome.findChildren(QPushButton)
        # Asked at the first start only: later ones build no list of countries (issue 26). A
        # parent first: never a window of its own.
        self.country_bar = bar = CountryBar(self.state, self) if self.state.ask_country else None
        if bar is not None:
            ui.centralLayout.insertWidget(1, bar)
            above += [bar.combo, bar.confirm]
        self.country_status = plain_label(status_text(self.state.country), wrap=False)
        self.country_status.setAccessibleDescription(translate("MainWindow", "Your country"))
        self.statusBar().addPermanentWidget(self.country_status)
        follow_the_screen(self, ui, above)
        self.state.countryChanged.connect(
            lambda code: self.country_status.setText(status_text(code))
        )

    def _build_clinic_list(self) -> None:
        from kvet.gui.main.cliniclist import ClinicList

        self.clinic_list = ClinicList(
            self.state, self.ui, self, lambda: self.edit_clinic(), self._update_actions
        )
        self.clinic_model = self.clinic_list.model
        self.column_fitter = self.clinic_list.column_fitter

    def _build_overview(self) -> None:
        from kvet.gui.pages.overview import ClinicOverview

        ui = self.ui
        self.overview = ClinicOverview(self.state)
        ui.overviewLayout.addWidget(self.overview)
        self.overview.walkthroughRequested.connect(self.show_walkthrough)
        self.overview.callModeRequested.connect(self.open_call_mode)
        self.overview.pricesRequested.connect(self.controller.edit_prices)
        ui.addClinicButton.clicked.connect(lambda: self.add_clinic())
        ui.editClinicButton.clicked.connect(lambda: self.edit_clinic())
        ui.removeClinicButton.clicked.connect(lambda: self.remove_clinic())

    # --- pages built on first use (kvet.gui.main.latepages) -----------------------------------

    @property
    def pages(self) -> LatePages:
        assert self._pages is not None, "the pages are built over the data: attach() first"
        return self._pages

    @property
    def walkthrough(self) -> WalkthroughPage:
        return self.pages.walkthrough

    @property
    def compare(self) -> ComparePage:
        return self.pages.compare

    @property
    def weights_panel(self) -> WeightsPanel:
        return self.pages.weights_panel

    @property
    def together(self) -> TogetherPage:
        return self.pages.together

    @property
    def sharing(self) -> Sharing:
        return self.pages.sharing

    def _build_shown_page(self) -> None:
        if self.attached:
            self.pages.build_shown()

    def _build_pages(self) -> None:
        if self.attached and not self.store.db.closed:  # the data may be closed already
            self.pages.build_all()

    # --- start-up -----------------------------------------------------------------------------

    def _start(self) -> None:
        dismissed = QSettings().value("welcomeDismissed", False, bool)
        first_start = self.controller.start() and not dismissed
        self.welcome.setVisible(first_start)
        self._update_actions()

    def dismiss_welcome(self) -> None:
        QSettings().setValue("welcomeDismissed", True)
        self.welcome.hide()

    # --- the clinic list ----------------------------------------------------------------------

    def _update_actions(self) -> None:
        from kvet.gui.main.undosteps import name_steps

        history = self.store.history
        name_steps(self.undo_action, self.redo_action, history.undo_text, history.redo_text)
        has_clinic = self.state.clinic() is not None
        for widget in (self.ui.editClinicButton, self.ui.removeClinicButton):
            widget.setEnabled(has_clinic)
        for act in self._clinic_actions:
            act.setEnabled(has_clinic)

    # --- commands, carried out by the controller ----------------------------------------------
    # The window's own names for its buttons' and menus' commands, looked up when pressed.

    def add_clinic(self) -> ClinicDialog:
        return self.controller.add_clinic()

    def open_sample(self) -> None:
        self.controller.open_sample()

    def edit_clinic(self, clinic_id: str | None = None) -> ClinicDialog | None:
        return self.controller.edit_clinic(clinic_id)

    def remove_clinic(self) -> None:
        self.controller.remove_clinic()

    def add_person(self, name: str) -> None:
        self.controller.add_person(name)

    def rename_person(self, name: str | None = None) -> None:
        self.controller.rename_person(name)

    def undo(self) -> None:
        self.controller.undo()

    def redo(self) -> None:
        self.controller.redo()

    # --- other panels (kvet.gui.main.opendialogs) ---------------------------------------------

    def show_new_disagreements(self, created: list[Disagreement]) -> None:
        """After a family member's file: what they heard differently, under Together."""
        from kvet.gui.main.opendialogs import show_new_disagreements

        self.ui.tabs.setCurrentWidget(self.ui.togetherTab)
        show_new_disagreements(self, created)

    def show_walkthrough(self) -> None:
        self.show_tab(self.ui.tabs.indexOf(self.ui.walkthroughTab))

    def show_tab(self, index: int) -> None:
        """Ctrl+1..5: the tab, with the keyboard where its work starts."""
        self.ui.tabs.setCurrentIndex(index)
        if self.attached:
            from kvet.gui.main.taborder import focus_where_work_starts

            focus_where_work_starts(self.ui, index, self.pages, self.overview, self.state)

    def open_call_mode(self) -> QWidget | None:
        if self.state.clinic() is None:
            return None
        from kvet.gui.main.opendialogs import open_call_mode

        return open_call_mode(self.state, self)

    def open_prescreen(self) -> QWidget:
        from kvet.gui.main.opendialogs import open_prescreen

        return open_prescreen(self.state, self, self.show_crisis_panel)

    def open_treatment(self) -> QWidget:
        """The course tracker, in its own window; one at a time."""
        from kvet.gui.main.opendialogs import open_treatment

        self._treatment = open_treatment(self.state, self, self.show_crisis_panel, self._treatment)
        return self._treatment

    def show_crisis_panel(self, asking: QWidget | None = None) -> QWidget:
        """The crisis lines, above the window that asked for them (``asking``: My treatment
        or its check-in; the main window when None); closing gives focus back where it was."""
        from kvet.gui.main.fitscreen import watch_windows_on_screen
        from kvet.gui.main.opendialogs import show_crisis_panel

        watch_windows_on_screen()  # the one window that opens before the data
        owner = asking.window() if asking is not None else self
        # the user's chosen country first, once the data (and so the choice) is open
        return show_crisis_panel(owner, self.state.country if self.attached else None)

    def show_guide_page(self, which: str) -> QWidget:
        from kvet.gui.main.opendialogs import show_guide_page

        return show_guide_page(self.state.checklist, self, which)

    def choose_country(self) -> QWidget:
        from kvet.gui.main.opendialogs import choose_country

        bar = self.country_bar  # the question at the top, when this start asked it
        return choose_country(self.state, self, bar.hide if bar is not None else lambda: None)

    def choose_language(self) -> QWidget:
        from kvet.gui.main.opendialogs import choose_language

        return choose_language(self.state.store.settings, self)

    def show_about(self) -> QWidget:
        from kvet.gui.main.opendialogs import show_about

        return show_about(self.state.checklist, self)

    def show_problem(self, message: str | Problem) -> None:
        """What happened and what to do; technical words only behind "Show Details…"."""
        from kvet.gui.common.problems import Problem, problem_box

        problem = message if isinstance(message, Problem) else Problem(message)
        self.statusBar().showMessage(problem.what, 15000)
        problem_box(self, problem)

    # --- window state -------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._pages is not None:
            self._pages.flush()  # a note still waiting for its pause is saved first
        if self.form_built:
            from kvet.gui.main.fitscreen import save_layout

            save_layout(self, self.ui)
        super().closeEvent(event)
