"""Privacy promises, checked: nothing uses the network (the parts' lines: test_architecture)."""

from __future__ import annotations

import socket

import pytest

from tests.conftest import NetworkUsedError


def test_the_suite_refuses_network_connections() -> None:
    with pytest.raises(NetworkUsedError):
        socket.create_connection(("127.0.0.1", 9))
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        with pytest.raises(NetworkUsedError):
            sock.connect(("192.0.2.1", 80))
    finally:
        sock.close()
