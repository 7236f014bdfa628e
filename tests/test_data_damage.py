"""kvet's own data files, damaged or edited so that they still parse (issue 23, point 9).

A file that validates can still be wrong: one changed weight changes every score, swapped answer
labels in the Spanish PHQ-9 turn a 27 into a 0 and hide question 9's safety step, and a crisis
line's number typed differently sends someone to the wrong place. kvet refuses a changed
checklist or PHQ-9 in plain words, and sets a translation aside for the English, saying so.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kvet.__main__ import main
from kvet.content import datafiles
from kvet.content.checklist import ChecklistError, load_checklist
from kvet.content.crisis import CrisisContacts, CrisisContactsError, load_crisis_contacts
from kvet.content.translations import set_aside, set_aside_words
from kvet.store.api import Store
from kvet.treatment import phq9


@pytest.fixture
def own_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of kvet's data folder that kvet takes for its own, to damage."""
    copy = tmp_path / "resources"
    shutil.copytree(datafiles.resources_dir(), copy)
    monkeypatch.setattr(datafiles, "resources_dir", lambda: copy)
    phq9._load.cache_clear()
    yield copy
    phq9._load.cache_clear()


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= count, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def swap(path: Path, first: str, second: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert first in text
    assert second in text
    text = text.replace(first, "\0").replace(second, first).replace("\0", second)
    path.write_text(text, encoding="utf-8")


def test_a_changed_weight_in_kvets_checklist_is_refused_in_plain_words(own_data: Path) -> None:
    checklist = own_data / "checklist" / "checklist.toml"
    edit(checklist, "weight = 3.0", "weight = 1.0")
    with pytest.raises(ChecklistError) as refused:
        load_checklist(lang="en")
    words = str(refused.value)
    assert "changed or damaged after kvet was installed" in words
    assert str(checklist) in words
    assert "Reinstall kvet" in words


def test_the_command_line_says_so_and_does_nothing_with_a_changed_checklist(
    own_data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = tmp_path / "kvet.sqlite"
    with Store.open(load_checklist(lang="en"), database, daily_backup=False) as store:
        store.comparisons.create("Spring search")
    edit(own_data / "checklist" / "checklist.toml", "weight = 3.0", "weight = 1.0")
    code = main(["--db", str(database), "list"])
    assert code == 1
    err = capsys.readouterr().err
    assert "kvet does not use a changed checklist" in err
    assert "Traceback" not in err


def test_swapped_answer_labels_in_the_spanish_phq9_are_set_aside_for_the_english(
    own_data: Path,
) -> None:
    spanish = own_data / "course" / "phq9_spanish_usa.toml"
    swap(spanish, 'label = "Ningún día"', 'label = "Casi todos los días"')
    shown = phq9.load_phq9("es")
    # the words next to each value are the English ones: "Nearly every day" still counts 3
    labels = {o.value: o.label for o in shown.options}
    assert labels[0] == "Not at all"
    assert labels[3] == "Nearly every day"
    assert [(item.path, item.why) for item in set_aside()] == [(spanish, "changed")]


def test_swapped_questions_1_and_9_in_the_spanish_phq9_are_set_aside(own_data: Path) -> None:
    spanish = own_data / "course" / "phq9_spanish_usa.toml"
    first = 'text = "Poco interés o placer en hacer cosas"'
    ninth = next(
        line
        for line in spanish.read_text(encoding="utf-8").splitlines()
        if line.startswith('text = "Pensamientos')
    )
    swap(spanish, first, ninth)
    shown = phq9.load_phq9("es")
    assert shown.items[shown.safety_item - 1].text.startswith("Thoughts that you would be")
    assert set_aside()[0].path == spanish


def test_a_changed_english_phq9_is_refused(own_data: Path) -> None:
    edit(own_data / "course" / "phq9.toml", "safety_item = 9", "safety_item = 1")
    with pytest.raises(phq9.Phq9Error, match="changed or damaged after kvet was installed"):
        phq9.load_phq9("en")


def test_911_changed_to_119_in_a_spanish_crisis_line_is_never_shown(own_data: Path) -> None:
    spanish = own_data / "crisis" / "contacts.es.toml"
    edit(spanish, "Llame al 911", "Llame al 119")
    contacts = load_crisis_contacts(lang="es")
    shown = [c.how for country in contacts.countries for c in country.contacts]
    assert not any("119" in how for how in shown)
    assert any(how == "Call 911" for how in shown)  # the English line instead
    [item] = set_aside()
    assert item.path == spanish
    notice = set_aside_words(item)
    assert "shows that part in English" in notice
    assert str(spanish) in notice


def test_a_translation_beside_another_english_file_is_checked_number_by_number(
    tmp_path: Path,
) -> None:
    """Outside kvet's own folder (a translator's copy) there is no shipped hash to go by: each
    Spanish text must give the same numbers as its English twin, matched by id."""
    for name in ("contacts.toml", "contacts.es.toml"):
        shutil.copy(datafiles.resource_path("crisis", name), tmp_path / name)
    faithful = load_crisis_contacts(tmp_path / "contacts.toml", lang="es")
    assert faithful.fallback.name == "Otro país"
    assert set_aside() == []
    edit(tmp_path / "contacts.es.toml", "Llame al 911", "Llame al 119")
    contacts = load_crisis_contacts(tmp_path / "contacts.toml", lang="es")
    assert contacts.fallback.name != "Otro país"  # all English: no half-checked translation
    assert [(i.path.name, i.why) for i in set_aside()] == [("contacts.es.toml", "numbers")]


def test_a_changed_spanish_checklist_is_set_aside_and_the_english_one_used(
    own_data: Path,
) -> None:
    edit(own_data / "checklist" / "checklist.es.toml", "$400", "$40")
    assert load_checklist(lang="es") == load_checklist(lang="en")
    assert [i.why for i in set_aside()] == ["changed"]


def test_the_command_line_says_which_translation_it_set_aside(
    own_data: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    spanish = own_data / "checklist" / "checklist.es.toml"
    edit(spanish, "$400", "$40")
    database = tmp_path / "kvet.sqlite"
    with Store.open(load_checklist(lang="en"), database, daily_backup=False) as store:
        store.comparisons.create("Spring search")
    monkeypatch.setenv("KVET_LANG", "es")
    assert main(["--db", str(database), "list"]) == 0
    err = capsys.readouterr().err
    assert f"kvet shows that part in English: {spanish}" in err


def test_the_shipped_files_pass_untouched(own_data: Path) -> None:
    assert load_checklist(lang="es") != load_checklist(lang="en")
    assert phq9.load_phq9("es").options[0].label == "Ningún día"
    assert load_crisis_contacts(lang="es").fallback.name == "Otro país"
    assert set_aside() == []


# --- fuzz: any digit changed in a translation, any link planted by the installer ----------------


SPANISH_CRISIS = datafiles.resource_path("crisis", "contacts.es.toml").read_text(encoding="utf-8")
DIGITS = [i for i, c in enumerate(SPANISH_CRISIS) if c.isdigit()]


def crisis_numbers(contacts: CrisisContacts) -> list[str]:
    found: list[str] = []
    for country in contacts.countries:
        for c in country.contacts:
            found += [c.phone, c.sms, *re.findall(r"\d+", c.how)]
    return found


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(at=st.sampled_from(DIGITS), digit=st.sampled_from("0123456789"))
def test_no_changed_digit_in_a_spanish_crisis_file_is_ever_shown(
    tmp_path: Path, at: int, digit: str
) -> None:
    """Outside kvet's folder a translation is checked number by number against its English twin:
    whatever digit is changed, the lines shown give the English numbers."""
    folder = tmp_path / f"{at}-{digit}"
    folder.mkdir()
    shutil.copy(datafiles.resource_path("crisis", "contacts.toml"), folder / "contacts.toml")
    damaged = SPANISH_CRISIS[:at] + digit + SPANISH_CRISIS[at + 1 :]
    (folder / "contacts.es.toml").write_text(damaged, encoding="utf-8")
    english = load_crisis_contacts(folder / "contacts.toml", lang="en")
    try:
        shown = load_crisis_contacts(folder / "contacts.toml", lang="es")
    except CrisisContactsError:
        return  # the change broke the English file's shape: refused, nothing shown
    assert crisis_numbers(shown) == crisis_numbers(english)
