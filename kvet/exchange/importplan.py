"""What an import would do, in words: the plan ``kvet.exchange.importer`` makes, its conflicts.

The plan's sentences are built here from English templates, and the window passes its own
``say`` to show them translated (kvet.gui.words.sharingwords marks the same templates), so the
command line and the window say the same thing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from kvet.exchange.fileformat import ComparisonFile
from kvet.rating.answers import OPTIONS

# The plan's words in English; kvet.gui.words.sharingwords marks the same templates for translation.
CONFLICT = "{clinic}, {what}: yours says “{mine}”, the file says “{theirs}”."
CLINIC_FIELD = "the clinic's {field}"
DECIDED_ON = "what you decided together on “{item}”"
DECIDED_BY = " (decided by {name})"
SOMEONE = "someone"
NOT_ANSWERED = "not answered"
NONE = "none"  # a list of treatments offered that is empty
EMPTY = "empty"  # a clinic detail left blank
NOTE_MARK = " — "  # between an answer and its note
SUMMARY_START = "This file brings {parts}."
SUMMARY_PARTS = {
    "new_clinics": "{count} new clinic(s)",
    "matched_clinics": "{count} clinic(s) you already have",
    "answers": "{count} answer(s) to add",
    "decisions": "{count} decision(s) you settled together",
    "new_people": "answers from {names}, as new people",
    "same_person": "answers from {theirs} added as your “{mine}”",
    "topics": "{count} private pre-screen topic(s)",
    "courses": "{count} treatment record(s)",
    "courses_kept": "{count} treatment record(s) you already have, left as they are",
    "conflicts": "{count} difference(s) for you to settle",
    "no_conflicts": "no differences with what you have",
}
TOPICS_LEFT_OUT = (
    " It also holds {count} private pre-screen topic(s); "
    "they are left out unless you choose to import them."
)
COURSES_LEFT_OUT = (
    " It also holds {count} treatment record(s); they are "
    "left out unless you choose to import them."
)

CLINIC_FIELD_NAMES = {
    "name": "name",
    "address": "address",
    "phone": "phone",
    "website": "website",
    "notes": "notes",
    "formats": "treatments offered",
    "currency": "currency of prices",
}


@dataclass(frozen=True)
class Conflict:
    key: str
    clinic_name: str
    what: str
    mine: str
    theirs: str

    def sentence(self, say: Callable[[str], str] = str) -> str:
        """``say`` turns each English template into the words shown (a translation, in the GUI)."""
        return say(CONFLICT).format(
            clinic=self.clinic_name,
            what=_what_words(self.what, say),
            mine=_value_words(self.mine, say),
            theirs=_value_words(self.theirs, say),
        )


def _what_words(what: str, say: Callable[[str], str]) -> str:
    """The English ``what`` of a conflict in ``say``'s words (it is built from the templates)."""
    for field_words in CLINIC_FIELD_NAMES.values():
        if what == CLINIC_FIELD.format(field=field_words):
            return say(CLINIC_FIELD).format(field=say(field_words))
    start, end = DECIDED_ON.split("{item}")
    if what.startswith(start) and what.endswith(end):
        return say(DECIDED_ON).format(item=what[len(start) : len(what) - len(end)])
    return what  # a question's statement, as the checklist words it


def _value_words(value: str, say: Callable[[str], str]) -> str:
    """One side of a conflict in ``say``'s words: kvet's own words (an answer's label, "not
    answered", "(decided by ...)") are translated; notes and names stay as they were typed."""
    decided = ""
    start, end = DECIDED_BY.split("{name}")
    at = value.rfind(start)
    if at >= 0 and value.endswith(end):
        name = value[at + len(start) : len(value) - len(end)]
        name = say(SOMEONE) if name == SOMEONE else name
        value, decided = value[:at], say(DECIDED_BY).format(name=name)
    head, mark, note = value.partition(NOTE_MARK)
    if head in _OWN_WORDS:
        head = say(head)
    return head + mark + note + decided


@dataclass(frozen=True)
class ImportPlan:
    document: ComparisonFile
    into: str | None
    new_clinics: tuple[str, ...]
    matched_clinics: tuple[str, ...]
    new_people: tuple[str, ...]
    answers_added: int
    conflicts: tuple[Conflict, ...]
    clinic_ids: dict[str, str] = field(default_factory=dict)  # file id -> id to store under
    comparison_id: str = ""
    decisions_added: int = 0
    rater_ids: dict[str, str] = field(default_factory=dict)  # file id -> id to store under
    same_people: tuple[tuple[str, str], ...] = ()  # (name in the file, your person's name)
    include_personal: bool = False
    topics_added: int = 0
    topics_left_out: int = 0
    include_courses: bool = False
    courses_added: int = 0
    courses_left_out: int = 0
    courses_kept: int = 0  # in the file and already here (imported before): left as they are
    new_courses: tuple[str, ...] = ()  # the ids of the records this import adds

    def summary(self, say: Callable[[str], str] = str) -> str:
        """``say`` turns each English template into the words shown (a translation, in the GUI)."""

        def part(key: str, **values: object) -> str:
            return say(SUMMARY_PARTS[key]).format(**values)

        parts = [
            part("new_clinics", count=len(self.new_clinics)) if self.new_clinics else "",
            part("matched_clinics", count=len(self.matched_clinics))
            if self.matched_clinics
            else "",
            part("answers", count=self.answers_added),
            part("decisions", count=self.decisions_added) if self.decisions_added else "",
            part("new_people", names=", ".join(self.new_people)) if self.new_people else "",
            *(part("same_person", theirs=theirs, mine=mine) for theirs, mine in self.same_people),
            part("topics", count=self.topics_added) if self.topics_added else "",
            part("courses", count=self.courses_added) if self.courses_added else "",
            part("courses_kept", count=self.courses_kept) if self.courses_kept else "",
            part("conflicts", count=len(self.conflicts))
            if self.conflicts
            else part("no_conflicts"),
        ]
        text = say(SUMMARY_START).format(parts="; ".join(p for p in parts if p))
        if self.topics_left_out:
            text += say(TOPICS_LEFT_OUT).format(count=self.topics_left_out)
        if self.courses_left_out:
            text += say(COURSES_LEFT_OUT).format(count=self.courses_left_out)
        return text


# The words kvet itself writes as an answer's value (a note or a name is never one of them).
_OWN_WORDS = frozenset(
    {NOT_ANSWERED, NONE, EMPTY, *(o.label for options in OPTIONS.values() for o in options)}
)
