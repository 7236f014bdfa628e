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
    "checklist": "bb37784861b288669e96c8739b6121ac203a4b8a02bd689df6a86cec0b3ee573",
    "glossary": "eb95839e0c67b7941e0e843a838ede691fcd04077920936acf22cc59ccabcb09",
    "crisis contacts": "21a96bc543f0ebcaf68a5dc64ea9184e69ad4d2da5b90a24e7373a64d5fba3ba",
    "guide": "609d9050fff1d506ad187469edeec04bf2833dbcd1c2bb2914e665df20f21c36",
    "PHQ-9": "6402e44aedb44a0698b7fa7392fe04b91d39e6c4427d50d93d8fca763eed76c0",
    # Translations, proven merged over the English file above
    # (kvet.content.translations.read_translated).
    "checklist.es": "2be7c4c9216d484122aeb595ade7029f86794ba3b640381fb4d16a50265116cc",
    "glossary.es": "3ea0c7e33d7b9b909c4b2ea3ef037aeb53a97ede6bf1208644c6eb58151946da",
    "crisis contacts.es": "4bca24cb8606104f5e25066f6cb92bd01d2f151da8bc1fdf38719def7c28d350",
    "guide.es": "6fdaeb2de5c30228d2f2a52cb05654e0e5b250fe595013c9ee254b9f12b78689",
    "PHQ-9.es": "688e4ee11559afe23f049051c1a8ad44ce6235a2763c889cd83e4c51bea55bf0",
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

    from kvet.content.parsecache import parsed_before, remember_parsed

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise refusal(
            error, "datafile.unreadable", what=what, path=path, reason=exc.strerror or str(exc)
        ) from exc
    digest = hashlib.sha256(data).hexdigest()
    raw = parsed_before(digest)
    if raw is None:
        try:
            raw = tomllib.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            reason = str(exc)
            raise refusal(error, "datafile.not-toml", what=what, path=path, reason=reason) from exc
        remember_parsed(digest, raw)
    return raw, digest == PROVEN_SHA256.get(proven_as or what)


class GlossaryError(DataFileError):
    """The glossary file is missing or invalid; the message names the file, term and field.

    Defined here, beside the reader, so that ``kvet.content.glossary`` and its full validation in
    ``kvet.content.glossaryschema`` share it without importing each other."""
