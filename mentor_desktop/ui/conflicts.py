"""When a text was changed elsewhere after it was opened here: ask which one to keep.

Saving checks that the stored text is still the one typed over (services raise
TextConflictError otherwise), so nothing is replaced unseen. The person then chooses:
keep mine (my text replaces theirs), take theirs (theirs replaces mine) or keep both (theirs
first, then mine under a line), which is also what closing the question does.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QWidget

from mentor_desktop.domain.errors import TextConflictError
from mentor_desktop.ui.dialogs import Dialogs

T = TypeVar("T")

KEEP_MINE = "mine"
TAKE_THEIRS = "theirs"
KEEP_BOTH = "both"
CHOICES = ((KEEP_MINE, "Keep mine"), (TAKE_THEIRS, "Take theirs"), (KEEP_BOTH, "Keep both"))
#: The line between their text and mine when both are kept.
BOTH_MARK = "— My version (both were kept) —"
_PREVIEW = 160


def their_record(conflict: TextConflictError, kind: type[T]) -> T:
    """The record as stored now, which the service raising `conflict` sends as a `kind`."""
    theirs = conflict.theirs
    if not isinstance(theirs, kind):
        raise TypeError(f"{conflict.what} came back as {type(theirs).__name__}") from conflict
    return theirs


def _preview(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _PREVIEW else flat[: _PREVIEW - 1] + "…"


def ask_which_text(
    dialogs: Dialogs, parent: QWidget | None, what: str, mine: str, theirs: str
) -> str:
    """KEEP_MINE, TAKE_THEIRS or KEEP_BOTH, as the person chooses."""
    text = (
        f"{what} was changed elsewhere (in another window or from the command line) "
        "after you opened it here.\n\n"
        f"Theirs: {_preview(theirs) or '(empty)'}\n"
        f"Mine: {_preview(mine) or '(empty)'}\n\n"
        "Keep mine: my text replaces theirs. Take theirs: their text replaces mine. "
        "Keep both: their text, then mine under a line."
    )
    return dialogs.choose(parent, "Changed elsewhere", text, CHOICES, default=KEEP_BOTH)


def both_texts(theirs: str, mine: str) -> str:
    """Their text, then mine under a line (nothing of either is lost)."""
    return f"{theirs.rstrip()}\n\n{BOTH_MARK}\n\n{mine}"
