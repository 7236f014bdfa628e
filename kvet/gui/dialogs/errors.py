"""One calm dialog for errors kvet did not expect, so the window keeps working instead of vanishing.

Python's ``sys.excepthook`` receives any exception that escapes a slot or an event handler; Qt's
message handler receives Qt's own critical messages. Both end here: the error is logged without its
message (see kvet.system.crashlog), and the person sees plain words and a button that copies the
details.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QMessageLogContext, Qt, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kvet.gui.words.tr import QT_TRANSLATE_NOOP, translate
from kvet.system import crashlog

TITLE = QT_TRANSLATE_NOOP("ErrorDialog", "Something went wrong")
MESSAGE = QT_TRANSLATE_NOOP(
    "ErrorDialog",
    "kvet ran into a problem it did not expect.\n\n"
    "Your answers are saved as you give them, so they are safe. You can keep working.\n\n"
    "If this keeps happening, close kvet and open it again. To report it, copy the technical "
    "details and send them to whoever helps you with kvet. They hold no clinic names, notes "
    "or answers.",
)

DAMAGED_TITLE = QT_TRANSLATE_NOOP("ErrorDialog", "Some of your data is damaged")
DAMAGED = QT_TRANSLATE_NOOP(
    "ErrorDialog",
    "Some of your saved data is damaged, so kvet cannot show it. kvet has not changed it.\n\n"
    "Quit kvet and open it again: kvet then checks your data and offers to restore the newest "
    "good backup. Your current file is kept first.",
)


class ErrorDialog(QDialog):
    """Plain words first; the technical details only go to the clipboard when asked."""

    def __init__(
        self, details: str, parent: QWidget | None = None, *, damaged: bool = False
    ) -> None:
        super().__init__(parent)
        self.details = details
        title = translate("ErrorDialog", DAMAGED_TITLE if damaged else TITLE)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        layout = QVBoxLayout(self)
        self.message = QLabel(translate("ErrorDialog", DAMAGED if damaged else MESSAGE))
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox()
        self.copy_button = QPushButton(translate("ErrorDialog", "&Copy technical details"))
        self.copy_button.setAutoDefault(False)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.quit_button: QPushButton | None = None
        if damaged:  # the offer to restore comes with the next start's checks
            self.quit_button = QPushButton(translate("ErrorDialog", "&Quit kvet"))
            buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.DestructiveRole)
            self.quit_button.clicked.connect(self.quit_kvet)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setDefault(True)
        buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self.copy_details)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def quit_kvet(self) -> None:
        """The same as File → Quit: every window closes (saving what waits), then kvet ends."""
        self.accept()
        QApplication.closeAllWindows()
        QApplication.quit()

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)
        self.copy_button.setText(translate("ErrorDialog", "Copied"))


class ErrorReporter:
    """Owns the hooks; shows at most one dialog at a time (a repeating error is only logged)."""

    def __init__(
        self,
        parent: Callable[[], QWidget | None],
        offer_restore: Callable[[], bool] | None = None,
    ) -> None:
        """``offer_restore``: for damaged data, offers the newest good backup at once (False when
        there is none: the dialog then says to quit and open kvet again)."""
        self._parent = parent
        self._offer_restore = offer_restore
        self._offering = False
        self.dialog: ErrorDialog | None = None
        self._previous_hook = sys.excepthook
        self._previous_qt_handler: object = None

    def install(self, qt_messages: bool = True) -> None:
        sys.excepthook = self.handle_exception
        if qt_messages:
            self._previous_qt_handler = qInstallMessageHandler(self.handle_qt_message)

    def uninstall(self) -> None:
        sys.excepthook = self._previous_hook
        if self._previous_qt_handler is not None:
            qInstallMessageHandler(self._previous_qt_handler)  # type: ignore[arg-type]
            self._previous_qt_handler = None

    def handle_exception(
        self,
        kind: type[BaseException],
        error: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._previous_hook(kind, error, tb)
            return
        from kvet.store.errors import DatabaseCorruptError

        details = crashlog.log_exception(kind, error, tb)
        if sys.stderr is not None:  # a terminal or a session log: the same message-free details
            print(details, file=sys.stderr)
        damaged = isinstance(error, DatabaseCorruptError)
        if damaged and self._offer_restore is not None:
            # from the event loop: the offer waits for an answer, and may close every window
            QTimer.singleShot(0, lambda: self._offer(details))
            return
        self.show(details, damaged=damaged)

    def _offer(self, details: str) -> None:
        if self._offering or (self.dialog is not None and self.dialog.isVisible()):
            return  # the same damage read again while the offer is open
        self._offering = True
        try:
            offered = self._offer_restore is not None and self._offer_restore()
        finally:
            self._offering = False
        if not offered:
            self.show(details, damaged=True)

    def handle_qt_message(self, kind: QtMsgType, context: QMessageLogContext, text: str) -> None:
        if callable(self._previous_qt_handler):
            self._previous_qt_handler(kind, context, text)
        elif kind != QtMsgType.QtDebugMsg and sys.stderr is not None:
            print(text, file=sys.stderr)  # what Qt's own handler would have printed
        if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            crashlog.log.error("Qt reported a critical problem (%s)", context.category or "qt")
            details = (
                f"{crashlog.environment()}\n"
                f"Qt reported a critical problem (category {context.category or 'qt'})."
            )
            # Called from any thread, possibly while painting: show the dialog from the event loop.
            QTimer.singleShot(0, lambda: self.show(details))

    def show(self, details: str, *, damaged: bool = False) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            return
        self.dialog = ErrorDialog(details, self._parent(), damaged=damaged)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.finished.connect(self._closed)
        self.dialog.open()  # window-modal, not a nested event loop: the app keeps running

    def _closed(self) -> None:
        self.dialog = None
