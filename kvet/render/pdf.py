"""Render kvet's HTML documents to PDF or a printer with Qt (no extra PDF stack).

QtGui only: the command line makes PDFs with no window, and the window's print dialog and
preview (``kvet.gui.sharing.sharing``) hand their printer to ``print_to``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSizeF
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextCursor,
    QTextDocument,
    QTextLength,
    QTextTable,
    QTextTableCell,
)

from kvet.exchange.errors import ExchangeError
from kvet.exchange.files import write_atomically

_app: QGuiApplication | None = None  # the application started here for the command line, kept alive


def ensure_gui_app() -> None:
    """The command line may render PDFs with no window: start Qt offscreen when needed."""
    global _app
    if QGuiApplication.instance() is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _app = QGuiApplication(["kvet"])


def page_layout(page: QPageSize.PageSizeId = QPageSize.PageSizeId.A4) -> QPageLayout:
    return QPageLayout(
        QPageSize(page),
        QPageLayout.Orientation.Portrait,
        QMarginsF(15, 15, 15, 15),
        QPageLayout.Unit.Millimeter,
    )


def document(
    html: str, layout: QPageLayout | None = None, font: QFont | None = None
) -> QTextDocument:
    """The document laid out on the page it will be printed on (A4 unless told), in ``font``
    (by default the application's).

    Giving it the page's size makes Qt print it as laid out here, scaled to the printer,
    instead of laying it out again with 2 cm margins of its own on top of the page's.
    """
    doc = QTextDocument()
    if font is not None:
        doc.setDefaultFont(font)
    doc.setHtml(html)
    paint = (layout or page_layout()).paintRect(QPageLayout.Unit.Millimeter)
    dpi = _dpi()
    doc.setPageSize(QSizeF(paint.width() / 25.4 * dpi, paint.height() / 25.4 * dpi))
    fit_tables(doc, doc.textWidth() - 2 * doc.documentMargin())
    return doc


def _dpi() -> float:
    """The resolution QTextDocument lays text out at when it has no device of its own."""
    screen = QGuiApplication.primaryScreen()
    return screen.logicalDotsPerInchX() if screen is not None else 96.0


def _tables(doc: QTextDocument) -> list[QTextTable]:
    found: list[QTextTable] = []
    frames = [doc.rootFrame()]
    while frames:
        frame = frames.pop()
        if isinstance(frame, QTextTable):
            found.append(frame)
        frames.extend(frame.childFrames())
    return found


def _longest_word(cell: QTextTableCell) -> float:
    cursor = cell.firstCursorPosition()
    cursor.movePosition(QTextCursor.MoveOperation.NextCharacter)  # the format of the text itself
    metrics = QFontMetricsF(cursor.charFormat().font())
    cursor.setPosition(cell.firstPosition())
    cursor.setPosition(cell.lastPosition(), QTextCursor.MoveMode.KeepAnchor)
    return max((metrics.horizontalAdvance(w) for w in cursor.selectedText().split()), default=0)


def fit_tables(doc: QTextDocument, width: float) -> None:
    """Give each column at least the width of its heading's longest word, within the page.

    Qt breaks a word anywhere when a column is narrower than it ("Pla ce"); the other columns
    give up some of their share instead, so the table still fits the page's width.
    """
    for table in _tables(doc):
        fmt = table.format()
        columns = table.columns()
        old = fmt.columnWidthConstraints()
        shares = [
            c.rawValue() if c.type() == QTextLength.Type.PercentageLength else 100 / columns
            for c in (old if len(old) == columns else [QTextLength()] * columns)
        ]
        cell = table.cellAt(0, 0).format().toTableCellFormat()
        padding = cell.leftPadding() + cell.rightPadding() + 2 * fmt.cellPadding()
        extra = padding + 2 * fmt.border() + fmt.cellSpacing() + 4
        needs = [(_longest_word(table.cellAt(0, c)) + extra) / width * 100 for c in range(columns)]
        for _ in range(columns):  # move share from columns with room to those without
            short = sum(max(0.0, n - s) for n, s in zip(needs, shares, strict=True))
            room = sum(max(0.0, s - n) for n, s in zip(needs, shares, strict=True))
            if short <= 0 or room <= 0:
                break
            take = min(1.0, short / room)
            shares = [
                n if n > s else s - (s - n) * take for n, s in zip(needs, shares, strict=True)
            ]
        fmt.setColumnWidthConstraints(
            [QTextLength(QTextLength.Type.PercentageLength, s) for s in shares]
        )
        fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
        table.setFormat(fmt)


def pdf_bytes(
    html: str, title: str = "kvet", page: QPageSize.PageSizeId = QPageSize.PageSizeId.A4
) -> bytes:
    """The PDF of ``html`` on portrait pages (A4 unless told), made in memory."""
    ensure_gui_app()
    layout = page_layout(page)
    return rendered_pdf(title, layout, lambda writer: document(html, layout).print_(writer))


def rendered_pdf(title: str, layout: QPageLayout, draw: Callable[[QPdfWriter], object]) -> bytes:
    """What ``draw`` puts on a 300-dpi PDF writer, as bytes: in memory, so no half-written file."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator("kvet")
    writer.setPageLayout(layout)
    writer.setResolution(300)
    draw(writer)
    del writer  # finishes the PDF
    buffer.close()
    result = bytes(data.data())
    if not result.startswith(b"%PDF"):
        raise ExchangeError("export.pdf-failed")
    return result


def write_pdf(
    html: str,
    path: Path,
    title: str = "kvet",
    page: QPageSize.PageSizeId = QPageSize.PageSizeId.A4,
) -> Path:
    """Render in memory, then write beside the target and rename: never half a file."""
    write_atomically(Path(path), pdf_bytes(html, title, page))
    return Path(path)
