"""What every part of the journal repository shares: the session it works in."""

from __future__ import annotations

from sqlalchemy.orm import Session


class JournalRows:
    """Base of the journal repository's parts: reads and writes within one session."""

    def __init__(self, session: Session) -> None:
        self.session = session
