"""How the command line prints: every text from a file or a user made safe for a terminal.

Kept apart so each command prints the same way: a name holding control characters must not
rewrite the terminal, whichever command shows it.
"""

from __future__ import annotations

import sys

# C0 and C1 controls and DEL, and the marks that reorder text on screen (bidi overrides,
# isolates and marks): a name holding them could rewrite the terminal or disguise itself.
_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_HIDDEN = {*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0), *map(ord, _BIDI)}


def visible(text: str, *, keep_newlines: bool = False) -> str:
    """Text from a file or a user, safe to print: controls shown as \\x1b, \\u202e and so on."""
    out = []
    for char in text:
        code = ord(char)
        if code in _HIDDEN and not (keep_newlines and char == "\n"):
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        elif 0xD800 <= code <= 0xDFFF:  # a lone surrogate (an undecodable byte) cannot print
            out.append(f"\\u{code:04x}")
        else:
            out.append(char)
    return "".join(out)


def say(text: str) -> None:
    """Print one message kvet made (it may quote names): newlines kept, controls made visible."""
    print(visible(text, keep_newlines=True))


def complain(said: str) -> None:
    """Print one refusal or warning on stderr, after "kvet: ", controls made visible."""
    print(f"kvet: {visible(said, keep_newlines=True)}", file=sys.stderr)
