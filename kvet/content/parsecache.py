"""The data files as parsed at an earlier start, so a start need not parse their TOML again.

Parsing the checklist's TOML is some 10 ms of every start (issue 26); reading it back from
``marshal`` takes a tenth of a millisecond. An entry is named by the SHA-256 of the file's
bytes, so a changed file is parsed afresh, and carries the SHA-256 of its own bytes, so a
damaged entry is never trusted (the checklist decides scores). Anything that goes wrong here
(no cache folder, a full disk, a value ``marshal`` cannot keep) only means parsing again.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import tempfile
from pathlib import Path
from typing import Any

CHECK = hashlib.sha256().digest_size


def cache_folder() -> Path:
    import platformdirs

    return platformdirs.user_cache_path("kvet", appauthor=False) / "parsed"


def _entry(digest: str) -> Path:
    return cache_folder() / f"{digest}.m{marshal.version}"


def parsed_before(digest: str) -> dict[str, Any] | None:
    """The data parsed from a file whose bytes have SHA-256 ``digest``, or None."""
    try:
        stored = _entry(digest).read_bytes()
    except OSError:
        return None
    payload = stored[CHECK:]
    if hashlib.sha256(payload).digest() != stored[:CHECK]:
        return None  # damaged or cut short: parse the file again
    try:
        found = marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return None
    return found if isinstance(found, dict) else None


def remember_parsed(digest: str, data: dict[str, Any]) -> None:
    """Keep ``data`` for the next start, written whole or not at all."""
    try:
        payload = marshal.dumps(data)
    except ValueError:
        return  # a value marshal cannot keep (a TOML date): parsed at every start
    entry = _entry(digest)
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=entry.parent, prefix=".writing-")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(hashlib.sha256(payload).digest() + payload)
            os.replace(temporary, entry)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        return
