"""Locate and read the data files in ``resources/``.

The folder sits at the top of a source checkout (as in Picard) and is installed as
``kvet/resources`` inside the wheel, so both places are tried.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

_PACKAGE_DIR = Path(__file__).resolve().parent


def resources_dir() -> Path:
    """Return the folder holding kvet's data files, from a wheel or from a checkout."""
    for candidate in (_PACKAGE_DIR / "resources", _PACKAGE_DIR.parent / "resources"):
        if (candidate / "checklist").is_dir():
            return candidate
    raise FileNotFoundError(
        "kvet's data folder 'resources' was not found next to the kvet package. "
        "The installation looks incomplete; reinstall kvet."
    )


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def read_toml(path: Path, what: str, error: type[ValueError]) -> dict[str, Any]:
    """Read a TOML data file; a missing or malformed one raises ``error`` naming the file."""
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as exc:
        raise error(f"Cannot read the {what} file {path}: {exc.strerror or exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise error(f"The {what} file {path} is not valid TOML: {exc}") from exc
