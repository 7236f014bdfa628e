"""The colours kvet paints with, readable under any theme (WCAG 2.2 AA).

kvet follows the user's theme: every colour starts from the palette. Where a theme's colour (or
Qt's own default) is too faint for AA, 4.5:1 for text and 3:1 for lines and bars that carry
meaning, it is moved towards the text colour just far enough to pass. Qt's default light palette
has three such colours: white text on the selection blue (3.69:1), placeholders (4.0:1) and the
"mid" grey kvet used for grid lines and outlines (1.7-2.0:1). A dark palette made without its own
disabled colours shows disabled controls exactly like enabled ones; they are dimmed here.

``paints(palette)`` is the one place the charts and the clinic list take their colours from, so
the contrast test checks the very colours that are painted.
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

from PySide6.QtGui import QColor, QPalette

TEXT = 4.5  # WCAG 2.2 AA, normal text
GRAPHIC = 3.0  # WCAG 2.2 AA, non-text contrast (bars, lines, outlines)
_MARGIN = 0.1  # a little above the line, so rounding never drops a colour below it
PROGRESS_LIGHTER = 120  # Fusion fills a progress bar with the selection colour this much lighter
Group = QPalette.ColorGroup
Role = QPalette.ColorRole


def luminance(colour: QColor) -> float:
    """Relative luminance of an sRGB colour (WCAG 2.2)."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(first: QColor, second: QColor) -> float:
    """The WCAG contrast ratio of two opaque colours, 1 to 21."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def over(colour: QColor, background: QColor) -> QColor:
    """A colour with transparency as it shows on ``background``."""
    alpha = colour.alphaF()
    return QColor.fromRgbF(
        colour.redF() * alpha + background.redF() * (1 - alpha),
        colour.greenF() * alpha + background.greenF() * (1 - alpha),
        colour.blueF() * alpha + background.blueF() * (1 - alpha),
    )


def mix(first: QColor, second: QColor, share: float) -> QColor:
    """``share`` of ``second`` mixed into ``first``."""
    return QColor.fromRgbF(
        first.redF() + (second.redF() - first.redF()) * share,
        first.greenF() + (second.greenF() - first.greenF()) * share,
        first.blueF() + (second.blueF() - first.blueF()) * share,
    )


def readable(colour: QColor, background: QColor, minimum: float, towards: QColor) -> QColor:
    """``colour`` on ``background`` as it is when it passes ``minimum``; otherwise moved towards
    ``towards`` (the text colour, or black or white) in small steps until it does."""
    start = over(colour, background)
    for step in range(21):
        candidate = mix(start, towards, step / 20)
        if contrast(candidate, background) >= minimum + _MARGIN:
            return candidate
    return towards.__copy__()  # QColor(towards) would make the Qt namespace (see fit_palette)


def _far_end(background: QColor) -> QColor:
    """Black on a light colour, white on a dark one."""
    black, white = QColor(0, 0, 0), QColor(255, 255, 255)
    return black if contrast(black, background) >= contrast(white, background) else white


class Paints(NamedTuple):
    """What kvet paints its charts and score boxes with, on a given background. (A named tuple,
    not a dataclass: this module is imported before the window's first paint, and Python's
    dataclasses module and the code a dataclass generates cost milliseconds there.)"""

    background: QColor  # the widget's own background: Window for charts, Base in lists
    text: QColor
    quiet_text: QColor  # band names in the PHQ-9 chart
    grid: QColor  # dotted lines at 0, 50 and 100
    rule: QColor  # the line between rows
    outline: QColor  # the score box's edge
    bar: QColor
    whisker: QColor
    halo: QColor  # drawn under the whisker, so it shows where it crosses the bar


def paints(palette: QPalette, background_role: Role = Role.Window) -> Paints:
    """The colours to paint with on ``background_role`` (Window for a chart, Base in a list).

    Worked out once per theme: a chart of 200 clinics paints each row with them, and finding a
    readable colour takes up to 21 contrast sums. The copies handed out are the caller's own."""
    text_role = Role.WindowText if background_role == Role.Window else Role.Text
    roles = (background_role, text_role, Role.Highlight, Role.Mid, Role.PlaceholderText)
    found = _worked_out(*(palette.color(role).getRgbF() for role in roles))
    return Paints(*(QColor(colour) for colour in found))


@cache
def _worked_out(*colours: tuple[float, float, float, float]) -> Paints:
    background, text, highlight, mid, placeholder = (QColor.fromRgbF(*c) for c in colours)
    return _paints(background, text, highlight, mid, placeholder)


def _paints(
    background: QColor, text: QColor, highlight: QColor, mid: QColor, placeholder: QColor
) -> Paints:
    if contrast(text, background) < TEXT:
        text = _far_end(background)
    bar = readable(highlight, background, GRAPHIC, _far_end(background))
    line = readable(mid, background, GRAPHIC, text)
    return Paints(
        background=background,
        text=text,
        quiet_text=readable(placeholder, background, TEXT, text),
        grid=line,
        rule=line,
        outline=line,
        bar=bar,
        whisker=text,
        halo=background,
    )


def fit_palette(palette: QPalette) -> QPalette:
    """The theme's palette, with the roles that fail AA (and disabled colours that look
    enabled) adjusted; everything else exactly as the theme has it.

    Made before the window's first paint, so it copies with ``__copy__`` (what ``copy.copy``
    calls): Qt's copy constructors (``QPalette(palette)``, ``QColor(colour)``) have PySide6 make
    the whole Qt namespace, some 200 enums (15 ms), while it weighs which overload is meant."""
    fitted = palette.__copy__()
    for group in (Group.Active, Group.Inactive):
        fitted.setColor(group, Role.Highlight, _selection(fitted, group))
        base = fitted.color(group, Role.Base)
        placeholder = fitted.color(group, Role.PlaceholderText)
        fitted.setColor(
            group,
            Role.PlaceholderText,
            readable(placeholder, base, TEXT, fitted.color(group, Role.Text)),
        )
    for text_role, background_role in (
        (Role.Text, Role.Base),
        (Role.WindowText, Role.Window),
        (Role.ButtonText, Role.Button),
    ):
        enabled = fitted.color(Group.Active, text_role)
        disabled = fitted.color(Group.Disabled, text_role)
        background = fitted.color(Group.Disabled, background_role)
        if not looks_disabled(disabled, enabled, background):
            fitted.setColor(Group.Disabled, text_role, mix(enabled, background, 0.55))
    return fitted


def _selection(palette: QPalette, group: QPalette.ColorGroup) -> QColor:
    """The selection colour moved away from its text (the theme's hue stays) until the text
    reads on it, and on the 20% lighter shade Qt's Fusion style fills progress bars with."""
    selected_text = palette.color(group, Role.HighlightedText)
    far = _far_end(selected_text)
    highlight = palette.color(group, Role.Highlight)
    for step in range(21):
        candidate = mix(highlight, far, step / 20)
        lighter = candidate.lighter(PROGRESS_LIGHTER)
        if min(contrast(candidate, selected_text), contrast(lighter, selected_text)) >= (
            TEXT + _MARGIN
        ):
            return candidate
    return far


def looks_disabled(disabled: QColor, enabled: QColor, background: QColor) -> bool:
    """Disabled words are clearly fainter than enabled ones on the same background."""
    return contrast(disabled, background) <= 0.6 * contrast(enabled, background)
