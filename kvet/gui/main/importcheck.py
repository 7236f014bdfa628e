"""Spare PySide6 from reading the source of every library kvet imports after it.

Once PySide6 is loaded, it checks each newly imported module for its ``__feature__`` switches
(``snake_case``, ``true_property``) by reading the module's source file and searching it for
"PySide6". kvet uses no such switch, and the libraries it imports after the window shows
(SQLAlchemy above all, a few hundred modules) never mention PySide6, so that reading is pure
start-up cost. Telling PySide6 up front that those packages do not use it gives the same answer
without the reading. If a PySide6 release changes this private hook, nothing is patched and
kvet starts as before (``tests/gui/test_importcheck.py`` then says so).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

# Top-level packages that never use PySide6's features: Python's own library, and what kvet's
# core uses. kvet's core is among them too: only kvet.gui and kvet.render import Qt.
NOT_QT = sys.stdlib_module_names | frozenset(
    {
        "sqlalchemy",
        "greenlet",
        "typing_extensions",
        "platformdirs",
        "alembic",
        "mako",
        "pydantic",
        "pydantic_core",
        "annotated_types",
        "cryptography",
        "zxcvbn",
    }
)
QT_PARTS = ("kvet.gui", "kvet.render")


def _not_qt(name: str) -> bool:
    top = name.partition(".")[0]
    if top.startswith("_sysconfigdata_"):  # Python's build settings, named per platform
        return True
    if top == "kvet":
        return not name.startswith(QT_PARTS)
    return top in NOT_QT


def install() -> bool:
    """Answer PySide6's question from the module's name where it is known; True if installed."""
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(original) or getattr(original, "kvet", False):
        return bool(original is not None and getattr(original, "kvet", False))
    ask: Callable[[ModuleType], bool] = original

    def uses_pyside(module: ModuleType) -> bool:
        name = getattr(module, "__name__", "")
        if name.startswith(QT_PARTS):  # kvet's own Qt code: it does, and uses no feature
            return True
        if _not_qt(name):
            return False
        return ask(module)

    uses_pyside.kvet = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]
    return True
