"""What the timeline draws: goal bars, milestone markers and session ticks."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from mentor_desktop.domain.dates import date_time_text
from mentor_desktop.domain.growth.timeline import growth_items
from mentor_desktop.domain.timeline import TimelineItem, TimelineKind
from mentor_desktop.storage.repositories import growth_reads
from mentor_desktop.storage.repositories.plain_sql import run_sql
from mentor_desktop.storage.repositories.timeline.charts import ChartReads
from mentor_desktop.storage.repositories.timeline.common import day_of, moment_of


class ItemReads(ChartReads):
    """Timeline items."""

    def timeline_items(
        self, start: date | None = None, end: date | None = None
    ) -> list[TimelineItem]:
        """Goals, milestones and sessions that show between `start` and `end` (all when None).

        Goals without any date and milestones without a due date have no place on a time axis
        and are left out; a goal with only one of its dates is drawn as a point there.
        """
        first = self.first_planned_dates()
        goals: dict[int, tuple[str, str, str]] = {}
        items: list[TimelineItem] = []
        for head in self.goal_heads():
            goal_id, title, kind, status = head.id, head.title, head.kind, head.status
            start_day, target = head.start_date, head.target_date
            goals[goal_id] = (title, kind, status)
            if start_day is None and target is None:
                continue
            begin = start_day or target
            finish = target or start_day
            assert begin is not None and finish is not None
            if finish < begin:
                begin, finish = finish, begin
            items.append(
                TimelineItem(
                    kind=TimelineKind.GOAL,
                    id=goal_id,
                    title=title,
                    start=begin,
                    end=finish,
                    goal_id=goal_id,
                    goal_kind=kind,
                    goal_status=status,
                    done=status == "achieved",
                    status=status,
                )
            )
        for milestone_id, goal_id, title, due, done in run_sql(
            self._connection,
            "SELECT id, goal_id, title, due_date, done_date FROM milestone "
            "WHERE due_date IS NOT NULL ORDER BY due_date, id",
        ):
            due_day = day_of(due)
            assert due_day is not None
            goal_title, kind, status = goals.get(goal_id, ("", "", ""))
            planned = first.get(milestone_id)
            items.append(
                TimelineItem(
                    kind=TimelineKind.MILESTONE,
                    id=milestone_id,
                    title=title,
                    start=due_day,
                    end=max(due_day, planned or due_day),
                    goal_id=goal_id,
                    goal_kind=kind,
                    goal_status=status,
                    done=done is not None,
                    done_date=day_of(done),
                    first_planned=planned if planned != due_day else None,
                    status="done" if done else "open",
                    detail=goal_title,
                )
            )
        items += self.session_items()
        items += growth_items(
            growth_reads.load_practice(self._connection),
            growth_reads.load_opportunities(self._connection),
        )
        if start is not None and end is not None:
            items = [item for item in items if item.overlaps(start, end)]
        return items
        if start is not None and end is not None:
            items = [item for item in items if item.overlaps(start, end)]
        return items

    def session_items(self, session_ids: Sequence[int] | None = None) -> list[TimelineItem]:
        """The ticks of sessions (`session_ids`, or all), in time order."""
        query = "SELECT id, start, label, status, duration_minutes, original_start FROM session"
        params: tuple[int, ...] = ()
        if session_ids is not None:
            query += (
                f" WHERE id IN ({', '.join('?' * len(session_ids))})" if session_ids else " WHERE 0"
            )
            params = tuple(session_ids)
        items = []
        for (
            session_id,
            moment,
            label,
            status,
            minutes,
            original,
        ) in run_sql(self._connection, query + " ORDER BY start, id", params):
            when = moment_of(moment)
            moved_from = f", moved from {date_time_text(moment_of(original))}" if original else ""
            items.append(
                TimelineItem(
                    kind=TimelineKind.SESSION,
                    id=session_id,
                    title=label,
                    start=when.date(),
                    end=when.date(),
                    done=status == "done",
                    status=status,
                    detail=f"{when:%H:%M}, {minutes} min"
                    + (moved_from if status == "moved" else ""),
                )
            )
        return items
