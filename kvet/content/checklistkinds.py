"""The checklist file's closed vocabularies (answer kinds, treatment formats, topic groups) and
its error.

They sit apart from ``kvet.content.checklist`` so that both the fast reader there and the full
validation
in ``kvet.content.checklistschema`` can use them without importing each other.
"""

from __future__ import annotations

from enum import StrEnum

from kvet.text.errors import DataFileError


class Kind(StrEnum):
    """What sort of answer an item takes; see ``kvet.rating.answers``."""

    RED_FLAG = "red_flag"
    PRACTICE = "practice"
    QUESTION = "question"
    FACT = "fact"


class Format(StrEnum):
    IV = "iv"
    ESKETAMINE = "esketamine"
    IM = "im"
    ORAL = "oral"


class TopicGroup(StrEnum):
    CAUTION = "caution"
    MEDICINE = "medicine"


class ChecklistError(DataFileError):
    """The checklist file is missing or invalid; the message names the file, item and field."""
