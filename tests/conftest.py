"""Shared test set-up: offscreen Qt, no network, and a private data folder per test."""

from __future__ import annotations

import os
import re
import socket
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LANG", "en_US.UTF-8")
# fills painted on the painting thread, as kvet's own window sets (kvet.gui.main.application)
os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")

import pytest
from hypothesis import Phase, settings

from kvet.content.checklist import Checklist, load_checklist

# pytest's own fixture for running pytest on made-up test files (tests/test_suite_parallel.py);
# pytest-xdist handing out the longest test files first (tests/longest_first.py)
pytest_plugins = ["pytester", "tests.longest_first"]

# One hypothesis profile for the whole suite (issue 23): no per-example deadline, since a busy
# machine (CI, or eight jobs on two cores) makes a 50 ms example take 300 ms and time is not what
# these tests judge. Slow code is caught by bench/ and by pytest's faulthandler_timeout instead.
# KVET_HYPOTHESIS=ci gives the same examples on every run, so a red CI run can be repeated.
settings.register_profile("kvet", deadline=None, print_blob=True)
settings.register_profile("ci", parent=settings.get_profile("kvet"), derandomize=True)
# scripts/mutate.py: a mutant is killed by the first failing example; shrinking it to the
# smallest one (which nobody reads there) made a killed mutant cost a minute.
settings.register_profile(
    "mutate",
    parent=settings.get_profile("ci"),
    phases=(Phase.explicit, Phase.reuse, Phase.generate),
)
settings.load_profile(os.environ.get("KVET_HYPOTHESIS", "kvet"))


class NetworkUsedError(AssertionError):
    pass


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """kvet never connects anywhere: any attempt to reach a network address fails the test."""

    def refuse(self: socket.socket, address: tuple[object, ...] | str | bytes) -> None:
        family = getattr(self, "family", None)
        if family == socket.AF_UNIX:
            return original_connect(self, address)  # local IPC (e.g. a lock) is not the network
        raise NetworkUsedError(f"kvet tried to open a network connection to {address!r}")

    def refuse_create(address: object, *args: object, **kwargs: object) -> None:
        raise NetworkUsedError(f"kvet tried to open a network connection to {address!r}")

    original_connect = socket.socket.connect
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse_create)


@pytest.fixture(autouse=True)
def private_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test gets its own home and data folders, so no test sees the user's real data."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    # kvet's logs and crash reports: a machine that sets XDG_STATE_HOME would otherwise have
    # every test (and every pytest-xdist worker) write to that one real folder
    monkeypatch.setenv("XDG_STATE_HOME", str(home / ".local" / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))  # the data files as parsed
    monkeypatch.delenv("KVET_DATABASE_URL", raising=False)
    return home


@pytest.fixture(scope="session")
def checklist() -> Checklist:
    return load_checklist()


@pytest.fixture(autouse=True)
def english_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts in English with no KVET_LANG, whatever an earlier test chose."""
    import kvet.text.language

    monkeypatch.delenv(kvet.text.language.ENVIRONMENT, raising=False)
    monkeypatch.setattr(kvet.text.language, "_active", kvet.text.language.DEFAULT)
    monkeypatch.setattr(kvet.text.language, "_forced", "")


@pytest.fixture(autouse=True)
def no_translation_set_aside(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts with no translation set aside, whatever an earlier test damaged."""
    import kvet.content.translations

    monkeypatch.setattr(kvet.content.translations, "_set_aside", {})


# In a test's name, what differs between runs: an object's address, or where the checkout is.
_UNSTABLE_NAME = re.compile(r" at 0x[0-9a-f]+|" + re.escape(str(Path(__file__).parents[1])))


def pytest_collection_finish(session: pytest.Session) -> None:
    """Every test's name is the same in every process and every clone: pytest-xdist's workers
    must collect the same names, and a red test must be found again by its name. A name made from
    an object's address or the checkout's folder stops the run here, saying which test."""
    unstable = [item.nodeid for item in session.items if _UNSTABLE_NAME.search(item.nodeid)]
    if unstable:
        raise pytest.UsageError(
            "give these tests ids (pytest.mark.parametrize(ids=...)): their names change "
            f"from run to run: {unstable[:3]}"
        )
    collect_less()


def collect_less() -> None:
    """Python's cycle collector, set for a test run (issue 26: the suite within 180 s).

    What collection made (the test modules, kvet's and Qt's modules, hypothesis's strategies)
    lives until the run ends; the collector walked all of it again at every full collection.
    Set aside (``gc.freeze``), it is walked no more: about a tenth less processor time on six
    GUI test files. Each test's own garbage is collected as often as before, so a file or a
    lock a test leaves open is found in that test, not in a later one (collecting less often,
    tried too, moved such warnings into other tests and gained nothing more).
    """
    import gc

    gc.collect()
    gc.freeze()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests marked ``linux_only`` are skipped on Windows and macOS (the release workflow)."""
    on_linux = sys.platform.startswith("linux")
    skip = pytest.mark.skip(reason="needs Linux (marked linux_only)")
    for item in items:
        if not on_linux and item.get_closest_marker("linux_only"):
            item.add_marker(skip)


_application: object = None  # the run's one Qt application, kept alive for the whole run


def pytest_sessionstart(session: pytest.Session) -> None:
    """One widget application for the whole run, made before any test.

    kvet's command line draws PDFs with a bare ``QGuiApplication`` when none exists. Made inside
    a test, that one would outlive it, and every widget test after it would find the wrong kind
    of application: the suite's result would depend on its order.
    """
    global _application
    from PySide6.QtWidgets import QApplication

    _application = QApplication.instance() or QApplication(["kvet-tests"])
