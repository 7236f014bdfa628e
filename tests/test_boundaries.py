"""Architecture and privacy promises, checked: the core has no Qt, and nothing uses the network."""

from __future__ import annotations

import importlib
import pkgutil
import socket
import subprocess
import sys

import pytest

import kvet
from tests.conftest import NetworkUsedError


def core_modules() -> list[str]:
    return [
        m.name
        for m in pkgutil.walk_packages(kvet.__path__, "kvet.")
        if not m.name.startswith("kvet.gui")
    ]


def test_importing_the_whole_core_loads_no_qt() -> None:
    modules = core_modules()
    assert "kvet.scoring" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_every_core_module_imports() -> None:
    for name in core_modules():
        importlib.import_module(name)


def test_the_suite_refuses_network_connections() -> None:
    with pytest.raises(NetworkUsedError):
        socket.create_connection(("127.0.0.1", 9))
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        with pytest.raises(NetworkUsedError):
            sock.connect(("192.0.2.1", 80))
    finally:
        sock.close()
