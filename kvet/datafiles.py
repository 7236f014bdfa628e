"""Locate and read the data files in ``resources/``.

The folder sits at the top of a source checkout (as in Picard) and is installed as
``kvet/resources`` inside the wheel, so both places are tried.
"""

from __future__ import annotations

import hashlib
import tomllib
from pathlib import Path
from typing import Any

_PACKAGE_DIR = Path(__file__).resolve().parent

# SHA-256 of each shipped data file as tests/test_shipped_data.py validated it in full (that
# test fails, naming the new hash, when a file changes). A file with exactly these bytes is read
# without validating it again on every start; any other content is validated in full on load,
# so an edited or damaged file still gets its clear error.
PROVEN_SHA256 = {
    "checklist": "ff63e03f3af8b7ed384f752619c352c370021a9dc8c911f4cbbe76ae76037bc9",
    "glossary": "e595f0acdb7fd3bc0f960742377bdeb6807966f5d3015cb896c4cc3e3247eb29",
    # Translations, proven merged over the English file above (kvet.translations.read_translated).
    "checklist.es": "af20613d32705efd5fbada639af931a44dee9f0c8f6fb4423e1440ba15b841ae",
    "glossary.es": "beb574bc4393c40bd0be7f3392aa3819b384e1f32cd7d738681549d87a275a1f",
}


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
    return read_checked_toml(path, what, error)[0]


def read_checked_toml(
    path: Path, what: str, error: type[ValueError], *, proven_as: str | None = None
) -> tuple[dict[str, Any], bool]:
    """Read a TOML data file, and say whether it is byte for byte the proven shipped ``what``
    (or ``proven_as``, a name in ``PROVEN_SHA256`` other than the one messages use); a missing
    or malformed one raises ``error`` naming the file."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise error(f"Cannot read the {what} file {path}: {exc.strerror or exc}") from exc
    try:
        raw = tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise error(f"The {what} file {path} is not valid TOML: {exc}") from exc
    return raw, hashlib.sha256(data).hexdigest() == PROVEN_SHA256.get(proven_as or what)


class GlossaryError(ValueError):
    """The glossary file is missing or invalid; the message names the file, term and field.

    Defined here, beside the reader, so that ``kvet.glossary`` and its full validation in
    ``kvet.glossaryschema`` share it without importing each other."""
