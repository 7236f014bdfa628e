"""The checklist is data that people will rely on: it must load whole, or not at all."""

from __future__ import annotations

import copy
import tomllib
from pathlib import Path
from typing import Any

import pytest

from kvet.content.checklist import (
    Checklist,
    ChecklistError,
    Format,
    Kind,
    TopicGroup,
    default_checklist_path,
    load_checklist,
    parse_checklist,
)


@pytest.fixture
def raw() -> dict[str, Any]:
    with default_checklist_path().open("rb") as handle:
        return tomllib.load(handle)


def write_toml(path: Path, data: dict[str, Any]) -> Path:
    """A tiny TOML writer for the checklist's shape, so tests can break a copy of the real file."""
    lines: list[str] = []

    def value(v: Any) -> str:
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, int | float):
            return repr(v)
        if isinstance(v, list):
            return "[" + ", ".join(value(x) for x in v) + "]"
        return '"' + str(v).replace("\\", "\\\\").replace('"', '\\"') + '"'

    for key, v in data.items():
        if not isinstance(v, list) or (v and not isinstance(v[0], dict)):
            lines.append(f"{key} = {value(v)}")
    for key, v in data.items():
        if isinstance(v, list) and v and isinstance(v[0], dict):
            for entry in v:
                lines.append(f"[[{key}]]")
                lines.extend(f"{k} = {value(x)}" for k, x in entry.items())
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_the_shipped_checklist_loads_with_a_version(checklist: Checklist) -> None:
    assert checklist.version.count(".") == 2
    assert [s.id for s in checklist.sections] == [
        "red_flags",
        "before_starting",
        "visit_safety",
        "screening",
        "continuing_care",
        "logistics_cost",
    ]


def test_every_item_cites_a_source_and_explains_itself(checklist: Checklist) -> None:
    for item in checklist.items:
        assert item.sources, item.id
        for key in item.sources:
            assert key in checklist.sources_by_key, (item.id, key)
        assert item.how_to_ask.strip(), item.id
        assert item.why_it_matters.strip(), item.id
    # the article is cited, and so are the published standards
    keys = {key for item in checklist.items for key in item.sources}
    assert any(key.startswith("article-") for key in keys)
    assert {"REMS-FDA", "ASKP3-ethics", "ASA"} <= keys


def test_the_article_red_flags_and_questions_are_all_there(checklist: Checklist) -> None:
    red_flags = [i for i in checklist.items if i.kind is Kind.RED_FLAG]
    questions = [i for i in checklist.items_in("before_starting") if i.kind is Kind.QUESTION]
    assert len(red_flags) >= 6  # the article's five, plus IV at home or in a hotel
    assert len(questions) >= 4
    assert any(i.dealbreaker for i in red_flags)
    text = " ".join(i.statement.lower() for i in questions)
    for word in ("induction", "response", "frequency"):
        assert word in text


def test_format_specific_items_apply_only_to_their_format(checklist: Checklist) -> None:
    esketamine_only = [i for i in checklist.items if i.formats == (Format.ESKETAMINE,)]
    assert esketamine_only, "the REMS items apply to esketamine only"
    for item in esketamine_only:
        assert item.applies_to({Format.ESKETAMINE})
        assert not item.applies_to({Format.IV})
        assert not item.applies_to(set())


def test_facts_have_units_and_personal_topics_are_kept_apart(checklist: Checklist) -> None:
    facts = {i.id: i for i in checklist.items if i.kind is Kind.FACT}
    assert {"price_per_session", "consult_fee", "induction_sessions", "travel_minutes"} <= set(
        facts
    )
    assert all(f.unit for f in facts.values())
    groups = {t.group for t in checklist.personal_topics}
    assert groups == {TopicGroup.CAUTION, TopicGroup.MEDICINE}
    assert not set(checklist.items_by_id) & {t.id for t in checklist.personal_topics}


def test_a_wrong_kind_is_reported_by_file_item_and_field(
    raw: dict[str, Any], tmp_path: Path
) -> None:
    broken = copy.deepcopy(raw)
    victim = broken["items"][2]
    victim["kind"] = "maybe"
    path = write_toml(tmp_path / "broken.toml", broken)
    with pytest.raises(ChecklistError) as info:
        load_checklist(path)
    message = str(info.value)
    assert str(path) in message
    assert victim["id"] in message
    assert "kind" in message


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d["items"][0].pop("how_to_ask"), "how_to_ask"),
        (lambda d: d["items"][0].update(sources=["nowhere"]), "unknown source"),
        (lambda d: d["items"].append(dict(d["items"][0])), "duplicate item"),
        (lambda d: d["items"][0].update(section="elsewhere"), "unknown section"),
        (lambda d: d["items"][0].update(colour="red"), "colour"),
        (lambda d: d.update(version="one"), "version"),
    ],
)
def test_a_broken_checklist_never_half_loads(
    raw: dict[str, Any], change: Any, expected: str
) -> None:
    broken = copy.deepcopy(raw)
    change(broken)
    with pytest.raises(ChecklistError, match=expected):
        parse_checklist(broken, "test.toml")


def test_only_red_flags_can_be_dealbreakers(raw: dict[str, Any]) -> None:
    broken = copy.deepcopy(raw)
    practice = next(i for i in broken["items"] if i["kind"] == "practice")
    practice["dealbreaker"] = True
    with pytest.raises(ChecklistError, match=practice["id"]):
        parse_checklist(broken)


def test_a_file_that_is_not_toml_gets_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "checklist.toml"
    path.write_text("version = [unclosed\n", encoding="utf-8")
    with pytest.raises(ChecklistError, match="not valid TOML"):
        load_checklist(path)


def test_a_missing_file_gets_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ChecklistError, match="Cannot read"):
        load_checklist(tmp_path / "absent.toml")
