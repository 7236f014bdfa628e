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
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # layoutfix, beside this script
import layoutfix

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
    "resources",
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


def main(argv: list[str]) -> int:
    return layoutfix.run(argv, rewrite, SKIP, DEFAULT_PATHS)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
