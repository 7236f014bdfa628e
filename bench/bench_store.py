"""Benchmark: saving one answer, and opening a database of 500 clinics and scoring them all.

Targets: a saved answer (committed, fsynced) under 5 ms; opening a database of 500 clinics with
full answers and computing every score (``Store.open`` + ``Store.results``) under 300 ms, both for
one person's answers and for the combined view. The database has a second person who answered a
third of every clinic's items (often differently) and a decision on some of them, so the combined
view has real merging to do.
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
from datetime import UTC, datetime, timedelta
from pathlib import Path

from kvet.content.checklist import Checklist, Format, Kind, load_checklist
from kvet.rating.answers import OPTIONS
from kvet.store.api import Store
from kvet.store.models import Answer, Assessment, Clinic, Decision, Rater

CLINICS = 500
SECOND_PERSON_SHARE = 1 / 3  # of the items, answered by a family member too
DECIDED_SHARE = 0.05  # of the items, settled by a decision
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
        comparison = store.comparisons.create("Big search")
        rater = store.people.default().id
        now = datetime.now(UTC)
        with store.db.transaction() as s:
            alex = Rater(name="Alex", is_default=False)
            s.add(alex)
            s.flush()
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
                second = Assessment(
                    clinic_id=clinic.id, rater_id=alex.id, checklist_version=checklist.version
                )
                s.add(second)
                s.flush()
                for item in checklist.items:
                    for held, share in ((assessment, 1.0), (second, SECOND_PERSON_SHARE)):
                        if rng.random() >= share:
                            continue
                        answer = _random_answer(rng, item.id, item.kind)
                        answer.assessment_id = held.id
                        answer.note = "They said so on the phone." if rng.random() < 0.3 else ""
                        answer.answered_at = now - timedelta(minutes=rng.randint(0, 600))
                        s.add(answer)
                    if rng.random() < DECIDED_SHARE:
                        settled = _random_answer(rng, item.id, item.kind)
                        s.add(
                            Decision(
                                clinic_id=clinic.id,
                                item_id=item.id,
                                choice=settled.choice,
                                number=settled.number,
                                decided_by=rater,
                                decided_at=now - timedelta(minutes=rng.randint(0, 600)),
                            )
                        )
        return comparison.id


def _random_answer(rng: random.Random, item_id: str, kind: Kind) -> Answer:
    if kind is Kind.FACT:
        return Answer(item_id=item_id, number=rng.uniform(100, 900))
    return Answer(item_id=item_id, choice=rng.choice(OPTIONS[kind]).choice.value)


def bench_save(checklist: Checklist, folder: Path, repeat: int = 400) -> list[float]:
    with Store.open(checklist, folder / "save.sqlite") as store:
        clinic = store.clinics.add(store.comparisons.create("Spring").id, "North")
        items = [i for i in checklist.items if i.kind is not Kind.FACT]
        counter = iter(range(10**9))

        def save() -> None:
            n = next(counter)
            item = items[n % len(items)]
            options = OPTIONS[item.kind]
            store.answers.set(clinic.id, item.id, options[n % len(options)].choice)

        return timed(save, repeat)


def bench_open(
    checklist: Checklist, path: Path, comparison_id: str, repeat: int, *, combined: bool = False
) -> list[float]:
    def open_and_score() -> None:
        with Store.open(checklist, path) as store:
            results, ranking = store.scores.results(comparison_id, combined=combined)
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
        combined_opens = bench_open(checklist, path, comparison_id, 15, combined=True)
        with Store.open(checklist, path) as store:
            scores = timed(lambda: store.scores.results(comparison_id), 15)
            combined_scores = timed(lambda: store.scores.results(comparison_id, combined=True), 15)
            disagreements = timed(lambda: store.decisions.disagreements(comparison_id), 5)
            found = len(store.decisions.disagreements(comparison_id))
        if args.profile:
            profiler = cProfile.Profile()
            profiler.enable()
            bench_open(checklist, path, comparison_id, 5, combined=True)
            profiler.disable()
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)

    save_ms = statistics.median(saves)
    open_ms = statistics.median(opens)
    combined_ms = statistics.median(combined_opens)
    print(
        f"save one answer:                 median {save_ms:6.2f} ms (target < {SAVE_TARGET_MS} ms)"
    )
    print(
        f"open {CLINICS} clinics + every score: median {open_ms:6.1f} ms "
        f"(target < {OPEN_TARGET_MS:.0f} ms; database {size_mb:.1f} MB)"
    )
    print(f"  first start of the day (with today's backup): {first:6.1f} ms")
    print(f"  scores alone, database already open: median {statistics.median(scores):6.1f} ms")
    print(
        f"open {CLINICS} clinics + combined scores: median {combined_ms:6.1f} ms "
        f"(target < {OPEN_TARGET_MS:.0f} ms; two people, some decisions)"
    )
    print(
        "  combined scores alone, database already open: "
        f"median {statistics.median(combined_scores):6.1f} ms"
    )
    print(
        f"  list every disagreement ({found} found): "
        f"median {statistics.median(disagreements):6.1f} ms"
    )
    ok = save_ms < SAVE_TARGET_MS and open_ms < OPEN_TARGET_MS and combined_ms < OPEN_TARGET_MS
    print("targets met" if ok else "TARGETS MISSED")


if __name__ == "__main__":
    main()
