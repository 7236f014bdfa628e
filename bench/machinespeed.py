"""How fast this machine runs Python right now, beside a benchmark's figures.

The shared 2-core machine kvet is measured on changed speed by half within minutes, with nothing
else running: the same answer took 9 ms in one minute and 18 in another (README, issue 26,
eighth round). A fixed loop timed before and after a benchmark tells which kind of minute its
figures came from: seen here, 150-200 ms in this machine's fast minutes, and half as long again
in its slow ones.
"""

from __future__ import annotations

import statistics
import time

LOOPS = 3_000_000


def python_loop_ms() -> float:
    """The median of three runs of the same arithmetic loop, in ms."""
    times = []
    for _ in range(3):
        start = time.perf_counter()
        total = 0
        for n in range(LOOPS):
            total += n * n % 7
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def speed_line(when: str) -> str:
    return f"machine speed {when}: a fixed Python loop took {python_loop_ms():.0f} ms"
