"""A fuzz suite for imported files, plain and encrypted, that grows with each case found.

Hypothesis takes a real shared file and plants hostile values in it: the cases found by an
adversarial test of kvet (half characters, NUL, numbers of hundreds of digits, settings nested
hundreds deep, arrays of a hundred thousand items, the recipient's own ids) and the envelope's
key settings. Whatever the file holds, one of two things happens:

- it is refused with ``ExchangeError`` (the documented import error), and the database is
  byte for byte what it was; or
- it is imported without touching the user's own answers or private topics, and the
  comparison it made can be shared again.

Any other exception fails the suite, and so does a refusal that shows a parser's own words
(pydantic's "Input should be…", JSON's "Expecting value…") in English or Spanish.
Bounded to well under thirty seconds.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from kvet.content.catalogue import say
from kvet.content.checklist import Checklist
from kvet.exchange import files, importer
from kvet.exchange.errors import ExchangeError
from kvet.store.api import Store
from tests.test_cli_hostile import INTERNALS
from tests.test_exchange import fill
from tests.test_import_hostile import database_bytes, nested, small_envelope

PASSWORD = "blue kettle 42"
HUGE = "__a number of five thousand digits__"


@pytest.fixture
def store(checklist: Checklist, tmp_path: Path) -> Iterator[Store]:
    s = Store.open(checklist, tmp_path / "mine.sqlite", daily_backup=False)
    fill(s)
    yield s
    s.close()


def hostile_values(store: Store) -> list[object]:
    """What the adversarial test planted, and the recipient's own ids (which a file may know)."""
    comparison = store.comparisons.list()[0]
    clinics = [c.id for c in store.clinics.list(comparison.id)]
    return [
        "\ud800",
        "a\udfffb",
        "\x00",
        "name\x00",
        " \t\x01\u200b",
        "\x1b]0;title\x07\x1b[2J",
        "x" * 20_001,
        "",
        10**400,
        -(10**30),
        2**63,
        1e308,
        -1,
        999_999_999,
        1e9 + 1,
        float("nan"),
        float("inf"),
        HUGE,
        True,
        None,
        {},
        [],
        nested(300),
        list(range(100_000)),
        {"\ud800": 1},
        "2026-13-45T99:99:99Z",
        "0000-01-01T00:00:00Z",
        store.people.default().id,
        comparison.id,
        *clinics,
        "rf_cure_promise",
        "seen",
    ]


def paths(value: object, here: tuple[object, ...] = ()) -> Iterator[tuple[object, ...]]:
    """Every place in a JSON value where something could be planted."""
    yield here
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from paths(inner, (*here, key))
    elif isinstance(value, list):
        for n, inner in enumerate(value):
            yield from paths(inner, (*here, n))


def planted(data: Any, where: tuple[object, ...], value: object) -> Any:
    """``data`` with ``value`` at ``where``; unchanged if an earlier plant removed that place."""
    if not where:
        return value
    head, rest = where[0], where[1:]
    if isinstance(data, dict) and head in data:
        return {**data, head: planted(data[head], rest, value)}
    if isinstance(data, list) and isinstance(head, int) and head < len(data):
        return [*data[:head], planted(data[head], rest, value), *data[head + 1 :]]
    return data


def encoded(data: object) -> bytes:
    text = json.dumps(data)  # NaN and Infinity are written as Python reads them back
    return text.replace(json.dumps(HUGE), "9" * 5000).encode()


KDF_CHOICES = [
    None,
    (2**16, 1, 1),
    (2**20, 1, 1),
    (3, 8, 1),
    (2**17, 32, 16),
    (0, 8, 1),
    (2**10, 8, 17),
    (2**10, 0, 1),
    (True, 8, 1),
]


@pytest.fixture
def shared(store: Store) -> tuple[dict[str, Any], list[object]]:
    """The file to plant in, and what to plant: made once, so every example draws the same way."""
    comparison_id = store.comparisons.list()[0].id
    document = files.build_document(store, comparison_id, include_personal=True)
    return document.model_dump(mode="json"), hostile_values(store)


@settings(
    max_examples=300,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
@given(data=st.data())
def test_no_file_can_crash_the_import_or_change_anything_it_should_not(
    store: Store, shared: tuple[dict[str, Any], list[object]], data: st.DataObject
) -> None:
    comparison_id = store.comparisons.list()[0].id
    me = store.people.default().id
    original, values = shared
    places = list(paths(original))
    mangled: Any = original
    for _ in range(data.draw(st.integers(0, 3), label="plants")):
        where = data.draw(st.sampled_from(places), label="where")
        mangled = planted(mangled, where, data.draw(st.sampled_from(values), label="what"))
    raw = encoded(mangled)
    password: str | None = None
    if data.draw(st.booleans(), label="encrypted"):
        password = PASSWORD
        envelope = small_envelope(raw, PASSWORD)
        kdf = data.draw(st.sampled_from(KDF_CHOICES), label="kdf")
        if kdf is not None:
            envelope["kdf"].update(n=kdf[0], r=kdf[1], p=kdf[2])
        raw = encoded(envelope)
    into = data.draw(st.sampled_from([None, comparison_id]), label="into")
    topics = data.draw(st.booleans(), label="topics")
    clinics = [c.id for c in store.clinics.list(comparison_id)]
    mine = {c: store.answers.by_item(c) for c in clinics}
    my_topics = store.answers.personal_topics()
    before = database_bytes(store)

    try:
        parsed = files.parse_document(raw, "family.kvet", password)
        plan = importer.plan_import(store, parsed, into, include_personal=topics)
    except ExchangeError as refusal:
        event("refused")
        assert database_bytes(store) == before
        for lang in ("en", "es"):  # kvet's own words, never the parser's (issue 23)
            said = say(refusal, lang)
            assert not [i for i in INTERNALS if i in said], said
        return
    event("imported")
    new_id = importer.apply_import(store, plan)
    assert {c: store.answers.by_item(c, me) for c in clinics} == mine
    assert store.answers.personal_topics(me) == my_topics
    again = files.document_bytes(files.build_document(store, new_id, include_personal=True))
    assert files.parse_document(again).comparison.name


def test_the_fuzz_suite_plants_every_kind_of_hostile_value(store: Store) -> None:
    """The palette holds each case the adversarial test found, so it cannot quietly shrink."""
    values = hostile_values(store)
    assert any(isinstance(v, str) and "\ud800" in v for v in values)
    assert any(isinstance(v, str) and "\x00" in v for v in values)
    assert 10**400 in values
    assert HUGE in values
    assert any(isinstance(v, list) and len(v) >= 100_000 for v in values)
    assert store.people.default().id in values
    assert b"9" * 5000 in encoded({"n": HUGE})
    assert (2**16, 1, 1) in KDF_CHOICES
