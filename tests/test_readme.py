"""Every command the README names works as written: a reader copies them literally."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from kvet import __version__
from kvet.__main__ import build_parser

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
SPANS = re.findall(r"`([^`\n]+)`", README)
KVET_COMMANDS = sorted(
    {span for span in SPANS if re.match(r"(\.venv/bin/|kvet/)?kvet\s", span + " ")} - {"kvet"}
)


def test_the_readme_names_kvet_commands_to_check() -> None:
    assert len(KVET_COMMANDS) >= 8, KVET_COMMANDS  # the scan below cannot pass on nothing


@pytest.mark.parametrize("command", KVET_COMMANDS)
def test_each_kvet_command_in_the_readme_is_one_kvet_understands(command: str) -> None:
    words = shlex.split(command)[1:]
    if {"--help", "--version"} & set(words):
        with pytest.raises(SystemExit) as stop:  # they print and stop, with success
            build_parser().parse_args(words)
        assert stop.value.code == 0
    else:  # a wrong option or argument would stop with code 2 here
        build_parser().parse_args(words)


def test_each_script_the_readme_names_exists() -> None:
    scripts = set(re.findall(r"bash (scripts/[\w.]+\.sh)", README))
    assert {"scripts/start.sh", "scripts/test.sh", "scripts/bundle.sh"} <= scripts
    for script in scripts:
        assert (ROOT / script).is_file(), script
    # The bundle's own install script is the one the bundle build copies in.
    assert "bash kvet/install.sh" in README
    assert "packaging/install.sh dist/kvet/install.sh" in (ROOT / "scripts/bundle.sh").read_text()


def test_the_bundle_file_named_in_the_readme_is_the_one_the_build_makes() -> None:
    named = set(re.findall(r"kvet-[\d.]+-linux-x86_64\.tar\.gz", README))
    assert named == {f"kvet-{__version__}-linux-x86_64.tar.gz"}
