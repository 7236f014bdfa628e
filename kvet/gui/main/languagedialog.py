"""Edit → Language…: English or Español, saved with the user's data, used from the next start.

Kept apart from ``kvet.gui.main.language``, which installs the language before the window's first
paint: this dialog's widgets (a drop-down, a dialog) are not needed until it opens.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QVBoxLayout, QWidget

from kvet.gui.words.tr import QT_TRANSLATE_NOOP, translate
from kvet.text import language

QUESTION = QT_TRANSLATE_NOOP("LanguageDialog", "Which language should kvet use?")
NEXT_START = QT_TRANSLATE_NOOP(
    "LanguageDialog",
    "kvet will use the language you choose the next time it starts. "
    "Your answers and scores stay the same in every language.",
)


class LanguageDialog(QDialog):
    """Choose English or Español; saved with the user's data, used from the next start.

    Switching the open window at once would leave some of it in the old language, so the
    dialog says plainly when the change happens.
    """

    def __init__(self, settings: language.Preferences, parent: QWidget | None = None) -> None:
        from kvet.gui.common.flowlayout import ok_cancel
        from kvet.gui.common.text import plain_label

        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(translate("LanguageDialog", "Language"))
        layout = QVBoxLayout(self)
        asked = plain_label(translate("LanguageDialog", QUESTION))
        layout.addWidget(asked)
        self.combo = QComboBox()
        asked.setBuddy(self.combo)  # how a screen reader on Linux names a combo box
        self.combo.setAccessibleName(translate("LanguageDialog", "Language"))
        self.combo.setAccessibleDescription(translate("LanguageDialog", NEXT_START))
        for code, name in language.LANGUAGES:
            self.combo.addItem(name, code)
        current = language.saved_language(settings) or language.active()
        self.combo.setCurrentIndex(max(0, self.combo.findData(current)))
        layout.addWidget(self.combo)
        self.note = plain_label(translate("LanguageDialog", NEXT_START))
        layout.addWidget(self.note)
        buttons = ok_cancel(self)
        layout.addWidget(buttons)

    def accept(self) -> None:
        language.save_language(self.settings, str(self.combo.currentData()))
        super().accept()
