"""Benchmark: saving one answer, and opening a database of 500 clinics and scoring them all.

Targets: a saved answer (committed, fsynced) under 5 ms; opening a database of 500 clinics with
full answers and computing every score (``Store.open`` + ``Store.results``) under 300 ms.
Run on demand: .venv/bin/python bench/bench_store.py [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from kvet.answers import OPTIONS
from kvet.checklist import Checklist, Format, Kind, load_checklist
from kvet.store.api import Store
from kvet.store.models import Answer, Assessment, Clinic

CLINICS = 500
SAVE_TARGET_MS = 5.0
OPEN_TARGET_MS = 300.0


def timed(action: Callable[[], object], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return times


def build_database(path: Path, checklist: Checklist, clinics: int = CLINICS) -> str:
    """A comparison of ``clinics`` clinics, every item answered, written in one transaction."""
    rng = random.Random(1)
    with Store.open(checklist, path, daily_backup=False) as store:
        comparison = store.create_comparison("Big search")
        rater = store.default_rater().id
        now = datetime.now(UTC)
        with store.db.transaction() as s:
            for n in range(clinics):
                clinic = Clinic(
                    comparison_id=comparison.id,
                    position=n,
                    name=f"Clinic {n}",
                    formats=sorted(f.value for f in rng.sample(list(Format), rng.randint(1, 3))),
                    notes="",
                )
                s.add(clinic)
                s.flush()
                assessment = Assessment(
                    clinic_id=clinic.id, rater_id=rater, checklist_version=checklist.version
                )
                s.add(assessment)
                s.flush()
                for item in checklist.items:
                    if item.kind is Kind.FACT:
                        answer = Answer(item_id=item.id, number=rng.uniform(100, 900))
                    else:
                        answer = Answer(
                            item_id=item.id, choice=rng.choice(OPTIONS[item.kind]).choice.value
                        )
                    answer.assessment_id = assessment.id
                    answer.note = "They said so on the phone." if rng.random() < 0.3 else ""
                    answer.answered_at = now
                    s.add(answer)
        return comparison.id


def bench_save(checklist: Checklist, folder: Path, repeat: int = 400) -> list[float]:
    with Store.open(checklist, folder / "save.sqlite") as store:
        clinic = store.add_clinic(store.create_comparison("Spring").id, "North")
        items = [i for i in checklist.items if i.kind is not Kind.FACT]
        counter = iter(range(10**9))

        def save() -> None:
            n = next(counter)
            item = items[n % len(items)]
            options = OPTIONS[item.kind]
            store.set_answer(clinic.id, item.id, options[n % len(options)].choice)

        return timed(save, repeat)


def bench_open(checklist: Checklist, path: Path, comparison_id: str, repeat: int) -> list[float]:
    def open_and_score() -> None:
        with Store.open(checklist, path) as store:
            results, ranking = store.results(comparison_id)
            assert len(results) == CLINICS
            assert len(ranking.places) == CLINICS

    return timed(open_and_score, repeat)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--profile", action="store_true", help="profile open + score")
    args = parser.parse_args()
    checklist = load_checklist()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        saves = bench_save(checklist, folder)
        path = folder / "big.sqlite"
        comparison_id = build_database(path, checklist)
        size_mb = path.stat().st_size / 1e6
        first = bench_open(checklist, path, comparison_id, 1)[0]  # makes today's backup
        opens = bench_open(checklist, path, comparison_id, 15)
        with Store.open(checklist, path) as store:
            scores = timed(lambda: store.results(comparison_id), 15)
        if args.profile:
            profiler = cProfile.Profile()
            profiler.enable()
            bench_open(checklist, path, comparison_id, 5)
            profiler.disable()
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)

    save_ms = statistics.median(saves)
    open_ms = statistics.median(opens)
    print(
        f"save one answer:                 median {save_ms:6.2f} ms (target < {SAVE_TARGET_MS} ms)"
    )
    print(
        f"open {CLINICS} clinics + every score: median {open_ms:6.1f} ms "
        f"(target < {OPEN_TARGET_MS:.0f} ms; database {size_mb:.1f} MB)"
    )
    print(f"  first start of the day (with today's backup): {first:6.1f} ms")
    print(f"  scores alone, database already open: median {statistics.median(scores):6.1f} ms")
    ok = save_ms < SAVE_TARGET_MS and open_ms < OPEN_TARGET_MS
    print("targets met" if ok else "TARGETS MISSED")


if __name__ == "__main__":
    main()
