"""The data files are parsed once: later starts read them back as parsed, and trust nothing
that changed (issue 26: parsing the checklist's TOML was some 10 ms of every start)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from kvet.content import parsecache
from kvet.content.checklist import ChecklistError, load_checklist
from kvet.content.datafiles import read_checked_toml, resource_path


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every TOML text parsed while the test runs."""
    counted: list[str] = []
    loads = tomllib.loads

    def counting(text: str, **kwargs: Any) -> dict[str, Any]:
        counted.append(text[:40])
        return loads(text, **kwargs)

    monkeypatch.setattr(tomllib, "loads", counting)
    return counted


def entries() -> list[Path]:
    folder = parsecache.cache_folder()
    return sorted(folder.iterdir()) if folder.exists() else []


def test_a_second_start_reads_the_checklist_without_parsing_it_again(parses: list[str]) -> None:
    first = load_checklist()
    parsed_first = len(parses)
    assert parsed_first >= 1
    again = load_checklist()
    assert len(parses) == parsed_first  # nothing parsed the second time
    assert again == first  # and the same checklist, item for item


def test_a_damaged_entry_is_parsed_again_not_trusted(parses: list[str]) -> None:
    path = resource_path("checklist", "checklist.toml")
    expected = tomllib.loads(path.read_text(encoding="utf-8"))
    read_checked_toml(path, "checklist", ChecklistError)
    [entry] = entries()
    stored = bytearray(entry.read_bytes())
    stored[len(stored) // 2] ^= 0x01  # one bit of the parsed data flips on the disk
    entry.write_bytes(bytes(stored))
    parses.clear()
    data, proven = read_checked_toml(path, "checklist", ChecklistError)
    assert data == expected
    assert proven
    assert len(parses) == 1  # parsed from the file itself


def test_a_changed_file_is_read_as_it_is_now(tmp_path: Path, parses: list[str]) -> None:
    path = tmp_path / "list.toml"
    path.write_text('title = "Before"\n', encoding="utf-8")
    assert read_checked_toml(path, "list", ChecklistError)[0] == {"title": "Before"}
    path.write_text('title = "After"\n', encoding="utf-8")
    assert read_checked_toml(path, "list", ChecklistError)[0] == {"title": "After"}
    assert len(parses) == 2


def test_a_cache_folder_kvet_cannot_write_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, parses: list[str]
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would be", encoding="utf-8")
    monkeypatch.setattr(parsecache, "cache_folder", lambda: blocked / "parsed")
    first = load_checklist()
    assert load_checklist() == first
    assert len(parses) == 2  # parsed each time, as before there was a cache


def test_a_file_that_is_not_toml_is_refused_as_before(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text("title = \n", encoding="utf-8")
    with pytest.raises(ChecklistError):
        read_checked_toml(path, "list", ChecklistError)
    assert entries() == []  # nothing kept for it
