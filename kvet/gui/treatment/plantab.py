"""My treatment's "Plan" tab: what the clinic said it would do, in the person's own words.

Its own module because the plan is typed, not picked: it is kept while the person types and
handed to the window after a pause (the window stores it), the way the item form keeps a note.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFormLayout, QPlainTextEdit, QSpinBox, QWidget

from kvet.gui.common.itemform import NOTE_PAUSE_MS
from kvet.gui.common.text import plain_label
from kvet.gui.words.tr import QT_TRANSLATE_NOOP, translate
from kvet.treatment.course import Plan

PLAN_FIELDS = (
    (
        "induction",
        QT_TRANSLATE_NOOP("Treatment", "The first sessions (induction): how many, how often"),
    ),
    (
        "response_measure",
        QT_TRANSLATE_NOOP("Treatment", "How the clinic measures whether it is working"),
    ),
    ("tapering", QT_TRANSLATE_NOOP("Treatment", "How sessions are reduced if you improve")),
    (
        "without_response",
        QT_TRANSLATE_NOOP("Treatment", "What happens if there is no response"),
    ),
)
REVIEW_HINT = QT_TRANSLATE_NOOP(
    "Treatment",
    "Usual review points: after about 6 IV infusions, 2 to 3 weeks in; for esketamine, at the "
    "end of the 4-week first phase, when its label asks for the benefit to be evaluated.",
)
FIRST_PHASE_HINT = QT_TRANSLATE_NOOP(
    "Treatment",
    "Sessions close together in the first phase are expected, so kvet's signals wait for it "
    "to end. Both numbers were read from the clinic's answers where they named them.",
)


class PlanTab(QWidget):
    """The plan's four answers and its two session numbers; ``paused`` when typing stops."""

    paused = Signal()  # typing stopped for a moment: time to save the plan

    def __init__(self, recording: Callable[[], bool], parent: QWidget | None = None) -> None:
        """``recording`` says whether a record is open (typing counts only then)."""
        super().__init__(parent)
        self._recording = recording
        form = QFormLayout(self)
        form.addRow(
            plain_label(
                translate(
                    "Treatment",
                    "What the clinic told you before starting. It was copied from your answers "
                    "to the four questions before starting; change it whenever the plan changes.",
                )
            )
        )
        self.plan_edits: dict[str, QPlainTextEdit] = {}
        for key, label in PLAN_FIELDS:
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setAccessibleName(translate("Treatment", label))
            edit.setFixedHeight(edit.fontMetrics().height() * 4)
            edit.textChanged.connect(self._typed)
            form.addRow(plain_label(translate("Treatment", label)), edit)
            self.plan_edits[key] = edit
        self.review_at = self._sessions_box(
            form,
            translate("Treatment", "Review if no response by session"),
            translate(
                "Treatment", "The clinic reviews the plan if there is no response by session:"
            ),
        )
        form.addRow(plain_label(translate("Treatment", REVIEW_HINT)))
        self.first_phase = self._sessions_box(
            form,
            translate("Treatment", "Sessions in the first phase"),
            translate("Treatment", "How many sessions the first phase (induction) has:"),
        )
        form.addRow(plain_label(translate("Treatment", FIRST_PHASE_HINT)))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(NOTE_PAUSE_MS)
        self._timer.timeout.connect(self.paused)
        self._loading = False
        self.dirty = False  # typed since it was last loaded or taken

    def _sessions_box(self, form: QFormLayout, name: str, question: str) -> QSpinBox:
        """A number of sessions, 0 meaning "not set", in a row of ``form`` after ``question``."""
        box = QSpinBox()
        box.setRange(0, 100)
        box.setSpecialValueText(translate("Treatment", "not set"))
        box.setAccessibleName(name)
        box.valueChanged.connect(self._typed)
        form.addRow(plain_label(question), box)
        return box

    def load(self, plan: Plan) -> None:
        """Show ``plan``; nothing is counted as typed."""
        self._loading = True
        try:
            for key, edit in self.plan_edits.items():
                text = str(getattr(plan, key))
                if edit.toPlainText() != text:
                    edit.setPlainText(text)
            self.review_at.setValue(plan.review_at_session or 0)
            self.first_phase.setValue(plan.first_phase_sessions or 0)
        finally:
            self._loading = False

    def _typed(self) -> None:
        if not self._loading and self._recording():
            self.dirty = True
            self._timer.start()

    def take(self) -> Plan:
        """The plan as typed; it no longer counts as waiting to be saved."""
        self.dirty = False
        self._timer.stop()
        texts = {key: edit.toPlainText() for key, edit in self.plan_edits.items()}
        return Plan(
            induction=texts["induction"],
            response_measure=texts["response_measure"],
            tapering=texts["tapering"],
            without_response=texts["without_response"],
            review_at_session=self.review_at.value() or None,
            first_phase_sessions=self.first_phase.value() or None,
        )
