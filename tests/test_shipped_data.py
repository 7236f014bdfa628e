"""The shipped checklist and glossary are proven valid here, once, so kvet can read them at every
start without validating them again (that keeps pydantic off the start-up path). Any other
content, edited or damaged, is still validated in full on load and gets its clear error."""

from __future__ import annotations

import dataclasses
import hashlib
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from kvet.content import checklist, checklistschema, glossary, glossaryschema
from kvet.content.checklist import ChecklistError, Kind, load_checklist
from kvet.content.datafiles import PROVEN_SHA256, resource_path
from kvet.content.glossary import GlossaryError, load_glossary
from kvet.content.overlays import apply_overlay, shape_for
from kvet.content.translations import SHIPPED_TRANSLATIONS

# (name in PROVEN_SHA256, shipped file, full validation, building the records from data)
DataFile = tuple[str, Path, Callable[[dict[str, Any], object], dict[str, Any]], Callable[..., Any]]
SHIPPED: list[DataFile] = [
    (
        "checklist",
        checklist.default_checklist_path(),
        checklistschema.validated,
        checklist.build_checklist,
    ),
    (
        "glossary",
        glossary.default_glossary_path(),
        glossaryschema.validated,
        glossary.build_glossary,
    ),
]
# Named by what they are: a function's address or the checkout's folder in a test's name would
# differ between pytest-xdist's workers (and between clones).
SHIPPED_IDS = [what for what, *_ in SHIPPED]


@pytest.mark.parametrize(("what", "path", "validated", "build"), SHIPPED, ids=SHIPPED_IDS)
def test_the_shipped_file_passes_full_validation_and_is_the_one_recorded(
    what: str, path: Path, validated: Any, build: Any
) -> None:
    data = path.read_bytes()
    raw = tomllib.loads(data.decode("utf-8"))
    checked = validated(raw, path)  # raises, naming every problem, if the file is not valid
    as_read, as_validated = build(raw), build(checked)
    # Read as it is, the file gives exactly what validating it gives: same values, same types.
    assert as_read == as_validated
    assert repr(as_read) == repr(as_validated)
    digest = hashlib.sha256(data).hexdigest()
    assert PROVEN_SHA256[what] == digest, (
        f"{path.name} has changed and passes full validation: record its new hash {digest} "
        f"for {what!r} in kvet.content.datafiles.PROVEN_SHA256"
    )


@pytest.mark.parametrize(("what", "path", "validated", "build"), SHIPPED, ids=SHIPPED_IDS)
def test_the_shipped_spanish_translation_passes_full_validation_and_is_the_one_recorded(
    what: str, path: Path, validated: Any, build: Any
) -> None:
    overlay = path.with_name(f"{path.stem}.es{path.suffix}")
    data = overlay.read_bytes()
    english = tomllib.loads(path.read_text(encoding="utf-8"))
    merged = apply_overlay(english, tomllib.loads(data.decode("utf-8")), shape_for(path))
    checked = validated(merged, overlay)
    as_read, as_validated = build(merged), build(checked)
    assert as_read == as_validated
    assert repr(as_read) == repr(as_validated)
    assert as_read != build(english)  # the Spanish words are there
    digest = hashlib.sha256(data).hexdigest()
    assert PROVEN_SHA256[f"{what}.es"] == digest, (
        f"{overlay.name} has changed and passes full validation: record its new hash {digest} "
        f"for {what + '.es'!r} in kvet.content.datafiles.PROVEN_SHA256"
    )


def test_the_spanish_checklist_read_at_start_is_the_validated_one() -> None:
    def merged(path: Path) -> dict[str, Any]:
        english = tomllib.loads(path.read_text(encoding="utf-8"))
        overlay = tomllib.loads(path.with_name(f"{path.stem}.es.toml").read_text("utf-8"))
        return apply_overlay(english, overlay, shape_for(path))

    spanish = load_checklist(lang="es")
    assert spanish == checklist.parse_checklist(merged(checklist.default_checklist_path()))
    assert spanish != load_checklist(lang="en")
    assert load_glossary(lang="es") == glossary.parse_glossary(
        merged(glossary.default_glossary_path())
    )


