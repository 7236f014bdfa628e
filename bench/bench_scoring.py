"""Benchmark: score and rank 1,000 clinics; re-rank 200 after one weight change.

Targets: under 50 ms and under 16 ms (one frame, so weight sliders can re-rank live).
Run on demand: .venv/bin/python bench/bench_scoring.py
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable

from kvet.answers import OPTIONS
from kvet.checklist import Format, Kind, load_checklist
from kvet.ranking import rank
from kvet.scoring import ClinicAnswers, Scorer, Weights


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


def median_ms(action: Callable[[], object], repeat: int = 30) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    checklist = load_checklist()
    thousand = make_clinics(1000)
    two_hundred = thousand[:200]

    def full() -> object:
        return rank(Scorer(checklist).score_all(thousand))

    weights = [Weights(sections={"logistics_cost": w}) for w in (0.5, 1.5)]
    flip = iter(range(10**9))

    def rerank() -> object:
        return rank(Scorer(checklist, weights[next(flip) % 2]).score_all(two_hundred))

    print(f"checklist {checklist.version}: {len(checklist.items)} items")
    print(f"score and rank 1,000 clinics:          median {median_ms(full):6.1f} ms (target < 50)")
    print(
        f"re-rank 200 clinics after a weight change: median {median_ms(rerank):6.1f} ms "
        "(target < 16)"
    )


if __name__ == "__main__":
    main()
