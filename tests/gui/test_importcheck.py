"""Start-up: PySide6 is not left reading the source of every library kvet imports after it."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from kvet.gui.main import importcheck

COUNT_SOURCE_READS = textwrap.dedent(
    """
    import inspect, sys
    import PySide6.QtCore
    from kvet.gui.main import importcheck
    if sys.argv[1] == "on":
        assert importcheck.install()
    reads = []
    real = inspect.getsource
    def counting(obj, *args, **kwargs):
        reads.append(getattr(obj, "__name__", "?"))
        return real(obj, *args, **kwargs)
    inspect.getsource = counting
    import sqlalchemy.orm
    import kvet.store.api
    print(len(reads))
    """
)


def source_reads(mode: str) -> int:
    done = subprocess.run(
        [sys.executable, "-c", COUNT_SOURCE_READS, mode],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(done.stdout.strip())


def test_pyside6_still_has_the_hook_kvet_answers_for_it() -> None:
    # A canary: if a PySide6 release drops or renames this private hook, kvet still starts,
    # only slower (about 100 ms and 15 MiB, see bench/bench_startup.py). Then look again.
    assert importcheck.install()
    assert importcheck.install()  # a second call changes nothing


def test_the_data_libraries_are_imported_without_their_source_being_read() -> None:
    assert source_reads("off") > 100  # what PySide6 does on its own: one read per module
    assert source_reads("on") == 0


def test_only_kvets_qt_parts_and_unknown_packages_are_left_to_pyside6() -> None:
    assert importcheck._not_qt("sqlalchemy.orm.session")
    assert importcheck._not_qt("json.decoder")
    assert importcheck._not_qt("kvet.store.api")
    assert not importcheck._not_qt("kvet.gui.main.mainwindow")
    assert not importcheck._not_qt("kvet.render.pdf")
    assert not importcheck._not_qt("some_plugin_we_do_not_know")
