"""Windows' Start-menu entry, checked here: the PowerShell command kvet builds, and what the
``--install-desktop`` flag does with it (the Shell that writes the .lnk is faked)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from kvet import __main__ as entry
from kvet.system import startmenu


def literals(script: str) -> dict[str, str]:
    """What a PowerShell script assigns from single-quoted strings, as PowerShell reads them."""
    found = {}
    for name, quoted in re.findall(r"\$link\.(\w+) = '((?:[^']|'')*)'", script):
        found[name] = quoted.replace("''", "'")
    return found


@pytest.mark.parametrize(
    "folder",
    [
        r"C:\Users\Ana\kvet",
        r"C:\Users\O'Brien\Downloads\kvet",
        r"C:\Program Files\k$vet `$(rm -r C:\)",
        r"D:\Carpeta de María\kvet ; calc.exe",
    ],
)
def test_a_folder_with_quotes_dollars_or_semicolons_reaches_windows_word_for_word(
    folder: str,
) -> None:
    target = Path(folder) / "kvet.exe"
    script = startmenu.powershell_script(Path(r"C:\Start\kvet.lnk"), target)
    values = literals(script)
    assert values["TargetPath"] == str(target)
    assert values["WorkingDirectory"] == str(target.parent)
    # Every value is a single-quoted literal: PowerShell expands nothing inside one.
    assert script.count("$link.Save()") == 1


def test_the_entry_goes_into_this_users_own_start_menu(tmp_path: Path) -> None:
    folder = startmenu.programs_folder({"APPDATA": str(tmp_path)})
    assert folder == tmp_path / "Microsoft" / "Windows" / "Start Menu" / "Programs"
    with pytest.raises(startmenu.StartMenuError, match="APPDATA"):
        startmenu.programs_folder({})


def fake_shell(made: list[list[str]], *, works: bool = True) -> Any:
    def run(command: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
        made.append(command)
        if works:
            path = re.search(r"CreateShortcut\('((?:[^']|'')*)'\)", command[-1])
            assert path is not None
            Path(path.group(1).replace("''", "'")).write_bytes(b"lnk")
        return subprocess.CompletedProcess(command, 0 if works else 1, "", "")

    return run


def test_install_desktop_on_windows_adds_and_removes_a_start_menu_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    made: list[list[str]] = []
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("APPDATA", str(tmp_path))
    monkeypatch.setattr(subprocess, "run", fake_shell(made))
    assert entry.main(["--install-desktop"]) == 0
    shortcut = tmp_path / "Microsoft" / "Windows" / "Start Menu" / "Programs" / "kvet.lnk"
    assert shortcut.exists()
    assert made[0][0] == "powershell.exe"
    assert "-NoProfile" in made[0]
    assert "Start menu" in capsys.readouterr().out
    assert entry.main(["--uninstall-desktop"]) == 0
    assert not shortcut.exists()
    assert entry.main(["--uninstall-desktop"]) == 0
    assert "nothing to remove" in capsys.readouterr().out


def test_a_failed_shortcut_is_reported_not_claimed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("APPDATA", str(tmp_path))
    monkeypatch.setattr(subprocess, "run", fake_shell([], works=False))
    assert entry.main(["--install-desktop"]) == 1
    said = capsys.readouterr()
    assert "could not add itself" in said.err
    assert "now in your Start menu" not in said.out
