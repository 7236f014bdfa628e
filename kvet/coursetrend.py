"""How the PHQ-9 has moved over a course, in words: for screen readers, the chart and the report.

Response and remission are named as the conventions they are, never as a verdict on the person.
"""

from __future__ import annotations

from kvet import phq9
from kvet.course import CheckIn, Course


def _day(check: CheckIn) -> str:
    return f"{check.day:%d %b %Y}".lstrip("0")


def describe(course: Course) -> str:
    data = phq9.load_phq9()
    checks = course.check_ins
    if not checks:
        return "No PHQ-9 check-ins yet. Fill one in before the first session, as a baseline."
    baseline, latest = course.baseline(), course.latest()
    assert baseline is not None
    assert latest is not None
    first = f"Baseline PHQ-9 {baseline.total} ({data.band(baseline.total)}) on {_day(baseline)}."
    if latest is baseline:
        return first + f" {len(course.sessions)} sessions recorded."
    fall = phq9.change_from_baseline(baseline.total, latest.total)
    moved = (
        "no change to measure"
        if fall is None
        else f"a {fall:.0%} fall"
        if fall >= 0
        else f"a {-fall:.0%} rise"
    )
    parts = [
        first,
        f"Latest {latest.total} ({data.band(latest.total)}) on {_day(latest)}: {moved}.",
        f"{len(checks)} check-ins and {len(course.sessions)} sessions recorded.",
    ]
    if phq9.is_response(baseline.total, latest.total):
        parts.append("That meets the usual definition of a response (a fall of half or more).")
    if phq9.is_remission(latest.total):
        parts.append("A score below 5 is what trials usually call remission.")
    return " ".join(parts)
