"""Reads behind the four charts: goals' dates, commitments and the journal's days."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from mentor_desktop.domain.models import Goal
from mentor_desktop.domain.sessions import Commitment
from mentor_desktop.storage.repositories import goal_reads
from mentor_desktop.storage.repositories.plain_sql import run_sql
from mentor_desktop.storage.repositories.timeline.common import TimelinePart, day_of


@dataclass(frozen=True, slots=True)
class GoalHead:
    """A goal's title, kind, status and dates, without what is under it."""

    id: int
    title: str
    kind: str
    status: str
    start_date: date | None
    target_date: date | None


class ChartReads(TimelinePart):
    """Goals' dates, commitments and journal days."""

    def goal_heads(self, statuses: list[str] | None = None) -> list[GoalHead]:
        """Goals (of `statuses`, or all) in the user's order."""
        where = ""
        params: tuple[str, ...] = ()
        if statuses is not None:
            where = (
                f" WHERE status IN ({', '.join('?' * len(statuses))})" if statuses else " WHERE 0"
            )
            params = tuple(statuses)
        return [
            GoalHead(row[0], row[1], row[2], row[3], day_of(row[4]), day_of(row[5]))
            for row in run_sql(
                self._connection,
                "SELECT id, title, kind, status, start_date, target_date FROM goal"
                f"{where} ORDER BY position, id",
                params,
            )
        ]

    def goals(self, statuses: list[str]) -> list[Goal]:
        """Goals of `statuses` with everything under them, in the user's order."""
        return goal_reads.load_goals(self._connection, statuses=statuses)

    def commitments(self) -> list[Commitment]:
        """Every action item with a due date (`Commitment.outcome` decides which count)."""
        return [
            Commitment(day_of(due), day_of(done), owner == "me")
            for due, done, owner in run_sql(
                self._connection,
                "SELECT due_date, done_date, owner FROM action_item WHERE due_date IS NOT NULL",
            )
        ]

    def journal_days(self) -> list[tuple[date, int, int]]:
        """(day, entries, wins) for every day with an entry."""
        return [
            (date.fromisoformat(day), int(entries), int(wins or 0))
            for day, entries, wins in run_sql(
                self._connection,
                "SELECT entry_date, count(*), sum(kind = 'win') FROM journal_entry "
                "GROUP BY entry_date ORDER BY entry_date",
            )
        ]
