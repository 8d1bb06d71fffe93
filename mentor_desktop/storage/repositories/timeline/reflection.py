"""Writing the review pack's closing reflection (reading it is `ReviewReads.reflection`)."""

from __future__ import annotations

from sqlalchemy.orm import Session as DbSession

from mentor_desktop.storage.orm import ReviewReflectionRow


def save_reflection(db: DbSession, text: str) -> None:
    """Keep `text` as the closing reflection (written only when it changed)."""
    row = db.get(ReviewReflectionRow, 1)
    if row is None:
        db.add(ReviewReflectionRow(id=1, text=text))
    elif row.text != text:
        row.text = text
