"""A one-page summary of a course for the next appointment, and the log as CSV.

Built as HTML for the same document code as the comparison report (kvet.render.pdf turns it into a
PDF). Everything the person typed is escaped; CSV cells that a spreadsheet would run are
neutralised.
"""

from __future__ import annotations

import csv
import io
from datetime import date

from kvet import coursetrend, phq9, reconsider
from kvet.course import SIDE_EFFECT_LABELS, Course, SideEffect, format_blood_pressure
from kvet.exchange.csvexport import neutralise
from kvet.exchange.report import DISCLAIMER, _e

MAX_ROWS = 40  # one page: the most recent sessions and check-ins


def _day(d: date) -> str:
    return f"{d:%d %b %Y}".lstrip("0")


def _effects(effects: frozenset[SideEffect]) -> str:
    return ", ".join(SIDE_EFFECT_LABELS[e] for e in SideEffect if e in effects)


def course_html(course: Course, today: date) -> str:
    data = phq9.load_phq9()
    plan = course.plan
    parts = [
        "<html><body>",
        f"<h1>My treatment at {_e(course.clinic_name)}</h1>",
        f"<p>Made with kvet on {_day(today)}, for my next appointment.</p>",
        f"<h2>How it is going</h2><p>{_e(coursetrend.describe(course))}</p>",
        "<h2>Things to talk about</h2><ul>",
    ]
    signals = [s for s in reconsider.all_signals(course, today) if s.raised]
    if not signals:
        parts.append("<li>None of the four signals in kvet's guide is raised by this log.</li>")
    for signal in signals:
        because = " ".join(signal.because)
        parts.append(f"<li><b>{_e(signal.title)}.</b> {_e(because)} {_e(signal.advice)}</li>")
    parts.append("</ul><h2>The plan, as the clinic described it</h2><table>")
    for label, text in (
        ("Induction", plan.induction),
        ("How response is measured", plan.response_measure),
        ("Reducing sessions when better", plan.tapering),
        ("If there is no response", plan.without_response),
        ("Review point", f"session {plan.review_at_session}" if plan.review_at_session else ""),
    ):
        parts.append(f"<tr><td><b>{_e(label)}</b></td><td>{_e(text or 'not noted')}</td></tr>")
    parts.append("</table><h2>Sessions</h2>")
    sessions = course.sessions[-MAX_ROWS:]
    if len(course.sessions) > len(sessions):
        parts.append(f"<p>The latest {len(sessions)} of {len(course.sessions)}.</p>")
    parts.append(
        "<table border='1' cellpadding='3'><tr><th>Date</th><th>Treatment</th><th>Dose (as the "
        "clinic said)</th><th>Blood pressure</th><th>Steady after</th><th>Side effects</th></tr>"
    )
    for s in sessions:
        pressure = " → ".join(
            p for p in (format_blood_pressure(s.bp_before), format_blood_pressure(s.bp_after)) if p
        )
        steady = "" if s.minutes_to_steady is None else f"{s.minutes_to_steady} min"
        dose = s.dose_note + (" (raised)" if s.dose_raised else "")
        parts.append(
            f"<tr><td>{_day(s.day)}</td><td>{_e(s.treatment)}</td><td>{_e(dose)}</td>"
            f"<td>{_e(pressure)}</td><td>{steady}</td><td>{_e(_effects(s.side_effects))}</td></tr>"
        )
    parts.append(
        "</table><h2>PHQ-9 check-ins</h2><table border='1' cellpadding='3'>"
        "<tr><th>Date</th><th>Total (0–27)</th><th>Band</th></tr>"
    )
    for check in course.check_ins[-MAX_ROWS:]:
        parts.append(
            f"<tr><td>{_day(check.day)}</td><td>{check.total}</td>"
            f"<td>{_e(data.band(check.total))}</td></tr>"
        )
    parts += [
        "</table>",
        f"<p><small>{_e(data.attribution)}</small></p>",
        f"<p><small>{_e(DISCLAIMER)}</small></p>",
        "</body></html>",
    ]
    return "\n".join(parts)


def course_csv(course: Course) -> str:
    """Every entry, one row each, in date order."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")

    def row(*cells: object) -> None:
        writer.writerow([neutralise(str(c)) for c in cells])

    row(
        "Date",
        "Entry",
        "Treatment or kind",
        "Dose (as the clinic said)",
        "Dose raised",
        "Blood pressure before",
        "Blood pressure after",
        "Minutes until steady",
        "Side effects",
        "PHQ-9 total",
        "Note",
    )
    entries: list[tuple[date, list[object]]] = []
    for s in course.sessions:
        entries.append(
            (
                s.day,
                [
                    s.day.isoformat(),
                    "session",
                    s.treatment,
                    s.dose_note,
                    "yes" if s.dose_raised else "no",
                    format_blood_pressure(s.bp_before),
                    format_blood_pressure(s.bp_after),
                    "" if s.minutes_to_steady is None else s.minutes_to_steady,
                    _effects(s.side_effects),
                    "",
                    s.note,
                ],
            )
        )
    for c in course.check_ins:
        entries.append(
            (c.day, [c.day.isoformat(), "PHQ-9", "", "", "", "", "", "", "", c.total, ""])
        )
    for m in course.mood_checks:
        signs = reconsider.mood_signs(m) or "none"
        entries.append(
            (m.day, [m.day.isoformat(), "mood check", "", "", "", "", "", "", "", "", signs])
        )
    for care in course.care:
        entries.append(
            (care.day, [care.day.isoformat(), "care", care.kind, "", "", "", "", "", "", "", ""])
        )
    for week in course.markers:
        entries.append(
            (
                week.week_of,
                [
                    week.week_of.isoformat(),
                    "week's signs",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "; ".join(sorted(week.ticked)),
                ],
            )
        )
    for _day_key, cells in sorted(entries, key=lambda e: e[0]):
        row(*cells)
    return out.getvalue()