def test_the_checklist_read_at_start_is_the_validated_one() -> None:
    raw = tomllib.loads(checklist.default_checklist_path().read_text(encoding="utf-8"))
    assert load_checklist() == checklist.parse_checklist(raw)
    assert load_glossary() == glossary.parse_glossary(
        tomllib.loads(glossary.default_glossary_path().read_text(encoding="utf-8"))
    )


def damaged_copy(source: Path, folder: Path, old: str, new: str) -> Path:
    text = source.read_text(encoding="utf-8")
    assert old in text
    path = folder / source.name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_a_damaged_checklist_is_validated_and_named_by_item_and_field(tmp_path: Path) -> None:
    shipped = load_checklist()
    victim = next(i for i in shipped.items if i.kind is Kind.PRACTICE)
    path = damaged_copy(
        checklist.default_checklist_path(), tmp_path, 'kind = "practice"', 'kind = "maybe"'
    )
    with pytest.raises(ChecklistError) as info:
        load_checklist(path)
    message = str(info.value)
    assert str(path) in message
    assert victim.id in message
    assert "'kind'" in message


def test_an_edited_but_valid_checklist_is_validated_and_loads(tmp_path: Path) -> None:
    shipped = load_checklist()
    path = damaged_copy(checklist.default_checklist_path(), tmp_path, "\n", "\n\n# a note\n")
    assert load_checklist(path) == shipped
    first = shipped.items[0]
    padded = damaged_copy(
        checklist.default_checklist_path(),
        tmp_path,
        f'statement = "{first.statement}"',
        f'statement = "  {first.statement}  "',
    )
    assert load_checklist(padded).items[0].statement == first.statement  # spaces stripped


def test_a_damaged_glossary_is_validated_and_named_by_term(tmp_path: Path) -> None:
    path = damaged_copy(glossary.default_glossary_path(), tmp_path, "explanation = ", "meaning = ")
    with pytest.raises(GlossaryError) as info:
        load_glossary(path)
    assert str(path) in str(info.value)
    assert "meaning" in str(info.value)


@pytest.mark.parametrize(
    ("schema", "record"),
    [
        (checklistschema.ChecklistSchema, checklist.Checklist),
        (checklistschema.FormatInfoSchema, checklist.FormatInfo),
        (checklistschema.SourceSchema, checklist.Source),
        (checklistschema.SectionSchema, checklist.Section),
        (checklistschema.ItemSchema, checklist.Item),
        (checklistschema.PersonalTopicSchema, checklist.PersonalTopic),
        (checklistschema.RetiredItemSchema, checklist.RetiredItem),
        (glossaryschema.GlossarySchema, glossary.Glossary),
        (glossaryschema.TermSchema, glossary.Term),
    ],
)
def test_the_validation_checks_every_field_the_records_have(
    schema: type[BaseModel], record: type[Any]
) -> None:
    fields = [f.name for f in dataclasses.fields(record) if f.init]
    assert list(schema.model_fields) == fields


# Files kvet trusts by their bytes alone in its own folder (kvet.content.translations,
# kvet.treatment.phq9).
BY_BYTES = {
    "crisis contacts": ("crisis", "contacts.toml"),
    "guide": ("guide", "guide.toml"),
    "PHQ-9": ("course", "phq9.toml"),
    **{name: parts for parts, name in SHIPPED_TRANSLATIONS["es"]},
}


@pytest.mark.parametrize("what", list(BY_BYTES))
def test_every_file_kvet_trusts_by_its_bytes_is_the_one_recorded(what: str) -> None:
    """Change one of these and this test names the new hash to record, after the tests that
    check its content (tests/test_spanish_data.py, tests/test_phq9_spanish.py) pass."""
    path = resource_path(*BY_BYTES[what])
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert PROVEN_SHA256[what] == digest, (
        f"{path.name} has changed: record its new hash {digest} for {what!r} in "
        "kvet.content.datafiles.PROVEN_SHA256"
    )
