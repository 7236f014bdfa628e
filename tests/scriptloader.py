"""Load one of kvet's scripts (scripts/*.py) as a module, for the tests of what it does.

The scripts are programs, not a package, so each test file loaded them with the same seven
lines of importlib; this is those lines once."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


def load_script(stem: str, name: str | None = None, *, register: bool = False) -> ModuleType:
    """scripts/<stem>.py as a module called ``name`` (the stem without it); ``register`` puts it
    in ``sys.modules`` first, for a script whose dataclasses look themselves up there."""
    spec = importlib.util.spec_from_file_location(name or stem, ROOT / "scripts" / f"{stem}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    if register:
        sys.modules[name or stem] = module
    spec.loader.exec_module(module)
    return module
