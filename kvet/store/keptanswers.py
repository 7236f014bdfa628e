"""Everyone's answers as merged at the last close, kept in the file for the next start.

Merging everyone's answers reads every answer of a comparison: 15,000 rows and 40 ms at 200
clinics, the largest part of a start that grows with the clinics (issue 26). What the merge
gave is kept in the file when kvet closes it, one preference per comparison, and the next
start reads that instead, but only when nothing can have changed it since:

- the file is byte for byte the one kvet closed, and that close wrote what is kept after the
  last change (``kvet.store.cleanclose`` stamps it so); a backup put back, a file changed by
  anything else, a crash, or a close that could not keep them, and the answers are merged
  again from the rows;
- nothing was written since the opening (``Database.changed``);
- it was merged by this kvet, with this checklist's kinds of items and the comparison's rule
  (``basis``), and it names exactly the comparison's clinics.

Anything else, or anything unreadable in it, means merging from the rows, as always: what is
kept can make a start quicker, never different. It holds nothing the rows do not.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, func, insert, select

import kvet
from kvet.rating.answers import Choice, ClinicAnswers
from kvet.store.tables import preference_table

if TYPE_CHECKING:
    from kvet.content.checklist import Checklist
    from kvet.rating.combine import Rule
    from kvet.store.connection import Unit
    from kvet.store.records import ClinicInfo

PREFIX = "merged-answers:"  # then the comparison's id
# Bump when merging changes (kvet.rating.combine, kvet.store.rows.merge_rows): answers kept
# by the old merge are then merged again. A release bumps kvet's version, which does too.
MERGE = 1


def kinds_key(checklist: Checklist) -> str:
    """The checklist's items and their kinds, which the merge reads, as a short digest."""
    text = ";".join(f"{item.id}={item.kind.value}" for item in checklist.items)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def basis(kinds: str, rule: Rule) -> str:
    return f"{MERGE} {kvet.__version__} {kinds} {rule.value}"


def read(
    s: Unit, comparison_id: str, clinics: Sequence[ClinicInfo], made_on: str
) -> list[ClinicAnswers] | None:
    """The comparison's clinics as kept, merged on ``made_on`` (see ``basis``); None when what
    is kept is missing, from another basis, for other clinics, or unreadable."""
    table = preference_table
    text = s.execute(select(table.c.value).where(table.c.key == PREFIX + comparison_id)).scalar()
    if text is None:
        return None
    try:
        found = json.loads(text)
        if found["basis"] != made_on:
            return None
        kept = found["clinics"]
        if len(kept) != len(clinics):
            return None
        by_value: dict[object, Choice] = Choice._value2member_map_  # type: ignore[assignment]
        out = []
        for clinic in clinics:
            said, figures = kept[clinic.id]
            answers = {item: by_value[value] for item, value in said.items()}
            facts = {item: float(number) for item, number in figures.items()}
            out.append(
                ClinicAnswers(
                    clinic.id, clinic.name, clinic.formats, answers, facts, clinic.currency
                )
            )
    except (ValueError, TypeError, KeyError, AttributeError):
        return None  # damaged or from elsewhere: merged from the rows instead
    return out


def kept_on(s: Unit) -> dict[str, str]:
    """The basis of what is kept, by comparison (read from the start of each text only)."""
    table = preference_table
    head = len('{"basis":') + 200
    found: dict[str, str] = {}
    rows = s.execute(
        select(table.c.key, func.substr(table.c.value, 1, head)).where(
            table.c.key.startswith(PREFIX, autoescape=True)
        )
    )
    for key, start in rows:
        made_on, _sep, _rest = start.removeprefix('{"basis":').partition(',"clinics":')
        try:
            found[key.removeprefix(PREFIX)] = str(json.loads(made_on))
        except ValueError:
            found[key.removeprefix(PREFIX)] = ""
    return found


def write(s: Unit, merged: Iterable[tuple[str, str, Sequence[ClinicAnswers]]]) -> None:
    """Keep each comparison's merge, ``(comparison id, basis, clinics)``, in place of all that
    was kept before (a comparison removed since leaves nothing behind)."""
    table = preference_table
    s.execute(delete(table).where(table.c.key.startswith(PREFIX, autoescape=True)))
    rows: list[dict[str, Any]] = []
    for comparison_id, made_on, clinics in merged:
        kept = {
            c.id: [{item: choice.value for item, choice in c.answers.items()}, dict(c.facts)]
            for c in clinics
        }
        text = json.dumps({"basis": made_on, "clinics": kept}, separators=(",", ":"))
        rows.append({"key": PREFIX + comparison_id, "value": text})
    if rows:
        s.execute(insert(table), rows)
