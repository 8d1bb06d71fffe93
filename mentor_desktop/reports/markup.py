"""Small HTML pieces the printed documents (the session brief, the review pack) share."""

from __future__ import annotations

import html

from mentor_desktop.domain.bidi import mark_bidi


def escape(value: str) -> str:
    """User text made safe for the report HTML, its bidi controls shown as markers (so a
    title cannot pretend to be something else on paper either)."""
    return html.escape(mark_bidi(value))


def text_html(value: str) -> str:
    """User text made safe for the report HTML, with its line breaks kept."""
    return escape(value).replace("\n", "<br/>")


def empty_note(message: str) -> str:
    """A muted paragraph saying a section has nothing to show."""
    return f'<p class="muted">{escape(message)}</p>'
