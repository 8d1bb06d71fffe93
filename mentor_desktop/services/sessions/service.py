"""The session service: every use case of the Session prep tab, the brief and the calendar
export, one part per use case (see the package's docstring)."""

from __future__ import annotations

from datetime import datetime

from mentor_desktop.services.sessions.after_session import AfterSessionUseCases
from mentor_desktop.services.sessions.agreements import AgreementUseCases
from mentor_desktop.services.sessions.brief import BriefUseCases
from mentor_desktop.services.sessions.schedule import ScheduleUseCases


class SessionService(AgreementUseCases, ScheduleUseCases, AfterSessionUseCases, BriefUseCases):
    """Everything the Session prep tab, the brief and the calendar export do."""

    def with_now(self, now: datetime) -> SessionService:
        """The same service at a fixed moment (tests and benchmarks)."""
        return SessionService(self._uow, lambda: now.date(), lambda: now)
