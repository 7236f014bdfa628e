"""The schema's history: a database made by the first kvet opens, upgraded, with every row.

``tests/data/kvet-schema-0001.sqlite`` was written with schema revision 0001 (see
``tests/data/make_fixture_db.py``). Each later schema change adds its migration and keeps
``test_a_database_from_the_first_schema_opens_with_every_row`` passing.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import textwrap
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from kvet.content.checklist import Checklist, Format
from kvet.rating.answers import Choice, Origin
from kvet.rating.budget import Budget
from kvet.rating.combine import Rule
from kvet.rating.costs import CostPlan
from kvet.rating.scoring import Weights
from kvet.store import migrate
from kvet.store.api import Store
from kvet.store.errors import DatabaseTooNewError, StorageError
from kvet.store.models import Base
from kvet.store.records import RaterInfo, TopicInfo
from tests.data import make_fixture_db as fx

FIXTURE = Path(__file__).resolve().parent / "data" / "kvet-schema-0001.sqlite"


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def fingerprint(path: Path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


def revision_of(path: Path) -> list[tuple[str]]:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        return conn.execute("SELECT version_num FROM alembic_version").fetchall()
    finally:
        conn.close()


@pytest.fixture
def old_file(tmp_path: Path) -> Path:
    target = tmp_path / "kvet.sqlite"
    shutil.copyfile(FIXTURE, target)
    return target


def test_the_fixture_really_is_a_revision_0001_database() -> None:
    assert revision_of(FIXTURE) == [("0001",)]


def test_the_fixture_matches_its_generator(tmp_path: Path) -> None:
    """The committed file and ``make_fixture_db.py`` tell the same story, row for row."""
    rebuilt = fx.build(tmp_path / "rebuilt.sqlite")
    dumps = []
    for path in (FIXTURE, rebuilt):
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True)
        try:
            dumps.append(list(conn.iterdump()))
        finally:
            conn.close()
    assert dumps[0] == dumps[1]


def test_a_database_from_the_first_schema_opens_with_every_row(
    old_file: Path, checklist: Checklist
) -> None:
    with Store.open(checklist, old_file) as store:
        # comparisons: the one deleted last session was purged on opening
        (spring,) = store.comparisons.list()
        assert (spring.id, spring.name, spring.clinic_count, spring.created_at) == (
            fx.SPRING,
            "Spring search",
            2,
            utc("2025-03-01 09:00:00"),
        )
        assert store.settings.weights(fx.SPRING) == Weights(
            sections={"red_flags": 3.0, "logistics_cost": 0.5},
            items={"vs_pulse_ox": 2.0},
            dealbreakers={"rf_take_home": True, "rf_cure_promise": False},
            budget=Budget(9000.0, 2.5, True),
            cost_plan=CostPlan(8, 1.5, 2.0),
        )

        # clinics, with their stable ids, in their order
        north, south = store.clinics.list(fx.SPRING)
        assert north.__dict__ == {
            "id": fx.NORTH,
            "comparison_id": fx.SPRING,
            "name": "North Ketamine Care",
            "address": "12 Harbour Road, Northtown",
            "phone": "+1 555 0100",
            "website": "https://north.example",
            "formats": frozenset({Format.IV, Format.ESKETAMINE}),
            "notes": "Asked for Dr Ode. Calls back on Tuesdays — “no promises”.",
            "position": 0,
            # prices saved before kvet kept a currency were entered as US dollars
            "currency": "USD",
        }
        assert (south.id, south.name, south.formats, south.position) == (
            fx.SOUTH,
            "South Infusions",
            frozenset(),
            1,
        )

        # people
        assert store.people.list() == [
            RaterInfo(fx.ME, "Me", True),
            RaterInfo(fx.SAM, "Sam (my brother)", False),
        ]
        assert store.people.default().id == fx.ME

        # answers, with notes, sources and dates; the retired item kept and marked
        mine = store.answers.by_item(fx.NORTH)
        assert {
            k: (a.choice, a.number, a.note, a.origin, a.answered_at, a.retired)
            for k, a in mine.items()
        } == {
            "rf_no_screening": (
                Choice.NOT_SEEN,
                None,
                "",
                Origin.PHONE,
                utc("2025-03-01 10:00:00"),
                False,
            ),
            "q_taper_plan": (
                Choice.VAGUE,
                None,
                "“We see how it goes.”",
                Origin.VISIT,
                utc("2025-03-02 15:30:00"),
                False,
            ),
            "vs_monitoring": (
                Choice.YES,
                None,
                "",
                Origin.WEBSITE,
                utc("2025-03-03 18:00:00"),
                False,
            ),
            "price_per_session": (
                None,
                475.0,
                "cash only",
                Origin.WRITTEN,
                utc("2025-03-03 18:05:00"),
                False,
            ),
            "rf_old_retired_item": (
                Choice.SEEN,
                None,
                "",
                Origin.PHONE,
                utc("2024-07-01 12:00:00"),
                True,
            ),
        }
        sams = store.answers.by_item(fx.NORTH, fx.SAM)
        assert [(k, a.choice, a.note) for k, a in sams.items()] == [
            ("rf_no_screening", Choice.SEEN, "Sam heard otherwise")
        ]
        assert [(k, a.choice) for k, a in store.answers.by_item(fx.SOUTH).items()] == [
            ("rf_take_home", Choice.SEEN)
        ]

        # walkthrough positions, personal topics, preferences
        assert store.answers.position(fx.NORTH) == "vs_monitoring"
        assert store.answers.position(fx.NORTH, fx.SAM) is None
        assert store.answers.position(fx.SOUTH) == "rf_no_screening"
        assert store.answers.personal_topics() == {
            "caution_heart": TopicInfo("caution_heart", True, "BP runs high"),
            "med_benzodiazepines": TopicInfo("med_benzodiazepines", False, ""),
        }
        assert store.answers.personal_topics(fx.SAM) == {
            "caution_psychosis": TopicInfo("caution_psychosis", True, "")
        }
        assert store.settings.preference("last_comparison") == fx.SPRING
        assert store.settings.preference("window") == "maximised"

        # deciding together (revision 0002): every comparison starts with the cautious rule and
        # no decisions, and Sam's answer that differs from mine shows as a disagreement
        assert store.decisions.rule(fx.SPRING) is Rule.CAUTIOUS
        assert store.decisions.by_item(fx.NORTH) == {}
        (differ,) = store.decisions.disagreements(fx.SPRING)
        assert differ.sentence() == (
            "Me: not seen; Sam (my brother): seen — on “"
            + checklist.item("rf_no_screening").statement
            + "”"
        )
        assert (
            store.decisions.opinions(fx.NORTH)["rf_no_screening"][1].note == "Sam heard otherwise"
        )
        combined, _ = store.scores.results(fx.SPRING, combined=True)
        assert "rf_no_screening" in combined[0].red_flags_seen  # Sam saw it: it counts as seen

        # and the old data scores: South's take-home doses are a dealbreaker in these weights
        results, ranking = store.scores.results(fx.SPRING)
        assert [r.clinic_id for r in results] == [fx.NORTH, fx.SOUTH]
        assert results[1].not_recommended
        assert ranking.places[0].result.clinic_id == fx.NORTH

        # it keeps working: a new answer is stored beside the old ones
        store.answers.set(fx.SOUTH, "rf_no_screening", Choice.NOT_SEEN)
    conn = sqlite3.connect(f"{old_file.as_uri()}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("SELECT count(*) FROM answer").fetchone() == (8,)  # 8 - 1 purged + 1
        assert conn.execute("SELECT id FROM clinic ORDER BY position").fetchall() == [
            (fx.NORTH,),
            (fx.SOUTH,),
        ]
        assert conn.execute("SELECT count(*) FROM decision").fetchone() == (0,)
        assert conn.execute("SELECT DISTINCT combine_rule FROM comparison").fetchall() == [
            ("cautious",)
        ]
    finally:
        conn.close()
    assert revision_of(old_file) == [(migrate.script_directory().get_current_head(),)]


def test_upgrading_the_first_schema_adds_the_decisions_table(
    old_file: Path, checklist: Checklist
) -> None:
    """Revision 0002: decisions that settle disagreements, and the rule per comparison."""
    with Store.open(checklist, old_file) as store:
        store.decisions.settle(fx.NORTH, "rf_no_screening", Choice.SEEN, fx.SAM, note="second call")
    conn = sqlite3.connect(f"{old_file.as_uri()}?mode=ro", uri=True)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert {"decision", "answer", "assessment", "clinic", "comparison"} <= tables
        columns = {r[1] for r in conn.execute("PRAGMA table_info(decision)")}
        assert columns == {
            "id",
            "clinic_id",
            "item_id",
            "choice",
            "number",
            "decided_by",
            "decided_at",
            "note",
        }
        assert conn.execute(
            "SELECT clinic_id, item_id, choice, decided_by, note FROM decision"
        ).fetchall() == [(fx.NORTH, "rf_no_screening", "seen", fx.SAM, "second call")]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()


def test_upgrading_the_first_schema_adds_treatment_records_at_its_clinics(
    old_file: Path, checklist: Checklist
) -> None:
    """Revision 0003: courses of treatment and their dated entries (My treatment)."""
    from datetime import date

    from kvet.treatment.course import CheckIn

    with Store.open(checklist, old_file) as store:
        course = store.courses.start("North Clinic", fx.NORTH)
        store.courses.add(course.id, CheckIn(date(2026, 10, 1), (1,) * 9))
    with Store.open(checklist, old_file) as store:
        [info] = store.courses.list_courses()
        assert info.clinic_id == fx.NORTH
        assert store.courses.load(info.id).check_ins[0].total == 9
        assert len(store.clinics.list(store.comparisons.list()[0].id)) >= 1  # every row kept
    conn = sqlite3.connect(f"{old_file.as_uri()}?mode=ro", uri=True)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert {"course", "course_entry"} <= tables
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()


def test_the_migrations_build_exactly_the_schema_the_code_expects(tmp_path: Path) -> None:
    """A model changed without a migration fails here."""
    from sqlalchemy import URL

    from kvet.store.connection import make_engine

    engine = make_engine(URL.create("sqlite", database=str(tmp_path / "fresh.sqlite")))
    try:
        migrate.run_migrations(engine)
        with engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    finally:
        engine.dispose()


def test_a_database_from_a_newer_kvet_is_refused_and_left_untouched(
    old_file: Path, checklist: Checklist
) -> None:
    conn = sqlite3.connect(old_file)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    before = fingerprint(old_file)
    with pytest.raises(DatabaseTooNewError, match="newer version of kvet") as refused:
        Store.open(checklist, old_file)
    assert refused.value.path == old_file
    assert str(old_file) in str(refused.value)
    assert fingerprint(old_file) == before  # never downgraded, not even touched
    assert sorted(p.name for p in old_file.parent.iterdir()) == ["kvet.sqlite", "kvet.sqlite.lock"]


def test_a_brand_new_database_needs_no_backup(tmp_path: Path, checklist: Checklist) -> None:
    with Store.open(checklist, tmp_path / "kvet.sqlite") as store:
        assert store.db.migration_backup is None
        assert store.db.backup_made is None
    assert not (tmp_path / "backups").exists()


# --- a future migration, rehearsed with a temporary revision on top of today's head -------------

HEAD = migrate.script_directory().get_current_head()
REHEARSAL = "rehearsal"

REVISION_NEXT = '''
"""add a tag to clinics (rehearsal)

