"""An installed wheel finds its data: the checklist and crisis contacts ship inside it."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_checklist_loads_from_an_installed_wheel(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(dist),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        cwd=tmp_path,
    )
    wheel = next(dist.glob("kvet-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "kvet/resources/checklist/checklist.toml" in names
    assert "kvet/resources/crisis/contacts.toml" in names
    # What --install-desktop copies must be in the wheel, or a pipx install has no menu entry.
    assert "kvet/resources/desktop/io.github.kvet.kvet.desktop" in names
    assert "kvet/resources/desktop/io.github.kvet.kvet.metainfo.xml" in names
    assert "kvet/resources/icons/kvet.svg" in names
    assert "kvet/resources/icons/kvet-256.png" in names
    # The window's Spanish words ship compiled; their .ts source is for translators only.
    assert "kvet/resources/translations/kvet_es.qm" in names
    assert "kvet/resources/translations/kvet_es.ts" not in names
    assert any(n.startswith("kvet/gui/forms/ui_") for n in names)
    source = {
        f"kvet/{p.relative_to(ROOT / 'kvet').as_posix()}" for p in (ROOT / "kvet").rglob("*.py")
    }
    missing = source - set(names)  # a new package not listed in pyproject.toml
    assert not missing, sorted(missing)

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    target = (
        venv / "lib" / f"python{sys.version_info.major}.{sys.version_info.minor}" / "site-packages"
    )
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(target)  # what an installer does with a pure-Python wheel
    deps = sysconfig.get_paths()["purelib"]  # pydantic and friends, without our editable kvet
    code = (
        f"import sys; sys.path.append({deps!r})\n"
        "import kvet, kvet.content.datafiles\n"
        "from kvet.content.checklist import load_checklist\n"
        "c = load_checklist()\n"
        "print(kvet.__file__); print(kvet.content.datafiles.resources_dir()); print(len(c.items))\n"
    )
    out = subprocess.run(
        [str(venv / "bin" / "python"), "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    )
    kvet_file, resources, count = out.stdout.split()
    assert kvet_file.startswith(str(venv))
    assert resources.startswith(str(venv))
    assert int(count) > 20
