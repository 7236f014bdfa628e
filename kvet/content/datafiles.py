"""Locate and read the data files in ``resources/``.

The folder sits at the top of a source checkout (as in Picard) and is installed as
``kvet/resources`` inside the wheel, so both places are tried.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kvet.text.errors import DataFileError, refusal

_PACKAGE_DIR = Path(__file__).resolve().parent.parent

# SHA-256 of each shipped data file as tests/test_shipped_data.py validated it in full (that
# test fails, naming the new hash, when a file changes). A file with exactly these bytes is read
# without validating it again on every start. In kvet's own data folder a file with other bytes
# was changed or damaged after kvet was installed, and one that still parses can still be wrong
# (a weight, a swapped answer label): the checklist and the PHQ-9, which decide scores, are then
# refused, and a translation is set aside for the English (kvet.content.translations). A file given
# by
# its own path (a tool, a test) is validated in full instead.
PROVEN_SHA256 = {
    "checklist": "ff63e03f3af8b7ed384f752619c352c370021a9dc8c911f4cbbe76ae76037bc9",
    "glossary": "e595f0acdb7fd3bc0f960742377bdeb6807966f5d3015cb896c4cc3e3247eb29",
    "crisis contacts": "21a96bc543f0ebcaf68a5dc64ea9184e69ad4d2da5b90a24e7373a64d5fba3ba",
    "guide": "fe2795d5648859cde3b71fdce32ae8dd6be7a486ce266a40fca9e4ae0b1e8680",
    "PHQ-9": "6402e44aedb44a0698b7fa7392fe04b91d39e6c4427d50d93d8fca763eed76c0",
    # Translations, proven merged over the English file above
    # (kvet.content.translations.read_translated).
    "checklist.es": "568d511672ce6f0b53b4656328d32b45d08c55395479bebc3811faa1212fed6a",
    "glossary.es": "beb574bc4393c40bd0be7f3392aa3819b384e1f32cd7d738681549d87a275a1f",
    "crisis contacts.es": "d8f756b87d4e80d4883e5be116053258e0763eb9ce404d5a56ccef16c8bf0889",
    "guide.es": "cbef795d709932abc5b35c30c47dc1bc429aa5c7d776c679f563729c69e86436",
    "PHQ-9.es": "85be50885a95f1c8092e3d4cf98c7c01de70ee7d76fa4f2787caeb4c50013c96",
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


def is_shipped(path: Path) -> bool:
    """Whether ``path`` is one of kvet's own data files (not a file a tool or test names)."""
    try:
        return Path(path).resolve().is_relative_to(resources_dir().resolve())
    except (OSError, FileNotFoundError):
        return False


def read_toml(path: Path, what: str, error: type[ValueError]) -> dict[str, Any]:
    """Read a TOML data file; a missing or malformed one raises ``error`` naming the file."""
    return read_checked_toml(path, what, error)[0]


def read_checked_toml(
    path: Path, what: str, error: type[ValueError], *, proven_as: str | None = None
) -> tuple[dict[str, Any], bool]:
    """Read a TOML data file, and say whether it is byte for byte the proven shipped ``what``
    (or ``proven_as``, a name in ``PROVEN_SHA256`` other than the one messages use); a missing
    or malformed one raises ``error`` naming the file."""
    import hashlib  # here, not at the top: the window imports this module before it shows
    import tomllib

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise refusal(
            error, "datafile.unreadable", what=what, path=path, reason=exc.strerror or str(exc)
        ) from exc
    try:
        raw = tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise refusal(error, "datafile.not-toml", what=what, path=path, reason=str(exc)) from exc
    return raw, hashlib.sha256(data).hexdigest() == PROVEN_SHA256.get(proven_as or what)


class GlossaryError(DataFileError):
    """The glossary file is missing or invalid; the message names the file, term and field.

    Defined here, beside the reader, so that ``kvet.content.glossary`` and its full validation in
    ``kvet.content.glossaryschema`` share it without importing each other."""
