"""Put kvet in the desktop's application menu, or take it out again, for this user only.

People who never open a terminal find programs in their menu. Freedesktop desktops (GNOME, KDE,
Xfce, ...) build that menu from ``.desktop`` files and icons in the user's data folder
(``$XDG_DATA_HOME``, usually ``~/.local/share``), so installing means copying kvet's files there
with the command that starts this very copy of kvet; nothing outside that folder is touched and
no administrator rights are needed.

Every file is written whole under a fresh, unguessable temporary name (``atomicfile``), never
through a name someone could have planted (a ``.partial`` symlink to ``~/.bashrc``). The menu
entry is written last, and if anything fails the files already written are put back as they
were, so "nothing was changed" is true when kvet says it.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import NamedTuple

from kvet.content.datafiles import resource_path
from kvet.text.errors import KvetError

APP_ID = "io.github.kvet.kvet"
# The freedesktop menu is Linux's, but the module is type-checked for every platform.
if sys.platform == "win32":
    NOFOLLOW = 0
else:
    NOFOLLOW = os.O_NOFOLLOW
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


class DesktopError(KvetError):
    """Installing or removing the menu entry failed; the message says why in plain words."""


class Placement(NamedTuple):
    """Where each file goes under one data folder. (A named tuple, not a dataclass: the window
    imports this module for kvet's id and icon sizes before its first paint, where Python's
    dataclasses module costs milliseconds.)"""

    data_home: Path

    @property
    def desktop_file(self) -> Path:
        return self.data_home / "applications" / f"{APP_ID}.desktop"

    @property
    def metainfo(self) -> Path:
        return self.data_home / "metainfo" / f"{APP_ID}.metainfo.xml"

    @property
    def scalable_icon(self) -> Path:
        return self.data_home / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"

    def icon(self, size: int) -> Path:
        return self.data_home / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"

    @property
    def mime_package(self) -> Path:
        """The .kvet file type, for the shared MIME database (``update-mime-database``)."""
        return self.data_home / "mime" / "packages" / f"{APP_ID}.xml"

    def files(self) -> list[Path]:
        return [
            self.desktop_file,
            self.mime_package,
            self.metainfo,
            self.scalable_icon,
            *(self.icon(size) for size in ICON_SIZES),
        ]


def data_home() -> Path:
    """The user's data folder as the XDG base-directory rules define it."""
    configured = os.environ.get("XDG_DATA_HOME", "")
    if configured and Path(configured).is_absolute():
        return Path(configured)
    return Path.home() / ".local" / "share"


def launch_command() -> list[str]:
    """The command that starts this copy of kvet: the bundle, the venv's script, or python -m."""
    if getattr(sys, "frozen", False):  # a PyInstaller bundle: its executable is kvet itself
        return [str(Path(sys.executable).resolve())]
    script = Path(sys.executable).parent / "kvet"
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script.absolute())]
    return [str(Path(sys.executable).absolute()), "-m", "kvet"]


def _refuse_control_characters(word: str) -> None:
    """A line break (or another control character) cannot be written in a desktop file at all."""
    if any((ord(c) < 0x20 and c != "\t") or ord(c) == 0x7F for c in word):
        raise DesktopError("desktop.odd-folder-name")


def _string_value(text: str) -> str:
    """Escape a desktop file's string value: a backslash and a tab are written as \\ and \\t."""
    return text.replace("\\", "\\\\").replace("\t", "\\t")


def exec_value(command: list[str]) -> str:
    """Quote a command for a desktop file's Exec key, as the Desktop Entry spec asks."""
    for word in command:
        _refuse_control_characters(word)
    if "%" in command[0]:
        # GLib looks the program up by the Exec value's first word before it turns %% back into
        # %, so "/opt/100%%/kvet" is never found and GNOME hides the entry; env finds it instead.
        command = ["env", *command]
    quoted = []
    for word in command:
        word = word.replace("%", "%%")  # a lone % starts a field code such as %f
        if word and not any(c in word for c in " \t\n\"'\\><~|&;$*?#()`="):
            quoted.append(word)
            continue
        escaped = "".join("\\" + c if c in '"`$\\' else c for c in word)
        quoted.append(f'"{escaped}"')
    # In a desktop file's string values a backslash is itself escaped once more.
    return _string_value(" ".join(quoted))


