"""What every part of the timeline repository shares: its connection, and reading the
dates SQLite stores as text."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from mentor_desktop.domain.timeline import MilestoneDates
from mentor_desktop.storage.repositories.plain_sql import AnyConnection, run_sql


def day_of(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None


def moment_of(value: str) -> datetime:
    return datetime.fromisoformat(value)


def end_exclusive(end: date) -> str:
    """The first stored value after the day `end`, for `< ?` bounds."""
    # "9999-12-32" sorts after every stored day and moment of the last possible day.
    return (end + timedelta(days=1)).isoformat() if end < date.max else "9999-12-32"


def days_before(day: date, days: int) -> date:
    """`day` minus `days`, or the first possible date when that would be earlier."""
    return day - timedelta(days=days) if day.toordinal() > days else date.min


class TimelinePart:
    """One part of `TimelineRepository`: plain indexed SQL (no ORM, no N+1) on a unit of
    work's connection or on a plain one opened with `storage.reading.reading`."""

    def __init__(self, connection: AnyConnection) -> None:
        self._connection = connection

    def first_planned_dates(self) -> dict[int, date]:
        """Milestone id -> the due date it had first (before the first recalibration moved it)."""
        first: dict[int, date] = {}
        for milestone_id, old, new in run_sql(
            self._connection,
            "SELECT milestone_id, old_value, new_value FROM goal_change "
            "WHERE field = 'milestone_due' AND milestone_id IS NOT NULL ORDER BY changed_at, id",
        ):
            if milestone_id in first:
                continue
            value = day_of(old) or day_of(new)
            if value is not None:
                first[milestone_id] = value
        return first

    def milestone_dates(self) -> list[MilestoneDates]:
        """Every milestone with its original due date, current due date and done date."""
        first = self.first_planned_dates()
        rows = run_sql(self._connection, "SELECT id, goal_id, due_date, done_date FROM milestone")
        result = []
        for milestone_id, goal_id, due, done in rows:
            due_day = day_of(due)
            result.append(
                MilestoneDates(
                    milestone_id, goal_id, first.get(milestone_id, due_day), due_day, day_of(done)
                )
            )
        return result
