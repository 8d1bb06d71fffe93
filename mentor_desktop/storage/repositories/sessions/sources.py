"""Read-only queries of other areas' tables that the agenda builder and the brief draw on
(flagged entries, wins, milestones due, recalibrations, goals), so the sessions area never
reaches into another area's service. The queries are plain SQL (`source_reads`,
`goal_reads`), shared with the reads made before SQLAlchemy is loaded."""

from __future__ import annotations

from datetime import date, datetime

from mentor_desktop.domain.growth.brief import GrowthSources
from mentor_desktop.domain.models import Goal
from mentor_desktop.domain.sessions import JournalNote, MilestoneDue, Recalibration
from mentor_desktop.storage.repositories import goal_reads, source_reads
from mentor_desktop.storage.repositories.sessions.mapping import RepositoryPart


class SourceReads(RepositoryPart):
    """What happened elsewhere since the last session, read only."""

    def flagged_entries(self, since: datetime | None, until: date) -> list[JournalNote]:
        """Flagged entries dated up to `until` and written after `since` (a local moment)."""
        return source_reads.flagged_entries(self._plain(), since, until)

    def wins(self, since: datetime | None, until: date, limit: int = 50) -> list[JournalNote]:
        """Wins dated up to `until` and written after `since`, newest first."""
        return source_reads.wins(self._plain(), since, until, limit)

    def milestones_due(self, by: date) -> list[MilestoneDue]:
        """Open milestones of active goals due on or before `by` (overdue ones included)."""
        return source_reads.milestones_due(self._plain(), by)

    def recalibrations(self, since: datetime | None, until: datetime) -> list[Recalibration]:
        """Changes made after `since` and up to `until` (local wall-clock times)."""
        return source_reads.recalibrations(self._plain(), since, until)

    def active_goals(self) -> list[Goal]:
        """Active goals with everything under them, in the user's order."""
        return goal_reads.load_goals(self._plain(), statuses=["active"])

    def require_goal(self, goal_id: int) -> None:
        """NotFoundError when there is no goal `goal_id`."""
        goal_reads.load_goal(self._plain(), goal_id)

    def growth_sources(self) -> GrowthSources:
        """Practice and opportunities, for the agenda's growth suggestions and the brief."""
        return source_reads.growth_sources(self._plain())
