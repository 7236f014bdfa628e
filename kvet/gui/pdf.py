"""Render kvet's HTML documents to PDF or a printer with Qt (no extra PDF stack)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSizeF
from PySide6.QtGui import (
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextDocument,
)
from PySide6.QtWidgets import QApplication

from kvet.exchange.errors import ExchangeError
from kvet.exchange.files import write_atomically

_app: QApplication | None = None  # the application started here for the command line, kept alive


def ensure_gui_app() -> None:
    """The command line may render PDFs with no window: start Qt offscreen when needed."""
    global _app
    if QGuiApplication.instance() is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _app = QApplication(["kvet"])


def document(html: str) -> QTextDocument:
    doc = QTextDocument()
    doc.setHtml(html)
    return doc


def print_to(device: QPagedPaintDevice, html: str) -> None:
    doc = document(html)
    doc.setPageSize(QSizeF(device.width(), device.height()))
    doc.print_(device)


def pdf_bytes(html: str, title: str = "kvet") -> bytes:
    """The PDF of ``html`` on A4 pages, made in memory."""
    ensure_gui_app()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator("kvet")
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait, QMarginsF(15, 15, 15, 15),
                                     QPageLayout.Unit.Millimeter))
    writer.setResolution(300)
    document(html).print_(writer)
    del writer  # finishes the PDF
    buffer.close()
    result = bytes(data.data())
    if not result.startswith(b"%PDF"):
        raise ExchangeError("kvet could not make the PDF.")
    return result


def write_pdf(html: str, path: Path, title: str = "kvet") -> Path:
    """Render in memory, then write beside the target and rename: never half a file."""
    write_atomically(Path(path), pdf_bytes(html, title))
    return Path(path)
