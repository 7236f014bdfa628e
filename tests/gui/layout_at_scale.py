"""Run by tests/gui/test_layout.py in a process of its own, with QT_SCALE_FACTOR=2 set.

Qt reads the scale factor once, when the application starts, so this cannot share the test
process. Prints what it finds and exits non-zero when any text is cut.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from tests.gui.layoutprobe import cut_texts

LONG_NAME = "The Riverside and Lakeshore Ketamine Wellness Centre of Nort"
TABS = 5


def main(folder: Path, lang: str = "en") -> int:
    app = QApplication(["kvet"])
    app.setOrganizationName("kvet-tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    from kvet import language
    from kvet.checklist import load_checklist
    from kvet.gui.language import install_translations
    from kvet.gui.mainwindow import MainWindow
    from kvet.gui.samplewords import sample_say
    from kvet.sample import create_sample
    from kvet.store.api import Store

    language.set_active(lang)
    install_translations(app, lang)
    store = Store.open(load_checklist(), folder / "kvet.sqlite")
    sample = create_sample(store, sample_say)
    store.settings.set_preference("last_comparison", sample.id)
    long = store.clinics.add(sample.id, LONG_NAME)
    window = MainWindow(store)
    window.dismiss_welcome()
    window.resize(1024, 700)
    window.show()
    print(f"device pixel ratio {window.devicePixelRatioF():.1f}")
    print(f"first tab: {window.ui.tabs.tabText(0)}")
    found: list[str] = []
    for clinic in (window.state.ranking.places[0].result.clinic_id, long.id):
        window.state.select_clinic(clinic)
        for tab in range(TABS):
            window.ui.tabs.setCurrentIndex(tab)
            for _ in range(4):
                app.processEvents()
            found += [f"tab {tab + 1}: {p}" for p in cut_texts(window)]
    window.close()
    store.close()
    print("\n".join(found) if found else "no text cut")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), *sys.argv[2:3]))
