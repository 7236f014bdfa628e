"""A one-page summary of a course for the next appointment, and the log as CSV.

Built as HTML for the same document code as the comparison report (kvet.render.pdf turns it into a
PDF). Everything the person typed is escaped; CSV cells that a spreadsheet would run are
neutralised.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from html import escape

from kvet import coursetrend, phq9, reconsider
from kvet.course import Course, SideEffect, format_blood_pressure
from kvet.exchange.csvexport import neutralise
from kvet.exchange.report import _e, contain_direction
from kvet.exchange.words import printout_words
from kvet.translations import Words

MAX_ROWS = 40  # one page: the most recent sessions and check-ins


def _day(d: date, w: Words) -> str:
    """ "3 Mar 2026": the month in words, so no reader mistakes the day for the month."""
    return w("course", "day").format(day=d.day, month=w("months", str(d.month)), year=d.year)


def _effects(effects: frozenset[SideEffect], w: Words) -> str:
    return ", ".join(w("side_effects", e.value) for e in SideEffect if e in effects)


def safety_html(course: Course, w: Words) -> str:
    """The page's safety block: every check-in where question 9 was above "Not at all", with
    its date and answer in the questionnaire's own words. Empty when there is none."""
    answers = coursetrend.safety_answers(course)
    if not answers:
        return ""
    data = phq9.load_phq9(w.lang)
    question = data.items[data.safety_item - 1].text
    heading = w("course", "safety_heading").format(number=data.safety_item, question=question)
    lines = "".join(
        "<li>"
        + _e(w("course", "safety_line").format(day=_day(a.day, w), answer=a.answer(w.lang)))
        + "</li>"
        for a in answers
    )
    return f"<h2>{_e(heading)}</h2><ul>{lines}</ul><p>{_e(w('course', 'safety_talk'))}</p>"


def course_html(course: Course, today: date, lang: str | None = None) -> str:
    """The page, in ``lang`` (by default the language of this run)."""
    w = printout_words(lang)

    def say(key: str) -> str:
        return w("course", key)

    data = phq9.load_phq9()
    plan = course.plan
    title = say("title").format(clinic=contain_direction(course.clinic_name))
    parts = [
        "<html><body>",
        f"<h1>{_e(title)}</h1>",
        f"<p>{_e(say('made_on').format(date=_day(today, w)))}</p>",
        safety_html(course, w),  # first, where a clinician cannot miss it
        f"<h2>{_e(say('how_it_is_going'))}</h2><p>{_e(coursetrend.describe(course))}</p>",
        f"<h2>{_e(say('to_talk_about'))}</h2><ul>",
    ]
    signals = [s for s in reconsider.all_signals(course, today) if s.raised]
    if not signals:
        # quotes stay as typed here: in element content only <, > and & need escaping
        parts.append(f"<li>{escape(say('no_signals'), quote=False)}</li>")
    for signal in signals:
        because = " ".join(signal.because)
        parts.append(f"<li><b>{_e(signal.title)}.</b> {_e(because)} {_e(signal.advice)}</li>")
    parts.append(f"</ul><h2>{_e(say('plan'))}</h2><table>")
    review = say("review_session").format(number=plan.review_at_session)
    for label, text in (
        (say("induction"), plan.induction),
        (say("response_measure"), plan.response_measure),
        (say("tapering"), plan.tapering),
        (say("without_response"), plan.without_response),
        (say("review_point"), review if plan.review_at_session else ""),
    ):
        shown = text or say("not_noted")
        parts.append(f"<tr><td><b>{_e(label)}</b></td><td>{_e(shown)}</td></tr>")
    parts.append(f"</table><h2>{_e(say('sessions'))}</h2>")
    sessions = course.sessions[-MAX_ROWS:]
    if len(course.sessions) > len(sessions):
        latest = say("latest").format(shown=len(sessions), total=len(course.sessions))
        parts.append(f"<p>{_e(latest)}</p>")
    heads = ("date", "treatment", "dose", "blood_pressure", "steady", "side_effects")
    parts.append(
        "<table border='1' cellpadding='3'><tr>"
        + "".join(f"<th>{_e(say(h))}</th>" for h in heads)
        + "</tr>"
    )
    for s in sessions:
        pressure = " → ".join(
            p for p in (format_blood_pressure(s.bp_before), format_blood_pressure(s.bp_after)) if p
        )
        steady = (
            ""
            if s.minutes_to_steady is None
            else say("minutes").format(minutes=s.minutes_to_steady)
        )
        dose = s.dose_note + (say("raised") if s.dose_raised else "")
        parts.append(
            f"<tr><td>{_e(_day(s.day, w))}</td><td>{_e(s.treatment)}</td><td>{_e(dose)}</td>"
            f"<td>{_e(pressure)}</td><td>{_e(steady)}</td>"
            f"<td>{_e(_effects(s.side_effects, w))}</td></tr>"
        )
    parts.append(
        f"</table><h2>{_e(say('check_ins'))}</h2><table border='1' cellpadding='3'><tr>"
        + "".join(f"<th>{_e(say(h))}</th>" for h in ("date", "total", "band"))
        + "</tr>"
    )
    for check in course.check_ins[-MAX_ROWS:]:
        parts.append(
            f"<tr><td>{_e(_day(check.day, w))}</td><td>{check.total}</td>"
            f"<td>{_e(data.band(check.total))}</td></tr>"
        )
    parts += [
        "</table>",
        f"<p><small>{_e(data.attribution)}</small></p>",
        f"<p><small>{_e(w('report', 'disclaimer'))}</small></p>",
        "</body></html>",
    ]
    return "\n".join(parts)