Revision ID: rehearsal
Revises: HEAD
"""

import sqlalchemy as sa
from alembic import op

revision = "rehearsal"
down_revision = "HEAD"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "clinic_tag",
        sa.Column("clinic_id", sa.String(36), sa.ForeignKey("clinic.id", ondelete="CASCADE")),
        sa.Column("tag", sa.String(50), nullable=False),
    )
    with op.batch_alter_table("clinic") as batch_op:  # rebuilds the table, as batch mode does
        batch_op.add_column(sa.Column("rehearsal", sa.Integer(), nullable=False,
                                      server_default="0"))
    op.execute("INSERT INTO clinic_tag (clinic_id, tag) SELECT id, 'old' FROM clinic")
    FAIL


def downgrade() -> None:
    pass
'''


@pytest.fixture
def with_next_revision(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of kvet's migrations plus one more revision, used in place of the real ones."""
    scripts = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(migrate, "MIGRATIONS", scripts)
    return scripts / "versions" / "9999_rehearsal.py"


def write_next(target: Path, *, fails: bool) -> None:
    assert HEAD is not None
    body = textwrap.dedent(REVISION_NEXT).replace("HEAD", HEAD)
    target.write_text(
        body.replace("    FAIL\n", "    raise RuntimeError('migration bug')\n" if fails else "")
    )


