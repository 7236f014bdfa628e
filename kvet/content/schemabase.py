"""The one base of the models that check kvet's data files (checklist, glossary, crisis contacts,
guide, PHQ-9): strict, frozen, texts trimmed.

One base, so every data file is read by the same rules: a key the model does not know is refused
rather than ignored (a misspelt field never passes unnoticed), a model cannot change once read,
and stray spaces around a text never reach the screen or a printout.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)
