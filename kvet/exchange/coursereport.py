"""A one-page summary of a course for the next appointment, and the log as CSV.

Built as HTML, one function per block, for the same document code as the comparison report:
kvet.render.coursepage lays it out on one sheet of the country's paper and draws the PHQ-9 chart
where the HTML leaves room for it. The core's sentences (the summary, the signals, blood pressure)
are written by the core itself, its ``say`` answered from the catalogue (``core_say``).
Everything the person typed is escaped; CSV cells that a spreadsheet would run are neutralised.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import date
from html import escape

from kvet.content import catalogue
from kvet.content.printwords import Words
from kvet.exchange.csvexport import neutralise
from kvet.exchange.htmltext import contain_direction
from kvet.exchange.htmltext import escaped as _e
from kvet.exchange.words import printout_words
from kvet.text.datewords import MONTHS
from kvet.treatment import bloodpressure, coursetrend, phq9, reconsider
from kvet.treatment.course import (
    SIDE_EFFECT_LABELS,
    Course,
    DoseSession,
    SideEffect,
    format_blood_pressure,
)

Say = Callable[[str], str]
MAX_ROWS = 40  # the most recent sessions and check-ins a page can hold at most
CHECK_INS_SHOWN = 8  # the chart shows every check-in; the line of totals only the latest
# Where the page's PHQ-9 chart goes: kvet.render.coursepage draws it there with QtGui.
CHART_SOURCE = "kvet:phq9-chart"


def core_say(w: Words) -> Say:
    """The core's ``say`` (kvet.treatment.coursetrend, kvet.treatment.reconsider,
    kvet.treatment.bloodpressure) in the printout's language, from the catalogue the window
    reads too: its sentences, side effects, suggested signs and month names."""
    return catalogue.core_say(w.lang)


def _day(d: date, w: Words) -> str:
    """ "3 Mar 2026": the month in words, so no reader mistakes the day for the month."""
    month = catalogue.sentence(MONTHS[d.month - 1], w.lang)
    return w("course", "day").format(day=d.day, month=month, year=d.year)


def _effects(effects: frozenset[SideEffect], say: Say) -> str:
    return ", ".join(say(SIDE_EFFECT_LABELS[e]) for e in SideEffect if e in effects)


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


def course_html(
    course: Course,
    today: date,
    lang: str | None = None,
    *,
    sessions_shown: int = MAX_ROWS,
    check_ins_shown: int = CHECK_INS_SHOWN,
) -> str:
    """The page, in ``lang`` (by default the language of this run), one block after another in
    the order a clinician reads them: safety first, then the PHQ-9 and its chart, blood
    pressure, the signals and the plan; the latest check-ins and sessions (with their notes)
    fill what room is left. kvet.render.coursepage lowers ``sessions_shown`` and
    ``check_ins_shown`` until the page fits one sheet of paper."""
    w = printout_words(lang)
    say = core_say(w)
    # compact headings and paragraphs: the page is one sheet, and the sessions get the room
    parts = [
        "<html><head><style>h1 { margin-bottom: 4px; } h2 { margin-top: 10px; "
        "margin-bottom: 3px; } p { margin-top: 2px; margin-bottom: 4px; }</style></head><body>"
    ]
    for block in (
        _header(course, today, w),
        _safety(course, w, say),
        _how_it_is_going(course, w, say),
        _check_ins(course, w, lang, check_ins_shown),
        _blood_pressure(course, w, say),
        _to_talk_about(course, today, w, say),
        _plan(course, w),
        _sessions(course, w, say, sessions_shown),
        _footer(w, lang),
    ):
        parts += block
    parts.append("</body></html>")
    return "\n".join(parts)


def _header(course: Course, today: date, w: Words) -> list[str]:
    title = w("course", "title").format(clinic=contain_direction(course.clinic_name))
    made = w("course", "made_on").format(date=_day(today, w))
    return [f"<h1>{_e(title)}</h1>", f"<p>{_e(made)}</p>"]


def _safety(course: Course, w: Words, say: Say) -> list[str]:
    """The safety lines, first on the page, where a clinician cannot miss them."""
    block = safety_html(course, w)
    return [block] if block else []


def _how_it_is_going(course: Course, w: Words, say: Say) -> list[str]:
    """The PHQ-9 in words, then its chart (drawn in place of the image by kvet.render)."""
    found = [
        f"<h2>{_e(w('course', 'how_it_is_going'))}</h2>",
        f"<p>{_e(coursetrend.describe(course, say))}</p>",
    ]
    if course.check_ins:
        alt = _e(w("course", "chart_alt"))
        found.append(f"<p><img src='{CHART_SOURCE}' alt='{alt}'></p>")
    return found


def _blood_pressure(course: Course, w: Words, say: Say) -> list[str]:
    lines = bloodpressure.lines(course, say)
    return [
        f"<h2>{_e(w('course', 'blood_pressure'))}</h2>",
        "<p>" + "<br>".join(_e(line) for line in lines) + "</p>",
    ]


def _to_talk_about(course: Course, today: date, w: Words, say: Say) -> list[str]:
    found = [f"<h2>{_e(w('course', 'to_talk_about'))}</h2><ul>"]
    signals = [s for s in reconsider.all_signals(course, today, say) if s.raised]
    if not signals:
        # quotes stay as typed here: in element content only <, > and & need escaping
        found.append(f"<li>{escape(w('course', 'no_signals'), quote=False)}</li>")
    for signal in signals:
        because = " ".join(signal.because)
        found.append(f"<li><b>{_e(signal.title)}.</b> {_e(because)} {_e(signal.advice)}</li>")
    found.append("</ul>")
    return found


def _plan(course: Course, w: Words) -> list[str]:
    def say(key: str) -> str:
        return w("course", key)

    plan = course.plan
    found = [f"<h2>{_e(say('plan'))}</h2><table>"]
    review = say("review_session").format(number=plan.review_at_session)
    for label, text in (
        (say("induction"), plan.induction),
        (say("response_measure"), plan.response_measure),
        (say("tapering"), plan.tapering),
        (say("without_response"), plan.without_response),
        (say("review_point"), review if plan.review_at_session else ""),
    ):
        shown = text or say("not_noted")
        found.append(
            f"<tr><td width='30%'><b>{_e(label)}</b></td><td width='70%'>{_e(shown)}</td></tr>"
        )
    found.append("</table>")
    return found


def _check_ins(course: Course, w: Words, lang: str | None, shown: int) -> list[str]:
    """The latest check-ins as numbers, under the chart that has them all."""
    checks = course.check_ins[-shown:] if shown > 0 else ()
    if not checks:
        return []
    data = phq9.load_phq9(lang)
    heading = w("course", "check_ins")
    if len(course.check_ins) > len(checks):
        heading = w("course", "check_ins_latest").format(
            shown=len(checks), total=len(course.check_ins)
        )
    totals = " · ".join(
        w("course", "check_in").format(
            date=_day(check.day, w), total=check.total, band=data.band(check.total)
        )
        for check in checks
    )
    return [f"<p><b>{_e(heading)}:</b> {_e(totals)}</p>"]


def _sessions(course: Course, w: Words, core: Say, shown: int) -> list[str]:
    """The latest sessions, each with the note the person wrote on a line of its own under it,
    as many as the page holds (the CSV log has them all)."""

    def say(key: str) -> str:
        return w("course", key)

    sessions = course.sessions[-shown:] if shown > 0 else ()
    found = [f"<h2>{_e(say('sessions'))}</h2>"]
    if not sessions:
        if course.sessions:
            found.append(f"<p>{_e(say('sessions_in_log').format(total=len(course.sessions)))}</p>")
        return found
    if len(course.sessions) > len(sessions):
        latest = say("latest").format(shown=len(sessions), total=len(course.sessions))
        found.append(f"<p>{_e(latest)}</p>")
    # (heading, share of the width): the side effects get the room, the numbers the least
    heads = (
        (say("date"), 15),
        (f"{say('treatment')} · {say('dose')}", 25),
        (say("blood_pressure"), 16),
        (say("steady"), 11),
        (say("side_effects"), 33),
    )
    found.append(
        "<table border='1' cellpadding='2' cellspacing='0'><tr>"
        + "".join(f"<th width='{share}%'>{_e(head)}</th>" for head, share in heads)
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
        dose = s.dose_note + _raise_words(s, say)
        given = " · ".join(part for part in (s.treatment, dose) if part)
        found.append(
            f"<tr><td>{_e(_day(s.day, w))}</td><td>{_e(given)}</td><td>{_e(pressure)}</td>"
            f"<td>{_e(steady)}</td><td>{_e(_effects(s.side_effects, core))}</td></tr>"
        )
        below = [say("lift").format(days=s.lift_days)] if s.lift_days is not None else []
        if s.note.strip():
            below.append(say("note").format(note=s.note))
        if below:
            found.append(f"<tr><td colspan='{len(heads)}'><i>{_e(' · '.join(below))}</i></td></tr>")
    found.append("</table>")
    return found


def _raise_words(s: DoseSession, say: Say) -> str:
    """A raise the clinic planned (titration) reads differently from one that was not."""
    if not s.dose_raised:
        return ""
    return say("raised_planned") if s.dose_raise_planned else say("raised")


def _footer(w: Words, lang: str | None) -> list[str]:
    return [
        f"<p><small>{_e(phq9.load_phq9(lang).attribution)}</small></p>",
        f"<p><small>{_e(w('report', 'disclaimer'))}</small></p>",
    ]


# The log's columns, by their ids in [course_table] of the words file.
CSV_COLUMNS = (
    "date",
    "entry",
    "treatment",
    "dose",
    "dose_raised",
    "raise_planned",
    "pressure_before",
    "pressure_after",
    "minutes",
    "lift_days",
    "side_effects",
    "phq9",
    "question9",
    "note",
)
Row = tuple[date, list[object]]


def course_csv(course: Course, lang: str | None = None) -> str:
    """Every entry, one row each, in date order; headings and kvet's words in ``lang``."""
    w = printout_words(lang)
    core = core_say(w)

    def say(key: str) -> str:
        return w("course_table", key)

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    entries = [
        *_session_rows(course, say, core),
        *_check_in_rows(course, say, w.lang),
        *_week_rows(course, say, core),
    ]
    writer.writerow([neutralise(say(key)) for key in CSV_COLUMNS])
    for _day_key, cells in sorted(entries, key=lambda e: e[0]):
        writer.writerow([neutralise(str(c)) for c in cells])
    return out.getvalue()


