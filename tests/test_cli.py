"""The command line: ``kvet --version`` works without a screen."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kvet import __version__
from kvet.__main__ import main


def test_version_is_printed(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.strip() == f"kvet {__version__}"


def test_python_dash_m_kvet_reports_its_version() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "kvet", "--version"], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == f"kvet {__version__}"


def test_an_unknown_option_is_refused_with_a_message(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--frobnicate"])
    assert info.value.code == 2
    assert "unrecognized arguments" in capsys.readouterr().err
