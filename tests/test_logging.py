"""The log says what kvet did (backups, upgrades, exports, imports) and never what it was about:
no clinic, note, person or folder name ever reaches it."""

from __future__ import annotations

import logging
from datetime import date, timedelta
from pathlib import Path

import pytest

from kvet.content.checklist import Checklist
from kvet.exchange import files, importer
from kvet.rating.answers import Choice
from kvet.store import backups
from kvet.store.api import Store

SECRETS = ("Quietwater Clinic", "Dr Okafor said no to my dose", "Aunt Rosalind", "secret-folder")


def test_backups_exports_and_imports_are_logged_without_anything_personal(
    checklist: Checklist, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = tmp_path / SECRETS[3]
    folder.mkdir()
    db = folder / "kvet.sqlite"
    caplog.set_level(logging.INFO, logger="kvet")
    with Store.open(checklist, db, daily_backup=False) as store:
        comparison = store.comparisons.create("Spring")
        clinic = store.clinics.add(comparison.id, SECRETS[0], notes=SECRETS[1])
        person = store.people.add(SECRETS[2])
        store.answers.set(clinic.id, "rf_no_screening", Choice.NOT_SEEN, rater_id=person.id)
        exported = files.export_comparison(store, comparison.id, folder / "share.kvet")
        plan = importer.plan_import(store, files.read_document(exported))
        importer.apply_import(store, plan)
    for day in range(9):  # nine days of backups: the two oldest make way
        backups.daily_backup(db, date(2026, 11, 1) + timedelta(days=day))

    said = [record.getMessage() for record in caplog.records]
    assert any(m.startswith("exported a comparison: 1 clinics") for m in said), said
    assert any(m.startswith("imported a comparison: 1 clinics") for m in said), said
    assert any(m.startswith("upgrading the database from empty to") for m in said), said
    assert sum(m.startswith("daily backup made") for m in said) == 9
    assert sum(m.startswith("backup from") for m in said) == 2
    whole_log = "\n".join(said)
    for secret in SECRETS:
        assert secret not in whole_log
