"""What the growth services share: the unit of work, the clock, and link checks."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import TYPE_CHECKING

from mentor_desktop.domain.errors import ValidationError
from mentor_desktop.storage.repositories import growth_reads
from mentor_desktop.storage.uow import UnitOfWork, UnitOfWorkFactory

if TYPE_CHECKING:
    from mentor_desktop.storage.repositories.growth import GrowthRepository


def rows(uow: UnitOfWork) -> GrowthRepository:
    """The write-side repository (imports the ORM on first use, not at start-up)."""
    from mentor_desktop.storage.repositories.growth import GrowthRepository

    return GrowthRepository(uow.session)


class GrowthBase:
    """A service of the growth area: one unit of work per call, `today` for default dates."""

    def __init__(
        self, uow_factory: UnitOfWorkFactory, today: Callable[[], date] = date.today
    ) -> None:
        self._uow = uow_factory
        self._today = today

    @staticmethod
    def live(uow: UnitOfWork, table: str, ids: Iterable[int]) -> tuple[int, ...]:
        """`ids` without those deleted meanwhile (a restore leaves those links out)."""
        wanted = tuple(ids)
        found = growth_reads.existing(uow.session.connection(), table, wanted)
        return tuple(i for i in wanted if i in found)

    @staticmethod
    def check_links(uow: UnitOfWork, **links: Iterable[int] | int | None) -> None:
        """Raise ValidationError naming the field when a linked record no longer exists.

        Keys are `goal_ids`, `skill_ids`, `session_id`, `journal_entry_id`, `feedback_id`,
        `practice_id`.
        """
        tables = {
            "goal_ids": "goal",
            "skill_ids": "skill",
            "session_id": "session",
            "journal_entry_id": "journal_entry",
            "feedback_id": "feedback",
            "practice_id": "practice",
        }
        connection = uow.session.connection()
        for name, value in links.items():
            if value is None:
                continue
            ids = [value] if isinstance(value, int) else list(value)
            missing = set(ids) - growth_reads.existing(connection, tables[name], ids)
            if missing:
                what = tables[name].replace("_", " ")
                raise ValidationError.single(
                    name.removesuffix("_ids").removesuffix("_id"),
                    f"The {what} #{min(missing)} no longer exists; pick another.",
                )
