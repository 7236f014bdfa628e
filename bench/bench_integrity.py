"""Benchmark: what each check of a database costs on opening, and whether it sees index damage.

kvet checks its database before every opening (``kvet.store.health.integrity_problem``).
``PRAGMA quick_check`` proves the pages but not that each index holds its table's rows;
``PRAGMA integrity_check`` does; comparing ``count(*)`` through each index with a scan of the
table (``NOT INDEXED``) is cheaper, but misses an index entry whose key was changed.
Run on demand: .venv/bin/python bench/bench_integrity.py [CLINICS]
The results are written down in bench/notes-integrity.md.
"""

from __future__ import annotations

import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench_store import build_database  # run as a script, bench/ is on the path

from kvet.content.checklist import load_checklist

REPEAT = 15


def median_ms(action: Callable[[], object]) -> float:
    times = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    clinics = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    path = Path(tempfile.mkdtemp()) / "kvet.sqlite"
    build_database(path, load_checklist(), clinics=clinics)
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    answers = conn.execute("SELECT count(*) FROM answer").fetchone()[0]
    indexes = conn.execute("SELECT name, tbl_name FROM sqlite_master WHERE type='index'").fetchall()

    def counts() -> None:
        for name, table in indexes:
            conn.execute(f'SELECT count(*) FROM "{table}" INDEXED BY "{name}"').fetchone()
            conn.execute(f'SELECT count(*) FROM "{table}" NOT INDEXED').fetchone()

    print(f"{clinics} clinics, {answers:,} answers, {path.stat().st_size // 1024:,} KB")
    for what, action in (
        ("quick_check", lambda: conn.execute("PRAGMA quick_check").fetchall()),
        (
            "integrity_check (what kvet runs)",
            lambda: conn.execute("PRAGMA integrity_check(3)").fetchall(),
        ),
        ("count(*) by index against NOT INDEXED", counts),
    ):
        print(f"  {what}: {median_ms(action):.1f} ms")


if __name__ == "__main__":
    main()
