"""The main window: comparisons, the ranked clinics, and the views of the selected clinic.

It starts in two steps. The window itself (the Designer form, with "Need help now?" working)
imports nothing but Qt, so it shows at once; ``attach(store)`` then builds the views over the
data, which needs the database and scoring libraries (most of kvet's start-up time).
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QByteArray, QItemSelection, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLayout,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kvet.gui.forms.ui_mainwindow import Ui_MainWindow
from kvet.gui.text import heading, plain_label, plain_tooltip
from kvet.store.errors import StorageError

if TYPE_CHECKING:  # the rest is loaded by attach() or on first use, after the window shows
    from kvet.combine import Disagreement
    from kvet.gui.clinicdialog import ClinicDialog
    from kvet.gui.compare import ComparePage
    from kvet.gui.overview import ClinicOverview
    from kvet.gui.problems import Problem
    from kvet.gui.sharing import Sharing
    from kvet.gui.state import AppState
    from kvet.gui.together import TogetherPage
    from kvet.gui.walkthrough import WalkthroughPage
    from kvet.gui.weights import WeightsPanel
    from kvet.store.api import Change, Store

WELCOME = (
    "kvet helps you check ketamine and esketamine clinics and compare them side by side. "
    "You note what each clinic tells you; kvet shows a score, how sure it is, and what to ask "
    "next. It does not give medical advice, and everything stays on this computer."
)
FIRST_COMPARISON = "My clinics"
ADD_PERSON = "Add a person…"
DRAFT_KEY = "clinic_draft"  # typing in the clinic editor not saved yet
EVERYONE = "Everyone together"
COMBINED = ""  # the same as kvet.gui.state.COMBINED, without importing the core for it


class MainWindow(QMainWindow):
    store: Store
    state: AppState
    overview: ClinicOverview
    # The other pages are built just after the clinics show (or when first shown or used), and
    # the export and import actions when first used (see the properties below).
    _walkthrough: WalkthroughPage | None = None
    _compare: ComparePage | None = None
    _weights_panel: WeightsPanel | None = None
    _together: TogetherPage | None = None
    _sharing: Sharing | None = None

    def __init__(self, store: Store | None = None) -> None:
        super().__init__()
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self._filling_combos = False
        self.attached = False
        self.setWindowTitle("kvet")
        self.ui.helpNowButton.clicked.connect(self.show_crisis_panel)
        # Help comes first: F1 works before the data has even been opened.
        self.crisis_action = QAction("&Need help now?", self)
        self.crisis_action.setShortcut(QKeySequence("F1"))
        self.crisis_action.setStatusTip("Crisis lines you can call or text now")
        self.crisis_action.triggered.connect(self.show_crisis_panel)
        self.addAction(self.crisis_action)
        self._build_actions()
        self._enter_presses_buttons()
        # Until the data is open, only help, the tabs and Quit do anything.
        always = {self.crisis_action, self.quit_action, *self.view_actions}
        self._waiting_actions = [a for a in self._built_actions if a not in always]
        for act in self._waiting_actions:
            act.setEnabled(False)
        self._restore_layout()
        self.ui.tabs.currentChanged.connect(lambda _index: self._build_shown_page())
        if store is not None:
            self.attach(store)
        else:
            for widget in self._data_widgets():
                widget.setEnabled(False)
            self.statusBar().showMessage("Opening your data…")

    def _data_widgets(self) -> tuple[QWidget, ...]:
        ui = self.ui
        return (ui.comparisonCombo, ui.raterCombo, ui.viewCombo, ui.splitter)

    def attach(self, store: Store) -> None:
        """Show the data: build every view over the opened store."""
        from kvet.gui.clinicmodel import SCORE_COLUMN, ClinicTableModel, ScoreBarDelegate
        from kvet.gui.clinictable import ColumnFitter
        from kvet.gui.overview import ClinicOverview
        from kvet.gui.state import AppState

        self.store = store
        self.state = AppState(store, self)
        for widget in self._data_widgets():
            widget.setEnabled(True)
        self.statusBar().clearMessage()

        self.welcome = self._build_welcome()
        self.ui.centralLayout.insertWidget(0, self.welcome)
        from kvet.gui.country import CountryBar, status_text

        self.country_bar = CountryBar(self.state, self)  # a parent first: never a window of its own
        self.ui.centralLayout.insertWidget(1, self.country_bar)
        self.country_status = plain_label(status_text(self.state.country), wrap=False)
        self.country_status.setAccessibleName("Your country")
        self.statusBar().addPermanentWidget(self.country_status)
        self.state.countryChanged.connect(
            lambda code: self.country_status.setText(status_text(code))
        )

        self.clinic_model = ClinicTableModel(self)
        view = self.ui.clinicsView
        view.setModel(self.clinic_model)
        view.setItemDelegateForColumn(SCORE_COLUMN, ScoreBarDelegate(view))
        view.verticalHeader().hide()
        self.column_fitter = ColumnFitter(view)
        view.selectionModel().selectionChanged.connect(self._clinic_selection_changed)
        view.doubleClicked.connect(lambda _index: self.edit_clinic())

        self._drop_pages()  # built over an earlier store (attach again after a restore)
        self.overview = ClinicOverview(self.state)
        self.ui.overviewLayout.addWidget(self.overview)
        self.overview.walkthroughRequested.connect(self.show_walkthrough)
        self.overview.callModeRequested.connect(self.open_call_mode)
        self.overview.pricesRequested.connect(self.edit_prices)

        self.ui.addClinicButton.clicked.connect(lambda: self.add_clinic())
        self.ui.editClinicButton.clicked.connect(lambda: self.edit_clinic())
        self.ui.removeClinicButton.clicked.connect(lambda: self.remove_clinic())
        self.ui.comparisonCombo.currentIndexChanged.connect(self._comparison_chosen)
        self.ui.raterCombo.activated.connect(self._rater_chosen)
        self.ui.viewCombo.activated.connect(self._view_chosen)

        for act in self._waiting_actions:
            act.setEnabled(True)
        self.state.resultsChanged.connect(self._results_changed)
        self.state.storeChanged.connect(self._store_changed)
        self.state.clinicSelected.connect(self._select_row)

        self._start()
        self.attached = True
        self._build_shown_page()  # the tab kept from last time may be any of them
        # The other pages on the next turn of the event loop, after the clinics are painted:
        # they are ready when a tab is clicked, and every page sets the window's minimum size.
        QTimer.singleShot(0, self, self._build_pages)
        QTimer.singleShot(0, self, self.offer_draft)  # once the window is up
        if store.backup_problem:
            # Data is safe, but the user should know the daily copy did not happen.
            self.statusBar().showMessage(store.backup_problem)

    # --- pages built on first use ------------------------------------------------------------

    @property
    def walkthrough(self) -> WalkthroughPage:
        if self._walkthrough is None:
            from kvet.gui.walkthrough import WalkthroughPage

            page = WalkthroughPage(self.state)
            _place(page, self.ui.walkthroughLayout)
            page.callModeRequested.connect(self.open_call_mode)
            page.problem.connect(self.show_problem)
            self._walkthrough = page
        return self._walkthrough

    @property
    def compare(self) -> ComparePage:
        if self._compare is None:
            from kvet.gui.compare import ComparePage

            self._compare = ComparePage(self.state)
            _place(self._compare, self.ui.compareLayout)
        return self._compare

    @property
    def weights_panel(self) -> WeightsPanel:
        if self._weights_panel is None:
            from kvet.gui.weights import WeightsPanel

            self._weights_panel = WeightsPanel(self.state)
            _place(self._weights_panel, self.ui.weightsLayout)
        return self._weights_panel

    @property
    def together(self) -> TogetherPage:
        if self._together is None:
            from kvet.gui.together import TogetherPage

            self._together = TogetherPage(self.state)
            _place(self._together, self.ui.togetherLayout)
        return self._together

    @property
    def sharing(self) -> Sharing:
        if self._sharing is None:
            from kvet.gui.sharing import Sharing

            sharing = Sharing(self.state, self)
            sharing.problem.connect(self.show_problem)
            sharing.done.connect(lambda text: self.statusBar().showMessage(text, 15000))
            sharing.imported.connect(self._imported)
            sharing.disagreementsCreated.connect(self._show_new_disagreements)
            self._sharing = sharing
        return self._sharing

    def _build_shown_page(self) -> None:
        if not self.attached:
            return
        build = self._page_builders().get(self.ui.tabs.currentWidget())
        if build is not None:
            build()

    def _page_builders(self) -> dict[QWidget, Callable[[], QWidget]]:
        return {
            self.ui.walkthroughTab: lambda: self.walkthrough,
            self.ui.compareTab: lambda: self.compare,
            self.ui.weightsTab: lambda: self.weights_panel,
            self.ui.togetherTab: lambda: self.together,
        }

    def _build_pages(self) -> None:
        if self.attached and not self.store.db.closed:  # the data may be closed already
            for build in self._page_builders().values():
                build()

    def _drop_pages(self) -> None:
        for built in (self._walkthrough, self._compare, self._weights_panel, self._together):
            if built is not None:
                built.setParent(None)
                built.deleteLater()
        if self._sharing is not None:
            self._sharing.deleteLater()
        self._walkthrough = self._compare = self._weights_panel = self._together = None
        self._sharing = None

    # --- start-up -----------------------------------------------------------------------------

    def _start(self) -> None:
        comparisons = self.store.list_comparisons()
        settings = QSettings()
        first_start = not comparisons and not settings.value("welcomeDismissed", False, bool)
        if not comparisons:
            comparisons = [self.store.create_comparison(FIRST_COMPARISON)]
            self.store.history.clear()
        self.welcome.setVisible(first_start)
        last = self.store.preference("last_comparison")
        wanted = last if any(c.id == last for c in comparisons) else comparisons[0].id
        self._fill_raters()
        self._fill_comparisons(wanted)
        self.state.switch_comparison(wanted)
        self._update_actions()

    def _build_welcome(self) -> QFrame:
        frame = QFrame()
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        frame.setAccessibleName("Welcome")
        frame.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout = QVBoxLayout(frame)
        layout.addWidget(heading("Welcome to kvet", scale=1.2))
        layout.addWidget(plain_label(WELCOME))
        buttons = QHBoxLayout()
        sample = QPushButton("Open the sample comparison")
        sample.setAccessibleDescription(
            "Fictional clinics that show how kvet works. You can delete them later."
        )
        sample.clicked.connect(self.open_sample)
        dismiss = QPushButton("Got it")
        dismiss.setAccessibleDescription("Hide this welcome message.")
        dismiss.clicked.connect(self.dismiss_welcome)
        buttons.addWidget(sample)
        buttons.addWidget(dismiss)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        return frame

    def dismiss_welcome(self) -> None:
        QSettings().setValue("welcomeDismissed", True)
        self.welcome.hide()

    def _build_actions(self) -> None:
        menubar = self.menuBar()
        self._built_actions: list[QAction] = []

        def action(
            text: str,
            slot: object,
            shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
            tip: str = "",
        ) -> QAction:
            act = QAction(text, self)
            if shortcut is not None:
                act.setShortcut(QKeySequence(shortcut))
            if tip:
                act.setStatusTip(tip)
            act.triggered.connect(slot)
            self._built_actions.append(act)
            return act

        file_menu = menubar.addMenu("&File")
        self.new_clinic_action = action(
            "New &clinic…", lambda: self.add_clinic(), QKeySequence.StandardKey.New, "Add a clinic"
        )
        self.new_comparison_action = action(
            "New co&mparison…",
            lambda: self.new_comparison(),
            "Ctrl+Shift+N",
            "Start another set of clinics",
        )
        self.rename_comparison_action = action(
            "&Rename comparison…", lambda: self.rename_comparison()
        )
        self.delete_comparison_action = action(
            "&Delete comparison", lambda: self.delete_comparison()
        )
        self.sample_action = action("Open the &sample comparison", self.open_sample)
        self.share_action = action(
            "&Share with family (.kvet file)…",
            lambda: self.sharing.export_file(),
            "Ctrl+Shift+S",
            "Save one file with this comparison that family can open in their kvet",
        )
        self.import_action = action(
            "&Import a comparison…",
            lambda: self.sharing.import_file(),
            QKeySequence.StandardKey.Open,
            "Open a .kvet file from family or from another computer",
        )
        self.report_action = action(
            "Save &report as PDF…",
            lambda: self.sharing.export_report(),
            "Ctrl+Shift+P",
            "A report of this comparison to take to a consultation",
        )
        self.print_action = action(
            "&Print report…", lambda: self.sharing.print_report(), QKeySequence.StandardKey.Print
        )
        self.call_sheet_action = action(
            "Save &call sheet as PDF…",
            lambda: self.sharing.export_call_sheet(),
            tip="The questions for one clinic, with boxes to tick during the call",
        )
        self.csv_action = action(
            "Save table for a spreads&heet (CSV)…", lambda: self.sharing.export_csv()
        )
        self.psychiatrist_action = action(
            "Save questions for your own &psychiatrist as PDF…",
            lambda: self.sharing.export_psychiatrist_sheet(),
            tip="Questions to take to your own psychiatrist or doctor, apart from the clinics",
        )
        self.quit_action = action("&Quit", self.close, QKeySequence.StandardKey.Quit)
        for act in (
            self.new_clinic_action,
            self.new_comparison_action,
            self.rename_comparison_action,
            self.delete_comparison_action,
            None,
            self.share_action,
            self.import_action,
            None,
            self.report_action,
            self.print_action,
            self.call_sheet_action,
            self.psychiatrist_action,
            self.csv_action,
            None,
            self.sample_action,
            None,
            self.quit_action,
        ):
            if act is None:
                file_menu.addSeparator()
            else:
                file_menu.addAction(act)

        edit_menu = menubar.addMenu("&Edit")
        self.undo_action = action("&Undo", self.undo, QKeySequence.StandardKey.Undo)
        self.redo_action = action("&Redo", self.redo, QKeySequence.StandardKey.Redo)
        self.redo_action.setShortcuts(
            [
                QKeySequence(QKeySequence.StandardKey.Redo),
                QKeySequence("Ctrl+Shift+Z"),
                QKeySequence("Ctrl+Y"),
            ]
        )
        self.edit_clinic_action = action("&Edit clinic…", lambda: self.edit_clinic(), "Ctrl+E")
        self.remove_clinic_action = action(
            "Re&move clinic", lambda: self.remove_clinic(), "Ctrl+Delete"
        )
        self.rename_person_action = action(
            "Rename &person…",
            lambda: self.rename_person(),
            tip="Change the name of the person whose answers are recorded",
        )
        self.country_action = action(
            "Your &country…",
            lambda: self.choose_country(),
            tip="Choose the country whose rules the checklist asks about",
        )
        for act in (
            self.undo_action,
            self.redo_action,
            None,
            self.edit_clinic_action,
            self.remove_clinic_action,
            None,
            self.rename_person_action,
            self.country_action,
        ):
            if act is None:
                edit_menu.addSeparator()
            else:
                edit_menu.addAction(act)

        clinic_menu = menubar.addMenu("&Clinic")
        self.walk_action = action("&Walk through the checklist", self.show_walkthrough)
        self.call_action = action("&Call mode…", self.open_call_mode, "Ctrl+L")
        self.prescreen_action = action(
            "&Things to tell the clinic (private)…", self.open_prescreen, "Ctrl+T"
        )
        self.treatment_action = action(
            "&My treatment (after choosing a clinic)…", self.open_treatment, "Ctrl+Shift+M"
        )
        for act in (self.walk_action, self.call_action, self.prescreen_action):
            clinic_menu.addAction(act)
        clinic_menu.addSeparator()
        clinic_menu.addAction(self.treatment_action)

        view_menu = menubar.addMenu("&View")
        self.view_actions: list[QAction] = []
        for number, title in enumerate(
            ("&Overview", "&Walk through", "Com&pare", "What &matters to you", "&Together"),
            start=1,
        ):
            act = action(
                title,
                lambda _=False, n=number - 1: self.show_tab(n),
                f"Ctrl+{number}",
            )
            self.view_actions.append(act)
            view_menu.addAction(act)

        help_menu = menubar.addMenu("&Help")
        self.about_action = action("&About kvet", self.show_about)
        self.guide_action = action("About this &guide", lambda: self.show_guide_page("about"))
        self.before_action = action("&Before you decide", lambda: self.show_guide_page("before"))
        help_menu.addAction(self.crisis_action)
        help_menu.addAction(self.before_action)
        help_menu.addAction(self.guide_action)
        help_menu.addAction(self.about_action)
        self.addActions([self.undo_action, self.redo_action])

    # --- comparisons --------------------------------------------------------------------------

    def _fill_comparisons(self, selected: str) -> None:
        self._filling_combos = True
        try:
            combo = self.ui.comparisonCombo
            combo.clear()
            for info in self.store.list_comparisons():
                combo.addItem(f"{info.name} ({info.clinic_count})", info.id)
            index = combo.findData(selected)
            combo.setCurrentIndex(max(0, index))
            # A long name may not fit the drop-down: the whole of it on hover.
            combo.setToolTip(plain_tooltip(combo.currentText()) or "")
        finally:
            self._filling_combos = False

    def _comparison_chosen(self, index: int) -> None:
        if self._filling_combos or index < 0:
            return
        comparison_id = self.ui.comparisonCombo.itemData(index)
        combo = self.ui.comparisonCombo
        combo.setToolTip(plain_tooltip(combo.currentText()) or "")
        if comparison_id:
            self.state.switch_comparison(comparison_id)

    def new_comparison(self, name: str | None = None) -> None:
        if name is None:
            name, ok = QInputDialog.getText(
                self, "New comparison", "Name of the comparison:", QLineEdit.EchoMode.Normal, ""
            )
            if not ok:
                return
        try:
            info = self.store.create_comparison(name)
        except StorageError as exc:
            self.show_problem(str(exc))
            return
        self._fill_comparisons(info.id)
        self.state.switch_comparison(info.id)

    def rename_comparison(self, name: str | None = None) -> None:
        current = self.state.comparison_id
        if not current:
            return
        if name is None:
            old = self.store.comparison(current).name
            name, ok = QInputDialog.getText(
                self, "Rename comparison", "New name:", QLineEdit.EchoMode.Normal, old
            )
            if not ok:
                return
        try:
            self.store.rename_comparison(current, name)
        except StorageError as exc:
            self.show_problem(str(exc))

    def delete_comparison(self) -> None:
        current = self.state.comparison_id
        if not current:
            return
        name = self.store.comparison(current).name
        self.store.delete_comparison(current)
        remaining = self.store.list_comparisons()
        if not remaining:
            remaining = [self.store.create_comparison(FIRST_COMPARISON)]
        self._fill_comparisons(remaining[0].id)
        self.state.switch_comparison(remaining[0].id)
        self.statusBar().showMessage(f"Deleted “{name}”. Undo with Ctrl+Z.", 10000)

    def open_sample(self) -> None:
        from kvet.sample import SAMPLE_NAME, create_sample

        existing = next((c for c in self.store.list_comparisons() if c.name == SAMPLE_NAME), None)
        info = existing or create_sample(self.store)
        self._fill_comparisons(info.id)
        self.state.switch_comparison(info.id)
        self.dismiss_welcome()
        self._update_actions()

    def _imported(self, comparison_id: str) -> None:
        self._fill_raters()
        self._fill_comparisons(comparison_id)
        if comparison_id == self.state.comparison_id:
            self.state.refresh()
        else:
            self.state.switch_comparison(comparison_id)
        self._update_actions()
        name = self.store.comparison(comparison_id).name
        self.statusBar().showMessage(f"Imported into “{name}”.", 15000)

    def _show_new_disagreements(self, created: list[Disagreement]) -> None:
        """After a family member's file: what they heard differently, ready to settle."""
        self.ui.tabs.setCurrentWidget(self.ui.togetherTab)
        lines = [f"• {d.clinic_name}: {d.sentence()}" for d in created[:12]]
        if len(created) > 12:
            lines.append(f"… and {len(created) - 12} more.")
        box = QMessageBox(
            QMessageBox.Icon.Information,
            "Answers that differ",
            f"The file brought {len(created)} answer(s) that differ from yours. They are listed "
            "under Together, where you can settle them.\n\n" + "\n".join(lines),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    # --- people -------------------------------------------------------------------------------

    def _fill_raters(self) -> None:
        self._filling_combos = True
        try:
            combo = self.ui.raterCombo
            combo.clear()
            for rater in self.store.list_raters():
                combo.addItem(rater.name, rater.id)
            combo.addItem(ADD_PERSON, "")
            combo.setCurrentIndex(max(0, combo.findData(self.state.rater_id)))
            view = self.ui.viewCombo
            view.clear()
            view.addItem(EVERYONE, COMBINED)
            for rater in self.store.list_raters():
                view.addItem(f"{rater.name} only", rater.id)
            view.setCurrentIndex(max(0, view.findData(self.state.view_id)))
        finally:
            self._filling_combos = False

    def _view_chosen(self, index: int) -> None:
        view_id = self.ui.viewCombo.itemData(index)
        self.state.switch_view(view_id if isinstance(view_id, str) else COMBINED)

    def _rater_chosen(self, index: int) -> None:
        rater_id = self.ui.raterCombo.itemData(index)
        if rater_id:
            self.state.switch_rater(rater_id)
            return
        name, ok = QInputDialog.getText(
            self, "Add a person", "Name of the person answering (for example “Mum”):"
        )
        if ok:
            self.add_person(name)
        else:
            self._fill_raters()

    def add_person(self, name: str) -> None:
        try:
            rater = self.store.add_rater(name)
        except StorageError as exc:
            self.show_problem(str(exc))
            self._fill_raters()
            return
        self.state.switch_rater(rater.id)
        self._fill_raters()

    def rename_person(self, name: str | None = None) -> None:
        """For the person chosen under "Answers by" (a typo in "Mum", say)."""
        rater_id = self.state.rater_id
        if name is None:
            old = next((r.name for r in self.store.list_raters() if r.id == rater_id), "")
            name, ok = QInputDialog.getText(
                self, "Rename person", "New name:", QLineEdit.EchoMode.Normal, old
            )
            if not ok:
                return
        try:
            self.store.rename_rater(rater_id, name)
        except StorageError as exc:
            self.show_problem(str(exc))
        self._fill_raters()

    # --- clinics ------------------------------------------------------------------------------

    def add_clinic(self, draft: dict[str, Any] | None = None) -> ClinicDialog:
        from kvet.gui.clinicdialog import ClinicDialog

        comparison_id = self.state.comparison_id

        def save(fields: dict[str, Any]) -> None:
            facts = fields.pop("facts", {})
            name = str(fields.pop("name", ""))
            info = self.store.add_clinic(comparison_id, name, **fields)
            self._save_facts(info.id, facts)
            self.state.select_clinic(info.id)

        dialog = ClinicDialog(self.state.checklist, save, parent=self, draft=draft)
        return self._open_clinic_dialog(dialog, "")

    def edit_clinic(
        self, clinic_id: str | None = None, draft: dict[str, Any] | None = None
    ) -> ClinicDialog | None:
        from kvet.gui.clinicdialog import ClinicDialog

        clinic = self.state.clinic(clinic_id)
        if clinic is None:
            return None

        def save(fields: dict[str, Any]) -> None:
            facts = fields.pop("facts", {})
            self.store.update_clinic(clinic.id, **fields)
            self._save_facts(clinic.id, facts)

        known = self.state.answers(clinic.id, self.state.rater_id)
        dialog = ClinicDialog(
            self.state.checklist,
            save,
            clinic,
            parent=self,
            draft=draft,
            facts={k: a.number for k, a in known.items() if a.number is not None},
        )
        return self._open_clinic_dialog(dialog, clinic.id)

    def _save_facts(self, clinic_id: str, facts: dict[str, float | None]) -> None:
        """Prices and times typed in the clinic dialog, kept as the person's answers."""
        for item_id, number in facts.items():
            self.store.set_fact(clinic_id, item_id, number, rater_id=self.state.rater_id)

    def edit_prices(self) -> ClinicDialog | None:
        """From the Overview's cost line: the clinic's dialog, at its prices and times."""
        dialog = self.edit_clinic()
        if dialog is not None:
            dialog.focus_facts()
        return dialog

    def _open_clinic_dialog(self, dialog: ClinicDialog, clinic_id: str) -> ClinicDialog:
        """Keep the typing in the database as a draft until the dialog is saved or cancelled."""
        comparison_id = self.state.comparison_id

        def keep(fields: dict[str, Any]) -> None:
            draft = {
                "clinic_id": clinic_id,
                "comparison_id": comparison_id,
                "fields": {**fields, "formats": [str(f) for f in fields["formats"]]},
            }
            try:
                self.store.set_preference(DRAFT_KEY, json.dumps(draft))
            except StorageError as exc:
                self.statusBar().showMessage(f"Your typing could not be kept as a draft: {exc}")

        def forget(_result: int) -> None:
            with contextlib.suppress(StorageError):  # a stale draft is only offered again
                self.store.set_preference(DRAFT_KEY, "")

        dialog.draftChanged.connect(keep)
        dialog.finished.connect(forget)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def offer_draft(self) -> QMessageBox | None:
        """kvet closed while a clinic was being typed in: offer to open that typing again."""
        try:
            draft = json.loads(self.store.preference(DRAFT_KEY) or "null")
        except (ValueError, StorageError):  # a damaged draft, or kvet already closing
            draft = None
        if not isinstance(draft, dict) or not isinstance(draft.get("fields"), dict):
            return None
        name = str(draft["fields"].get("name") or "a new clinic")
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "kvet",
            f"kvet was closed while you were typing the details of “{name}”. Open what you typed?",
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        reopen = box.addButton("Open it", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Discard it", QMessageBox.ButtonRole.DestructiveRole)

        def chosen() -> None:
            if box.clickedButton() is not reopen:
                self.store.set_preference(DRAFT_KEY, "")
                return
            comparison_id = str(draft.get("comparison_id") or "")
            if any(c.id == comparison_id for c in self.store.list_comparisons()):
                self._fill_comparisons(comparison_id)
                self.state.switch_comparison(comparison_id)
            clinic_id = str(draft.get("clinic_id") or "")
            if clinic_id and self.state.clinic(clinic_id) is not None:
                self.edit_clinic(clinic_id, draft["fields"])
            else:
                self.add_clinic(draft["fields"])

        box.finished.connect(lambda _result: chosen())
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        return box

    def remove_clinic(self) -> None:
        clinic = self.state.clinic()
        if clinic is None:
            return
        self.store.delete_clinic(clinic.id)
        self.statusBar().showMessage(f"Removed “{clinic.name}”. Undo with Ctrl+Z.", 10000)

    def _clinic_selection_changed(self, selected: QItemSelection, _old: QItemSelection) -> None:
        rows = self.ui.clinicsView.selectionModel().selectedRows()
        if rows:
            self.state.select_clinic(self.clinic_model.place(rows[0].row()).result.clinic_id)

    def _select_row(self, clinic_id: str) -> None:
        row = self.clinic_model.row_of(clinic_id)
        view = self.ui.clinicsView
        current = view.selectionModel().selectedRows()
        if row >= 0 and (not current or current[0].row() != row):
            view.selectRow(row)
        self._update_actions()

    def _results_changed(self) -> None:
        from kvet.ranking import ORDER_SENTENCE, place_sentence  # loaded with the data

        ranking = self.state.ranking
        self.clinic_model.set_ranking(ranking, self.state.reasons)
        if self.state.clinic_id:
            self._select_row(self.state.clinic_id)
        elif self.state.ranking.places:
            self.state.select_clinic(self.state.ranking.places[0].result.clinic_id)
        if len(ranking.places) >= 2:
            note = (
                ORDER_SENTENCE
                + " "
                + (
                    place_sentence(ranking.places[0], ranking)
                    if ranking.top_settled
                    else "The first place could still change. See Compare for what to ask next."
                )
            )
        elif not ranking.places:
            note = "No clinics yet. Add the first one you are considering."
        else:
            note = ORDER_SENTENCE
        self.ui.rankingNote.setText(note)
        self._update_actions()

    # --- undo ---------------------------------------------------------------------------------

    def undo(self) -> None:
        self._replay(self.store.undo)

    def redo(self) -> None:
        self._replay(self.store.redo)

    def _replay(self, step: object) -> None:
        try:
            step()  # type: ignore[operator]
        except StorageError as exc:
            self.show_problem(str(exc))
        self._after_structure_change()

    def _after_structure_change(self) -> None:
        """Comparisons may have come back or gone: keep the chooser in step."""
        comparisons = self.store.list_comparisons()
        current = self.state.comparison_id
        if not any(c.id == current for c in comparisons) and comparisons:
            current = comparisons[0].id
        self._fill_comparisons(current)
        self.state.switch_comparison(current)
        self.state.refresh()
        self._update_actions()

    def _store_changed(self, change: Change) -> None:
        if change.what == "comparison" or change.what == "clinic":
            self._fill_comparisons(self.state.comparison_id)
        if change.what in ("rater", "all"):
            self._fill_raters()  # a person added, renamed or brought by an import
        self._update_actions()

    def _update_actions(self) -> None:
        undo, redo = self.store.history.undo_text, self.store.history.redo_text
        self.undo_action.setEnabled(undo is not None)
        self.undo_action.setText(f"&Undo {undo}" if undo else "&Undo")
        self.redo_action.setEnabled(redo is not None)
        self.redo_action.setText(f"&Redo {redo}" if redo else "&Redo")
        has_clinic = self.state.clinic() is not None
        for widget in (self.ui.editClinicButton, self.ui.removeClinicButton):
            widget.setEnabled(has_clinic)
        for act in (
            self.edit_clinic_action,
            self.remove_clinic_action,
            self.walk_action,
            self.call_action,
            self.call_sheet_action,
        ):
            act.setEnabled(has_clinic)

    # --- other panels -------------------------------------------------------------------------

    def show_walkthrough(self) -> None:
        self.show_tab(self.ui.tabs.indexOf(self.ui.walkthroughTab))

    def show_tab(self, index: int) -> None:
        """Ctrl+1..5: the tab, with the keyboard where its work starts."""
        self.ui.tabs.setCurrentIndex(index)
        if not self.attached:
            return
        start: QWidget | None
        page = self.ui.tabs.widget(index)
        if page is self.ui.walkthroughTab:
            self.walkthrough.form.focus_answers()
            return
        if page is self.ui.overviewTab:
            start = self.overview.walk_button
        elif page is self.ui.compareTab:
            questions = self.compare.decisive_view
            start = questions if questions.isVisible() else self.compare.matrix
        elif page is self.ui.weightsTab:
            start = next(iter(self.weights_panel.sliders.values()), None)
        else:
            start = self.together.rule_combo
        if start is None or not start.isVisible() or not start.isEnabled():
            start = self.ui.clinicsView if self.state.ranking.places else self.ui.addClinicButton
        start.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _enter_presses_buttons(self) -> None:
        """Enter on a focused button presses it, as Space does (Qt's buttons take only Space).

        The shortcut is on only while a button of this window has the focus, so Enter still
        makes a new line in a note and still chooses in a list.
        """
        self._enter_shortcuts = [
            QShortcut(QKeySequence(key), self) for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ]
        for shortcut in self._enter_shortcuts:
            shortcut.setEnabled(False)
            shortcut.activated.connect(self._press_focused_button)
        app = QApplication.instance()
        if isinstance(app, QApplication):  # a method, so Qt disconnects it with the window
            app.focusChanged.connect(self._focus_moved)

    def _focus_moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        on = isinstance(new, QAbstractButton) and new.window() is self
        for shortcut in self._enter_shortcuts:
            shortcut.setEnabled(on)

    def _press_focused_button(self) -> None:
        focus = QApplication.focusWidget()
        if isinstance(focus, QAbstractButton) and focus.isEnabled():
            focus.click()

    def open_call_mode(self) -> QWidget | None:
        if self.state.clinic() is None:
            return None
        from kvet.gui.callmode import CallModeDialog

        dialog = CallModeDialog(self.state, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_prescreen(self) -> QWidget:
        from kvet.gui.prescreen import PrescreenDialog

        dialog = PrescreenDialog(self.state, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.crisisRequested.connect(self.show_crisis_panel)
        dialog.open()
        return dialog

    def open_treatment(self) -> QWidget:
        """The course tracker, in its own window; one at a time."""
        from kvet.gui.treatment import TreatmentWindow

        existing: QWidget | None = getattr(self, "_treatment", None)
        if existing is not None and shiboken6.isValid(existing) and existing.isVisible():
            existing.show()
            existing.raise_()
            existing.activateWindow()
            return existing
        window = TreatmentWindow(self.state, self.show_crisis_panel, self)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._treatment = window
        window.show()
        return window

    def show_crisis_panel(self) -> QWidget:
        from kvet.gui.crisis import CrisisDialog

        # the user's chosen country first, once the data (and so the choice) is open
        dialog = CrisisDialog(self, country=self.state.country if self.attached else None)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_guide_page(self, which: str) -> QWidget:
        from kvet.gui.guide import about_page, before_page

        page = before_page if which == "before" else about_page
        dialog = page(self.state.checklist, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def choose_country(self) -> QWidget:
        from kvet.gui.country import CountryDialog

        dialog = CountryDialog(self.state, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.country_bar.hide)
        dialog.open()
        return dialog

    def show_about(self) -> QWidget:
        from kvet.gui.about import AboutDialog

        dialog = AboutDialog(self.state.checklist, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_problem(self, message: str | Problem) -> None:
        """What happened and what to do; technical words only behind "Show Details…"."""
        from kvet.gui.problems import Problem, problem_box

        problem = message if isinstance(message, Problem) else Problem(message)
        self.statusBar().showMessage(problem.what, 15000)
        problem_box(self, problem)

    # --- window state -------------------------------------------------------------------------

    def _restore_layout(self) -> None:
        settings = QSettings()
        geometry = settings.value("mainWindow/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        splitter = settings.value("mainWindow/splitter")
        if isinstance(splitter, QByteArray):
            self.ui.splitter.restoreState(splitter)
        else:
            self.ui.splitter.setSizes([460, 820])  # the views need the width more than the list
        tab = settings.value("mainWindow/tab", 0, int)
        self.ui.tabs.setCurrentIndex(tab if isinstance(tab, int) else 0)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._walkthrough is not None:
            self._walkthrough.flush()  # a note still waiting for its pause is saved first
        settings = QSettings()
        settings.setValue("mainWindow/geometry", self.saveGeometry())
        settings.setValue("mainWindow/splitter", self.ui.splitter.saveState())
        settings.setValue("mainWindow/tab", self.ui.tabs.currentIndex())
        super().closeEvent(event)


def _place(page: QWidget, layout: QLayout) -> None:
    """Put a page built late into its tab, shown at once: a layout would show it only on the
    next turn of the event loop, and until then its keyboard shortcuts would not work."""
    layout.addWidget(page)
    page.show()
