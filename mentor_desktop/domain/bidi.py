"""Bidirectional-text controls made visible, so a title cannot pretend to be something else.

A right-to-left override (U+202E) turns "invoice\u202efdp.exe" into what looks like
"invoiceexe.pdf"; embeddings, isolates and direction marks do the same more quietly. Titles,
tags and names are shown with every such control replaced by a visible marker (‹RLO›), in
lists, dialogs and printed documents alike. Right-to-left letters themselves (Arabic,
Hebrew) are left alone: only the invisible controls are marked.
"""

from __future__ import annotations

import re

#: Each bidirectional control character and the marker shown in its place.
BIDI_CONTROLS: dict[str, str] = {
    "\u061c": "ALM",  # Arabic letter mark
    "\u200e": "LRM",  # left-to-right mark
    "\u200f": "RLM",  # right-to-left mark
    "\u202a": "LRE",  # left-to-right embedding
    "\u202b": "RLE",  # right-to-left embedding
    "\u202c": "PDF",  # pop directional formatting
    "\u202d": "LRO",  # left-to-right override
    "\u202e": "RLO",  # right-to-left override
    "\u2066": "LRI",  # left-to-right isolate
    "\u2067": "RLI",  # right-to-left isolate
    "\u2068": "FSI",  # first strong isolate
    "\u2069": "PDI",  # pop directional isolate
}
_TABLE = {ord(char): f"\u2039{name}\u203a" for char, name in BIDI_CONTROLS.items()}
_ANY_CONTROL = re.compile("[" + "".join(BIDI_CONTROLS) + "]")


def has_bidi_controls(text: str) -> bool:
    """True when `text` holds any bidirectional control character."""
    return _ANY_CONTROL.search(text) is not None


def mark_bidi(text: str) -> str:
    """`text` with each bidirectional control replaced by a visible marker (‹RLO›)."""
    if not has_bidi_controls(text):
        return text
    return text.translate(_TABLE)
