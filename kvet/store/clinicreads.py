"""Everything the window holds about one clinic, read again in one transaction after an edit.

After an answer only that clinic's data can differ: its scoring input, the answers of the person
answering, everyone's opinions, the decisions that settled them and the red flags seen. The
window used to read each in a transaction of its own, one per view asking; reading them together
keeps an answer to one write and one read of that clinic, whatever the number of clinics.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from kvet.content.checklist import Checklist
from kvet.rating.answers import Choice
from kvet.rating.combine import Decision, Opinion
from kvet.rating.scoring import ClinicAnswers
from kvet.store.answering import read_answers
from kvet.store.models import Assessment
from kvet.store.models import Decision as DecisionRow
from kvet.store.records import AnswerInfo
from kvet.store.rows import read_decisions, read_opinions


@dataclass(frozen=True)
class ClinicReads:
    """One clinic as the window shows it; each part as the store's single reads return it."""

    scoring: ClinicAnswers  # as ``ScoreStore.one_clinic_answers`` reads it
    answers: dict[str, AnswerInfo]  # the person answering's, as ``AnswerStore.by_item``
    opinions: dict[str, list[Opinion]]  # as ``DecisionStore.opinions``
    decisions: dict[str, Decision]  # as ``DecisionStore.by_item``
    seen: dict[str, list[Opinion]]  # the red flags seen, as ``DecisionStore.seen`` for it


def read_clinic(
    s: Session, scoring: ClinicAnswers, rater_id: str, checklist: Checklist
) -> ClinicReads:
    """The rest of ``ClinicReads`` for ``scoring``'s clinic, inside the caller's transaction."""
    clinic_id = scoring.id
    opinions = read_opinions(s, Assessment.clinic_id == clinic_id).get(clinic_id, {})
    # the red flags seen are among the opinions: picked out here, not read a second time
    seen = {
        item_id: [o for o in said if o.choice is Choice.SEEN]
        for item_id, said in opinions.items()
        if any(o.choice is Choice.SEEN for o in said)
    }
    return ClinicReads(
        scoring=scoring,
        answers=read_answers(s, clinic_id, rater_id, checklist),
        opinions=opinions,
        decisions=read_decisions(s, DecisionRow.clinic_id == clinic_id).get(clinic_id, {}),
        seen=seen,
    )
