"""kvet in the desktop's application menu: valid files, a working command, a clean removal."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kvet import __version__
from kvet.content.datafiles import resource_path
from kvet.system import desktop

# The freedesktop menu is Linux's; Windows and macOS get theirs from their bundles.
pytestmark = pytest.mark.linux_only

DESKTOP_FILE = resource_path("desktop", f"{desktop.APP_ID}.desktop")
METAINFO = resource_path("desktop", f"{desktop.APP_ID}.metainfo.xml")


def tool(name: str) -> str:
    found = shutil.which(name)
    assert found, f"{name} is missing: scripts/setup.sh test installs it (Debian package)"
    return found


def validate_desktop_file(path: Path) -> None:
    done = subprocess.run(
        [tool("desktop-file-validate"), str(path)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "error" not in done.stdout, done.stdout


def parse_exec(value: str) -> list[str]:
    """Read an Exec value back the way the Desktop Entry spec says a desktop reads it."""
    unescaped, i = "", 0
    while i < len(value):  # string-level escapes first: \\ is one backslash
        if value[i] == "\\" and i + 1 < len(value) and value[i + 1] == "\\":
            unescaped += "\\"
            i += 2
        else:
            unescaped += value[i]
            i += 1
    words: list[str] = []
    word, quoted, i = "", False, 0
    started = False
    while i < len(unescaped):
        c = unescaped[i]
        if quoted:
            if c == "\\":
                word += unescaped[i + 1]
                i += 2
                continue
            if c == '"':
                quoted = False
            else:
                word += c
        elif c == '"':
            quoted, started = True, True
        elif c == " ":
            if started:
                words.append(word)
            word, started = "", False
        else:
            word += c
            started = True
        i += 1
    if started:
        words.append(word)
    return [w.replace("%%", "%") for w in words]


def installed_entry(home: Path) -> dict[str, str]:
    text = (home / "applications" / f"{desktop.APP_ID}.desktop").read_text(encoding="utf-8")
    return dict(line.split("=", 1) for line in text.splitlines() if "=" in line)


def test_the_shipped_menu_entry_passes_the_freedesktop_validator() -> None:
    validate_desktop_file(DESKTOP_FILE)


def test_the_shipped_metainfo_passes_appstream_validation_with_screenshots_and_a_release() -> None:
    done = subprocess.run(
        [tool("appstreamcli"), "validate", "--no-net", "--pedantic", str(METAINFO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    text = METAINFO.read_text(encoding="utf-8")
    assert f'<release version="{__version__}"' in text
    shots = [line for line in text.splitlines() if "<image>" in line]
    assert len(shots) >= 3
    for shot in shots:  # every screenshot named is one the project really has
        name = shot.split("/docs/screenshots/")[1].split("<")[0]
        assert (Path(__file__).parent.parent / "docs" / "screenshots" / name).is_file(), name


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.parametrize("size", desktop.ICON_SIZES)
def test_each_icon_is_the_size_its_name_says(size: int) -> None:
    assert png_size(resource_path("icons", f"kvet-{size}.png")) == (size, size)


def install_desktop(data_home: Path) -> subprocess.CompletedProcess[str]:
    """``kvet --install-desktop`` run in its own process, with ``data_home`` as the data folder."""
    return subprocess.run(
        [sys.executable, "-m", "kvet", "--install-desktop"],
        capture_output=True,
        text=True,
        env=dict(os.environ, XDG_DATA_HOME=str(data_home)),
        check=False,
    )


def test_installing_puts_kvet_in_the_menu_with_a_command_that_starts_this_copy(
    tmp_path: Path,
) -> None:
    home = tmp_path / "share"
    env = dict(os.environ, XDG_DATA_HOME=str(home))
    done = install_desktop(home)
    assert done.returncode == 0, done.stderr
    assert "application menu" in done.stdout
    placed = desktop.Placement(home)
    for path in placed.files():
        assert path.is_file(), path
    validate_desktop_file(placed.desktop_file)
    entry = installed_entry(home)
    assert entry["Icon"] == desktop.APP_ID
    *command, field = parse_exec(entry["Exec"])
    assert field == "%f"  # a .kvet file opened from the file manager is passed here
    assert Path(entry["TryExec"]) == Path(command[0])
    started = subprocess.run(
        [*command, "--version"], capture_output=True, text=True, env=env, check=False
    )
    assert started.stdout.strip() == f"kvet {__version__}"


def test_a_folder_with_spaces_dollars_and_percents_still_starts_kvet(tmp_path: Path) -> None:
    odd = ["/opt/my kvet/$HOME/100%/kvet", "-m", 'say "hi"', "back\\slash"]
    home = tmp_path / "share"
    desktop.install(home, odd)
    validate_desktop_file(desktop.Placement(home).desktop_file)
    assert parse_exec(installed_entry(home)["Exec"]) == ["env", *odd, "%f"]


def launched_by_the_desktop(tmp_path: Path, folder_name: str) -> str:
    """Install a stand-in kvet in ``folder_name``; start it as GNOME's own library (GLib) does."""
    folder = tmp_path / folder_name
    folder.mkdir()
    said = tmp_path / "started.txt"
    program = folder / "kvet"
    program.write_text(f'#!/bin/sh\necho "$*" > "{said}"\n', encoding="utf-8")
    program.chmod(0o755)
    home = tmp_path / "share"
    desktop.install(home, [str(program), "--from-menu"])
    entry = desktop.Placement(home).desktop_file
    validate_desktop_file(entry)
    done = subprocess.run(
        [tool("gio"), "launch", str(entry)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr  # GLib loaded the entry: GNOME would show it
    for _ in range(100):
        if said.exists() and said.read_text(encoding="utf-8"):
            break
        time.sleep(0.05)
    return said.read_text(encoding="utf-8").strip()


def test_kvet_in_a_folder_named_with_a_percent_sign_starts_from_the_menu(tmp_path: Path) -> None:
    assert launched_by_the_desktop(tmp_path, "kvet 100% mine") == "--from-menu"


def test_kvet_in_a_folder_named_with_a_tab_starts_from_the_menu(tmp_path: Path) -> None:
    assert launched_by_the_desktop(tmp_path, "kvet\tcopy") == "--from-menu"


def test_a_line_break_in_kvets_folder_is_refused_in_plain_words_and_nothing_is_written(
    tmp_path: Path,
) -> None:
    home = tmp_path / "share"
    with pytest.raises(desktop.DesktopError, match="line break"):
        desktop.install(home, ["/opt/kvet\nnew/kvet"])
    assert not home.exists()


def test_a_planted_partial_link_never_makes_the_installer_write_through_it(
    tmp_path: Path,
) -> None:
    bashrc = tmp_path / ".bashrc"
    bashrc.write_text("alias ll='ls -l'\n", encoding="utf-8")
    home = tmp_path / "share"
    placed = desktop.Placement(home)
    for target in (placed.desktop_file, placed.icon(48)):
        target.parent.mkdir(parents=True, exist_ok=True)
        target.with_name(target.name + ".partial").symlink_to(bashrc)
    desktop.install(home, ["/usr/bin/kvet"])
    assert bashrc.read_text(encoding="utf-8") == "alias ll='ls -l'\n"
    validate_desktop_file(placed.desktop_file)
    assert png_size(placed.icon(48)) == (48, 48)


def test_a_link_planted_at_the_entrys_own_name_is_replaced_not_written_through(
    tmp_path: Path,
) -> None:
    bashrc = tmp_path / ".bashrc"
    bashrc.write_text("export EDITOR=nano\n", encoding="utf-8")
    placed = desktop.Placement(tmp_path / "share")
    placed.desktop_file.parent.mkdir(parents=True)
    placed.desktop_file.symlink_to(bashrc)
    desktop.install(placed.data_home, ["/usr/bin/kvet"])
    assert bashrc.read_text(encoding="utf-8") == "export EDITOR=nano\n"
    assert not placed.desktop_file.is_symlink()


def test_when_the_icons_cannot_be_written_the_old_menu_entry_is_left_as_it_was(
    tmp_path: Path,
) -> None:
    placed = desktop.Placement(tmp_path / "share")
    placed.desktop_file.parent.mkdir(parents=True)
    older = "[Desktop Entry]\nType=Application\nName=kvet\nExec=/old/kvet\n"
    placed.desktop_file.write_text(older, encoding="utf-8")
    (placed.data_home / "icons").write_text("not a folder", encoding="utf-8")  # cannot hold icons
    with pytest.raises(desktop.DesktopError, match="Nothing was changed") as refused:
        desktop.install(placed.data_home, ["/usr/bin/kvet"])
    assert "Nothing else" not in str(refused.value)
    assert placed.desktop_file.read_text(encoding="utf-8") == older  # what it said is true
    assert not placed.metainfo.exists()
    assert not placed.metainfo.parent.exists()  # no folder made for nothing
    left = sorted(p.name for p in placed.desktop_file.parent.iterdir())
    assert left == [placed.desktop_file.name]  # no temporary file left either


def test_removing_takes_out_only_kvets_files_and_keeps_other_apps(tmp_path: Path) -> None:
    home = tmp_path / "share"
    other = home / "applications" / "org.example.Other.desktop"
    other.parent.mkdir(parents=True)
    other.write_text("[Desktop Entry]\n", encoding="utf-8")
    written = desktop.install(home, ["/usr/bin/kvet"])
    removed = desktop.uninstall(home)
    assert sorted(removed) == sorted(written)
    assert not any(path.exists() for path in written)
    assert other.read_text(encoding="utf-8") == "[Desktop Entry]\n"
    assert desktop.uninstall(home) == []


def test_removing_from_the_command_line_says_what_happened(tmp_path: Path) -> None:
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path / "share"))
    run = [sys.executable, "-m", "kvet", "--uninstall-desktop"]
    first = subprocess.run(run, capture_output=True, text=True, env=env, check=False)
    assert first.returncode == 0
    assert "nothing to remove" in first.stdout
    desktop.install(tmp_path / "share", ["/usr/bin/kvet"])
    second = subprocess.run(run, capture_output=True, text=True, env=env, check=False)
    assert second.returncode == 0
    assert "removed" in second.stdout
    assert "clinics" in second.stdout  # the user is told their data stays


