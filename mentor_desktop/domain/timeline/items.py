"""What the timeline draws: goal bars, milestone markers, session ticks, and the growth lane's
practice bars and opportunity deadlines."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date


class TimelineKind(enum.StrEnum):
    GOAL = "goal"
    MILESTONE = "milestone"
    SESSION = "session"
    PRACTICE = "practice"
    OPPORTUNITY = "opportunity"

    @property
    def label(self) -> str:
        return self.value.capitalize()


@dataclass(frozen=True, slots=True)
class TimelineItem:
    """One thing on the timeline: a goal bar, a milestone marker or a session tick.

    For a goal `start`..`end` is its start and target date; for a milestone `start` is its
    due date and `first_planned` the date it had first; for a session `start` is its day.
    """

    kind: TimelineKind
    id: int
    title: str
    start: date
    end: date
    goal_id: int | None = None
    goal_kind: str = ""
    goal_status: str = ""
    done: bool = False
    done_date: date | None = None
    first_planned: date | None = None
    status: str = ""
    detail: str = ""

    @property
    def slipped_days(self) -> int:
        if self.first_planned is None:
            return 0
        return (self.start - self.first_planned).days

    def overlaps(self, start: date, end: date) -> bool:
        """True when the item (with its slip line) shows anywhere in [start, end]."""
        first = min(self.start, self.first_planned or self.start)
        return first <= end and self.end >= start
