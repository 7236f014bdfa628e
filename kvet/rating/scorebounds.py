"""A score and its range from three sums: the rule every score, section score and "what if"
is made with (kvet.rating.scoring, kvet.rating.scoreresult, kvet.rating.ranking).

Open questions count at ``PRIOR_CREDIT``, half: the score it would get if good and bad answers
were equally likely. That is a rule, not a finding (docs/scoring.md).
"""

from __future__ import annotations

PRIOR_CREDIT = 0.5  # what an unanswered question counts for until it is answered


def score_bounds(
    total: float, answered: float, gained: float
) -> tuple[float | None, float, float, float | None]:
    """Score so far (open questions as half), the range it could reach once unknowns are
    answered, and the share of
    good answers so far."""
    if total <= 0:
        return None, 0.0, 100.0, None
    low = 100 * gained / total
    high = max(low, min(100.0, 100 * (gained + total - answered) / total))
    expected = 100 * (gained + PRIOR_CREDIT * (total - answered)) / total
    score = min(high, max(low, expected))  # the score lies in its range; clamp float rounding
    share = min(100.0, 100 * gained / answered) if answered > 0 else None
    return score, low, high, share
