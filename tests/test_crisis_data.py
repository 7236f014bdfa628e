"""The crisis contacts file loads, and a broken copy is refused with the place named."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from kvet.content.crisis import (
    FALLBACK_CODE,
    CrisisContactsError,
    contacts_for,
    default_contacts_path,
    load_crisis_contacts,
    parse_crisis_contacts,
)


def raw_contacts() -> dict[str, Any]:
    with default_contacts_path().open("rb") as handle:
        return tomllib.load(handle)


def country(raw: dict[str, Any], code: str) -> dict[str, Any]:
    return next(c for c in raw["countries"] if c["code"] == code)


def test_the_shipped_file_loads() -> None:
    book = load_crisis_contacts()
    assert book.note
    assert book.fallback.code == FALLBACK_CODE
    assert {c.code for c in book.listed} >= {"US", "GB", "IE"}
    assert all(c.code != FALLBACK_CODE for c in book.listed)


def test_us_lists_988_by_call_or_text_then_the_fallback_last() -> None:
    book = load_crisis_contacts()
    contacts = book.for_country("US")
    assert contacts[0].phone == "988"
    assert contacts[0].sms == "988"
    assert "text" in contacts[0].how
    assert contacts[-1] == book.fallback.contacts[-1]


@pytest.mark.parametrize("code", ["GB", "IE", "gb"])
def test_uk_and_ireland_list_samaritans(code: str) -> None:
    contacts = contacts_for(load_crisis_contacts(), code)
    samaritans = contacts[0]
    assert samaritans.name == "Samaritans"
    assert samaritans.how == "Call 116 123"
    assert samaritans.phone == "116123"


def test_an_unlisted_country_gets_the_fallback_only() -> None:
    book = load_crisis_contacts()
    assert book.for_country("DE") == list(book.fallback.contacts)
    assert book.for_country(FALLBACK_CODE) == list(book.fallback.contacts)
    assert book.for_country("") == list(book.fallback.contacts)


def test_every_listed_country_has_an_emergency_number() -> None:
    for entry in load_crisis_contacts().countries:
        assert any(c.emergency for c in entry.contacts), entry.code


def problems(raw: dict[str, Any], tmp_path: Path) -> str:
    path = tmp_path / "contacts.toml"
    path.write_text(_to_toml(raw), encoding="utf-8")
    with pytest.raises(CrisisContactsError) as caught:
        load_crisis_contacts(path)
    message = str(caught.value)
    assert str(path) in message
    return message


def test_a_phone_number_with_spaces_names_country_contact_and_field(tmp_path: Path) -> None:
    raw = raw_contacts()
    country(raw, "GB")["contacts"][0]["phone"] = "116 123"
    message = problems(raw, tmp_path)
    assert "country 'GB', contact 'Samaritans', field 'phone'" in message


def test_a_missing_field_is_named(tmp_path: Path) -> None:
    raw = raw_contacts()
    del country(raw, "US")["contacts"][1]["how"]
    assert "country 'US', contact 'Emergency services', field 'how'" in problems(raw, tmp_path)


def test_an_unknown_field_is_named(tmp_path: Path) -> None:
    raw = raw_contacts()
    country(raw, "IE")["contacts"][0]["hours"] = "24/7"
    assert "country 'IE', contact 'Samaritans', field 'hours'" in problems(raw, tmp_path)


def test_a_country_without_contacts_is_refused(tmp_path: Path) -> None:
    raw = raw_contacts()
    country(raw, "CA")["contacts"] = []
    assert "country 'CA', field 'contacts'" in problems(raw, tmp_path)


def test_a_bad_country_code_is_named(tmp_path: Path) -> None:
    raw = raw_contacts()
    country(raw, "AU")["code"] = "Australia"
    assert "country 'Australia', field 'code'" in problems(raw, tmp_path)


def test_a_country_listed_twice_is_refused() -> None:
    raw = raw_contacts()
    raw["countries"].append(dict(country(raw, "GB")))
    with pytest.raises(CrisisContactsError, match="'GB' is listed twice"):
        parse_crisis_contacts(raw, "contacts.toml")


def test_the_fallback_entry_is_required() -> None:
    raw = raw_contacts()
    raw["countries"] = [c for c in raw["countries"] if c["code"] != FALLBACK_CODE]
    with pytest.raises(CrisisContactsError, match="'ANY' is needed"):
        parse_crisis_contacts(raw, "contacts.toml")


def test_a_missing_file_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.toml"
    with pytest.raises(CrisisContactsError, match="Cannot read the crisis contacts file"):
        load_crisis_contacts(path)


def test_invalid_toml_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "contacts.toml"
    path.write_text("version = = 1\n", encoding="utf-8")
    with pytest.raises(CrisisContactsError, match="not valid TOML") as caught:
        load_crisis_contacts(path)
    assert str(path) in str(caught.value)


def _to_toml(raw: dict[str, Any]) -> str:
    """Just enough TOML writing for this file's shape (the standard library only reads TOML)."""

    def value(v: object) -> str:
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, int):
            return str(v)
        text = str(v).replace("\\", "\\\\").replace('"', '\\"')
        return f'"{text}"'

    lines = [f"{k} = {value(v)}" for k, v in raw.items() if k != "countries"]
    for entry in raw["countries"]:
        lines.append("\n[[countries]]")
        lines.extend(f"{k} = {value(v)}" for k, v in entry.items() if k != "contacts")
        if entry["contacts"] == []:
            lines.append("contacts = []")
            continue
        for contact in entry["contacts"]:
            lines.append("\n[[countries.contacts]]")
            lines.extend(f"{k} = {value(v)}" for k, v in contact.items())
    return "\n".join(lines) + "\n"
