"""The import dialog: what a shared file would change, and the user's say on each difference.

It shows the core's import plan (``kvet.exchange.importer``) again whenever a choice changes, and
applies it only on "Import"; reading and checking the file happen before, in ``Sharing``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QListView,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from kvet.exchange.errors import ExchangeError
from kvet.gui.common.problems import Problem, import_problem
from kvet.gui.common.state import AppState
from kvet.gui.common.text import heading, plain_label
from kvet.gui.sharing.progress import Steps, busy
from kvet.gui.words.sharingwords import conflict_sentence, plan_summary
from kvet.gui.words.tr import QT_TRANSLATE_NOOP, translate
from kvet.store.errors import StorageError

if TYPE_CHECKING:  # the exchange code is loaded when first used, not at start-up
    from kvet.exchange.fileformat import ComparisonFile
    from kvet.exchange.importplan import ImportPlan

# Above this size the import takes over a second (bench/bench_exchange.py): progress shows at once.
LARGE_IMPORT = 2000  # assessments
CONTEXT = "Sharing"
SHARED_HEALTH = QT_TRANSLATE_NOOP(
    "Sharing", "Health information someone chose to share. Left out unless you tick this."
)


class ImportDialog(QDialog):
    """Shows what a file would change, lets the user settle each difference, then imports."""

    imported = Signal(str)  # the comparison id written to
    disagreementsCreated = Signal(list)  # of kvet.rating.combine.Disagreement, new since the import

    def __init__(
        self,
        state: AppState,
        document: ComparisonFile,
        on_problem: Callable[[Problem], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        from kvet.exchange import importer

        self._importer = importer
        self.state = state
        self.document = document
        self.on_problem = on_problem
        self.plan: ImportPlan | None = None
        self.setWindowTitle(translate("Sharing", "Import a comparison"))
        self.resize(640, 480)
        layout = QVBoxLayout(self)
        layout.addWidget(
            heading(translate("Sharing", "Import “{name}”").format(name=document.comparison.name))
        )
        self._build_destination()
        people_form = self._build_people()
        self._build_topics()
        self._build_conflicts()
        self._build_buttons()
        for widget in (self.as_new, self.into_current, self.people_caption):
            layout.addWidget(widget)
        layout.addLayout(people_form)
        layout.addWidget(self.personal)
        layout.addWidget(self.courses)
        layout.addWidget(self.summary)
        layout.addWidget(self.conflicts_caption)
        layout.addWidget(self.conflicts_view, 1)
        layout.addWidget(self.buttons)
        self.as_new.toggled.connect(lambda _checked: self.replan())
        self.replan()

    def _build_destination(self) -> None:
        """As a new comparison, or into the one the file belongs to (or the open one)."""
        state, document = self.state, self.document
        self.as_new = QRadioButton(translate("Sharing", "As a new comparison"))
        # Imported before (or made from one of yours): offer the same comparison and people.
        self.remembered = self._importer.remembered(state.store, document)
        self.into_id = self.remembered.comparison_id or state.comparison_id
        current = state.store.comparisons.get(self.into_id).name if self.into_id else ""
        if self.remembered.comparison_id:
            into_words = translate("Sharing", "Into “{name}”, the comparison this file belongs to")
        else:
            into_words = translate("Sharing", "Into “{name}”, next to what you have")
        self.into_current = QRadioButton(into_words.format(name=current))
        self.into_current.setAccessibleDescription(
            translate(
                "Sharing",
                "Clinics you both have are matched. Other people's answers arrive as their own.",
            )
        )
        self.into_current.setEnabled(bool(self.into_id))
        group = QButtonGroup(self)
        group.addButton(self.as_new)
        group.addButton(self.into_current)
        # A file imported before, or sharing clinics with the open comparison, belongs to it.
        shares = {c.id for c in state.clinics} & {c.id for c in document.clinics}
        belongs = bool(self.remembered.comparison_id) or bool(shares)
        (self.into_current if belongs else self.as_new).setChecked(True)

    def _build_people(self) -> QFormLayout:
        """For each person in the file: a new person, or one of the user's own."""
        self.people_caption = plain_label(
            translate(
                "Sharing",
                "Everyone in the file arrives as a new person. If someone in it is one of your "
                "people (you, for example), say so here: their answers then join that person's.",
            )
        )
        self.people: dict[str, QComboBox] = {}
        people_form = QFormLayout()
        mine = self.state.store.people.list()
        for rater in self.document.raters:
            choice = QComboBox()
            # Named by its label, the person's name (Qt on Linux ignores a combo box's name).
            choice.setAccessibleDescription(
                translate("Sharing", "Who “{name}” is").format(name=rater.name)
            )
            choice.addItem(translate("Sharing", "A new person"), None)
            for person in mine:
                choice.addItem(
                    translate("Sharing", "Same as your “{name}”").format(name=person.name),
                    person.id,
                )
            was = self.remembered.people.get(rater.id)
            if was is not None:  # the same person as last time this file was imported
                choice.setCurrentIndex(max(0, choice.findData(was)))
            choice.currentIndexChanged.connect(lambda _index: self.replan())
            self.people[rater.id] = choice
            who = plain_label(rater.name)
            who.setBuddy(choice)
            people_form.addRow(who, choice)
        return people_form

    def _build_topics(self) -> None:
        """The health information in the file: imported only when ticked."""
        topics = len(self.document.personal_topics or ())
        self.personal = self._health_box(
            translate(
                "Sharing", "Also import the private pre-screen topics in this file ({count})"
            ).format(count=topics),
            topics,
        )
        courses = len(self.document.courses or ())
        self.courses = self._health_box(
            translate("Sharing", "Also import the treatment records in this file ({count})").format(
                count=courses
            ),
            courses,
        )

    def _health_box(self, text: str, count: int) -> QCheckBox:
        """A tick for health information the file carries; shown only when it carries some."""
        box = QCheckBox(text)
        box.setAccessibleDescription(translate(CONTEXT, SHARED_HEALTH))
        box.setVisible(bool(count))
        box.toggled.connect(lambda _checked: self.replan())
        return box

    def _build_conflicts(self) -> None:
        """What the file brings, and the differences to settle."""
        self.summary = plain_label()
        self.summary.setAccessibleDescription(translate("Sharing", "What the file brings"))
        self.conflicts_caption = plain_label(
            translate(
                "Sharing",
                "Where the file and your data differ, your version is kept. Tick the ones where "
                "the file's version should be used instead.",
            )
        )
        self.conflicts_model = QStandardItemModel(self)
        self.conflicts_view = QListView()
        self.conflicts_view.setModel(self.conflicts_model)
        self.conflicts_view.setAccessibleName(translate("Sharing", "Differences to settle"))
        self.conflicts_view.setWordWrap(True)

    def _build_buttons(self) -> None:
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            translate("Sharing", "Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)

    def replan(self) -> None:
        into = self.into_id if self.into_current.isChecked() else None
        try:
            self.plan = self._importer.plan_import(
                self.state.store,
                self.document,
                into,
                people=self.same_people(),
                include_personal=self.personal.isChecked(),
                include_courses=self.courses.isChecked(),
            )
        except (ExchangeError, StorageError) as exc:
            self.plan = None
            problem = import_problem(exc, translate("Sharing", "The file"))
            self.summary.setText(problem.text)
            self.summary.setToolTip(problem.details)
            self.import_button.setEnabled(False)
            return
        self.import_button.setEnabled(True)
        self.summary.setText(plan_summary(self.plan))
        self.conflicts_model.clear()
        for conflict in self.plan.conflicts:
            row = QStandardItem(conflict_sentence(conflict))
            row.setCheckable(True)
            row.setEditable(False)
            row.setData(conflict.key, Qt.ItemDataRole.UserRole)
            row.setToolTip(translate("Sharing", "Tick to use the file's version."))
            self.conflicts_model.appendRow(row)
        has_conflicts = bool(self.plan.conflicts)
        self.conflicts_caption.setVisible(has_conflicts)
        self.conflicts_view.setVisible(has_conflicts)

    def same_people(self) -> dict[str, str]:
        """The people of the file the user said are theirs: file id -> their person's id."""
        return {
            theirs: str(choice.currentData())
            for theirs, choice in self.people.items()
            if choice.currentData() is not None
        }

    def take_theirs(self) -> set[str]:
        chosen = set()
        for row in range(self.conflicts_model.rowCount()):
            item = self.conflicts_model.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                chosen.add(str(item.data(Qt.ItemDataRole.UserRole)))
        return chosen

    def apply(self) -> None:
        if self.plan is None:
            return
        store = self.state.store
        into = self.plan.into
        steps = Steps(
            self,
            translate("Sharing", "Importing the comparison…"),
            2,
            show_now=len(self.document.assessments) > LARGE_IMPORT,
        )
        try:
            with busy():
                before = store.decisions.disagreements(into) if into else []
                steps.step(translate("Sharing", "Writing the clinics and answers…"))
                comparison_id = self._importer.apply_import(store, self.plan, self.take_theirs())
        except (ExchangeError, StorageError) as exc:
            self._could_not_write(exc)
            return
        finally:
            steps.close()
        self.accept()
        self.imported.emit(comparison_id)
        created = self._importer.disagreements_created(store, comparison_id, before)
        if created:
            self.disagreementsCreated.emit(created)

    def _could_not_write(self, exc: ExchangeError | StorageError) -> None:
        self.on_problem(
            Problem(
                translate(
                    "Sharing",
                    "Nothing was imported: kvet could not write what the file brings.",
                ),
                translate(
                    "Sharing",
                    "Your data is as it was. Try again; if it happens again, restart kvet.",
                ),
                str(exc),
            )
        )
        self.reject()
