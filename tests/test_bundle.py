"""The standalone bundle works where there is no Python set-up: unpacked into an empty folder,
started with a fresh home and nothing of the developer's virtual environment on the PATH."""

from __future__ import annotations

import json
import os
import subprocess
import tarfile
import unicodedata
from pathlib import Path

import pytest

from kvet import __version__
from kvet.content.checklist import Checklist
from kvet.start.sample import create_sample
from kvet.store.api import Store

ROOT = Path(__file__).resolve().parent.parent

pytestmark = [pytest.mark.slow, pytest.mark.linux_only]


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the bundle with the README's command and unpack it into an empty folder.

    Once a run, by the one worker that runs this file (scripts/test.sh: --dist loadfile): two
    builds at once in the same dist/ break each other, and a build costs a minute or more."""
    env = {k: v for k, v in os.environ.items() if k not in {"VIRTUAL_ENV", "PYTHONPATH"}}
    done = subprocess.run(
        ["bash", "scripts/bundle.sh"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    archive = ROOT / "dist" / f"kvet-{__version__}-linux-{os.uname().machine}.tar.gz"
    assert archive.name in done.stdout  # the script says where the archive is
    place = tmp_path_factory.mktemp("unpacked")
    with tarfile.open(archive) as tar:
        tar.extractall(place, filter="data")
    program = place / "kvet" / "kvet"
    assert os.access(program, os.X_OK)
    return program


def bare_env(home: Path, **extra: str) -> dict[str, str]:
    """What a fresh user account has: a home, the system PATH, no Python set-up of ours."""
    home.mkdir(exist_ok=True)
    return {"HOME": str(home), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", **extra}


def run_bundle(bundle: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """The bundled kvet run as a person's desktop runs it; it must end well."""
    done = subprocess.run(
        [str(bundle), *args], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done


def test_the_unpacked_bundle_opens_a_new_database_and_shows_its_window(
    bundle: Path, tmp_path: Path
) -> None:
    env = bare_env(tmp_path / "home", QT_QPA_PLATFORM="offscreen", KVET_EXIT_AFTER_SHOW="1")
    db = tmp_path / "home" / "clinics.sqlite"
    done = run_bundle(bundle, env, "--db", str(db))
    assert "ready-at" in done.stdout  # the clinics and scores were on screen
    assert db.is_file()
    assert "Traceback" not in done.stderr


def test_the_bundle_exports_a_shareable_file_and_a_pdf_report(
    bundle: Path, tmp_path: Path, checklist: Checklist
) -> None:
    db = tmp_path / "home" / "clinics.sqlite"
    env = bare_env(tmp_path / "home", QT_QPA_PLATFORM="offscreen")
    with Store.open(checklist, db, daily_backup=False) as store:  # a comparison made earlier
        sample = create_sample(store)
        names = {clinic.name for clinic in store.clinics.list(sample.id)}
    shared = tmp_path / "home" / "clinics.kvet"
    report = tmp_path / "home" / "report.pdf"
    for target in (shared, report):
        run_bundle(bundle, env, "--db", str(db), "export", str(target))
    document = json.loads(shared.read_text(encoding="utf-8"))
    assert document["format"] == "kvet-comparison"
    assert {clinic["name"] for clinic in document["clinics"]} == names
    assert report.read_bytes().startswith(b"%PDF")
    text = subprocess.run(
        ["pdftotext", str(report), "-"], capture_output=True, text=True, check=True
    ).stdout
    flowing = " ".join(unicodedata.normalize("NFKC", text).split())  # undo "fi" ligatures
    assert all(name in flowing for name in names), flowing[:500]


def test_the_bundle_leaves_out_the_network_module(bundle: Path) -> None:
    inside = bundle.parent / "_internal" / "PySide6"
    assert (inside / "QtWidgets.abi3.so").exists()
    assert not list(inside.glob("QtNetwork*")), (
        "kvet never connects anywhere; QtNetwork is dead weight"
    )


def test_the_bundle_speaks_spanish_with_what_the_translators_wrote(
    bundle: Path, tmp_path: Path
) -> None:
    """The build compiles the .ts files itself, so a bundle never carries a stale translation."""
    shipped = list(bundle.parent.rglob("kvet_es.qm"))
    assert len(shipped) == 1
    fresh = tmp_path / "kvet_es.qm"
    subprocess.run(
        [
            str(ROOT / ".venv" / "bin" / "pyside6-lrelease"),
            "-silent",
            str(ROOT / "resources" / "translations" / "kvet_es.ts"),
            "-qm",
            str(fresh),
        ],
        check=True,
    )
    assert shipped[0].read_bytes() == fresh.read_bytes()
    assert list(bundle.parent.rglob("qtbase_es.qm"))  # Qt's own words (Cancel, Close) too
