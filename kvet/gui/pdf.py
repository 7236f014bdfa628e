"""Render kvet's HTML documents to PDF or a printer with Qt (no extra PDF stack)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import (
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextDocument,
)
from PySide6.QtWidgets import QApplication


def ensure_gui_app() -> None:
    """The command line may render PDFs with no window: start Qt offscreen when needed."""
    if QGuiApplication.instance() is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        QApplication(["kvet"])


def document(html: str) -> QTextDocument:
    doc = QTextDocument()
    doc.setHtml(html)
    return doc


def print_to(device: QPagedPaintDevice, html: str) -> None:
    doc = document(html)
    doc.setPageSize(QSizeF(device.width(), device.height()))
    doc.print_(device)


def write_pdf(html: str, path: Path, title: str = "kvet") -> Path:
    ensure_gui_app()
    partial = Path(path).with_name(Path(path).name + ".partial")
    writer = QPdfWriter(str(partial))
    writer.setTitle(title)
    writer.setCreator("kvet")
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait, QMarginsF(15, 15, 15, 15),
                                     QPageLayout.Unit.Millimeter))
    writer.setResolution(300)
    doc = document(html)
    doc.print_(writer)
    del writer  # closes the file
    partial.replace(path)
    return Path(path)
