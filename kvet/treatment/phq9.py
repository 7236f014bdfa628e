"""The PHQ-9 questionnaire: its own wording, its score, and the conventions read from the score.

The wording and bands are data (``resources/course/phq9.toml``) so they are shown exactly as the
instrument publishes them. Other languages are the instrument's own official translations, never
kvet's: Spanish is Pfizer's "Spanish for the USA" PHQ-9 from phqscreeners.com
(``resources/course/phq9_spanish_usa.toml``, which names its source). Response and remission
are conventions of depression trials and measurement-based care, not diagnoses; kvet names them
as such wherever they appear.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cache

from pydantic import Field, ValidationError, model_validator

from kvet.content.datafiles import is_shipped, read_checked_toml, resource_path
from kvet.content.schemabase import Strict
from kvet.content.translations import refuse_translation
from kvet.text.errors import KvetError
from kvet.text.language import resolve

ITEMS = 9
TOP = 3  # "Nearly every day"
MAX_TOTAL = ITEMS * TOP
REMISSION_BELOW = 5
# Response (a fall of half or more) is defined for people who start with at least moderate
# symptoms: a baseline PHQ-9 of 10 or more. Source: NCQA HEDIS "Depression Remission or Response
# for Adolescents and Adults" (DRR-E) and CMS quality measure 159, whose denominators are
# people with a PHQ-9 above 9; 10 is also the PHQ-9's usual cut-off for depression (Kroenke,
# Spitzer & Williams 2001, J Gen Intern Med 16:606-613).
RESPONSE_FROM = 10
ENGLISH_FILE = "phq9.toml"
# The official translations kvet ships, by language: a language without one shows the English.
OFFICIAL = {"es": "phq9_spanish_usa.toml"}


class Phq9Error(KvetError, ValueError):
    """The PHQ-9 data file is damaged, or a check-in does not fit the questionnaire."""


class Option(Strict):
    value: int = Field(ge=0, le=TOP)
    label: str


class Question(Strict):
    number: int = Field(ge=1, le=ITEMS)
    text: str


class Band(Strict):
    low: int = Field(ge=0, le=MAX_TOTAL)
    high: int = Field(ge=0, le=MAX_TOTAL)
    name: str


class Difficulty(Strict):
    text: str
    options: tuple[str, ...]


class Phq9(Strict):
    name: str
    attribution: str
    stem: str
    safety_item: int = Field(ge=1, le=ITEMS)
    options: tuple[Option, ...]
    items: tuple[Question, ...]
    difficulty: Difficulty
    bands: tuple[Band, ...]

    @model_validator(mode="after")
    def _complete(self) -> Phq9:
        if [q.number for q in self.items] != list(range(1, ITEMS + 1)):
            raise ValueError("the questions must be numbered 1 to 9, in order")
        if [o.value for o in self.options] != list(range(TOP + 1)):
            raise ValueError("the answers must be valued 0 to 3, in order")
        covered = [n for b in self.bands for n in range(b.low, b.high + 1)]
        if covered != list(range(MAX_TOTAL + 1)):
            raise ValueError("the bands must cover every total from 0 to 27 once, in order")
        return self

    def band(self, total: int) -> str:
        check_total(total)
        return next(b.name for b in self.bands if b.low <= total <= b.high)


def load_phq9(lang: str | None = None) -> Phq9:
    """The questionnaire in ``lang`` (the run's language when None): its official translation
    when kvet ships one, else the English."""
    return _load(resolve(lang))


@cache
def _load(lang: str) -> Phq9:
    """The English questionnaire must be the shipped one: it decides every score. A translation
    that is not the shipped file, or scores or counts differently, is set aside for the English
    (``kvet.content.translations.set_aside`` says so): swapped answer labels or questions still
    parse,
    and would turn a score of 27 into 0 and hide question 9's safety step."""
    english, proven = _read(ENGLISH_FILE, "PHQ-9")
    if not proven and is_shipped(resource_path("course", ENGLISH_FILE)):
        raise Phq9Error("datafile.phq9-changed", path=resource_path("course", ENGLISH_FILE))
    name = OFFICIAL.get(lang)
    if name is None:
        return english
    path = resource_path("course", name)
    try:
        translated, translation_proven = _read(name, f"PHQ-9.{lang}")
    except Phq9Error:
        refuse_translation(path, "damaged")
        return english
    if not translation_proven and is_shipped(path):
        refuse_translation(path, "changed")
        return english
    if scoring_of(translated) != scoring_of(english) or different_numbers(english, translated):
        refuse_translation(path, "numbers")
        return english
    return translated


def _read(name: str, proven_as: str) -> tuple[Phq9, bool]:
    path = resource_path("course", name)
    data, proven = read_checked_toml(path, "PHQ-9", Phq9Error, proven_as=proven_as)
    try:
        return Phq9.model_validate(data), proven
    except ValidationError as exc:
        problems = exc.error_count()
        raise Phq9Error("datafile.phq9-damaged", path=path, count=problems) from exc


def _texts(data: Phq9) -> dict[str, str]:
    """Every text a person reads, by what it is (not where it stands): twins share a key."""
    texts = {"stem": data.stem, "difficulty": data.difficulty.text}
    texts.update({f"answer {o.value}": o.label for o in data.options})
    texts.update({f"question {q.number}": q.text for q in data.items})
    texts.update({f"band {b.low}-{b.high}": b.name for b in data.bands})
    texts.update({f"difficulty {i}": text for i, text in enumerate(data.difficulty.options)})
    return texts


def different_numbers(english: Phq9, translated: Phq9) -> list[str]:
    """Texts whose numbers differ from their English twin's ("2 weeks", "2 semanas")."""
    digits = re.compile(r"\d+")
    theirs = _texts(translated)
    return [
        key
        for key, text in _texts(english).items()
        if sorted(digits.findall(text)) != sorted(digits.findall(theirs.get(key, "")))
    ]


def scoring_of(data: Phq9) -> tuple[object, ...]:
    """Everything that decides a score, a band or the safety step: equal in every language."""
    return (
        data.safety_item,
        tuple(o.value for o in data.options),
        tuple(q.number for q in data.items),
        len(data.difficulty.options),
        tuple((b.low, b.high) for b in data.bands),
    )


def check_total(total: int) -> None:
    if not 0 <= total <= MAX_TOTAL:
        raise Phq9Error("checkin.total", limit=MAX_TOTAL)


def score(answers: Sequence[int]) -> int:
    """The total of the nine answers (0-27). Every question must be answered: a partly filled
    questionnaire has no standard total."""
    if len(answers) != ITEMS:
        raise Phq9Error("checkin.unanswered")
    if any(not isinstance(a, int) or not 0 <= a <= TOP for a in answers):
        raise Phq9Error("checkin.answer-range")
    return sum(answers)


# Answers as the form holds them: by question number (only the questions answered so far), or in
# order, with None or -1 for a question not answered yet.
Answers = Mapping[int, int] | Sequence[int | None]


def safety_answer(answers: Answers) -> int | None:
    """The answer to question 9 (thoughts of being better off dead or of self-harm), or None
    while it is unanswered. The other questions do not matter: a half-filled check-in counts."""
    item = load_phq9().safety_item  # the same number in every language (scoring_of)
    if isinstance(answers, Mapping):
        value = answers.get(item)
    else:
        value = answers[item - 1] if len(answers) >= item else None
    return value if value is not None and value >= 0 else None


def needs_help_now(answers: Answers) -> bool:
    """Any answer above "not at all" to question 9 opens the crisis panel, at once, whatever
    else is answered yet. It is a safety step, never a diagnosis. The check-in form asks this
    rule, so the window and the core cannot disagree about when help opens."""
    value = safety_answer(answers)
    return value is not None and value > 0


def change_from_baseline(baseline: int, current: int) -> float | None:
    """The fall from the baseline as a share of it (0.19 is a 19% fall; negative is a rise).
    None when the baseline is 0, where a share has no meaning."""
    check_total(baseline)
    check_total(current)
    if baseline == 0:
        return None
    return (baseline - current) / baseline


def is_response(baseline: int, current: int) -> bool:
    """The usual convention: a fall of at least 50% from the baseline score."""
    check_total(baseline)
    check_total(current)
    return baseline > 0 and 2 * (baseline - current) >= baseline  # whole numbers: no rounding


def response_applies(baseline: int) -> bool:
    """Whether the usual definition of a response applies to this baseline (10 or more). Below
    it, halving a low score says little, so kvet says the definition does not apply."""
    check_total(baseline)
    return baseline >= RESPONSE_FROM


def is_remission(current: int) -> bool:
    """The usual convention: a score below 5."""
    check_total(current)
    return current < REMISSION_BELOW
