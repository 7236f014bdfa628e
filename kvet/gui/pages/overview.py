"""One clinic's score explained: the number, its range, red flags first, and what to ask next."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kvet.gui.common.state import AppState
from kvet.gui.common.text import heading, plain_label
from kvet.gui.words.paperwords import paper
from kvet.gui.words.rankingwords import place_words
from kvet.gui.words.tr import QT_TRANSLATE_NOOP, translate
from kvet.gui.words.verdictwords import say
from kvet.rating.combine import answer_text
from kvet.rating.costs import schedule_summary
from kvet.rating.progress import QUESTIONS
from kvet.rating.ranking import Place
from kvet.rating.scoreresult import ClinicResult, SectionResult

STILL_TO_ASK_SHOWN = 6
DISCLAIMER = QT_TRANSLATE_NOOP(
    "Overview", "kvet helps you compare clinics. It is not medical advice."
)
SECTION_HEADINGS = (
    QT_TRANSLATE_NOOP("Overview", "By section"),
    QT_TRANSLATE_NOOP("Overview", "What moved the score most"),
    QT_TRANSLATE_NOOP("Overview", "Still to ask"),
)


def described(description: str) -> QLabel:
    """A label of the page, described to a screen reader by what it tells."""
    label = plain_label()
    label.setAccessibleDescription(description)
    return label


class ClinicOverview(QScrollArea):
    walkthroughRequested = Signal()
    callModeRequested = Signal()
    pricesRequested = Signal()

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self._people_shown: tuple[object, ...] | None = None  # for which clinic and answers
        self._stale = True  # changed while another tab showed: filled when shown
        self.setWidgetResizable(True)
        # A Tab stop (arrow keys scroll it), so it has a name.
        self.setAccessibleName(translate("Overview", "About the selected clinic"))
        self._build_labels()
        self._build_buttons()
        self.setWidget(self._lay_out())
        state.resultsChanged.connect(self.refresh)
        state.clinicSelected.connect(self.refresh)
        state.viewSwitched.connect(lambda _view: self.refresh())
        self.refresh()

    def _build_labels(self) -> None:
        """The page's words, each described for a screen reader by what it tells."""
        self.title = heading("")
        self.summary = described(translate("Overview", "Score summary"))
        self.status = described(paper("report", "status"))
        self.red_flags = described(paper("report", "red_flags_seen"))
        self.cost = described(translate("Overview", "Cost estimate"))
        self.whose = described(translate("Overview", "Whose answers"))
        self.differ = described(translate("Overview", "Where people's answers differ"))
        self.retired = described(
            translate("Overview", "Answers to questions no longer in the checklist")
        )
        self.sections = described(translate("Overview", "Score by section"))
        self.movers = described(translate("Overview", "What moved the score most"))
        self.still = described(translate("Overview", "Still to ask"))
        self.empty = plain_label(translate("Overview", "Add a clinic to see its score here."))

    def _build_buttons(self) -> None:
        self.prices_button = QPushButton(translate("Overview", "Prices and times…"))
        self.prices_button.setAccessibleDescription(
            translate(
                "Overview",
                "Type the clinic's price per session, first fee, sessions and travel time.",
            )
        )
        self.prices_button.clicked.connect(self.pricesRequested)
        self.walk_button = QPushButton(translate("Overview", "Walk through the checklist"))
        self.walk_button.setAccessibleDescription(
            translate("Overview", "Answer the checklist for this clinic, step by step.")
        )
        self.call_button = QPushButton(translate("Overview", "Call mode…"))
        self.call_button.setAccessibleDescription(
            translate("Overview", "The questions as a script for a phone call.")
        )
        self.walk_button.clicked.connect(self.walkthroughRequested)
        self.call_button.clicked.connect(self.callModeRequested)

    def _lay_out(self) -> QWidget:
        body = QWidget()
        layout = QVBoxLayout(body)
        for widget in (self.title, self.empty, self.status, self.summary, self.red_flags):
            layout.addWidget(widget)
        cost_row = QHBoxLayout()
        cost_row.addWidget(self.cost, 1)
        cost_row.addWidget(self.prices_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(cost_row)
        for widget in (self.whose, self.differ):
            layout.addWidget(widget)
        buttons = QHBoxLayout()
        buttons.addWidget(self.walk_button)
        buttons.addWidget(self.call_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        for title, widget in zip(
            SECTION_HEADINGS, (self.sections, self.movers, self.still), strict=True
        ):
            layout.addWidget(heading(translate("Overview", title), scale=1.1))
            layout.addWidget(widget)
        layout.addWidget(self.retired)
        layout.addStretch(1)
        layout.addWidget(plain_label(translate("Overview", DISCLAIMER)))
        return body

    def _show_retired(self, clinic_id: str) -> None:
        """Answers kept from an older checklist: shown, never dropped, no longer scored."""
        lines = []
        for rater in self.state.people():
            for item_id, answer in sorted(self.state.retired_answers(clinic_id, rater.id).items()):
                said = answer_text(answer.choice, None, say=say) if answer.choice else ""
                if answer.number is not None:
                    said = f"{answer.number:g}"
                note = f" — “{answer.note}”" if answer.note else ""
                old = self.state.store.checklist.retired_by_id.get(item_id)
                asked = f"“{old.statement}”" if old else item_id.replace("_", " ")
                lines.append(f"• {rater.name}, {asked}: {said}{note}")
        if lines:
            self.retired.setText(
                translate(
                    "Overview", "Kept from an earlier version of the checklist (no longer scored):"
                )
                + "\n"
                + "\n".join(lines)
            )
        self.retired.setVisible(bool(lines))

    def _show_people(self, clinic_id: str) -> None:
        """Whose answers the score comes from, and what people heard differently here."""
        state = self.state
        raters = state.people()
        if not state.combined:
            name = next((r.name for r in raters if r.id == state.view_id), "")
            self.whose.setText(
                translate("Overview", "Scored from {name}'s answers only.").format(name=name)
            )
        elif len(raters) > 1:
            self.whose.setText(translate("Overview", "Scored from everyone's answers together."))
        else:
            self.whose.setText("")
        self.whose.setVisible(bool(self.whose.text()))
        differ = state.clinic_disagreements(clinic_id)
        if differ:
            lines = [
                (
                    translate(
                        "Overview",
                        "People's answers differ on {count} question here. "
                        "Settle them under Together:",
                    )
                    if len(differ) == 1
                    else translate(
                        "Overview",
                        "People's answers differ on {count} questions here. "
                        "Settle them under Together:",
                    )
                ).format(count=len(differ))
            ]
            lines += [f"• {d.sentence(say)}" for d in differ[:3]]
            if len(differ) > 3:
                lines.append(
                    translate("Overview", "… and {count} more.").format(count=len(differ) - 3)
                )
            self.differ.setText("\n".join(lines))
        self.differ.setVisible(bool(differ))

    def refresh(self) -> None:
        """Fill the page from the shared state; while another tab shows, only note that it
        changed, and fill it as it is shown (``showEvent``): an answer in the walkthrough need
        not lay out a page nobody sees (issue 26)."""
        if not self.isVisibleTo(self.window()):
            self._stale = True
            return
        self._stale = False
        state = self.state
        place: Place | None = next(
            (p for p in state.ranking.places if p.result.clinic_id == state.clinic_id), None
        )
        has = place is not None
        self.empty.setVisible(not has)
        for widget in (
            self.summary,
            self.status,
            self.red_flags,
            self.cost,
            self.prices_button,
            self.sections,
            self.movers,
            self.still,
            self.whose,
            self.walk_button,
            self.call_button,
        ):
            widget.setVisible(has)
        if place is None:
            self.title.setText(translate("Overview", "No clinic selected"))
            self.differ.hide()
            self.retired.hide()
            self._people_shown = None
            return
        result = place.result
        self.title.setText(result.name)
        self.title.setAccessibleName(result.name)
        self.summary.setText(result.summary(say))
        self._show_status(place)
        self._show_cost(result)
        # whose answers, where people differ, answers kept from an older checklist: the same
        # until the answers or the clinic change (not after a weight slider moved)
        people = (result.clinic_id, state.data_key, state.view_id)
        if people != self._people_shown:
            self._people_shown = people
            self._show_people(result.clinic_id)
            self._show_retired(result.clinic_id)
        self.sections.setText("\n".join(section_line(s) for s in result.sections if s.applicable))
        movers = [m.sentence(say) for m in (*result.movers_down, *result.movers_up)]
        self.movers.setText("\n".join(movers) if movers else translate("Overview", "Nothing yet."))
        self._show_still(result)

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:  # what changed while another tab showed, before it is painted
            self.refresh()
        super().showEvent(event)

    def _show_status(self, place: Place) -> None:
        """Where it stands, red flags first: ruled out, no score, or its place."""
        state, result = self.state, place.result
        items = state.checklist.items_by_id
        if result.not_recommended:
            why = [f"• {r.sentence(say)}" for r in state.reasons(result.clinic_id)]
            status = "\n".join(
                [
                    translate("Overview", "Not recommended. A dealbreaker red flag was seen:"),
                    *why,
                ]
            )
        elif result.score is None:
            status = translate(
                "Overview", "No score: no checklist item carries weight for this clinic."
            )
        else:
            status = place_words(place, state.ranking)
        self.status.setText(status)
        if result.red_flags_seen:
            self.red_flags.setText(
                paper("report", "red_flags_seen_label")
                + "\n"
                + "\n".join(f"⚠ {items[i].statement}" for i in result.red_flags_seen if i in items)
            )
        else:
            self.red_flags.setText(paper("report", "no_red_flags"))

    def _show_cost(self, result: ClinicResult) -> None:
        """The cost estimate, whether the budget could count it, and the usual schedule."""
        state = self.state
        lines = [
            result.cost.sentence(result.currency, say)
            if result.cost
            else translate("Overview", "Cost: add the price per session to see an estimate.")
        ]
        budget = state.weights.budget
        if result.budget_left_out and budget is not None:  # kvet never converts money
            lines.append(
                paper("report", "budget_left_out").format(
                    currency=result.currency, budget_currency=budget.currency
                )
            )
        known = next((c for c in state.scored_answers() if c.id == result.clinic_id), None)
        if known is not None:  # by the format's usual schedule, and the hours of travel
            lines += schedule_summary(known.facts, known.formats, say, result.currency)
        self.cost.setText("\n".join(lines))

    def _show_still(self, result: ClinicResult) -> None:
        """The questions still to ask, in the words to ask them (the first few)."""
        items = self.state.checklist.items_by_id
        still = [items[i] for i in result.still_to_ask if i in items][:STILL_TO_ASK_SHOWN]
        more = len(result.still_to_ask) - len(still)
        checking = paper("call_sheet", "checking")
        self.still.setText(
            "\n".join(
                f"• {item.how_to_ask}\n   " + checking.format(statement=item.statement)
                for item in still
            )
            + (
                "\n" + translate("Overview", "…and {count} more.").format(count=more)
                if more > 0
                else ""
            )
            if still
            else translate("Overview", "Everything is answered.")
        )


def section_line(section: SectionResult) -> str:
    """ "Safety: 80 out of 100 (4 of 5 questions answered)", in the window's language."""
    if section.score is None:
        score = translate("Overview", "not scored yet")
    else:
        score = translate("Overview", "{score} out of 100").format(score=f"{section.score:.0f}")
    counted = say(QUESTIONS[0] if section.applicable == 1 else QUESTIONS[1]).format(
        answered=section.answered, questions=section.applicable
    )
    return f"{section.title}: {score} ({counted})"
