"""What the shared state has read from the store, kept until an edit may have changed it.

Views ask the state for a clinic's answers, opinions or decisions as they paint; each is read
once and kept here. An answer changes one clinic, so only that clinic's parts are dropped (and
replaced from the one read the state makes of it), never the whole comparison's (issue 26).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from kvet.rating.combine import Disagreement
from kvet.store.records import ClinicInfo

if TYPE_CHECKING:
    from kvet.store.clinicreads import ClinicReads

# one clinic's parts, keyed (kind, clinic id, ...): dropped when that clinic's answers change
CLINIC_PARTS = ("answers", "opinions", "decisions", "seen", "clinic disagreements", "reasons")
PARTS_KEPT = frozenset({*CLINIC_PARTS, "retired"})  # indexed by clinic; "retired": see forget


class HeldReads(dict[tuple[Any, ...], Any]):
    """Reads by key; the first element of a key says what it is, a clinic's parts have the
    clinic's id second (and are indexed by it, so dropping them does not look at every key)."""

    def __init__(self) -> None:
        super().__init__()
        self._of_clinic: dict[str, set[tuple[Any, ...]]] = {}

    def __setitem__(self, key: tuple[Any, ...], value: Any) -> None:
        if key[0] in PARTS_KEPT and len(key) > 1:
            self._of_clinic.setdefault(key[1], set()).add(key)
        super().__setitem__(key, value)

    def clear(self) -> None:
        super().clear()
        self._of_clinic.clear()

    def remember(self, key: tuple[Any, ...], read: Callable[[], Any]) -> Any:
        if key not in self:
            self[key] = read()
        return self[key]

    def per_clinic(
        self,
        kind: str,
        clinic_id: str,
        comparison_id: str,
        clinics: Sequence[ClinicInfo],
        one: Callable[[], Any],
        every: Callable[[str], dict[str, Any]],
        first_alone: bool = False,
    ) -> Any:
        """One clinic's ``kind`` of data. The first time, every clinic's of the comparison at
        once: the list of 200 clinics fills from one read, not one per clinic (issue 26). After
        an edit (``forget_clinic``), the edited clinic's alone is read again (``one``).
        ``first_alone``: the first clinic asked is read alone, every clinic's only when a
        second one is asked (what only one page shows as the data opens, rows' tooltips later)."""
        key = (kind, clinic_id)
        whole = ("every clinic", kind, comparison_id)
        known = key in self or whole in self or not comparison_id
        if not known and first_alone and ("first alone", kind, comparison_id) not in self:
            self[("first alone", kind, comparison_id)] = True
        elif not known and any(clinic.id == clinic_id for clinic in clinics):
            found = every(comparison_id)
            for clinic in clinics:
                self[(kind, clinic.id)] = found.get(clinic.id, {})
            self[whole] = True
        return self.remember(key, one)

    def forget_clinic(self, clinic_id: str, retired: bool) -> None:
        """Drop one clinic's parts (``retired``: its answers to retired items too)."""
        held = self._of_clinic.get(clinic_id, set())
        for key in [k for k in held if retired or k[0] != "retired"]:
            held.discard(key)
            self.pop(key, None)

    def keep_clinic(self, clinic_id: str, rater_id: str, read: ClinicReads) -> None:
        """What the views ask of one clinic next, from the one read made after its edit."""
        self[("answers", clinic_id, rater_id)] = read.answers
        parts = (
            ("opinions", read.opinions),
            ("decisions", read.decisions),
            ("seen", read.seen),
            ("clinic disagreements", read.disagreements),
        )
        for kind, value in parts:
            self[(kind, clinic_id)] = value

    def disagreements_by_clinic(self, comparison_id: str) -> dict[str, list[Disagreement]] | None:
        """A comparison's disagreements clinic by clinic, when they were read."""
        found: dict[str, list[Disagreement]] | None = self.get(("differ by clinic", comparison_id))
        return found

    def disagreements(
        self,
        comparison_id: str,
        clinics: Sequence[ClinicInfo],
        read: Callable[[], list[Disagreement]],
    ) -> list[Disagreement]:
        """A comparison's disagreements in the store's order: read once, then kept clinic by
        clinic, so an answer replaces its clinic's part alone (``replace_disagreements``)."""
        key = ("disagreements", comparison_id)
        found: list[Disagreement] | None = self.get(key)
        if found is None:
            held = self.disagreements_by_clinic(comparison_id)
            if held is None:
                found = read()
                self[("differ by clinic", comparison_id)] = by_clinic(found)
            else:
                found = in_clinic_order(held, [c.id for c in clinics])
            self[key] = found
        return found

    def replace_disagreements(
        self,
        comparison_id: str,
        clinic_id: str,
        current: bool,
        fresh: Callable[[], list[Disagreement]],
    ) -> None:
        """One clinic's disagreements changed: ``fresh`` gives them when the comparison's are
        held (``current``: it is the one shown; another's are dropped, read again if opened)."""
        self.pop(("disagreements", comparison_id), None)  # listed again from the parts
        held = self.disagreements_by_clinic(comparison_id)
        if held is not None and not current:
            del self[("differ by clinic", comparison_id)]
        elif held is not None:
            held[clinic_id] = fresh()


def by_clinic(found: list[Disagreement]) -> dict[str, list[Disagreement]]:
    held: dict[str, list[Disagreement]] = {}
    for disagreement in found:
        held.setdefault(disagreement.clinic_id, []).append(disagreement)
    return held


def in_clinic_order(
    held: dict[str, list[Disagreement]], clinic_ids: list[str]
) -> list[Disagreement]:
    """The store's order: clinics in their order (any not listed last), then checklist order."""
    listed = set(clinic_ids)
    order = clinic_ids + [clinic_id for clinic_id in held if clinic_id not in listed]
    return [d for clinic_id in order for d in held.get(clinic_id, ())]
