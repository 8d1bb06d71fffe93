"""What the timeline draws: goal bars, milestone markers, session ticks, and the growth lane's
practice bars and opportunity deadlines."""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

from mentor_desktop.domain.sessions.agreement import Agreement
from mentor_desktop.domain.sessions.records import Session
from mentor_desktop.domain.sessions.schedule import session_list

#: How far ahead the timeline draws the sessions a cadence still plans.
PLANNED_DAYS = 366


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


def planned_session_items(
    agreements: Sequence[Agreement],
    stored: Mapping[int, Sequence[Session]],
    today: date,
    days: int = PLANNED_DAYS,
) -> list[TimelineItem]:
    """The sessions each active agreement's cadence still plans from `today` on (the next
    `days` days) that have no row yet, as session items with negative ids (they have no
    page to open until they are prepared)."""
    now = datetime.combine(today, time())
    items: list[TimelineItem] = []
    for agreement in agreements:
        if not agreement.mentorship.active:
            continue
        sessions = session_list(
            agreement.id, stored.get(agreement.id, ()), agreement.rules, now, days, 0
        )
        for session in sessions:
            if session.id is not None or session.start < now:
                continue
            items.append(
                TimelineItem(
                    kind=TimelineKind.SESSION,
                    id=-(len(items) + 1),
                    title=session.label,
                    start=session.start.date(),
                    end=session.start.date(),
                    status="planned",
                    detail=f"{session.start:%H:%M}, {session.duration_minutes} min, "
                    "from the cadence (not prepared yet)",
                )
            )
    return items
