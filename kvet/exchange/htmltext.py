"""Text put into kvet's HTML documents: escaped, and kept from turning kvet's own words around.

Every printout (the report, the call sheet, the treatment page) writes what a person typed
through ``escaped``, so a clinic name can neither add markup nor, with a right-to-left override, run
on and reverse the rest of a sentence.
"""

from __future__ import annotations

from html import escape

# Explicit direction controls: embeddings and overrides (closed by PDF, U+202C) and isolates
# (closed by PDI, U+2069).
_OPENS_EMBEDDING = frozenset("\u202a\u202b\u202d\u202e")
_OPENS_ISOLATE = frozenset("\u2066\u2067\u2068")
_POP_EMBEDDING = "\u202c"
_POP_ISOLATE = "\u2069"


def contain_direction(text: str) -> str:
    """Close every direction control the text leaves open, so a right-to-left override typed
    into a clinic name cannot run on and turn the rest of kvet's sentence backwards."""
    if not any(c in _OPENS_EMBEDDING or c in _OPENS_ISOLATE for c in text):
        return text
    stack: list[str] = []
    for char in text:
        if char in _OPENS_EMBEDDING:
            stack.append(_POP_EMBEDDING)
        elif char in _OPENS_ISOLATE:
            stack.append(_POP_ISOLATE)
        elif char == _POP_EMBEDDING and stack and stack[-1] == _POP_EMBEDDING:
            stack.pop()
        elif char == _POP_ISOLATE and _POP_ISOLATE in stack:
            # a PDI also closes every embedding opened inside its isolate
            while stack.pop() != _POP_ISOLATE:
                pass
    return text + "".join(reversed(stack))


def escaped(text: object) -> str:
    """``text`` for HTML: escaped, its direction controls closed."""
    return escape(contain_direction(str(text)), quote=True)
