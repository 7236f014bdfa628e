"""Update kvet's own translations: collect the window's words, then compile them for Qt.

``pyside6-lupdate`` reads the Designer forms in ui/ and the GUI modules that call ``tr`` or
``QCoreApplication.translate`` and merges their strings into
``resources/translations/kvet_<lang>.ts`` (translators edit that file, with Qt Linguist or by
hand); ``pyside6-lrelease`` compiles it to the ``.qm`` file kvet loads. Both are committed, like the
compiled forms, so kvet starts without the Qt tools; tests/test_translations.py fails when the
``.qm`` is stale or a string in the sources is missing from the ``.ts``.
Run: .venv/bin/python scripts/translations.py
(``--release`` only compiles the .ts files, as scripts/bundle.sh does before every build, so a
bundle always carries what the translators wrote.)
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI_DIR = ROOT / "ui"
GUI_DIR = ROOT / "kvet" / "gui"
OUT_DIR = ROOT / "resources" / "translations"
LANGUAGES = ("es",)
# A module takes part when it marks a string for translation in one of these ways.
MARKS = re.compile(r"\.tr\(|\btranslate\(|QT_TRANSLATE_NOOP|QT_TR_NOOP")


def tool(name: str) -> Path:
    """A Qt tool installed beside this Python (the venv's bin), as PySide6 ships it."""
    path = Path(sys.executable).parent / name
    if not path.exists():
        raise FileNotFoundError(f"{name} was not found beside {sys.executable}")
    return path


def sources() -> list[Path]:
    """The forms and the GUI modules of every room (not the compiled forms, which repeat the .ui
    strings). The .ts names no files (``-locations none``): moving a module leaves it as it was."""
    modules = [
        path
        for path in sorted(GUI_DIR.rglob("*.py"))
        if "forms" not in path.relative_to(GUI_DIR).parts
        and MARKS.search(path.read_text(encoding="utf-8"))
    ]
    return [*sorted(UI_DIR.glob("*.ui")), *modules]


def ts_path(code: str, folder: Path = OUT_DIR) -> Path:
    return folder / f"kvet_{code}.ts"


def qm_path(code: str, folder: Path = OUT_DIR) -> Path:
    return folder / f"kvet_{code}.qm"


def update_ts(ts_file: Path, code: str) -> None:
    """Merge the strings of the sources into ``ts_file``; strings gone from them are dropped."""
    subprocess.run(
        [
            str(tool("pyside6-lupdate")),
            "-silent",
            "-no-obsolete",
            "-locations",
            "none",
            "-target-language",
            code,
            *(str(path) for path in sources()),
            "-ts",
            str(ts_file),
        ],
        check=True,
        capture_output=True,
        text=True,
    )


def release(ts_file: Path, qm_file: Path) -> None:
    """Compile beside the .qm, then swap it in whole: a kvet (or a test) loading the .qm while a
    bundle build compiles it again reads the old file or the new one, never half of one."""
    fresh = qm_file.with_name(f".{qm_file.name}.{os.getpid()}.tmp")
    try:
        subprocess.run(
            [str(tool("pyside6-lrelease")), "-silent", str(ts_file), "-qm", str(fresh)],
            check=True,
            capture_output=True,
            text=True,
        )
        os.replace(fresh, qm_file)
    finally:
        fresh.unlink(missing_ok=True)


def main(argv: list[str] | None = None) -> int:
    only_release = "--release" in (sys.argv[1:] if argv is None else argv)
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    for code in LANGUAGES:
        if not only_release:
            update_ts(ts_path(code), code)
        release(ts_path(code), qm_path(code))
        print(f"updated {ts_path(code).relative_to(ROOT)} and {qm_path(code).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
