"""A sample comparison with clearly fictional clinics, so a new user can see how kvet works."""

from __future__ import annotations

from kvet.answers import Choice
from kvet.checklist import Format, Kind
from kvet.store.api import Store
from kvet.store.records import ComparisonInfo

SAMPLE_NAME = "Sample comparison (fictional clinics)"

# (name, formats, the part of the checklist answered (from, to), share answered well, seen red
# flags, price). B is barely vetted, all good so far, and its safety questions are not asked
# yet: a few good answers do not put a clinic first (its open questions count half), and the
# questions that could rule it out are listed as the ones that could change the decision.
_CLINICS: tuple[
    tuple[str, tuple[Format, ...], tuple[float, float], float, tuple[str, ...], float], ...
] = (
    ("Clinic A (fictional)", (Format.IV,), (0.0, 0.95), 0.8, (), 550.0),
    ("Clinic B (fictional)", (Format.ESKETAMINE,), (0.45, 0.8), 1.0, (), 700.0),
    ("Clinic C (fictional)", (Format.IV, Format.IM), (0.0, 0.7), 0.8, ("rf_cure_promise",),
     400.0),
)


def create_sample(store: Store) -> ComparisonInfo:
    """Build the sample through the public API, as a user would; it can be deleted later."""
    comparison = store.create_comparison(SAMPLE_NAME)
    items = [i for i in store.checklist.items if i.kind is not Kind.FACT]
    for name, formats, (start, end), quality, flags, price in _CLINICS:
        clinic = store.add_clinic(
            comparison.id,
            name,
            formats=formats,
            notes="This clinic is made up, to show how kvet works. Delete it whenever you like.",
        )
        answered = items[int(len(items) * start) : int(len(items) * end)]
        for index, item in enumerate(answered):
            good = (index * 37 % 100) / 100 < quality
            if item.kind is Kind.RED_FLAG:
                choice = Choice.SEEN if item.id in flags else Choice.NOT_SEEN
            elif item.kind is Kind.PRACTICE:
                choice = Choice.YES if good else Choice.NO
            else:
                choice = Choice.CLEAR if good else Choice.VAGUE
            store.set_answer(clinic.id, item.id, choice)
        store.set_fact(clinic.id, "price_per_session", price)
    store.history.clear()  # the sample is not an edit the user should undo step by step
    return store.comparison(comparison.id)
