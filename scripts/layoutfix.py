"""The part both layout scripts share (scripts/fix_gui_imports.py for the window's rooms,
scripts/fix_core_imports.py for the core's packages): which files to read, which to leave alone,
and rewriting them in place or, with ``--check``, only saying which would change."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SUFFIXES = {".py", ".md", ".toml", ".sh", ".spec", ".cfg", ".ini", ".yml", ".yaml", ".txt"}


def files(paths: list[Path]) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            found = (p for p in sorted(path.rglob("*")) if p.is_file() and p.suffix in SUFFIXES)
            yield from (p for p in found if ".venv" not in p.parts and "profiles" not in p.parts)
        elif path.is_file():
            yield path


def skipped(path: Path, skip: Collection[str]) -> bool:
    try:
        return path.resolve().relative_to(ROOT).as_posix() in skip
    except ValueError:  # outside the checkout
        return False


def run(
    argv: list[str],
    rewrite: Callable[[str], str],
    skip: Collection[str],
    default_paths: Collection[str],
) -> int:
    """Rewrite the files named in ``argv`` (else ``default_paths``); exit status 1 when
    ``--check`` finds a file that would change."""
    check = "--check" in argv
    paths = [Path(a) for a in argv if not a.startswith("--")] or [ROOT / p for p in default_paths]
    changed = []
    for path in files(paths):
        if skipped(path, skip):
            continue
        text = path.read_text(encoding="utf-8")
        new = rewrite(text)
        if new != text:
            changed.append(path)
            if not check:
                path.write_text(new, encoding="utf-8")
    for path in changed:
        print(f"{'would rewrite' if check else 'rewrote'} {path}")
    return 1 if check and changed else 0
