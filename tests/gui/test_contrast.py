"""Everything kvet paints can be read: WCAG 2.2 AA (4.5:1 for text, 3:1 for bars and lines).

Checked under Qt's default light palette, a dark palette and two high-contrast ones (black on
white, white on black). The ratios are computed from the colours kvet paints: the palette as kvet
sets it up (kvet.gui.common.colours.fit_palette, applied when the application starts) and the
colours the charts and the clinic list draw with (kvet.gui.common.colours.paints), which the
pictures below are checked to contain.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QRect
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QProgressBar, QStyle, QStyleOptionViewItem, QTableView
from pytestqt.qtbot import QtBot

from kvet.content.checklist import Checklist, Kind
from kvet.gui.common.colours import (
    GRAPHIC,
    TEXT,
    contrast,
    fit_palette,
    looks_disabled,
    over,
    paints,
)
from kvet.gui.main.clinicmodel import SCORE_COLUMN, ClinicTableModel, ScoreBarDelegate
from kvet.gui.pages.rankingchart import RankingChart
from kvet.rating.answers import OPTIONS
from kvet.rating.ranking import Ranking, rank
from kvet.rating.scoring import ClinicAnswers, Scorer

ROOT = Path(__file__).resolve().parents[2]
Role = QPalette.ColorRole
Group = QPalette.ColorGroup


def _palette(colours: dict[Role, str]) -> QPalette:
    """A theme as a desktop sets it: the same colour for enabled and disabled controls unless
    the theme says otherwise (many dark themes do not)."""
    palette = QPalette()
    for role, name in colours.items():
        palette.setColor(role, QColor(name))
    return palette


def palettes() -> dict[str, QPalette]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return {
        "Qt's default light": app.style().standardPalette(),
        "dark": _palette(
            {
                Role.Window: "#2b2b2b",
                Role.WindowText: "#e8e8e8",
                Role.Base: "#1f1f1f",
                Role.AlternateBase: "#2f2f2f",
                Role.Text: "#e8e8e8",
                Role.Button: "#353535",
                Role.ButtonText: "#e8e8e8",
                Role.Highlight: "#3d7fd1",
                Role.HighlightedText: "#ffffff",
                Role.PlaceholderText: "#7a7a7a",
                Role.Mid: "#404040",
                Role.Midlight: "#4a4a4a",
            }
        ),
        "high contrast, black on white": _palette(
            {
                Role.Window: "#ffffff",
                Role.WindowText: "#000000",
                Role.Base: "#ffffff",
                Role.Text: "#000000",
                Role.Button: "#ffffff",
                Role.ButtonText: "#000000",
                Role.Highlight: "#000000",
                Role.HighlightedText: "#ffffff",
                Role.Mid: "#c0c0c0",
                Role.Midlight: "#e0e0e0",
            }
        ),
        "high contrast, white on black": _palette(
            {
                Role.Window: "#000000",
                Role.WindowText: "#ffffff",
                Role.Base: "#000000",
                Role.Text: "#ffffff",
                Role.Button: "#000000",
                Role.ButtonText: "#ffffff",
                Role.Highlight: "#ffffff",
                Role.HighlightedText: "#000000",
                Role.Mid: "#404040",
                Role.Midlight: "#202020",
            }
        ),
    }


def ranking(checklist: Checklist) -> Ranking:
    good = {
        i.id: OPTIONS[i.kind][0].choice
        for i in checklist.items
        if i.kind is not Kind.FACT and not i.formats
    }
    half = dict(list(good.items())[: len(good) // 2])
    return rank(
        Scorer(checklist).score_all(
            [
                ClinicAnswers("a", "Harbor", answers=good),
                ClinicAnswers("b", "Lakeside", answers=half),
            ]
        )
    )


def colours_in(image: QImage) -> Counter[str]:
    return Counter(
        QColor.fromRgb(image.pixel(x, y)).name()
        for x in range(image.width())
        for y in range(image.height())
    )


THEMES = (
    "Qt's default light",
    "dark",
    "high contrast, black on white",
    "high contrast, white on black",
)


@pytest.fixture(params=THEMES)
def theme(request: pytest.FixtureRequest, qapp: QApplication) -> QPalette:
    return fit_palette(palettes()[request.param])


def test_selected_rows_and_placeholders_can_be_read(theme: QPalette) -> None:
    for group in (Group.Active, Group.Inactive):
        selected = contrast(
            theme.color(group, Role.HighlightedText), theme.color(group, Role.Highlight)
        )
        assert selected >= TEXT, f"selected row's text {selected:.2f}:1"
        base = theme.color(group, Role.Base)
        hint = contrast(over(theme.color(group, Role.PlaceholderText), base), base)
        assert hint >= TEXT, f"placeholder {hint:.2f}:1"


def test_the_progress_bar_text_can_be_read(qtbot: QtBot, theme: QPalette) -> None:
    """Measured on the bar as Qt draws it: the filled part, under the words saying how far."""
    bar = QProgressBar()
    qtbot.addWidget(bar)
    bar.setPalette(theme)
    bar.setRange(0, 10)
    bar.setValue(10)
    bar.setTextVisible(False)  # the fill alone, to measure it
    bar.resize(300, 30)
    image = bar.grab().toImage()
    middle = image.height() // 2
    fill = Counter(image.pixel(x, middle) for x in range(40, 260))
    filled = QColor.fromRgb(fill.most_common(1)[0][0])
    words = contrast(theme.color(Role.HighlightedText), filled)
    assert words >= TEXT, f"progress words on the fill {words:.2f}:1"


def test_the_ranking_chart_bars_lines_and_words_stand_out(
    qtbot: QtBot, checklist: Checklist, theme: QPalette
) -> None:
    chart = RankingChart()
    qtbot.addWidget(chart)
    chart.setPalette(theme)
    chart.set_ranking(ranking(checklist))
    chart.resize(chart.sizeHint())
    used = paints(theme)  # what the chart paints with
    assert contrast(used.text, used.background) >= TEXT
    for name, colour in (("bar", used.bar), ("grid line", used.grid), ("row rule", used.rule)):
        ratio = contrast(colour, used.background)
        assert ratio >= GRAPHIC, f"{name} {ratio:.2f}:1"
    # where the range line crosses the bar, its halo or the line itself stands out from the bar
    on_bar = max(contrast(used.whisker, used.bar), contrast(used.halo, used.bar))
    assert on_bar >= GRAPHIC
    assert contrast(used.whisker, used.halo) >= GRAPHIC
    # and these are the colours on screen
    seen = colours_in(chart.grab().toImage())
    for colour in (used.bar, used.grid, used.halo):
        assert seen[colour.name()] > 0, colour.name()


def test_the_phq9_chart_band_names_can_be_read(theme: QPalette) -> None:
    used = paints(theme)
    ratio = contrast(used.quiet_text, used.background)
    assert ratio >= TEXT, f"band names {ratio:.2f}:1"


def test_the_score_box_in_the_clinic_list_stands_out(
    qtbot: QtBot, checklist: Checklist, theme: QPalette
) -> None:
    view = QTableView()
    qtbot.addWidget(view)
    view.setPalette(theme)
    model = ClinicTableModel(view)
    model.set_ranking(ranking(checklist))
    view.setModel(model)
    used = paints(theme, Role.Base)
    for name, colour in (("outline", used.outline), ("bar", used.bar)):
        ratio = contrast(colour, used.background)
        assert ratio >= GRAPHIC, f"score box {name} {ratio:.2f}:1"
    on_bar = max(contrast(used.whisker, used.bar), contrast(used.halo, used.bar))
    assert on_bar >= GRAPHIC
    # the box as the list paints it
    image = QImage(220, 36, QImage.Format.Format_RGB32)
    image.fill(used.background)
    option = QStyleOptionViewItem()
    option.rect = QRect(0, 0, 220, 36)
    option.palette = theme
    option.fontMetrics = view.fontMetrics()
    option.state = QStyle.StateFlag.State_Enabled
    painter = QPainter(image)
    ScoreBarDelegate(view).paint(painter, option, model.index(0, SCORE_COLUMN, QModelIndex()))
    painter.end()
    seen = colours_in(image)
    assert seen[used.outline.name()] > 0
    assert seen[used.bar.name()] > 0


def test_disabled_controls_look_disabled(theme: QPalette) -> None:
    for text, background in (
        (Role.Text, Role.Base),
        (Role.WindowText, Role.Window),
        (Role.ButtonText, Role.Button),
    ):
        assert looks_disabled(
            theme.color(Group.Disabled, text),
            theme.color(Group.Active, text),
            theme.color(Group.Disabled, background),
        ), text


def test_the_theme_is_followed_where_it_passes(qapp: QApplication) -> None:
    """Only failing roles change: the high-contrast themes keep their own black and white."""
    for name in ("high contrast, black on white", "high contrast, white on black"):
        theme = palettes()[name]
        fitted = fit_palette(theme)
        for role in (Role.Window, Role.WindowText, Role.Base, Role.Text, Role.Highlight):
            assert fitted.color(role) == theme.color(role), (name, role)


def test_kvet_starts_with_the_readable_palette(tmp_path: Path) -> None:
    """The application kvet makes (kvet.gui.main.application) has the selection's text at AA."""
    code = (
        "from kvet.gui.main.application import make_application\n"
        "from kvet.gui.common.colours import contrast\n"
        "from PySide6.QtGui import QPalette\n"
        "app = make_application(['kvet'])\n"
        "p = app.palette(); r = QPalette.ColorRole\n"
        "print(round(contrast(p.color(r.HighlightedText), p.color(r.Highlight)), 2))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path))
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert float(done.stdout.split()[-1]) >= TEXT
