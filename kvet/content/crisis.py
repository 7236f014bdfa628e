"""Crisis contacts: typed, validated, and picked for the user's country.

The contacts are data (``resources/crisis/contacts.toml``) so they can be checked and extended per
country without touching code. They are validated as a whole on load, like the checklist: a wrong
phone number in a crisis panel is worse than no panel, so a broken file is refused and reported by
file, country, contact and field.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Self

from pydantic import Field, ValidationError, model_validator

from kvet.content.datafiles import resource_path
from kvet.content.schemabase import Strict
from kvet.content.translations import read_translated
from kvet.text.errors import DataFileError, listed
from kvet.text.language import resolve

FALLBACK_CODE = "ANY"
DEFAULT_CONTACTS = ("crisis", "contacts.toml")

Text = Annotated[str, Field(min_length=1, max_length=500)]
Digits = Annotated[str, Field(pattern=r"^[0-9]*$", max_length=20)]
CountryCode = Annotated[str, Field(pattern=r"^(?:[A-Z]{2}|ANY)$")]


class CrisisSource(Strict):
    """Where a contact's number comes from: the service's own site, whether it is official, when it
    was last checked and how much of it was read (the levels of
    ``kvet.content.checklistschema``)."""

    key: Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$", max_length=64)]
    title: Text
    url: Text
    official: bool
    checked: Annotated[str, Field(pattern=r"^\d{4}-\d{2}-\d{2}$")]
    read: Annotated[str, Field(pattern=r"^(full|part|abstract|summary|secondary)$")]
    note: Annotated[str, Field(max_length=1000)] = ""


class Contact(Strict):
    """One line to call or text. ``how`` is what the person reads: "Call or text 988"."""

    name: Text
    how: Text
    detail: Annotated[str, Field(max_length=1000)] = ""
    phone: Digits = ""
    sms: Digits = ""
    emergency: bool = False
    source: Annotated[str, Field(max_length=64)] = ""


class Country(Strict):
    code: CountryCode
    name: Text
    contacts: Annotated[tuple[Contact, ...], Field(min_length=1)]


class CrisisContacts(Strict):
    version: Annotated[int, Field(ge=1)]
    note: Text
    sources: tuple[CrisisSource, ...] = ()
    countries: Annotated[tuple[Country, ...], Field(min_length=1)]

    @model_validator(mode="after")
    def _one_entry_per_country(self) -> Self:
        seen: set[str] = set()
        for country in self.countries:
            if country.code in seen:
                raise ValueError(f"country {country.code!r} is listed twice")
            seen.add(country.code)
        if FALLBACK_CODE not in seen:
            raise ValueError(
                f"a country with code {FALLBACK_CODE!r} is needed: it is shown everywhere else"
            )
        keys = {source.key for source in self.sources}
        for country in self.countries:
            for contact in country.contacts:
                if contact.source and contact.source not in keys:
                    raise ValueError(
                        f"country {country.code!r}, contact {contact.name!r}: "
                        f"unknown source {contact.source!r}"
                    )
        return self

    def source(self, key: str) -> CrisisSource | None:
        return next((s for s in self.sources if s.key == key), None)

    def country(self, code: str) -> Country | None:
        wanted = code.strip().upper()
        return next((c for c in self.countries if c.code == wanted), None)

    @property
    def fallback(self) -> Country:
        country = self.country(FALLBACK_CODE)
        assert country is not None  # checked on load
        return country

    @property
    def listed(self) -> tuple[Country, ...]:
        """The named countries, without the fallback entry."""
        return tuple(c for c in self.countries if c.code != FALLBACK_CODE)

    def for_country(self, code: str) -> list[Contact]:
        """The contacts to show for ``code``: that country's own first, the fallback always last.

        The fallback stays in the list even for a listed country, because the person may be
        travelling or may have picked the wrong country.
        """
        country = self.country(code)
        own = country.contacts if country is not None and country.code != FALLBACK_CODE else ()
        return [*own, *self.fallback.contacts]


class CrisisContactsError(DataFileError):
    """The contacts file is missing or invalid; the message names the file, country and field."""


def default_contacts_path() -> Path:
    return resource_path(*DEFAULT_CONTACTS)


def load_crisis_contacts(path: Path | None = None, lang: str | None = None) -> CrisisContacts:
    """Read and validate a contacts file in ``lang`` (the run's language when None); raise
    ``CrisisContactsError`` with a readable message."""
    path = path or default_contacts_path()
    raw, _ = read_translated(path, "crisis contacts", CrisisContactsError, resolve(lang))
    return parse_crisis_contacts(raw, path)


def parse_crisis_contacts(
    raw: dict[str, Any], path: Path | str = "<crisis contacts>"
) -> CrisisContacts:
    try:
        return CrisisContacts.model_validate(raw)
    except ValidationError as exc:
        problems = [_describe_error(raw, error) for error in exc.errors()]
        raise CrisisContactsError(
            "datafile.invalid", what="crisis contacts", path=path, problems=listed(problems)
        ) from exc


def _describe_error(raw: dict[str, Any], error: Any) -> str:
    """Name the place: ('countries', 2, 'contacts', 0, 'phone') becomes
    country 'GB', contact 'Samaritans', field 'phone'."""
    loc = list(error.get("loc", ()))
    message = str(error.get("msg", "invalid"))
    where: list[str] = []
    node: Any = raw
    rest: list[Any] = []
    parts = iter(loc)
    for part in parts:
        if isinstance(part, str) and part in ("countries", "contacts"):
            entries = node.get(part) if isinstance(node, dict) else None
            index = next(parts, None)
            if not isinstance(index, int):
                rest.append(part)
                if index is not None:
                    rest.append(index)
                continue
            entry = entries[index] if isinstance(entries, list) and index < len(entries) else None
            label = "country" if part == "countries" else "contact"
            ident = _identity(entry, "code" if part == "countries" else "name")
            where.append(f"{label} {ident!r}" if ident else f"{label} number {index + 1}")
            node = entry
        else:
            rest.append(part)
            rest.extend(parts)
    fields = ".".join(str(part) for part in rest)
    if fields:
        where.append(f"field {fields!r}")
    return (", ".join(where) + ": " if where else "") + message


def _identity(entry: object, key: str) -> str:
    if isinstance(entry, dict):
        value = entry.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


def contacts_for(contacts: CrisisContacts, code: str) -> list[Contact]:
    """Function form of ``CrisisContacts.for_country``, for callers that prefer it."""
    return contacts.for_country(code)
