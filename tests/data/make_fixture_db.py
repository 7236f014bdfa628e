"""Build ``kvet-schema-0001.sqlite``: a database as kvet's first schema (revision 0001) wrote it.

The schema comes from Alembic (``command.upgrade(cfg, "0001")``), the rows from plain SQL written
against that schema, so the file stays a true 0001 database however the models change later.
``tests/test_store_migrations.py`` opens a copy with today's kvet and checks every row.

Run from the checkout when the fixture needs rebuilding (it normally never does):

    .venv/bin/python tests/data/make_fixture_db.py
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path

from alembic import command
from sqlalchemy import URL, Connection

from kvet.store.connection import make_engine
from kvet.store.migrate import alembic_config

FIXTURE = Path(__file__).resolve().parent / "kvet-schema-0001.sqlite"
REVISION = "0001"

# Fixed ids and times, so the test can name what it expects.
SPRING = "6f1c1a56-0b9e-4c3e-9a51-000000000001"
OLD_SEARCH = "6f1c1a56-0b9e-4c3e-9a51-000000000002"  # deleted last session: purged on open
NORTH = "0c7e3f0e-5a43-4a8e-b0d6-000000000011"
SOUTH = "0c7e3f0e-5a43-4a8e-b0d6-000000000012"
REMOVED = "0c7e3f0e-5a43-4a8e-b0d6-000000000013"  # deleted last session: purged on open
ME = "a5d9b0c2-1f7e-4d0a-8c55-000000000021"
SAM = "a5d9b0c2-1f7e-4d0a-8c55-000000000022"
ME_NORTH = "e2b4c6d8-0a1b-4c2d-8e3f-000000000031"
SAM_NORTH = "e2b4c6d8-0a1b-4c2d-8e3f-000000000032"
ME_SOUTH = "e2b4c6d8-0a1b-4c2d-8e3f-000000000033"
ME_REMOVED = "e2b4c6d8-0a1b-4c2d-8e3f-000000000034"

SPRING_SETTINGS = {
    "sections": {"red_flags": 3.0, "logistics_cost": 0.5},
    "items": {"vs_pulse_ox": 2.0},
    "dealbreakers": {"rf_take_home": True, "rf_cure_promise": False},
    "budget": {"first_year": 9000.0, "weight": 2.5, "scored": True},
    "cost_plan": {
        "induction_sessions": 8,
        "induction_months": 1.5,
        "maintenance_sessions_per_month": 2.0,
    },
}

COMPARISONS = [
    (SPRING, "Spring search", "2025-03-01 09:00:00.000000", json.dumps(SPRING_SETTINGS), None),
    (OLD_SEARCH, "Old search", "2025-01-05 09:00:00.000000", "{}", "2025-03-02 10:00:00.000000"),
]
CLINICS = [
    # id, comparison, position, name, address, phone, website, formats, notes, created, updated,
    # deleted
    (
        NORTH,
        SPRING,
        0,
        "North Ketamine Care",
        "12 Harbour Road, Northtown",
        "+1 555 0100",
        "https://north.example",
        '["esketamine", "iv"]',
        "Asked for Dr Ode. Calls back on Tuesdays — “no promises”.",
        "2025-03-01 09:05:00.000000",
        "2025-03-03 18:30:00.000000",
        None,
    ),
    (
        SOUTH,
        SPRING,
        1,
        "South Infusions",
        "",
        "",
        "",
        "[]",
        "",
        "2025-03-01 09:06:00.000000",
        "2025-03-01 09:06:00.000000",
        None,
    ),
    (
        REMOVED,
        SPRING,
        2,
        "Clinic removed by mistake",
        "",
        "",
        "",
        '["oral"]',
        "",
        "2025-03-01 09:07:00.000000",
        "2025-03-01 09:07:00.000000",
        "2025-03-02 11:00:00.000000",
    ),
]
RATERS = [
    (ME, "Me", 1, "2025-03-01 08:59:00.000000"),
    (SAM, "Sam (my brother)", 0, "2025-03-01 09:10:00.000000"),
]
ASSESSMENTS = [
    (ME_NORTH, NORTH, ME, "1.0.0", "vs_monitoring"),
    (SAM_NORTH, NORTH, SAM, "1.0.0", None),
    (ME_SOUTH, SOUTH, ME, "1.0.0", "rf_no_screening"),
    (ME_REMOVED, REMOVED, ME, "1.0.0", None),
]
ANSWERS = [
    # assessment, item, choice, number, note, origin, answered_at
    (ME_NORTH, "rf_no_screening", "not_seen", None, "", "phone", "2025-03-01 10:00:00.000000"),
    (
        ME_NORTH,
        "q_taper_plan",
        "vague",
        None,
        "“We see how it goes.”",
        "visit",
        "2025-03-02 15:30:00.000000",
    ),
    (ME_NORTH, "vs_monitoring", "yes", None, "", "website", "2025-03-03 18:00:00.000000"),
    (
        ME_NORTH,
        "price_per_session",
        None,
        475.0,
        "cash only",
        "written",
        "2025-03-03 18:05:00.000000",
    ),
    # an item later checklists may retire: kept and shown as retired, never dropped
    (ME_NORTH, "rf_old_retired_item", "seen", None, "", "phone", "2024-07-01 12:00:00.000000"),
    (
        SAM_NORTH,
        "rf_no_screening",
        "seen",
        None,
        "Sam heard otherwise",
        "phone",
        "2025-03-04 09:00:00.000000",
    ),
    (ME_SOUTH, "rf_take_home", "seen", None, "", "website", "2025-03-01 11:00:00.000000"),
    (ME_REMOVED, "rf_no_screening", "not_seen", None, "", "phone", "2025-03-01 12:00:00.000000"),
]
TOPICS = [
    (ME, "caution_heart", 1, "BP runs high"),
    (ME, "med_benzodiazepines", 0, ""),
    (SAM, "caution_psychosis", 1, ""),
]
PREFERENCES = [("last_comparison", SPRING), ("window", "maximised")]


def fill(conn: Connection) -> None:
    def insert(table: str, rows: Sequence[tuple[object, ...]], columns: str) -> None:
        marks = ", ".join("?" for _ in columns.split(","))
        for row in rows:
            conn.exec_driver_sql(f"INSERT INTO {table} ({columns}) VALUES ({marks})", row)

    insert("comparison", COMPARISONS, "id, name, created_at, settings, deleted_at")
    insert(
        "clinic",
        CLINICS,
        "id, comparison_id, position, name, address, phone, website, formats, notes, "
        "created_at, updated_at, deleted_at",
    )
    insert("rater", RATERS, "id, name, is_default, created_at")
    insert("assessment", ASSESSMENTS, "id, clinic_id, rater_id, checklist_version, last_item_id")
    insert(
        "answer",
        ANSWERS,
        "assessment_id, item_id, choice, number, note, origin, answered_at",
    )
    insert("personal_topic", TOPICS, "rater_id, topic_id, applies, note")
    insert("preference", PREFERENCES, "key, value")


def build(target: Path = FIXTURE) -> Path:
    for suffix in ("", "-wal", "-shm"):
        target.with_name(target.name + suffix).unlink(missing_ok=True)
    engine = make_engine(URL.create("sqlite", database=str(target)))
    try:
        with engine.connect() as conn, conn.begin():
            command.upgrade(alembic_config(conn), REVISION)
            fill(conn)
    finally:
        engine.dispose()  # checkpoints the WAL into the file
    return target


if __name__ == "__main__":
    print(build(Path(sys.argv[1]) if len(sys.argv) > 1 else FIXTURE))