def test_an_upgrade_backs_up_the_file_first_and_keeps_every_row(
    old_file: Path, checklist: Checklist, with_next_revision: Path
) -> None:
    write_next(with_next_revision, fails=False)
    original = old_file.read_bytes()
    with Store.open(checklist, old_file) as store:
        backup = store.db.migration_backup
        assert backup is not None
        assert backup.parent == old_file.parent / "backups"
        assert [c.name for c in store.clinics.list(fx.SPRING)] == [
            "North Ketamine Care",
            "South Infusions",
        ]
        assert store.answers.by_item(fx.NORTH)["q_taper_plan"].note == "“We see how it goes.”"
    assert revision_of(old_file) == [(REHEARSAL,)]
    assert revision_of(backup) == [("0001",)]
    conn = sqlite3.connect(f"{backup.as_uri()}?mode=ro", uri=True)
    try:
        assert conn.execute("SELECT count(*) FROM clinic").fetchone() == (3,)  # before purging
        assert conn.execute("SELECT count(*) FROM answer").fetchone() == (8,)
    finally:
        conn.close()
    conn = sqlite3.connect(f"{old_file.as_uri()}?mode=ro", uri=True)
    try:
        # the batch rebuild of "clinic" did not cascade into its assessments and answers
        assert conn.execute("SELECT count(*) FROM answer").fetchone() == (7,)
        assert conn.execute("SELECT count(*) FROM clinic_tag").fetchone() == (2,)
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()
    assert original == FIXTURE.read_bytes()  # (the copy was the fixture)


