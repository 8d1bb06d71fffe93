"""What every use case of the sessions area shares: the unit of work and the clock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from mentor_desktop.storage.uow import UnitOfWorkFactory


class SessionUseCases:
    """The base of the session service's parts; each method is one transaction that
    validates first."""

    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        today: Callable[[], date] = date.today,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        self._uow = uow_factory
        self._today = today
        self._now = now or (lambda: datetime.combine(self._today(), datetime.now().time()))

    def now(self) -> datetime:
        """The service's clock (fixed in tests and benchmarks)."""
        return self._now()

    def _minute(self) -> datetime:
        """Now, to the minute (sessions start on whole minutes)."""
        return self._now().replace(second=0, microsecond=0)
