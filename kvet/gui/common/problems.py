"""Errors a person meets, in plain words: what happened and what to do; the rest behind Details.

The core's errors are data (a code and its values, kvet.text.errors), worded in the window's
language;
where a refusal is about a file's inside (which entry is not as kvet writes it), those words go
behind the message box's "Show Details…" button and never stand in for the plain message.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from kvet.gui.words.errorwords import error_words
from kvet.gui.words.tr import translate


@dataclass(frozen=True)
class Problem:
    what: str  # what happened, in a sentence or two
    todo: str = ""  # what the person can do about it
    details: str = ""  # the technical text, shown only on request

    @property
    def text(self) -> str:
        return f"{self.what} {self.todo}".strip()


def problem_box(parent: QWidget | None, problem: Problem) -> QMessageBox:
    box = QMessageBox(
        QMessageBox.Icon.Warning, "kvet", problem.what, QMessageBox.StandardButton.Ok, parent
    )
    box.setTextFormat(Qt.TextFormat.PlainText)  # file and clinic names are shown as typed
    if problem.todo:
        box.setInformativeText(problem.todo)
    if problem.details:
        box.setDetailedText(problem.details)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


# Refusals that say all a person needs (a password, a newer kvet, a size): shown whole.
SHOWN_WHOLE = (
    "crypto.wrong-password",
    "crypto.newer",
    "crypto.no-password",
    "import.password-needed",
    "import.nested-protection",
    "import.too-new",
    "import.too-large",
)


def import_problem(error: BaseException | str, file_name: str) -> Problem:
    """A file that could not be imported, sorted by the error's code (kvet.text.errors); the core's
    words, in the window's language, are shown whole or behind "Show Details…"."""
    nothing = translate("Problems", "Nothing was imported and nothing was changed.")
    code = str(getattr(error, "code", ""))
    message = error_words(error)
    if code.startswith(SHOWN_WHOLE):
        return Problem(f"{nothing} {message}", "")
    if code == "import.cannot-read":
        return Problem(
            nothing
            + " "
            + translate("Problems", "kvet could not open “{file}”.").format(file=file_name),
            translate(
                "Problems",
                "Check that the file is still there and that you may open it, then try again.",
            ),
            message,
        )
    return Problem(
        nothing
        + " "
        + translate(
            "Problems", "“{file}” is damaged, or it is not a comparison saved by kvet."
        ).format(file=file_name),
        translate(
            "Problems",
            "Ask the person who sent it to save it again from kvet (File → Share with family) "
            "and send you the new file.",
        ),
        message,
    )


def save_problem(what: str, message: str, *, plain: bool = False) -> Problem:
    """A document that could not be written where the person asked.

    ``plain``: the message is kvet's own words (it refused the place, say, because it is kvet's
    own data), so it is the explanation itself, not a detail to hide.
    """
    could_not = translate("Problems", "kvet could not save the {what}. Nothing was written.")
    if plain:
        return Problem(f"{could_not.format(what=what)} {message}")
    return Problem(
        could_not.format(what=what),
        translate(
            "Problems",
            "Choose another folder (Documents, for example), check that the disk is not full, "
            "and try again.",
        ),
        message,
    )