def test_a_failing_upgrade_changes_nothing(
    old_file: Path, checklist: Checklist, with_next_revision: Path
) -> None:
    write_next(with_next_revision, fails=True)
    with pytest.raises(StorageError, match="could not upgrade") as failed:
        Store.open(checklist, old_file)
    assert "migration bug" in str(failed.value.__cause__)  # for whoever reads the code
    assert "migration bug" not in str(failed.value)  # a program's own words stay out
    assert "Nothing was changed" in str(failed.value)
    assert revision_of(old_file) == [("0001",)]
    conn = sqlite3.connect(f"{old_file.as_uri()}?mode=ro", uri=True)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert "clinic_tag" not in tables
        columns = [r[1] for r in conn.execute("PRAGMA table_info(clinic)")]
        assert "rehearsal" not in columns
        assert conn.execute("SELECT count(*) FROM answer").fetchone() == (8,)
    finally:
        conn.close()
    backups = sorted((old_file.parent / "backups").glob("kvet-before-migration-*.sqlite"))
    assert len(backups) == 1  # and the backup made before trying is there
    assert str(backups[0]) in str(failed.value)
    with pytest.raises(StorageError, match="could not upgrade"):  # not "locked": it was let go
        Store.open(checklist, old_file)
    assert revision_of(old_file) == [("0001",)]


def test_a_migration_that_cannot_back_up_first_does_not_run(
    old_file: Path, checklist: Checklist, with_next_revision: Path
) -> None:
    write_next(with_next_revision, fails=False)
    (old_file.parent / "backups").write_text("a file where the backup folder should be")
    with pytest.raises(StorageError, match="backs it up first"):
        Store.open(checklist, old_file)
    assert revision_of(old_file) == [("0001",)]


def test_the_quick_start_knows_the_newest_migration() -> None:
    """kvet skips Alembic for a database already at HEAD, so HEAD must be the real newest one."""
    assert migrate.heads() == {migrate.HEAD}


def test_an_up_to_date_database_opens_without_loading_alembic(
    checklist: Checklist, tmp_path: Path
) -> None:
    import subprocess
    import sys

    path = tmp_path / "kvet.sqlite"
    Store.open(checklist, path).close()  # made and migrated once
    probe = (
        "import sys\n"
        "from kvet.content.checklist import load_checklist\n"
        "from kvet.store.api import Store\n"
        f"Store.open(load_checklist(), {str(path)!r}).close()\n"
        "print('alembic' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "False"
