"""Reading grade of the checklist's texts (Flesch–Kincaid), to keep them plain.

People read the checklist while unwell or worried, often aloud to family. Health-information
guidance asks for about a US school grade 8 or lower; this gives a number the tests can hold to.
The syllable count is a heuristic (vowel groups, a silent final "e"), as in most readability
tools: good enough to flag long words and long sentences, not a linguistic analysis.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kvet.content.checklist import Checklist

_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)|[;:](?=\s)")
_VOWELS = re.compile(r"[aeiouy]+")
_TWO_VOWELS = re.compile(r"(?<![ct])ia|(?<!p)eo(?!u)|ua(?!r)")


def syllables(word: str) -> int:
    """Estimated syllables in one word; at least one."""
    w = word.lower().replace("’", "'").split("'")[0]
    if len(w) <= 3:
        return 1
    count = len(_VOWELS.findall(w))
    if w.endswith("e") and not w.endswith(("le", "ee", "ye")) and count > 1:
        count -= 1  # silent final e: "rate", "home"
    if w.endswith(("ed", "es")) and not w.endswith(
        ("ted", "ded", "ses", "zes", "ces", "ges", "ied", "ies")
    ):
        count = max(1, count - 1) if len(_VOWELS.findall(w[:-2])) >= 1 else count
    count += len(_TWO_VOWELS.findall(w))  # "psychiatry", "anaesthesia": two sounds
    return max(1, count)


def grade(text: str) -> float:
    """Flesch–Kincaid grade level: 0.39 × words per sentence + 11.8 × syllables per word − 15.59.

    Abbreviations in capitals (MADRS, ACLS) are read letter by letter, so each letter counts as
    a syllable, as a listener would hear it. Empty text has grade 0.
    """
    words = _WORD.findall(text)
    if not words:
        return 0.0
    # a text without a final full stop (a title) is still one sentence
    sentences = max(1, len(_SENTENCE_END.findall(text.strip())))
    total = sum(len(w) if w.isupper() and len(w) > 1 else syllables(w) for w in words)
    return 0.39 * len(words) / sentences + 11.8 * total / len(words) - 15.59


def user_texts(checklist: Checklist) -> Iterator[tuple[str, str]]:
    """Every text of the checklist a user reads, labelled by where it is ("item x, why")."""
    for fmt in checklist.formats:
        yield f"format {fmt.id.value}, description", fmt.description
    for section in checklist.sections:
        yield f"section {section.id}, title", section.title
        yield f"section {section.id}, intro", section.intro
    for item in checklist.items:
        yield f"item {item.id}, statement", item.statement
        yield f"item {item.id}, how to ask", item.how_to_ask
        yield f"item {item.id}, why it matters", item.why_it_matters
        if item.good_answer:
            yield f"item {item.id}, good answer", item.good_answer
    for topic in checklist.personal_topics:
        yield f"topic {topic.id}, title", topic.title
        yield f"topic {topic.id}, tell the clinic", topic.tell_clinic
        yield f"topic {topic.id}, why", topic.why
