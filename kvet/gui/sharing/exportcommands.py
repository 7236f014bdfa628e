"""What each File menu export makes: one table of targets, and the core call that writes each.

The five exports (report, questions for the psychiatrist, call sheet, spreadsheet table, shareable
file) ask, save and report the same way; they differ only in the words of the save dialog and in
the document the core builds. Those differences live here, so ``Sharing`` has one save path.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kvet.gui.common.state import AppState
from kvet.gui.sharing.filequestions import KVET_FILTER
from kvet.gui.words.tr import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:  # the exchange code is loaded when first used, not at start-up
    from kvet.store.records import ClinicInfo

CONTEXT = "Sharing"
PDF_FILTER = QT_TRANSLATE_NOOP("Sharing", "PDF document (*.pdf)")
CSV_FILTER = QT_TRANSLATE_NOOP("Sharing", "Spreadsheet, CSV (*.csv)")


@dataclass(frozen=True)
class Target:
    """One kind of file an export saves, and how the save dialog asks for it."""

    # "Saving the {what}…" and save_problem's "could not save the {what}". The Spanish carries
    # its article ("el informe"), since Spanish nouns differ in gender.
    what: str
    title: str  # the save dialog's title; "{title}": the printout's own heading
    name: str  # the suggested file name: what the file is, never whose; "" names it by its title
    suffix: str
    filter: str

    def save_words(self, title: str = "") -> tuple[str, str]:
        """The save dialog's title and the suggested name, in the window's language."""
        asked = translate(CONTEXT, self.title).format(title=title)
        return asked, translate(CONTEXT, self.name) if self.name else title

    def said(self) -> str:
        return translate(CONTEXT, self.what)


REPORT = Target(
    QT_TRANSLATE_NOOP("Sharing", "report"),
    QT_TRANSLATE_NOOP("Sharing", "Save the report as PDF"),
    QT_TRANSLATE_NOOP("Sharing", "kvet report"),
    ".pdf",
    PDF_FILTER,
)
QUESTIONS = Target(
    QT_TRANSLATE_NOOP("Sharing", "questions"),
    QT_TRANSLATE_NOOP("Sharing", "Save “{title}” as PDF"),
    "",
    ".pdf",
    PDF_FILTER,
)
CALL_SHEET = Target(
    QT_TRANSLATE_NOOP("Sharing", "call sheet"),
    QT_TRANSLATE_NOOP("Sharing", "Save the call sheet as PDF"),
    QT_TRANSLATE_NOOP("Sharing", "kvet call sheet"),
    ".pdf",
    PDF_FILTER,
)
TABLE = Target(
    QT_TRANSLATE_NOOP("Sharing", "table"),
    QT_TRANSLATE_NOOP("Sharing", "Save the table for a spreadsheet"),
    QT_TRANSLATE_NOOP("Sharing", "kvet table"),
    ".csv",
    CSV_FILTER,
)
SHAREABLE_FILE = Target(
    QT_TRANSLATE_NOOP("Sharing", "shareable file"),
    QT_TRANSLATE_NOOP("Sharing", "Save a shareable file"),
    QT_TRANSLATE_NOOP("Sharing", "kvet comparison"),
    ".kvet",
    KVET_FILTER,
)

# every export of the File menu, in its order
TARGETS = (SHAREABLE_FILE, REPORT, CALL_SHEET, TABLE, QUESTIONS)


def report_html(state: AppState) -> str:
    """The whole comparison as the report shows it: the person or everyone, as on screen."""
    from kvet.exchange import report

    return report.report_html(
        state.store, state.comparison_id, state.view_id or None, combined=state.combined
    )


def write_report(state: AppState, path: Path) -> Path:
    from kvet.render.pdf import write_pdf

    html = report_html(state)
    name = state.store.comparisons.get(state.comparison_id).name
    title = translate("Sharing", "kvet report: {name}").format(name=name)
    return write_pdf(html, path, title=title)


def write_questions(html: str, title: str, path: Path) -> Path:
    from kvet.render.pdf import write_pdf

    return write_pdf(html, path, title=f"kvet: {title}")


def write_call_sheet(state: AppState, clinic: ClinicInfo, personal: bool, path: Path) -> Path:
    from kvet.exchange import report
    from kvet.render.pdf import write_pdf

    html = report.call_sheet_html(state.store, clinic.id, state.rater_id, include_personal=personal)
    title = translate("Sharing", "kvet call sheet: {name}").format(name=clinic.name)
    return write_pdf(html, path, title=title)


def write_table(state: AppState, path: Path) -> Path:
    from kvet.exchange import csvexport

    return csvexport.export_csv(
        state.store,
        state.comparison_id,
        path,
        state.view_id or None,
        combined=state.combined,
    )


def write_shareable_file(
    state: AppState, path: Path, password: str | None, personal: bool, courses: bool
) -> Path:
    from kvet.exchange import files

    return files.export_comparison(
        state.store,
        state.comparison_id,
        path,
        password=password,
        include_personal=personal,
        include_courses=courses,
    )
