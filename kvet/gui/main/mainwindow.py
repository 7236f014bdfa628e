"""The main window: comparisons, the ranked clinics, and the views of the selected clinic.

It starts in two steps. The window itself (the Designer form, with "Need help now?" working)
imports nothing but Qt, so it shows at once; ``attach(store)`` then builds the views over the
data, which needs the database and scoring libraries (most of kvet's start-up time).

The menus are made from the table in ``kvet.gui.main.actions``; what the commands on comparisons,
people and clinics do is in ``kvet.gui.main.controller``. This module only lays out and connects.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QByteArray, QEvent, QItemSelection, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLayout,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kvet.gui.common.flowlayout import FlowLayout, keep_together, whole_height
from kvet.gui.common.focus import EnterPressesButtons, keep_focus_in_view
from kvet.gui.common.screenfit import keep_on_screen, keep_windows_on_screen, place_on_screen
from kvet.gui.common.text import heading, plain_label
from kvet.gui.forms.ui_mainwindow import Ui_MainWindow
from kvet.gui.main.actions import ActionId, When, build_menus, create_actions, ids_when
from kvet.gui.main.controller import EVERYONE as EVERYONE
from kvet.gui.main.controller import FIRST_COMPARISON as FIRST_COMPARISON
from kvet.gui.main.controller import Controller
from kvet.gui.words.tr import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:  # the rest is loaded by attach() or on first use, after the window shows
    from kvet.gui.common.problems import Problem
    from kvet.gui.common.state import AppState
    from kvet.gui.dialogs.clinicdialog import ClinicDialog
    from kvet.gui.pages.compare import ComparePage
    from kvet.gui.pages.overview import ClinicOverview
    from kvet.gui.pages.together import TogetherPage
    from kvet.gui.pages.walkthrough import WalkthroughPage
    from kvet.gui.pages.weights import WeightsPanel
    from kvet.gui.sharing.sharing import Sharing
    from kvet.rating.combine import Disagreement
    from kvet.store.api import Store

WELCOME = QT_TRANSLATE_NOOP(
    "MainWindow",
    "kvet helps you check ketamine and esketamine clinics and compare them side by side. "
    "You note what each clinic tells you; kvet shows a score, how sure it is, and what to ask "
    "next. It does not give medical advice, and everything stays on this computer.",
)
# kvet.rating.ranking.ORDER_SENTENCE (core, English), marked here; tests/test_translations.py checks
# that the two agree.
ORDER_WORDS = QT_TRANSLATE_NOOP(
    "MainWindow",
    "In order of the score so far, counting each open question as half good, half bad until it "
    "is answered. Clinics with less than half of their weight answered come after the vetted "
    "ones, as not yet vetted, and a clinic with a dealbreaker seen comes after all the others.",
)
FIRST_OPEN = QT_TRANSLATE_NOOP(
    "MainWindow", "The first place could still change. See Compare for what to ask next."
)

# The window holds the clinic list and the views side by side when it is at least this many
# characters wide (1024 px at the usual text size); with larger text, the list goes above.
SIDE_BY_SIDE_CHARS = 130

# The store names each undoable step in English ("Add clinic “Harbor”"); these are its words,
# marked for the translators. A name or question after them, in quotes, is kept as it is.
UNDO_WORDS = (
    QT_TRANSLATE_NOOP("Undo", "Answer"),
    QT_TRANSLATE_NOOP("Undo", "Set"),
    QT_TRANSLATE_NOOP("Undo", "Edit note"),
    QT_TRANSLATE_NOOP("Undo", "Change where an answer came from"),
    QT_TRANSLATE_NOOP("Undo", "Add clinic"),
    QT_TRANSLATE_NOOP("Undo", "Edit clinic"),
    QT_TRANSLATE_NOOP("Undo", "Remove clinic"),
    QT_TRANSLATE_NOOP("Undo", "Create comparison"),
    QT_TRANSLATE_NOOP("Undo", "Rename comparison"),
    QT_TRANSLATE_NOOP("Undo", "Delete comparison"),
    QT_TRANSLATE_NOOP("Undo", "Rename person"),
    QT_TRANSLATE_NOOP("Undo", "Change weights"),
    QT_TRANSLATE_NOOP("Undo", "Change how answers are combined"),
    QT_TRANSLATE_NOOP("Undo", "Settle"),
    QT_TRANSLATE_NOOP("Undo", "Withdraw the decision on"),
    QT_TRANSLATE_NOOP("Undo", "Change the treatment plan"),
    QT_TRANSLATE_NOOP("Undo", "Add a session"),
    QT_TRANSLATE_NOOP("Undo", "Add a PHQ-9"),
    QT_TRANSLATE_NOOP("Undo", "Add a mood check"),
    QT_TRANSLATE_NOOP("Undo", "Add a therapy or care session"),
    QT_TRANSLATE_NOOP("Undo", "Add a week's markers"),
    QT_TRANSLATE_NOOP("Undo", "Change an entry"),
    QT_TRANSLATE_NOOP("Undo", "Remove an entry"),
)


def undo_words(text: str) -> str:
    """The store's name of a step in the window's language: its words, then any “name”."""
    words, quote, rest = text.partition(" “")
    if words in UNDO_WORDS:
        return translate("Undo", words) + (f" “{rest}" if quote else "")
    return text


class MainWindow(QMainWindow):
    """The window, its menus and tabs; what the commands do is in ``Controller``."""

    store: Store
    state: AppState
    controller: Controller
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
        self._wrap_header()
        self._scroll_when_short()
        # Height to spare goes to the list and the views, never to the header's drop-downs
        # (on a tall screen they were given a band of empty room above the list).
        self.ui.centralLayout.setStretchFactor(self.ui.splitter, 1)
        whole_height(self.ui.rankingNote)
        app = QApplication.instance()
        if app is not None:
            keep_windows_on_screen(app)  # every dialog too, as it opens
        self.attached = False
        self.setWindowTitle("kvet")
        self.ui.helpNowButton.clicked.connect(lambda: self.show_crisis_panel())
        self.menu_actions = create_actions(self, self)
        build_menus(self.menuBar(), self.menu_actions)
        named = self.menu_actions  # a few by name, for the tests and the soak driver
        self.new_clinic_action = named[ActionId.NEW_CLINIC]
        self.sample_action = named[ActionId.SAMPLE]
        self.quit_action = named[ActionId.QUIT]
        self.undo_action = named[ActionId.UNDO]
        self.redo_action = named[ActionId.REDO]
        self.country_action = named[ActionId.COUNTRY]
        self._enter = EnterPressesButtons(self)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            keep_focus_in_view(app)
        # Until the data is open, only help, the tabs and Quit do anything.
        waiting = ids_when(When.DATA, When.CLINIC, When.UNDO, When.REDO)
        self._waiting_actions = [named[action_id] for action_id in waiting]
        for act in self._waiting_actions:
            act.setEnabled(False)
        self._restore_layout()
        self.ui.tabs.currentChanged.connect(lambda _index: self._build_shown_page())
        if store is not None:
            self.attach(store)
        else:
            for widget in self._data_widgets():
                widget.setEnabled(False)
            self.statusBar().showMessage(self.tr("Opening your data…"))

    def _wrap_header(self) -> None:
        """The drop-downs above the list go onto a second line when the window is narrow or the
        text large, instead of making the window wider than the screen."""
        ui = self.ui
        row = ui.headerLayout
        while row.count():
            row.takeAt(0)
        self.header_bar = QWidget()
        flow = FlowLayout(self.header_bar, spacing=12)
        for caption, combo in (
            (ui.comparisonLabel, ui.comparisonCombo),
            (ui.raterLabel, ui.raterCombo),
            (ui.viewLabel, ui.viewCombo),
        ):
            flow.addWidget(keep_together(caption, combo))
        for stretch in range(row.count() + 2):
            row.setStretch(stretch, 0)
        row.addWidget(self.header_bar, 1)
        row.addWidget(ui.helpNowButton, 0, Qt.AlignmentFlag.AlignTop)

    def _scroll_when_short(self) -> None:
        """Below the menus and above the status bar, the window scrolls up and down when the
        screen is too short for all of it (large text on a laptop), rather than running off
        the screen's bottom. Where it fits, nothing changes."""
        central = self.ui.centralwidget
        self.takeCentralWidget()  # kept: it goes inside the scrolling area
        # Inside, the window's parts take the height they are given, down to their least
        # (a scroll area would otherwise give them the height their words prefer, and scroll).
        sheet = QWidget()
        _LeastHeight(sheet).addWidget(central)
        self.central_area = _scrolled(sheet)
        self.setCentralWidget(self.central_area)
        # never narrower than what is inside: it scrolls up and down, not sideways
        central.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        resized = event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.Resize)
        if resized and watched is self.ui.centralwidget:
            # What is inside needs more (or less) room: the scrolling area follows, so the
            # parts are never squeezed over each other; the window is never narrower.
            central = self.ui.centralwidget
            least = central.minimumSizeHint()
            inside = central.layout()
            if inside is not None and inside.hasHeightForWidth():
                # at its width: the header's drop-downs on two rows (large text, 1024 px)
                # were counted as one, and the clinic list's note was drawn over its rows
                least.setHeight(
                    max(least.height(), inside.totalMinimumHeightForWidth(central.width()))
                )
            sheet = self.central_area.widget()
            if sheet is not None and sheet.minimumSize() != least:
                sheet.setMinimumSize(least)
            area = self.central_area
            width = least.width() + area.verticalScrollBar().sizeHint().width()
            if width != area.minimumWidth():
                area.setMinimumWidth(width)
                window_layout = self.layout()
                if window_layout is not None:
                    window_layout.activate()  # the window grows at once if it must
        return super().eventFilter(watched, event)

    def _data_widgets(self) -> tuple[QWidget, ...]:
        ui = self.ui
        return (ui.comparisonCombo, ui.raterCombo, ui.viewCombo, ui.splitter)

    def attach(self, store: Store) -> None:
        """Show the data: build every view over the opened store."""
        from kvet.gui.common.state import AppState
        from kvet.gui.main.clinicmodel import SCORE_COLUMN, ClinicTableModel, ScoreBarDelegate
        from kvet.gui.main.clinictable import ColumnFitter
        from kvet.gui.pages.overview import ClinicOverview

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

        self.welcome = self._build_welcome()
        ui.centralLayout.insertWidget(0, self.welcome)
        from kvet.gui.dialogs.country import CountryBar, status_text

        self.country_bar = CountryBar(self.state, self)  # a parent first: never a window of its own
        ui.centralLayout.insertWidget(1, self.country_bar)
        self.country_status = plain_label(status_text(self.state.country), wrap=False)
        self.country_status.setAccessibleDescription(translate("MainWindow", "Your country"))
        self.statusBar().addPermanentWidget(self.country_status)
        self._tab_order_follows_the_screen()
        self.state.countryChanged.connect(
            lambda code: self.country_status.setText(status_text(code))
        )

        self.clinic_model = ClinicTableModel(self)
        view = ui.clinicsView
        view.setModel(self.clinic_model)
        view.setItemDelegateForColumn(SCORE_COLUMN, ScoreBarDelegate(view))
        view.verticalHeader().hide()
        self.column_fitter = ColumnFitter(view)
        view.selectionModel().selectionChanged.connect(self._clinic_selection_changed)
        view.doubleClicked.connect(lambda _index: self.edit_clinic())

        self._drop_pages()  # built over an earlier store (attach again after a restore)
        self.overview = ClinicOverview(self.state)
        ui.overviewLayout.addWidget(self.overview)
        self.overview.walkthroughRequested.connect(self.show_walkthrough)
        self.overview.callModeRequested.connect(self.open_call_mode)
        self.overview.pricesRequested.connect(commands.edit_prices)

        ui.addClinicButton.clicked.connect(lambda: self.add_clinic())
        ui.editClinicButton.clicked.connect(lambda: self.edit_clinic())
        ui.removeClinicButton.clicked.connect(lambda: self.remove_clinic())

        for act in self._waiting_actions:
            act.setEnabled(True)
        self.state.resultsChanged.connect(self._results_changed)
        self.state.storeChanged.connect(commands.store_changed)
        self.state.clinicSelected.connect(self._select_row)

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

    # --- pages built on first use ------------------------------------------------------------

    @property
    def walkthrough(self) -> WalkthroughPage:
        if self._walkthrough is None:
            from kvet.gui.pages.walkthrough import WalkthroughPage

            page = WalkthroughPage(self.state)
            _place(page, self.ui.walkthroughLayout)
            page.callModeRequested.connect(self.open_call_mode)
            page.problem.connect(self.show_problem)
            self._walkthrough = page
        return self._walkthrough

    @property
    def compare(self) -> ComparePage:
        if self._compare is None:
            from kvet.gui.pages.compare import ComparePage

            self._compare = ComparePage(self.state)
            _place(self._compare, self.ui.compareLayout)
        return self._compare

    @property
    def weights_panel(self) -> WeightsPanel:
        if self._weights_panel is None:
            from kvet.gui.pages.weights import WeightsPanel

            self._weights_panel = WeightsPanel(self.state)
            _place(self._weights_panel, self.ui.weightsLayout)
        return self._weights_panel

    @property
    def together(self) -> TogetherPage:
        if self._together is None:
            from kvet.gui.pages.together import TogetherPage

            self._together = TogetherPage(self.state)
            _place(_scrolled(self._together), self.ui.togetherLayout)
        return self._together

    @property
    def sharing(self) -> Sharing:
        if self._sharing is None:
            from kvet.gui.sharing.sharing import Sharing

            sharing = Sharing(self.state, self)
            sharing.problem.connect(self.show_problem)
            sharing.done.connect(lambda text: self.statusBar().showMessage(text, 15000))
            sharing.imported.connect(self.controller.imported)
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

    # --- start-up -----------------------------------------------------------------------------

    def _start(self) -> None:
        dismissed = QSettings().value("welcomeDismissed", False, bool)
        first_start = self.controller.start() and not dismissed
        self.welcome.setVisible(first_start)
        self._update_actions()

    def _tab_order_follows_the_screen(self) -> None:
        """The welcome box and the country question are built after the rest but shown above
        it: Tab reaches them first, then the bar, the clinics and the tabs, as on screen."""
        order: list[QWidget] = [
            *self.welcome.findChildren(QPushButton),
            self.country_bar.combo,
            self.country_bar.confirm,
            # the drop-downs moved into the wrapping header bar, then the help button beside it
            self.ui.comparisonCombo,
            self.ui.raterCombo,
            self.ui.viewCombo,
            self.ui.helpNowButton,
            self.ui.clinicsView,
        ]
        # Qt moves a widget only after one that takes focus: the widget before the first in the
        # chain (the help button: the header bar's drop-downs were moved into it later) takes
        # it for a moment, so the welcome box goes in first.
        before = self.ui.helpNowButton.previousInFocusChain()
        anchor: QWidget = self.ui.comparisonLabel
        if before is not None and before is not self and before not in order:
            anchor = before
        policy = anchor.focusPolicy()
        anchor.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        for first, second in itertools.pairwise([anchor, *order]):
            QWidget.setTabOrder(first, second)
        anchor.setFocusPolicy(policy)

    def _build_welcome(self) -> QFrame:
        frame = QFrame()
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        frame.setAccessibleName(self.tr("Welcome"))
        frame.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout = QVBoxLayout(frame)
        layout.addWidget(heading(self.tr("Welcome to kvet"), scale=1.2))
        layout.addWidget(plain_label(translate("MainWindow", WELCOME)))
        buttons = QHBoxLayout()
        sample = QPushButton(self.tr("Open the sample comparison"))
        sample.setAccessibleDescription(
            self.tr("Fictional clinics that show how kvet works. You can delete them later.")
        )
        sample.clicked.connect(self.open_sample)
        dismiss = QPushButton(self.tr("Got it"))
        dismiss.setAccessibleDescription(self.tr("Hide this welcome message."))
        dismiss.clicked.connect(self.dismiss_welcome)
        buttons.addWidget(sample)
        buttons.addWidget(dismiss)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        return frame

    def dismiss_welcome(self) -> None:
        QSettings().setValue("welcomeDismissed", True)
        self.welcome.hide()

    # --- the clinic list ----------------------------------------------------------------------

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
        from kvet.gui.words.rankingwords import place_words  # loaded with the data

        ranking = self.state.ranking
        self.clinic_model.set_ranking(ranking, self.state.reasons, self.state.changed_clinics)
        if self.state.clinic_id:
            self._select_row(self.state.clinic_id)
        elif self.state.ranking.places:
            self.state.select_clinic(self.state.ranking.places[0].result.clinic_id)
        if len(ranking.places) >= 2:
            note = (
                translate("MainWindow", ORDER_WORDS)
                + " "
                + (
                    place_words(ranking.places[0], ranking)
                    if ranking.top_settled
                    else translate("MainWindow", FIRST_OPEN)
                )
            )
        elif not ranking.places:
            note = self.tr("No clinics yet. Add the first one you are considering.")
        else:
            note = translate("MainWindow", ORDER_WORDS)
        self.ui.rankingNote.setText(note)
        self._update_actions()

    def _update_actions(self) -> None:
        undo, redo = self.store.history.undo_text, self.store.history.redo_text
        self.undo_action.setEnabled(undo is not None)
        self.undo_action.setText(
            translate("MainWindow", "&Undo {step}").format(step=undo_words(undo))
            if undo
            else translate("Actions", "&Undo")
        )
        self.redo_action.setEnabled(redo is not None)
        self.redo_action.setText(
            translate("MainWindow", "&Redo {step}").format(step=undo_words(redo))
            if redo
            else translate("Actions", "&Redo")
        )
        has_clinic = self.state.clinic() is not None
        for widget in (self.ui.editClinicButton, self.ui.removeClinicButton):
            widget.setEnabled(has_clinic)
        for action_id in ids_when(When.CLINIC):
            self.menu_actions[action_id].setEnabled(has_clinic)

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

    def _show_new_disagreements(self, created: list[Disagreement]) -> None:
        """After a family member's file: what they heard differently, ready to settle."""
        from kvet.gui.words.verdictwords import say

        self.ui.tabs.setCurrentWidget(self.ui.togetherTab)
        lines = [f"• {d.clinic_name}: {d.sentence(say)}" for d in created[:12]]
        if len(created) > 12:
            lines.append(
                translate("MainWindow", "… and {count} more.").format(count=len(created) - 12)
            )
        brought = translate(
            "MainWindow",
            "The file brought {count} answer(s) that differ from yours. They are listed "
            "under Together, where you can settle them.",
        ).format(count=len(created))
        box = QMessageBox(
            QMessageBox.Icon.Information,
            translate("MainWindow", "Answers that differ"),
            brought + "\n\n" + "\n".join(lines),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

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

    def open_call_mode(self) -> QWidget | None:
        if self.state.clinic() is None:
            return None
        from kvet.gui.dialogs.callmode import CallModeDialog

        dialog = CallModeDialog(self.state, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_prescreen(self) -> QWidget:
        from kvet.gui.dialogs.prescreen import PrescreenDialog

        dialog = PrescreenDialog(self.state, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.crisisRequested.connect(self.show_crisis_panel)
        dialog.open()
        return dialog

    def open_treatment(self) -> QWidget:
        """The course tracker, in its own window; one at a time."""
        from kvet.gui.treatment.treatment import TreatmentWindow

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

    def show_crisis_panel(self, asking: QWidget | None = None) -> QWidget:
        """The crisis lines, above the window that asked for them (``asking``: My treatment
        or its check-in; the main window when None); closing gives focus back where it was."""
        from kvet.gui.dialogs.crisis import CrisisDialog

        owner = asking.window() if asking is not None else self
        # the user's chosen country first, once the data (and so the choice) is open
        dialog = CrisisDialog(owner, country=self.state.country if self.attached else None)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.give_focus_back_to(QApplication.focusWidget())
        dialog.open()
        return dialog

    def show_guide_page(self, which: str) -> QWidget:
        from kvet.gui.dialogs.guide import about_page, before_page

        page = before_page if which == "before" else about_page
        dialog = page(self.state.checklist, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def choose_country(self) -> QWidget:
        from kvet.gui.dialogs.country import CountryDialog

        dialog = CountryDialog(self.state, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.country_bar.hide)
        dialog.open()
        return dialog

    def choose_language(self) -> QWidget:
        from kvet.gui.main.language import LanguageDialog

        dialog = LanguageDialog(self.state.store.settings, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_about(self) -> QWidget:
        from kvet.gui.dialogs.about import AboutDialog

        dialog = AboutDialog(self.state.checklist, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_problem(self, message: str | Problem) -> None:
        """What happened and what to do; technical words only behind "Show Details…"."""
        from kvet.gui.common.problems import Problem, problem_box

        problem = message if isinstance(message, Problem) else Problem(message)
        self.statusBar().showMessage(problem.what, 15000)
        problem_box(self, problem)

    # --- window state -------------------------------------------------------------------------

    def _restore_layout(self) -> None:
        settings = QSettings()
        geometry = settings.value("mainWindow/geometry")
        if isinstance(geometry, QByteArray) and self.restoreGeometry(geometry):
            if not self.isMaximized():
                keep_on_screen(self)  # it may have been saved on a larger screen
        else:
            place_on_screen(self, self.size())  # the form's size, where the screen has room
        splitter = settings.value("mainWindow/splitter")
        if isinstance(splitter, QByteArray):
            self.ui.splitter.restoreState(splitter)
        else:
            self.ui.splitter.setSizes([460, 820])  # the views need the width more than the list
        tab = settings.value("mainWindow/tab", 0, int)
        self.ui.tabs.setCurrentIndex(tab if isinstance(tab, int) else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_splitter()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_splitter()

    def _fit_splitter(self) -> None:
        """The clinic list beside the views when the window is wide for its text, above them
        when it is not (large text on a laptop): side by side, both would be squeezed until
        their words ran off the edge."""
        wide = self.width() >= self.fontMetrics().averageCharWidth() * SIDE_BY_SIDE_CHARS
        wanted = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        splitter = self.ui.splitter
        if splitter.orientation() != wanted:
            splitter.setOrientation(wanted)
            splitter.setSizes([3, 5] if wide else [2, 3])  # shares of the room
            # above the views, the list keeps a few rows; the window scrolls if it must
            rows = 0 if wide else self.fontMetrics().lineSpacing() * 7
            self.ui.clinicsView.setMinimumHeight(rows)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._walkthrough is not None:
            self._walkthrough.flush()  # a note still waiting for its pause is saved first
        settings = QSettings()
        settings.setValue("mainWindow/geometry", self.saveGeometry())
        settings.setValue("mainWindow/splitter", self.ui.splitter.saveState())
        settings.setValue("mainWindow/tab", self.ui.tabs.currentIndex())
        super().closeEvent(event)


class _LeastHeight(QVBoxLayout):
    """A layout that does not ask its contents how tall they would like to be at a width."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setContentsMargins(0, 0, 0, 0)

    def hasHeightForWidth(self) -> bool:
        return False


def _scrolled(page: QWidget) -> QScrollArea:
    """A page that scrolls up and down when the window is short or the text large, rather
    than squeezing its words."""
    area = QScrollArea()
    area.setWidget(page)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # what is inside takes the focus
    return area


def _place(page: QWidget, layout: QLayout) -> None:
    """Put a page built late into its tab, shown at once: a layout would show it only on the
    next turn of the event loop, and until then its keyboard shortcuts would not work."""
    layout.addWidget(page)
    page.show()