def test_a_data_folder_that_cannot_be_written_gives_a_plain_message(tmp_path: Path) -> None:
    blocker = tmp_path / "share"
    blocker.write_text("not a folder", encoding="utf-8")
    done = install_desktop(blocker)
    assert done.returncode == 1
    assert "could not add itself to the menu" in done.stderr
    assert "Traceback" not in done.stderr
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_links_planted_at_every_name_the_installer_writes_are_never_followed(
    tmp_path: Path,
) -> None:
    """Every file kvet installs, and its old-style temporary name, as a link to a file of the
    user's: the installer replaces the links it owns and writes through none of them."""
    placed = desktop.Placement(tmp_path / "share")
    victims: list[Path] = []
    for n, target in enumerate(placed.files()):
        target.parent.mkdir(parents=True, exist_ok=True)
        for name in (target.name + ".partial", target.name):
            victim = tmp_path / f"victim-{n}-{len(victims)}"
            victim.write_text("the user's own file\n", encoding="utf-8")
            target.with_name(name).symlink_to(victim)
            victims.append(victim)
    written = desktop.install(placed.data_home, ["/usr/bin/kvet"])
    assert all(v.read_text(encoding="utf-8") == "the user's own file\n" for v in victims)
    assert all(path.is_file() and not path.is_symlink() for path in written)
    validate_desktop_file(placed.desktop_file)


def test_a_shared_kvet_file_is_known_to_the_desktop_as_kvets_own(tmp_path: Path) -> None:
    """After installing, the desktop's file-type database says .kvet files open with kvet."""
    home = tmp_path / "share"
    desktop.install(home, ["/opt/kvet/kvet"])
    entry = installed_entry(home)
    assert "application/x-kvet" in entry["MimeType"].split(";")
    if shutil.which("update-mime-database"):
        compiled = home / "mime" / "application" / "x-kvet.xml"
        assert compiled.is_file()
        assert (home / "mime" / "globs2").read_text(encoding="utf-8").count("*.kvet") == 1
    desktop.uninstall(home)
    assert not desktop.Placement(home).mime_package.exists()
    if shutil.which("update-mime-database"):
        assert not (home / "mime" / "application" / "x-kvet.xml").exists()
