"""Python's cycle collector waits while kvet starts, then leaves what the start built alone.

A start makes about 140,000 objects that live as long as kvet does: modules, classes, Qt's
wrappers, SQLAlchemy's tables. Left on, the collector walks them again and again while they are
being made and finds almost nothing to free (about 600 objects at the end of a start): on this
project's 2-core test machine that was 70 of the 600 ms before a person's clinics show
(bench/bench_startup.py, runs with and without). So the collector is paused from the process's
start until the data shows. Then the objects made so far are set aside (``gc.freeze``): later
collections, while the user answers, walk only what was made since, and nothing is collected
in one long pause at the moment the window is first used.
"""

from __future__ import annotations

import gc


def pause() -> None:
    """Only the window's start calls it; the command line keeps the collector on."""
    gc.disable()


def resume() -> None:
    """Once the data shows, or the start ended otherwise (a message about a damaged file, a
    quit): safe to call more than once."""
    if gc.isenabled():
        return
    gc.freeze()
    gc.enable()
