"""What the main window's commands do to comparisons, people and clinics.

The window builds itself and connects signals; this object carries out the commands: it asks for a
name, calls the store through the shared state, keeps the comparison and person choosers in step
with the data, and says what happened through signals. It has no widgets of its own beyond the
dialogs it opens, so the window stays a plain layout and this can be read in one place.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox, QInputDialog, QLineEdit, QMessageBox, QWidget

from kvet.gui.common.text import plain_tooltip
from kvet.gui.words.errorwords import error_words
from kvet.gui.words.tr import QT_TRANSLATE_NOOP, translate
from kvet.store.errors import StorageError

if TYPE_CHECKING:  # the window imports this module before the data libraries load
    from collections.abc import Callable

    from kvet.gui.common.state import AppState
    from kvet.gui.dialogs.clinicdialog import ClinicDialog
    from kvet.gui.main.clinicdrafts import ClinicDrafts
    from kvet.store.api import Change, Store
    from kvet.store.records import ComparisonInfo

FIRST_COMPARISON = QT_TRANSLATE_NOOP("Controller", "My clinics")
ADD_PERSON = QT_TRANSLATE_NOOP("Controller", "Add a person…")
EVERYONE = QT_TRANSLATE_NOOP("Controller", "Everyone together")
COMBINED = ""  # the same as kvet.gui.common.state.COMBINED, without importing the core for it


class Controller(QObject):
    """The commands on comparisons, people and clinics, for one window."""

    status = Signal(str, int)  # a message for the status bar, and for how many ms (0: until next)
    problem = Signal(str)  # something refused or failed, in plain words
    actionsChanged = Signal()  # what can be undone, or whether a clinic is selected, may differ
    sampleOpened = Signal()

    def __init__(
        self,
        state: AppState,
        window: QWidget,
        comparisons: QComboBox,
        raters: QComboBox,
        views: QComboBox,
    ) -> None:
        super().__init__(window)
        self.state = state
        self.store: Store = state.store
        self._window = window  # the parent of the dialogs opened here
        self._comparisons, self._raters, self._views = comparisons, raters, views
        self._filling_combos = False
        self._drafts: ClinicDrafts | None = None  # made at its first use, after the first paint
        comparisons.currentIndexChanged.connect(self._comparison_chosen)
        raters.activated.connect(self._rater_chosen)
        views.activated.connect(self._view_chosen)

    def start(self) -> bool:
        """Open the comparison used last; True when there was none yet (a first start, perhaps)."""
        comparisons = self.store.comparisons.list()
        created = not comparisons
        if created:
            comparisons = [self.store.comparisons.create(translate("Controller", FIRST_COMPARISON))]
            self.store.history.clear()
        last = self.store.settings.preference("last_comparison")
        wanted = last if any(c.id == last for c in comparisons) else comparisons[0].id
        self.fill_raters()
        self.fill_comparisons(wanted)
        self.state.switch_comparison(wanted)
        return created

    # --- comparisons --------------------------------------------------------------------------

    def fill_comparisons(self, selected: str) -> None:
        self._filling_combos = True
        try:
            combo = self._comparisons
            combo.clear()
            for info in self.store.comparisons.list():
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
        comparison_id = self._comparisons.itemData(index)
        combo = self._comparisons
        combo.setToolTip(plain_tooltip(combo.currentText()) or "")
        if comparison_id:
            self.state.switch_comparison(comparison_id)

    def _show(self, info: ComparisonInfo) -> None:
        self.fill_comparisons(info.id)
        self.state.switch_comparison(info.id)

    def new_comparison(self, name: str | None = None) -> None:
        if name is None:
            name, ok = QInputDialog.getText(
                self._window,
                translate("Controller", "New comparison"),
                translate("Controller", "Name of the comparison:"),
                QLineEdit.EchoMode.Normal,
                "",
            )
            if not ok:
                return
        try:
            info = self.store.comparisons.create(name)
        except StorageError as exc:
            self.problem.emit(error_words(exc))
            return
        self._show(info)

    def rename_comparison(self, name: str | None = None) -> None:
        current = self.state.comparison_id
        if not current:
            return
        old = self.store.comparisons.get(current).name
        self._rename(
            translate("Controller", "Rename comparison"),
            old,
            name,
            lambda new: self.store.comparisons.rename(current, new),
        )

    def delete_comparison(self) -> None:
        current = self.state.comparison_id
        if not current:
            return
        name = self.store.comparisons.get(current).name
        self.store.comparisons.delete(current)
        remaining = self.store.comparisons.list()
        if not remaining:
            remaining = [self.store.comparisons.create(translate("Controller", FIRST_COMPARISON))]
        self._show(remaining[0])
        self.status.emit(
            translate("Controller", "Deleted “{name}”. Undo with Ctrl+Z.").format(name=name), 10000
        )

    def open_sample(self) -> None:
        from kvet.gui.words.samplewords import sample_say
        from kvet.start.sample import SAMPLE_NAME, create_sample

        name = sample_say(SAMPLE_NAME)
        existing = next((c for c in self.store.comparisons.list() if c.name == name), None)
        self._show(existing or create_sample(self.store, sample_say, self.state.currency))
        self.sampleOpened.emit()
        self.actionsChanged.emit()

    def imported(self, comparison_id: str) -> None:
        """A file was read into ``comparison_id``: show it, and any person it brought."""
        self.fill_raters()
        self.fill_comparisons(comparison_id)
        if comparison_id == self.state.comparison_id:
            self.state.refresh()
        else:
            self.state.switch_comparison(comparison_id)
        self.actionsChanged.emit()
        name = self.store.comparisons.get(comparison_id).name
        self.status.emit(
            translate("Controller", "Imported into “{name}”.").format(name=name), 15000
        )

    # --- people -------------------------------------------------------------------------------

    def fill_raters(self) -> None:
        self._filling_combos = True
        try:
            combo = self._raters
            combo.clear()
            for rater in self.store.people.list():
                combo.addItem(rater.name, rater.id)
            combo.addItem(translate("Controller", ADD_PERSON), "")
            combo.setCurrentIndex(max(0, combo.findData(self.state.rater_id)))
            view = self._views
            view.clear()
            view.addItem(translate("Controller", EVERYONE), COMBINED)
            only = translate("Controller", "{name} only")
            for rater in self.store.people.list():
                view.addItem(only.format(name=rater.name), rater.id)
            view.setCurrentIndex(max(0, view.findData(self.state.view_id)))
        finally:
            self._filling_combos = False

    def _view_chosen(self, index: int) -> None:
        view_id = self._views.itemData(index)
        self.state.switch_view(view_id if isinstance(view_id, str) else COMBINED)

    def _rater_chosen(self, index: int) -> None:
        rater_id = self._raters.itemData(index)
        if rater_id:
            self.state.switch_rater(rater_id)
            return
        name, ok = QInputDialog.getText(
            self._window,
            translate("Controller", "Add a person"),
            translate("Controller", "Name of the person answering (for example “Mum”):"),
        )
        if ok:
            self.add_person(name)
        else:
            self.fill_raters()

    def add_person(self, name: str) -> None:
        try:
            rater = self.store.people.add(name)
        except StorageError as exc:
            self.problem.emit(error_words(exc))
            self.fill_raters()
            return
        self.state.switch_rater(rater.id)
        self.fill_raters()

    def rename_person(self, name: str | None = None) -> None:
        """For the person chosen under "Answers by" (a typo in "Mum", say)."""
        rater_id = self.state.rater_id
        old = next((r.name for r in self.store.people.list() if r.id == rater_id), "")
        self._rename(
            translate("Controller", "Rename person"),
            old,
            name,
            lambda new: self.store.people.rename(rater_id, new),
        )
        self.fill_raters()

    def _rename(
        self, title: str, old: str, name: str | None, rename: Callable[[str], None]
    ) -> None:
        """Ask for the new name unless given; a name the store refuses is explained."""
        if name is None:
            name, ok = QInputDialog.getText(
                self._window,
                title,
                translate("Controller", "New name:"),
                QLineEdit.EchoMode.Normal,
                old,
            )
            if not ok:
                return
        try:
            rename(name)
        except StorageError as exc:
            self.problem.emit(error_words(exc))

    # --- clinics ------------------------------------------------------------------------------

    def add_clinic(self, draft: dict[str, Any] | None = None) -> ClinicDialog:
        from kvet.gui.dialogs.clinicdialog import ClinicDialog

        comparison_id = self.state.comparison_id

        def save(fields: dict[str, Any]) -> None:
            facts = fields.pop("facts", {})
            name = str(fields.pop("name", ""))
            info = self.store.clinics.add(comparison_id, name, **fields)
            self._save_facts(info.id, facts)
            self.state.select_clinic(info.id)

        dialog = ClinicDialog(
            self.state.checklist,
            save,
            parent=self._window,
            draft=draft,
            currency=self.state.currency,
        )
        return self._open_clinic_dialog(dialog, "")

    def edit_clinic(
        self, clinic_id: str | None = None, draft: dict[str, Any] | None = None
    ) -> ClinicDialog | None:
        from kvet.gui.dialogs.clinicdialog import ClinicDialog

        clinic = self.state.clinic(clinic_id)
        if clinic is None:
            return None

        def save(fields: dict[str, Any]) -> None:
            facts = fields.pop("facts", {})
            self.store.clinics.update(clinic.id, **fields)
            self._save_facts(clinic.id, facts)

        known = self.state.answers(clinic.id, self.state.rater_id)
        dialog = ClinicDialog(
            self.state.checklist,
            save,
            clinic,
            parent=self._window,
            draft=draft,
            facts={k: a.number for k, a in known.items() if a.number is not None},
        )
        return self._open_clinic_dialog(dialog, clinic.id)

    def _save_facts(self, clinic_id: str, facts: dict[str, float | None]) -> None:
        """Prices and times typed in the clinic dialog, kept as the person's answers."""
        for item_id, number in facts.items():
            self.store.answers.set_fact(clinic_id, item_id, number, rater_id=self.state.rater_id)

    def edit_prices(self) -> ClinicDialog | None:
        """From the Overview's cost line: the clinic's dialog, at its prices and times."""
        dialog = self.edit_clinic()
        if dialog is not None:
            dialog.focus_facts()
        return dialog

    def _open_clinic_dialog(self, dialog: ClinicDialog, clinic_id: str) -> ClinicDialog:
        """Open it, its typing kept as a draft until it is saved or cancelled."""
        return self._clinic_drafts().keep(dialog, clinic_id)

    def offer_draft(self) -> QMessageBox | None:
        """kvet closed while a clinic was being typed in: offer to open that typing again."""
        return self._clinic_drafts().offer()

    def _clinic_drafts(self) -> ClinicDrafts:
        if self._drafts is None:
            from kvet.gui.main.clinicdrafts import ClinicDrafts

            self._drafts = ClinicDrafts(self, self._window)
        return self._drafts

    def remove_clinic(self) -> None:
        clinic = self.state.clinic()
        if clinic is None:
            return
        self.store.clinics.delete(clinic.id)
        self.status.emit(
            translate("Controller", "Removed “{name}”. Undo with Ctrl+Z.").format(name=clinic.name),
            10000,
        )

    # --- undo ---------------------------------------------------------------------------------

    def undo(self) -> None:
        self._replay(self.store.undo)

    def redo(self) -> None:
        self._replay(self.store.redo)

    def _replay(self, step: Callable[[], object]) -> None:
        try:
            step()
        except StorageError as exc:
            self.problem.emit(error_words(exc))
        self._after_structure_change()

    def _after_structure_change(self) -> None:
        """Comparisons may have come back or gone: keep the chooser in step."""
        comparisons = self.store.comparisons.list()
        current = self.state.comparison_id
        if not any(c.id == current for c in comparisons) and comparisons:
            current = comparisons[0].id
        self.fill_comparisons(current)
        self.state.switch_comparison(current)
        self.state.refresh()
        self.actionsChanged.emit()

    def store_changed(self, change: Change) -> None:
        if change.what == "comparison" or change.what == "clinic":
            self.fill_comparisons(self.state.comparison_id)
        if change.what in ("rater", "all"):
            self.fill_raters()  # a person added, renamed or brought by an import
        self.actionsChanged.emit()
