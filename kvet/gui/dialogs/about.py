"""Help → About: versions, the languages kvet speaks, what the checklist is based on, and the
disclaimer.

The layout is the Designer form ``ui/about.ui``; this module only fills in what comes from data, so
the sources list always matches the checklist actually loaded.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

import kvet
from kvet.content.checklist import Checklist, Source
from kvet.gui.common.flowlayout import scrolling_body
from kvet.gui.forms.ui_about import Ui_AboutDialog
from kvet.gui.words.paperwords import paper
from kvet.text import language

ARTICLE_PREFIX = "article-"
CITATION_PART = " — "


def article_title(checklist: Checklist) -> str:
    """The article's own title, read from the citation of its first part.

    The checklist cites the article once per part ("<title> — section ..."), so the title is the
    text before the first dash; if the data changes shape, nothing is shown rather than a guess.
    """
    for source in checklist.sources:
        if source.key.startswith(ARTICLE_PREFIX) and CITATION_PART in source.citation:
            return source.citation.split(CITATION_PART, 1)[0].strip()
    return ""


def sources_text(sources: tuple[Source, ...] | list[Source]) -> str:
    """One block per source, blank line between: plain text a person can read and copy."""
    blocks = []
    for number, source in enumerate(sources, start=1):
        lines = [f"{number}. {source.title}", f"   {source.citation}"]
        if source.url:
            lines.append(f"   {source.url}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


class AboutDialog(QDialog):
    def __init__(self, checklist: Checklist, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_AboutDialog()
        self.ui.setupUi(self)
        scrolling_body(self.ui.dialogLayout)  # all but the buttons scroll on a short screen
        title_font = self.ui.titleLabel.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.6)
        title_font.setBold(True)
        self.ui.titleLabel.setFont(title_font)
        # The printouts say the same (words.toml), so the form's text is a preview only (notr).
        self.ui.disclaimerLabel.setText(paper("psychiatrist", "not_advice"))
        self.ui.sourcesView.setAccessibleName(paper("report", "sources"))
        bold = self.ui.disclaimerLabel.font()
        bold.setBold(True)
        self.ui.disclaimerLabel.setFont(bold)

        self.ui.versionLabel.setText(
            self.tr("kvet version {kvet} · checklist version {checklist}").format(
                kvet=kvet.__version__, checklist=checklist.version
            )
        )
        self.ui.translationsLabel.setText(
            self.tr(
                "kvet can be used in: {languages}. The translations have not yet been checked "
                "by a native speaker. If a word or a sentence reads wrong or is hard to follow, "
                "please tell the people who make kvet. Corrections are welcome."
            ).format(languages=", ".join(name for _, name in language.LANGUAGES))
        )
        article = article_title(checklist)
        if article:
            based_on = self.tr(
                "The checklist, “{title}”, is based on the article “{article}” and the "
                "references below."
            ).format(title=checklist.title, article=article)
        else:
            based_on = self.tr(
                "The checklist, “{title}”, is based on the references below."
            ).format(title=checklist.title)
        self.ui.basedOnLabel.setText(based_on)
        self.ui.sourcesView.setPlainText(sources_text(checklist.sources))

        close = self.ui.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(self.tr("Close"))
        close.setAccessibleDescription(self.tr("Close this window."))
        self.ui.buttons.rejected.connect(self.reject)
        close.setFocus()
