"""Rewrite references to the flat core of before issue 28 (``kvet/<module>.py``) to its packages.

The core was 40 modules side by side at the top of kvet/; each now lives in a package named for
what it holds (docs/architecture.md). Code written against the flat layout (a branch that began
before the move, a patch, a note) still names the old modules; this rewrites those names in place:
dotted module paths (imports, ``monkeypatch`` targets), ``from kvet import a, b`` lines (split by
package) and file paths such as ``kvet/<module>.py``. Running it twice changes nothing the second
time.

Run: .venv/bin/python scripts/fix_core_imports.py [--check] [PATH ...]
(no PATH: the whole checkout's code, tests, scripts and docs). ``--check`` changes nothing and
exits 1 if it would.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Each package and the modules that moved into it from kvet/ (same file names).
PACKAGES: dict[str, tuple[str, ...]] = {
    "content": (
        "catalogue",
        "checklist",
        "checklistkinds",
        "checklistschema",
        "country",
        "crisis",
        "datafiles",
        "glossary",
        "glossaryschema",
        "guide",
        "readability",
        "translations",
    ),
    "rating": (
        "answers",
        "combine",
        "costs",
        "money",
        "plantext",
        "progress",
        "ranking",
        "scoring",
        "verdict",
    ),
    "treatment": ("bloodpressure", "course", "coursetrend", "phq9", "reconsider", "treatmentcheck"),
    "text": ("datewords", "errors", "errortexts", "language", "wording"),
    "system": ("atomicfile", "crashlog", "desktop", "leave", "privatefiles", "startmenu"),
    "start": ("recovery", "sample"),
}
PACKAGE_OF = {module: package for package, modules in PACKAGES.items() for module in modules}
_NAMES = "|".join(sorted(PACKAGE_OF, key=len, reverse=True))
DOTTED = re.compile(rf"(?<![\w.])kvet\.({_NAMES})\b")
PATH = re.compile(rf"(?<![\w./])kvet/({_NAMES})\.py\b")
FROM_KVET = re.compile(
    r"^(?P<indent>[ \t]*)from kvet import (?:\((?P<paren>[^)]*)\)|(?P<line>[^\n#]*?))"
    r"(?P<rest>[ \t]*(?:#[^\n]*)?)$",
    re.MULTILINE,
)
# one moved module imported inside a string or after other code ("...; from kvet import x")
INLINE = re.compile(rf"\bfrom kvet import ({_NAMES})\b(?![ \t]*,)")
SUFFIXES = {".py", ".md", ".toml", ".sh", ".spec", ".cfg", ".ini", ".yml", ".yaml", ".txt"}
DEFAULT_PATHS = (
    "kvet",
    "tests",
    "bench",
    "scripts",
    "docs",
    "packaging",
    ".github",
    "README.md",
    "pyproject.toml",
)
# files that name the flat layout on purpose: this script, its test, and the page that shows an
# old name as an example
SKIP = {"scripts/fix_core_imports.py", "tests/test_fix_imports.py", "docs/architecture.md"}


def _from_kvet(match: re.Match[str]) -> str:
    names = match.group("paren") if match.group("paren") is not None else match.group("line")
    parts = [part.strip() for part in names.replace("\n", " ").split(",") if part.strip()]
    by_package: dict[str, list[str]] = {}
    for part in parts:
        by_package.setdefault(PACKAGE_OF.get(part.split()[0], ""), []).append(part)
    indent, rest = match.group("indent"), match.group("rest")
    lines = [
        f"{indent}from kvet{'.' + package if package else ''} import {', '.join(names)}"
        for package, names in by_package.items()
    ]
    return "\n".join(lines) + rest


def rewrite(text: str) -> str:
    """``text`` with every reference to a moved module pointing at its package."""
    text = FROM_KVET.sub(_from_kvet, text)
    text = INLINE.sub(lambda m: f"from kvet.{PACKAGE_OF[m.group(1)]} import {m.group(1)}", text)
    text = DOTTED.sub(lambda m: f"kvet.{PACKAGE_OF[m.group(1)]}.{m.group(1)}", text)
    return PATH.sub(lambda m: f"kvet/{PACKAGE_OF[m.group(1)]}/{m.group(1)}.py", text)


def files(paths: list[Path]) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            found = (p for p in sorted(path.rglob("*")) if p.is_file() and p.suffix in SUFFIXES)
            yield from (p for p in found if ".venv" not in p.parts and "profiles" not in p.parts)
        elif path.is_file():
            yield path


def _skipped(path: Path) -> bool:
    try:
        return path.resolve().relative_to(ROOT).as_posix() in SKIP
    except ValueError:  # outside the checkout
        return False


def main(argv: list[str]) -> int:
    check = "--check" in argv
    paths = [Path(a) for a in argv if not a.startswith("--")] or [ROOT / p for p in DEFAULT_PATHS]
    changed = []
    for path in files(paths):
        if _skipped(path):
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


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
