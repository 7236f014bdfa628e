"""Put kvet in the Windows Start menu, or take it out again, for this user only.

Windows keeps a user's Start-menu entries as shortcut (``.lnk``) files in
``%APPDATA%\\Microsoft\\Windows\\Start Menu\\Programs``. A ``.lnk`` is a binary format that
Windows' own Shell writes; kvet asks it to through PowerShell's ``WScript.Shell`` object, which
every supported Windows has, rather than carrying a library for one file. Nothing here runs on
Linux or macOS, but the command it builds is checked there (tests/test_startmenu.py).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from kvet.text.errors import KvetError

SHORTCUT_NAME = "kvet.lnk"
DESCRIPTION = "Vet and compare ketamine therapy clinics, privately, on your own computer"


class StartMenuError(KvetError):
    """The Start-menu entry could not be made or removed; the message says why, plainly."""


def programs_folder(environ: dict[str, str] | None = None) -> Path:
    """This user's Start-menu programs folder (no administrator rights needed)."""
    env = os.environ if environ is None else environ
    appdata = env.get("APPDATA")
    if not appdata:
        raise StartMenuError("startmenu.no-folder")
    return Path(appdata) / "Microsoft" / "Windows" / "Start Menu" / "Programs"


def _quoted(text: str) -> str:
    """A PowerShell single-quoted string: nothing inside is expanded; a quote is doubled."""
    return "'" + text.replace("'", "''") + "'"


def powershell_script(shortcut: Path, target: Path) -> str:
    """The script that asks Windows' Shell to write the shortcut."""
    return "; ".join(
        [
            "$ErrorActionPreference = 'Stop'",
            "$shell = New-Object -ComObject WScript.Shell",
            f"$link = $shell.CreateShortcut({_quoted(str(shortcut))})",
            f"$link.TargetPath = {_quoted(str(target))}",
            f"$link.WorkingDirectory = {_quoted(str(target.parent))}",
            f"$link.Description = {_quoted(DESCRIPTION)}",
            f"$link.IconLocation = {_quoted(str(target) + ',0')}",
            "$link.Save()",
        ]
    )


def powershell_command(shortcut: Path, target: Path) -> list[str]:
    """The whole command line: no profile, no prompt, no window of its own."""
    return [
        "powershell.exe",
        "-NoProfile",
        "-NonInteractive",
        "-ExecutionPolicy",
        "Bypass",
        "-Command",
        powershell_script(shortcut, target),
    ]


def install(target: Path | None = None, environ: dict[str, str] | None = None) -> Path:
    """Add kvet (``target``, else the running kvet.exe) to the Start menu; returns the link."""
    program = Path(target or sys.executable).resolve()
    folder = programs_folder(environ)
    shortcut = folder / SHORTCUT_NAME
    try:
        folder.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(
            powershell_command(shortcut, program),
            capture_output=True,
            text=True,
            timeout=60,
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise StartMenuError("startmenu.no-powershell") from exc
    if done.returncode != 0 or not shortcut.exists():
        raise StartMenuError("startmenu.not-added")
    return shortcut


def uninstall(environ: dict[str, str] | None = None) -> bool:
    """Remove kvet's Start-menu entry; False when there was none. Your data is not touched."""
    shortcut = programs_folder(environ) / SHORTCUT_NAME
    try:
        shortcut.unlink()
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise StartMenuError("startmenu.not-removed", reason=exc.strerror or "not allowed") from exc
    return True
