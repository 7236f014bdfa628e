"""The window's Spanish reads as plainly as the Spanish checklist: "normal" or easier on the
INFLESZ scale (the Szigriszt-Pazos index), the level health texts for patients should meet.

The translations are read from the translators' file, with each {placeholder} read as one short
word and each & (a keyboard shortcut's mark) left out, as a person reads them on screen.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from kvet.content.catalogue import sentence
from kvet.gui.main.language import kvet_translations_dir
from tests.scriptloader import load_script
from tests.test_spanish_data import NORMAL, SHORT, harder_than_normal, inflesz

PLACE = re.compile(r"\{\w+\}")


def window_texts() -> list[tuple[str, str]]:
    """(context, Spanish) for every message of the window, as it reads on screen: the window's
    own words (kvet_es.ts) and the core's sentences it shows (the catalogue, es.po)."""
    root = ET.parse(kvet_translations_dir() / "kvet_es.ts").getroot()
    own = [
        (context.findtext("name", ""), text)
        for context in root.iter("context")
        for message in context.iter("message")
        if (text := message.findtext("translation"))
    ]
    core = [
        (f"catalogue: {family}", sentence(english, "es", context))
        for family, entries in load_script("catalogue").core_sentences().items()
        for context, english in entries
    ]
    return [(where, PLACE.sub("X", text).replace("&", "")) for where, text in [*own, *core]]


def test_every_longer_sentence_of_the_window_reads_normal_or_easier() -> None:
    texts = window_texts()
    assert len(texts) > 800
    too_hard = harder_than_normal(texts)
    assert not too_hard, "\n".join(too_hard)


def test_the_window_s_short_words_together_read_normal_or_easier() -> None:
    short = [text for _context, text in window_texts() if len(text.split()) < SHORT]
    assert inflesz(" ".join(short)) >= NORMAL
