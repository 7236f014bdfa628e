"""pytest-xdist's ``--dist loadfile`` with the longest test files handed out first (issue 26).

scripts/test.sh gives each file's tests to one worker (the bundle is built once). xdist hands the
files out largest first by their number of tests, so the two longest files of the suite, the
3,000-step soak (one test) and the bundle (four), came last: one core then worked alone for
their minutes while the other had nothing left. Handing out the longest first (the classic
"longest job first" rule) leaves only short files for the end, where they even out.

The controller cannot import a test file to know how long it takes, so a file's length is
guessed from what it says: a file with a test marked ``slow`` comes before any without, and then
the files with more tests first (xdist's own order). Only the order changes: every test runs, on
one worker per file, as before.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest


@cache
def length(path: Path, tests: int) -> tuple[bool, int]:
    """How long a file's tests are guessed to take, for sorting: (marked slow, test count)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        text = ""
    return ("mark.slow" in text, tests)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    """``--dist loadfile``, each next file the longest one still waiting; any other --dist is
    left to xdist."""
    if config.getvalue("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadFileScheduling  # type: ignore[import-untyped]  # xdist calls it

    root = Path(config.rootpath)

    class LongestFirstScheduling(LoadFileScheduling):  # type: ignore[misc]
        def _assign_work_unit(self, node: Any) -> None:
            if self.workqueue:
                longest = max(
                    self.workqueue, key=lambda s: length(root / s, len(self.workqueue[s]))
                )
                self.workqueue.move_to_end(longest, last=False)
            super()._assign_work_unit(node)

    return LongestFirstScheduling(config, log)
