"""Benchmark: score and rank 1,000 clinics; score and rank them again after a weight change.

Issue 26's goal: 1,000 clinics scored and ranked in 20 ms or less. A weight change (a slider
move) reuses each clinic's answers as read the first time (``Scorer(..., reuse=...)``), so only
the weighing and the ranking are done again; the first scoring reads every answer.
The machine may be busy: each figure is a median of wall time and of this process's CPU time,
beside a FLOOR measured in the same run (a fixed Python loop of 54,000 additions, about what one
pass over 1,000 clinics' answers costs at the least), so a reader can tell load from code.
Run on demand: .venv/bin/python bench/bench_scoring.py
"""

from __future__ import annotations

import os
import random
import statistics
import time
from collections.abc import Callable

from kvet.content.checklist import Format, Kind, load_checklist
from kvet.rating.answers import OPTIONS, ClinicAnswers
from kvet.rating.ranking import rank
from kvet.rating.scoring import Scorer, Weights

GOAL_MS = 20.0


def make_clinics(count: int, seed: int = 1) -> list[ClinicAnswers]:
    checklist = load_checklist()
    rng = random.Random(seed)
    clinics = []
    for n in range(count):
        answers = {
            item.id: rng.choice(OPTIONS[item.kind]).choice
            for item in checklist.items
            if item.kind is not Kind.FACT and rng.random() < 0.9
        }
        formats = frozenset(rng.sample(list(Format), rng.randint(1, 3)))
        clinics.append(
            ClinicAnswers(
                f"c{n}",
                f"Clinic {n}",
                formats,
                answers,
                {"price_per_session": rng.uniform(300, 900)},
            )
        )
    return clinics


def medians(action: Callable[[int], object], repeat: int = 30) -> tuple[float, float]:
    """Median wall time and median CPU time of ``action``, in ms."""
    walls, cpus = [], []
    for n in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        action(n)
        cpus.append((time.process_time() - cpu) * 1000)
        walls.append((time.perf_counter() - wall) * 1000)
    return statistics.median(walls), statistics.median(cpus)


def floor(_n: int) -> float:
    total = 0.0
    for value in range(54_000):
        total += value
    return total


def main() -> None:
    checklist = load_checklist()
    thousand = make_clinics(1000)
    two_hundred = thousand[:200]
    weights = [Weights(sections={"logistics_cost": w}) for w in (0.5, 1.5)]
    held = {1000: Scorer(checklist), 200: Scorer(checklist)}
    held[1000].score_all(thousand)
    held[200].score_all(two_hundred)

    def first(_n: int) -> object:
        return rank(Scorer(checklist).score_all(thousand))

    def moved(clinics: list[ClinicAnswers], decisive: bool = False) -> Callable[[int], object]:
        def action(n: int) -> object:
            scorer = Scorer(checklist, weights[n % 2], reuse=held[len(clinics)])
            held[len(clinics)] = scorer
            ranking = rank(scorer.score_all(clinics))
            # found when first asked (Compare and the report): timed here too, as before
            return ranking.decisive if decisive else ranking

        return action

    load = ", ".join(f"{n:.1f}" for n in os.getloadavg())
    print(f"checklist {checklist.version}: {len(checklist.items)} items; load {load}")
    for name, action in (
        ("floor (54,000 additions)", floor),
        ("score and rank 1,000 clinics, first time", first),
        ("score and rank 1,000 after a weight change", moved(thousand)),
        ("the same and the decisive questions", moved(thousand, decisive=True)),
        ("score and rank 200 after a weight change", moved(two_hundred)),
    ):
        wall, cpu = medians(action)
        print(f"{name:44s} median {wall:6.1f} ms, CPU {cpu:6.1f} ms")
    print(f"goal: 1,000 clinics ≤ {GOAL_MS:.0f} ms")


if __name__ == "__main__":
    main()
