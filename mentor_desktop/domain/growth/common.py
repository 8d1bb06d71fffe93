"""What the three kinds of growth item share: title and text checks, dates."""

from __future__ import annotations

from datetime import date

from mentor_desktop.domain.dates import date_text

MAX_TITLE = 300
MAX_TEXT = 20_000
MAX_NAME = 100


def title_error(title: str, what: str, limit: int = MAX_TITLE) -> str | None:
    """The message for a bad title or name of `what`, or None when it is fine."""
    if not title.strip():
        return f"The {what} needs a {'name' if limit == MAX_NAME else 'title'}."
    if len(title) > limit:
        return f"This is {len(title)} characters long; keep it under {limit}."
    if any(ord(ch) < 32 and ch != "\t" for ch in title):
        return "It cannot contain line breaks or control characters."
    return None


def text_error(text: str) -> str | None:
    if len(text) > MAX_TEXT:
        return f"This text is too long ({len(text):,} characters; the limit is {MAX_TEXT:,})."
    return None


def fmt(day: date) -> str:
    return date_text(day)


def short(text: str, limit: int = 40) -> str:
    """`text` on one line, cut to `limit` characters with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def one_of(words: list[str]) -> str:
    """'a', 'a or b', 'a, b or c'."""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]