def desktop_entry(command: list[str]) -> str:
    """kvet's shipped desktop file, pointed at ``command``."""
    template = resource_path("desktop", f"{APP_ID}.desktop").read_text(encoding="utf-8")
    lines = []
    for line in template.splitlines():
        if line.startswith("Exec="):
            # %f: a .kvet file opened from the file manager arrives as kvet's one argument.
            line = f"Exec={exec_value(command)} %f"
            lines.append(line)
            lines.append("TryExec=" + _string_value(command[0]))
            continue
        lines.append(line)
    return "\n".join(lines) + "\n"


def install(home: Path | None = None, command: list[str] | None = None) -> list[Path]:
    """Write the menu entry, icons and metainfo; running it again refreshes them.

    All or nothing: on a failure every file already written is put back as it was (and the
    folders kvet made are removed), and the message says so only when that worked.
    """
    place = Placement(home or data_home())
    command = command or launch_command()
    contents: dict[Path, bytes] = {
        place.metainfo: resource_path("desktop", f"{APP_ID}.metainfo.xml").read_bytes(),
        place.mime_package: resource_path("desktop", f"{APP_ID}.mime.xml").read_bytes(),
        place.scalable_icon: resource_path("icons", "kvet.svg").read_bytes(),
    }
    for size in ICON_SIZES:
        contents[place.icon(size)] = resource_path("icons", f"kvet-{size}.png").read_bytes()
    # last, so the menu never shows an entry whose icon is missing
    contents[place.desktop_file] = desktop_entry(command).encode("utf-8")
    made: list[Path] = []
    before: list[tuple[Path, bytes | str | None]] = []
    try:
        for target, data in contents.items():
            made.extend(_make_folders(target.parent))
            before.append((target, _current(target)))
            _write(target, data)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        if _put_back(before, made):
            raise DesktopError("desktop.not-added", folder=place.data_home, reason=reason) from exc
        raise DesktopError("desktop.half-added", folder=place.data_home, reason=reason) from exc
    _refresh_file_types(place)
    return list(contents)


def _refresh_file_types(place: Placement) -> None:
    """Let the desktop know ``.kvet`` files open with kvet, where the tool for it is installed.

    Best effort: without shared-mime-info's tool the menu entry still works; only double-clicking
    a shared file does not offer kvet until the desktop rebuilds its database itself.
    """
    import shutil  # here, not at the top: the window reads this module's names before it shows
    import subprocess

    tool = shutil.which("update-mime-database")
    if tool is None:
        return
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        subprocess.run(
            [tool, str(place.data_home / "mime")],
            capture_output=True,
            timeout=60,
            check=False,
        )


def _make_folders(folder: Path) -> list[Path]:
    """Make ``folder`` and any missing parents; returns the ones made, outermost first."""
    missing = [p for p in (folder, *folder.parents) if not p.exists()]
    folder.mkdir(parents=True, exist_ok=True)
    return list(reversed(missing))


def _current(target: Path) -> bytes | str | None:
    """What ``target`` holds now: its bytes, a symlink's destination, or None when absent."""
    if target.is_symlink():
        return os.readlink(target)
    fd = os.open(target, os.O_RDONLY | NOFOLLOW) if target.exists() else -1
    if fd < 0:
        return None
    with os.fdopen(fd, "rb") as handle:
        return handle.read()


def _write(target: Path, data: bytes) -> None:
    """``data`` as ``target``, via a fresh private temporary file, readable by all like any icon."""
    from kvet.system import atomicfile

    with atomicfile.replacing(target) as temp, open(temp, "wb") as handle:
        handle.write(data)
        if sys.platform != "win32":
            os.fchmod(handle.fileno(), 0o644)


def _put_back(before: list[tuple[Path, bytes | str | None]], made: list[Path]) -> bool:
    """Undo ``install``'s writes in reverse order; True when everything is as it was."""
    whole = True
    for target, previous in reversed(before):
        try:
            if previous is None:
                target.unlink(missing_ok=True)
            elif isinstance(previous, str):
                target.unlink(missing_ok=True)
                target.symlink_to(previous)
            elif _current(target) != previous:
                _write(target, previous)
        except OSError:
            whole = False
    for folder in reversed(made):
        try:
            folder.rmdir()
        except OSError:
            whole = False
    return whole


def uninstall(home: Path | None = None) -> list[Path]:
    """Remove exactly the files ``install`` writes; returns those that were there."""
    place = Placement(home or data_home())
    removed = []
    for path in place.files():
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise DesktopError(
                "desktop.not-removed", path=path, reason=exc.strerror or str(exc)
            ) from exc
        removed.append(path)
    if place.mime_package in removed:
        _refresh_file_types(place)
    return removed
