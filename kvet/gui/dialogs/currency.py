"""Choosing a currency: the short list of kvet.rating.money, by name and symbol, in the window's
language. Used in the country dialog (for another country) and at a clinic's prices."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from kvet.gui.words.tr import QT_TRANSLATE_NOOP, translate
from kvet.rating.money import CURRENCIES

CONTEXT = "Money"
# The core (kvet.rating.money) keeps the names in English; the same names, marked for translation.
NAMES = (
    QT_TRANSLATE_NOOP("Money", "US dollar"),
    QT_TRANSLATE_NOOP("Money", "Canadian dollar"),
    QT_TRANSLATE_NOOP("Money", "Pound sterling"),
    QT_TRANSLATE_NOOP("Money", "Euro"),
    QT_TRANSLATE_NOOP("Money", "Australian dollar"),
    QT_TRANSLATE_NOOP("Money", "New Zealand dollar"),
)


def currency_combo(selected: str, accessible_name: str) -> QComboBox:
    """ "Pound sterling (£, GBP)" and the others; the item data is the code."""
    combo = QComboBox()
    combo.setAccessibleName(accessible_name)
    for currency in CURRENCIES:
        name = translate(CONTEXT, currency.name)
        combo.addItem(f"{name} ({currency.symbol}, {currency.code})", currency.code)
    combo.setCurrentIndex(max(0, combo.findData(selected)))
    return combo
