"""Put kvet in the desktop's application menu, or take it out again, for this user only.

People who never open a terminal find programs in their menu. Freedesktop desktops (GNOME, KDE,
Xfce, ...) build that menu from ``.desktop`` files and icons in the user's data folder
(``$XDG_DATA_HOME``, usually ``~/.local/share``), so installing means copying kvet's files there
with the command that starts this very copy of kvet; nothing outside that folder is touched and
no administrator rights are needed.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from kvet.datafiles import resource_path

APP_ID = "io.github.kvet.kvet"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


class DesktopError(Exception):
    """Installing or removing the menu entry failed; the message says why in plain words."""


@dataclass(frozen=True)
class Placement:
    """Where each file goes under one data folder."""

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

    def files(self) -> list[Path]:
        return [
            self.desktop_file,
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


def exec_value(command: list[str]) -> str:
    """Quote a command for a desktop file's Exec key, as the Desktop Entry spec asks."""
    quoted = []
    for word in command:
        if "\n" in word or "\r" in word:
            raise DesktopError(
                "kvet's folder has a line break in its name; a menu entry cannot start it."
            )
        word = word.replace("%", "%%")  # a lone % starts a field code such as %f
        if word and not any(c in word for c in " \t\n\"'\\><~|&;$*?#()`="):
            quoted.append(word)
            continue
        escaped = "".join("\\" + c if c in '"`$\\' else c for c in word)
        quoted.append(f'"{escaped}"')
    # In a desktop file's string values a backslash is itself escaped once more.
    return " ".join(quoted).replace("\\", "\\\\")


def desktop_entry(command: list[str]) -> str:
    """kvet's shipped desktop file, pointed at ``command``."""
    template = resource_path("desktop", f"{APP_ID}.desktop").read_text(encoding="utf-8")
    lines = []
    for line in template.splitlines():
        if line.startswith("Exec="):
            line = f"Exec={exec_value(command)}"
            lines.append(line)
            lines.append("TryExec=" + command[0].replace("\\", "\\\\"))
            continue
        lines.append(line)
    return "\n".join(lines) + "\n"


def install(home: Path | None = None, command: list[str] | None = None) -> list[Path]:
    """Write the menu entry, icons and metainfo; running it again refreshes them."""
    place = Placement(home or data_home())
    command = command or launch_command()
    contents: dict[Path, bytes] = {
        place.desktop_file: desktop_entry(command).encode("utf-8"),
        place.metainfo: resource_path("desktop", f"{APP_ID}.metainfo.xml").read_bytes(),
        place.scalable_icon: resource_path("icons", "kvet.svg").read_bytes(),
    }
    for size in ICON_SIZES:
        contents[place.icon(size)] = resource_path("icons", f"kvet-{size}.png").read_bytes()
    try:
        for target, data in contents.items():
            target.parent.mkdir(parents=True, exist_ok=True)
            partial = target.with_name(target.name + ".partial")
            partial.write_bytes(data)
            partial.replace(target)  # a menu never sees half a file
    except OSError as exc:
        raise DesktopError(
            f"kvet could not add itself to the menu in {place.data_home}: "
            f"{exc.strerror or exc}. Nothing else was changed."
        ) from exc
    return list(contents)


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
                f"kvet could not remove {path} from the menu: {exc.strerror or exc}."
            ) from exc
        removed.append(path)
    return removed
