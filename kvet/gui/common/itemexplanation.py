"""The part of the item form that explains the item: what to check, how to ask it, why it
matters, what a good answer sounds like, and where the item comes from.

Apart from the answer part because it only shows words: it never sends anything back. Its labels
go straight into the form's own layout, so the form reads top to bottom as one column.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout

from kvet.content.checklist import Item, Source
from kvet.gui.common.flowlayout import whole_height
from kvet.gui.common.glossary import explain_on
from kvet.gui.common.itemparts import caption, described, scale_font, show_text, why_toggle
from kvet.gui.common.text import heading
from kvet.gui.words.paperwords import paper
from kvet.gui.words.tr import translate


class ItemExplanation:
    """The labels that explain one checklist item, and the arrow that shows why it matters."""

    def __init__(self) -> None:
        self.statement_label = whole_height(heading("", scale=1.4))
        self.statement_label.setAccessibleDescription(translate("ItemForm", "What to check"))
        self.how_caption = caption(translate("ItemForm", "How to ask it"))
        self.how_label = described(translate("ItemForm", "How to ask it"), selectable=True)
        scale_font(self.how_label, 1.1)
        self.why_button = why_toggle()
        self.why_label = described(translate("ItemForm", "Why it matters"), selectable=True)
        self.why_label.setIndent(self.why_button.sizeHint().height())
        self.why_label.setVisible(False)
        self.why_button.toggled.connect(self._show_why)
        self.good_caption = caption(translate("ItemForm", "A good answer sounds like"))
        self.good_label = described(
            translate("ItemForm", "A good answer sounds like"), selectable=True
        )
        self.sources_label = described(translate("ItemForm", "Where this item comes from"))

    def lay_out(self, layout: QVBoxLayout) -> None:
        """The labels read before answering, in reading order, at the top of the form's
        ``layout``; the sources go after the answers (``sources_label``), so that in a low
        window the question and its first answer show together."""
        layout.addWidget(self.statement_label)
        layout.addSpacing(6)
        layout.addWidget(self.how_caption)
        layout.addWidget(self.how_label)
        layout.addSpacing(4)
        layout.addWidget(self.why_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.why_label)
        layout.addSpacing(4)
        layout.addWidget(self.good_caption)
        layout.addWidget(self.good_label)

    def show_item(self, item: Item, sources: list[Source]) -> None:
        """``item``'s words; jargon explained where it is read, on hover and for screen readers."""
        for label, title, text in (
            (self.statement_label, translate("ItemForm", "What to check"), item.statement),
            (self.how_label, translate("ItemForm", "How to ask it"), item.how_to_ask),
            (self.why_label, translate("ItemForm", "Why it matters"), item.why_it_matters),
            (
                self.good_label,
                translate("ItemForm", "A good answer sounds like"),
                item.good_answer,
            ),
        ):
            show_text(label, text, hide_empty=False)
            explain_on(label, title, text)
        self.good_caption.setVisible(bool(item.good_answer))
        self.good_label.setVisible(bool(item.good_answer))
        titles = [source.title for source in sources]
        show_text(
            self.sources_label,
            (
                translate("ItemForm", "Source: {titles}")
                if len(titles) == 1
                else paper("psychiatrist", "sources")
            ).format(titles="; ".join(titles))
            if titles
            else "",
        )

    def _show_why(self, shown: bool) -> None:
        self.why_button.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.why_label.setVisible(shown)
