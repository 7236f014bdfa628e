"""My treatment's first tab, "How it is going": the chart, the summary in words, the signals
worth talking about, and the buttons that save a page for the next appointment.

Its own module because it only shows what the core reads from a course (kvet.treatment.coursetrend,
reconsider); the window around it decides which course that is and saves the files.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QToolButton, QVBoxLayout, QWidget

from kvet.gui.common.flowlayout import FlowLayout
from kvet.gui.common.text import plain_label
from kvet.gui.treatment.coursechart import CourseChart
from kvet.gui.words import coursewords
from kvet.gui.words.paperwords import paper
from kvet.gui.words.tr import translate
from kvet.treatment import coursetrend, reconsider
from kvet.treatment.course import Course


class ProgressTab(QWidget):
    """How the course is going, in a chart and in words, with the reasons behind each signal."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        # First on the page: every check-in where question 9 was above "Not at all".
        self.safety_trace = plain_label(selectable=True)
        self.safety_trace.setAccessibleDescription(translate("Treatment", "Question 9 answers"))
        self.safety_trace.hide()
        layout.addWidget(self.safety_trace)
        self.chart = CourseChart()
        layout.addWidget(self.chart, 2)
        self.summary = plain_label(selectable=True)
        self.summary.setAccessibleDescription(paper("course", "how_it_is_going"))
        layout.addWidget(self.summary)
        self.signals_label = plain_label(selectable=True)
        self.signals_label.setAccessibleDescription(translate("Treatment", "Signals to talk about"))
        layout.addWidget(self.signals_label)
        self._build_rules(layout)
        buttons = FlowLayout(spacing=6)  # onto two lines with larger text
        self.pdf_button = QPushButton(
            translate("Treatment", "Save a page for my next appointment (PDF)…")
        )
        self.csv_button = QPushButton(
            translate("Treatment", "Save the log for a spreadsheet (CSV)…")
        )
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(self.csv_button)
        layout.addLayout(buttons)

    def _build_rules(self, layout: QVBoxLayout) -> None:
        """How kvet reads the signals, behind a disclosure arrow."""
        self.rules_button = QToolButton()
        self.rules_button.setText(translate("Treatment", "How kvet reads these signals"))
        self.rules_button.setCheckable(True)
        self.rules_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.rules_button.setArrowType(Qt.ArrowType.RightArrow)
        self.rules_label = plain_label(selectable=True)
        self.rules_label.setAccessibleDescription(
            translate("Treatment", "How kvet reads these signals")
        )
        self.rules_label.hide()
        self.rules_button.toggled.connect(self._show_rules)
        layout.addWidget(self.rules_button)
        layout.addWidget(self.rules_label, 1)

    def show_course(self, course: Course | None) -> None:
        """``course`` in the chart and in words; with none, the chart says so and the words stay."""
        self.chart.set_course(course)
        if course is None:
            return
        self.summary.setText(coursetrend.describe(course, coursewords.say))
        safety = coursetrend.safety_lines(course, coursewords.say)
        self.safety_trace.setText("\n".join(safety))
        self.safety_trace.setVisible(bool(safety))
        signals = reconsider.all_signals(course, date.today(), coursewords.say)
        raised = [s for s in signals if s.raised]
        quiet = [s.title for s in signals if not s.raised]
        lines = [
            translate("Treatment", "Worth talking about:")
            if raised
            else translate("Treatment", "Nothing in the log calls for a second look.")
        ]
        for signal in raised:
            lines.append(f"• {signal.title}. " + " ".join(signal.because) + f" {signal.advice}")
        if quiet:
            lines.append(
                translate("Treatment", "Not raised: {titles}.").format(titles="; ".join(quiet))
            )
        lines += [s.question for s in signals if s.question]
        self.signals_label.setText("\n".join(lines))
        self.rules_label.setText("\n".join(f"{s.title}: {s.rule}" for s in signals))

    def _show_rules(self, shown: bool) -> None:
        self.rules_label.setVisible(shown)
        self.rules_button.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
