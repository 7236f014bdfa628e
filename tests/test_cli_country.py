"""The country can be seen and set from the command line, as in the window."""

from __future__ import annotations

from pathlib import Path

import pytest

from kvet.__main__ import main
from kvet.content.checklist import Checklist
from kvet.content.country import stored_country
from kvet.store.api import Store


def test_the_country_is_shown_set_and_used_by_scripted_reports(
    tmp_path: Path, checklist: Checklist, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "kvet.sqlite"
    with Store.open(checklist, db) as store:
        store.comparisons.create("Search")
    assert main(["--db", str(db), "country"]) == 0
    assert "No country chosen yet" in capsys.readouterr().out
    assert main(["--db", str(db), "country", "uk"]) == 0
    assert "United Kingdom" in capsys.readouterr().out
    assert main(["--db", str(db), "country"]) == 0
    assert capsys.readouterr().out.strip() == "Rules for: United Kingdom (GB)."
    with Store.open(checklist, db) as store:
        assert stored_country(store.settings) == "GB"


def test_an_unknown_country_is_refused_in_plain_words_and_nothing_changes(
    tmp_path: Path, checklist: Checklist, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "kvet.sqlite"
    assert main(["--db", str(db), "country", "US"]) == 0
    capsys.readouterr()
    assert main(["--db", str(db), "country", "Narnia"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("kvet: kvet does not know that country. Choose one of: US")
    assert "Traceback" not in err
    with Store.open(checklist, db) as store:
        assert stored_country(store.settings) == "US"
