"""The Qt application kvet runs in: its names, icon and colours, its private settings file,
quitting well when the system asks, and letting go of it at the end.

Made before anything else (``kvet.gui.main.app.run``), so it imports only what the first paint
needs: no data, no scoring.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, QSize
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from kvet import __version__
from kvet.content.datafiles import resource_path
from kvet.gui.common.colours import fit_palette
from kvet.system.desktop import APP_ID, ICON_SIZES

# Qt's raster painter hands every fill of 96 lines or more (a scroll bar, a progress bar, a
# gradient) to a pool of threads and waits for them. For widgets this size the hand-off costs
# more than the fill: a scroll bar took 1.5 ms to paint instead of 0.1 ms on a 2-core machine,
# and an answer in the walkthrough repaints two (issue 26). Qt reads this once, when it first
# paints (qthreadpool.cpp, ``QT_NO_GUI_THREADPOOL``); a value the user set is kept.
SERIAL_FILLS = ("QT_NO_GUI_THREADPOOL", "1")


def make_application(argv: list[str]) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    os.environ.setdefault(*SERIAL_FILLS)
    app = QApplication(argv)
    app.setApplicationName("kvet")
    app.setOrganizationName("kvet")
    app.setApplicationVersion(__version__)
    app.setApplicationDisplayName("kvet")
    # The desktop matches the window to kvet's menu entry by this name (Wayland asks for it).
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(application_icon())
    # The theme's colours, with those too faint to read (WCAG AA) made darker or lighter.
    app.setPalette(fit_palette(app.palette()))
    return app


def keep_settings_private() -> None:
    """Make the window's settings file (it names the last folder used) readable by its owner
    only: Qt creates it with the usual 0644, and keeps the mode of a file that exists, so it is
    made private (``kvet.system.privatefiles``) before Qt first writes it. A link there is left
    alone."""
    from kvet.system.privatefiles import open_private, private_folder

    path = Path(QSettings().fileName())
    if not path.is_absolute():
        return
    try:
        private_folder(path.parent)
        os.close(open_private(path, append=True))  # append: the settings in it stay
    except OSError:
        return  # kvet works without its window settings (a link there is refused, not followed)


QUIT_SIGNALS = ("SIGTERM", "SIGHUP")  # log-out, shut-down, a closed terminal


def quit_on_signals(app: QApplication) -> Callable[[], None]:
    """Treat SIGTERM (and SIGHUP where the platform has it) as the user's own Quit: the windows
    close (a note waiting to be saved is saved), the database is closed and the session ends
    well, so the next start does not say kvet closed unexpectedly. Returns what undoes it.

    Python runs a signal handler only between its own bytecodes, never inside Qt's event loop,
    so the signal wakes a socket (``signal.set_wakeup_fd``) that Qt watches. Set up after the
    first paint (``kvet.gui.main.app``): before the data is open there is nothing to close."""
    import contextlib
    import signal
    import socket

    from PySide6.QtCore import QSocketNotifier

    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    wanted = [getattr(signal, name) for name in QUIT_SIGNALS if hasattr(signal, name)]
    try:
        previous_fd = signal.set_wakeup_fd(writer.fileno())
    except ValueError:  # not the main thread (a test's helper): leave signals alone
        reader.close()
        writer.close()
        return lambda: None
    previous = {number: signal.signal(number, lambda *_: None) for number in wanted}
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, app)

    def woken() -> None:
        from kvet.system import crashlog

        with contextlib.suppress(OSError):
            reader.recv(64)
        crashlog.log.info("asked to quit by the system: closing as a normal quit")
        QApplication.closeAllWindows()
        app.quit()

    notifier.activated.connect(woken)

    def undo() -> None:
        notifier.setEnabled(False)
        signal.set_wakeup_fd(previous_fd)
        for number, handler in previous.items():
            signal.signal(number, handler)
        reader.close()
        writer.close()

    return undo


def application_icon() -> QIcon:
    """kvet's icon at every size shipped, so no size is scaled from a blurry one."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(resource_path("icons", f"kvet-{size}.png")), QSize(size, size))
    return icon


def release_application() -> None:
    """Delete the application now, as the end of Python's teardown would (``kvet.system.leave``
    skips that teardown): Qt then hands what was copied to the desktop's clipboard keeper."""
    import shiboken6

    app = QApplication.instance()
    if app is not None and shiboken6.isValid(app):
        shiboken6.delete(app)
