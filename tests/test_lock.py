"""kvet's dependencies are locked (issue 28): a new release of a library reaches a user only after
it was tested here.

``uv.lock`` holds the exact version of every dependency for Linux, Windows and macOS and every
Python kvet supports; ``requirements/<mode>.txt`` are the same versions, with their hashes, as
pip files for scripts/setup.sh, CI and the release workflow. ``bash scripts/lock.sh`` makes all of
them (docs/dependencies.md). These checks are offline and take well under a second.
"""

from __future__ import annotations

import importlib.metadata
import os
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Sequence
from itertools import product
from pathlib import Path

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
MODES = ("app", "test", "bundle")
# Where a requirement can differ: before and after PySide6's bound at 3.12, with each extra.
PYTHONS = ("3.11.0", "3.11.9", "3.12.0", "3.13.1", "3.14.0")
EXTRAS = ("", "test", "bundle")

Wanted = frozenset[tuple[str, str]]


def uv() -> str:
    """The uv installed with the test tools, beside this Python."""
    found = shutil.which("uv", path=str(Path(sys.executable).parent)) or shutil.which("uv")
    if found is None:
        pytest.fail("uv is missing: run bash scripts/setup.sh test")
    return found


def wanted_in(requirements: Sequence[tuple[str, SpecifierSet, Marker | None]]) -> dict[str, Wanted]:
    """For each Python and extra, the set of (name, allowed versions) that applies there."""
    found: dict[str, Wanted] = {}
    for python, extra in product(PYTHONS, EXTRAS):
        place = {"python_version": python.rsplit(".", 1)[0], "python_full_version": python}
        place["extra"] = extra
        found[f"Python {python}, extra '{extra}'"] = frozenset(
            (name, str(spec))
            for name, spec, marker in requirements
            if marker is None or marker.evaluate(place)
        )
    return found


def declared(pyproject_text: str) -> dict[str, Wanted]:
    """What pyproject.toml asks for: the dependencies and each extra's."""
    project = tomllib.loads(pyproject_text)["project"]
    lines = [(line, "") for line in project["dependencies"]]
    for extra, more in project["optional-dependencies"].items():
        lines += [(line, extra) for line in more]
    requirements = []
    for line, extra in lines:
        req = Requirement(line)
        marker = req.marker
        if extra:
            both = f"({marker}) and extra == '{extra}'" if marker else f"extra == '{extra}'"
            marker = Marker(both)
        requirements.append((canonicalize_name(req.name), req.specifier, marker))
    return wanted_in(requirements)


def locked(lock_text: str) -> dict[str, Wanted]:
    """What uv.lock was made from: kvet's requirements as the lock recorded them."""
    kvet = next(p for p in tomllib.loads(lock_text)["package"] if p["name"] == "kvet")
    requirements = [
        (
            canonicalize_name(entry["name"]),
            SpecifierSet(entry.get("specifier", "")),
            Marker(entry["marker"]) if "marker" in entry else None,
        )
        for entry in kvet["metadata"]["requires-dist"]
    ]
    return wanted_in(requirements)


def test_the_lock_was_made_from_the_requirements_in_pyproject() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text("utf-8")
    lock = (ROOT / "uv.lock").read_text("utf-8")
    assert locked(lock) == declared(pyproject), "run bash scripts/lock.sh"
    # uv's own verdict, offline: the lock satisfies pyproject.toml as it is
    done = subprocess.run(
        [uv(), "lock", "--check", "--offline"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_a_new_dependency_in_pyproject_is_noticed_until_the_lock_is_made_again() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text("utf-8")
    lock = (ROOT / "uv.lock").read_text("utf-8")
    added = pyproject.replace('    "zxcvbn>=4.4.28",\n', '    "zxcvbn>=4.4.28",\n    "rich>=13",\n')
    raised = pyproject.replace('"alembic>=1.13"', '"alembic>=1.14"')
    assert added != pyproject
    assert raised != pyproject
    assert locked(lock) != declared(added)
    assert locked(lock) != declared(raised)


@pytest.mark.parametrize("mode", MODES)
def test_the_pip_files_setup_installs_are_the_lock_exported(mode: str, tmp_path: Path) -> None:
    committed = ROOT / "requirements" / f"{mode}.txt"
    extra = [] if mode == "app" else ["--extra", mode]
    export = ["export", "--frozen", "--offline", "--format=requirements-txt", "--no-emit-project"]
    # the very command scripts/lock.sh runs, written elsewhere
    done = subprocess.run(
        [uv(), *export, *extra, "-o", str(tmp_path / "now.txt")],
        cwd=ROOT,
        env=dict(os.environ, UV_CACHE_DIR=str(tmp_path / "cache")),
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr

    def body(path: Path) -> list[str]:  # the header names the output file: not compared
        return [line for line in path.read_text("utf-8").splitlines() if not line.startswith("#")]

    assert body(tmp_path / "now.txt") == body(committed), "run bash scripts/lock.sh"
    assert "--hash=sha256:" in committed.read_text("utf-8")  # pip checks every download


def test_the_suite_runs_on_exactly_the_locked_versions() -> None:
    """scripts/setup.sh test (and the release workflow) installed requirements/test.txt."""
    wrong = []
    for line in (ROOT / "requirements" / "test.txt").read_text("utf-8").splitlines():
        if not line or line[0] in "# ":
            continue
        pin = Requirement(line.rstrip(" \\"))
        if pin.marker is not None and not pin.marker.evaluate():
            continue
        want = next(iter(pin.specifier)).version
        try:
            have = importlib.metadata.version(pin.name)
        except importlib.metadata.PackageNotFoundError:
            have = "missing"
        if have != want:
            wrong.append(f"{pin.name}: {have}, locked {want}")
    assert wrong == [], "run bash scripts/setup.sh test"