def _session_rows(course: Course, say: Say, core: Say) -> list[Row]:
    return [
        (
            s.day,
            [
                s.day.isoformat(),
                say("session"),
                s.treatment,
                s.dose_note,
                say("yes") if s.dose_raised else say("no"),
                (say("yes") if s.dose_raise_planned else say("no")) if s.dose_raised else "",
                format_blood_pressure(s.bp_before),
                format_blood_pressure(s.bp_after),
                "" if s.minutes_to_steady is None else s.minutes_to_steady,
                "" if s.lift_days is None else s.lift_days,
                _effects(s.side_effects, core),
                "",
                "",
                s.note,
            ],
        )
        for s in course.sessions
    ]


def _check_in_rows(course: Course, say: Say, lang: str) -> list[Row]:
    options = phq9.load_phq9(lang).options
    rows: list[Row] = []
    for c in course.check_ins:
        nine = phq9.safety_answer(c.answers)  # every check-in's answer, "Not at all" too
        answer = "" if nine is None else options[nine].label
        rows.append((c.day, [c.day.isoformat(), say("check_in"), *([""] * 9), c.total, answer, ""]))
    return rows


def _week_rows(course: Course, say: Say, core: Say) -> list[Row]:
    """The weekly mood checks, the other care and the signs of a good week."""
    rows: list[Row] = []
    for m in course.mood_checks:
        signs = reconsider.mood_signs(m, core) or say("none")
        rows.append((m.day, [m.day.isoformat(), say("mood_check"), *([""] * 11), signs]))
    for care in course.care:
        rows.append((care.day, [care.day.isoformat(), say("care"), care.kind, *([""] * 11)]))
    for week in course.markers:
        ticked = "; ".join(sorted(core(sign) for sign in week.ticked))
        rows.append((week.week_of, [week.week_of.isoformat(), say("week"), *([""] * 11), ticked]))
    return rows
