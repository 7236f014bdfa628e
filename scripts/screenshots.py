"""Write screenshots of kvet's main screens, on the sample comparison, for the README.

Run through scripts/screenshots.sh, which starts a virtual screen (Xvfb) first.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"


def settle(app: QApplication, ms: int = 150) -> None:
    QTimer.singleShot(ms, app.quit)
    app.exec()


def save(widget: QWidget, name: str, app: QApplication) -> None:
    settle(app)
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    print(f"wrote {path.relative_to(ROOT)}")


def main() -> int:
    from kvet.checklist import load_checklist
    from kvet.gui.app import make_application
    from kvet.gui.mainwindow import MainWindow
    from kvet.sample import create_sample
    from kvet.store.api import Store

    OUT.mkdir(parents=True, exist_ok=True)
    app = make_application(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(load_checklist(), Path(folder) / "kvet.sqlite")
        sample = create_sample(store)
        store.set_preference("last_comparison", sample.id)
        window = MainWindow(store)
        window.dismiss_welcome()
        window.resize(1280, 800)
        window.show()
        for index, name in enumerate(("overview", "walkthrough", "compare", "weights")):
            window.ui.tabs.setCurrentIndex(index)
            save(window, f"main-{name}", app)
        call = window.open_call_mode()
        if call is not None:
            call.resize(760, 520)
            save(call, "call-mode", app)
            call.close()
        crisis = window.show_crisis_panel()
        save(crisis, "need-help-now", app)
        crisis.close()
        window.close()
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
