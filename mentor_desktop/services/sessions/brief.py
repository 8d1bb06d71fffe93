"""Use case: everything the one-page brief for a session shows."""

from __future__ import annotations

from mentor_desktop.domain.sessions import BriefData, Session
from mentor_desktop.services.brief_reads import read_brief
from mentor_desktop.services.sessions.agenda import AgendaUseCases


class BriefUseCases(AgendaUseCases):
    """The brief (it shows the agenda builder's suggestions while the agenda is empty)."""

    def brief_data(self, session: Session) -> BriefData:
        """Everything the one-page brief for `session` shows (see `brief_reads.read_brief`)."""
        today = self._today()
        with self._uow() as uow:
            return read_brief(uow.session.connection(), session, today)