def course_csv(course: Course, lang: str | None = None) -> str:
    """Every entry, one row each, in date order; headings and kvet's words in ``lang``."""
    w = printout_words(lang)

    def say(key: str) -> str:
        return w("course_table", key)

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")

    def row(*cells: object) -> None:
        writer.writerow([neutralise(str(c)) for c in cells])

    row(
        *(
            say(key)
            for key in (
                "date",
                "entry",
                "treatment",
                "dose",
                "dose_raised",
                "pressure_before",
                "pressure_after",
                "minutes",
                "side_effects",
                "phq9",
                "question9",
                "note",
            )
        )
    )
    entries: list[tuple[date, list[object]]] = []
    for s in course.sessions:
        entries.append(
            (
                s.day,
                [
                    s.day.isoformat(),
                    say("session"),
                    s.treatment,
                    s.dose_note,
                    say("yes") if s.dose_raised else say("no"),
                    format_blood_pressure(s.bp_before),
                    format_blood_pressure(s.bp_after),
                    "" if s.minutes_to_steady is None else s.minutes_to_steady,
                    _effects(s.side_effects, w),
                    "",
                    "",
                    s.note,
                ],
            )
        )
    options = phq9.load_phq9(w.lang).options
    for c in course.check_ins:
        nine = phq9.safety_answer(c.answers)  # every check-in's answer, "Not at all" too
        answer = "" if nine is None else options[nine].label
        entries.append(
            (
                c.day,
                [c.day.isoformat(), say("check_in"), *([""] * 7), c.total, answer, ""],
            )
        )
    for m in course.mood_checks:
        signs = reconsider.mood_signs(m) or say("none")
        entries.append((m.day, [m.day.isoformat(), say("mood_check"), *([""] * 9), signs]))
    for care in course.care:
        entries.append(
            (
                care.day,
                [care.day.isoformat(), say("care"), care.kind, *([""] * 9)],
            )
        )
    for week in course.markers:
        entries.append(
            (
                week.week_of,
                [
                    week.week_of.isoformat(),
                    say("week"),
                    *([""] * 9),
                    "; ".join(sorted(week.ticked)),
                ],
            )
        )
    for _day_key, cells in sorted(entries, key=lambda e: e[0]):
        row(*cells)
    return out.getvalue()
