"""Reads behind the review pack of a period, and its closing reflection."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from mentor_desktop.domain.models import ChangeField
from mentor_desktop.domain.sessions import Commitment
from mentor_desktop.domain.timeline import CompletedMilestone, Evidence, FeedbackLine, Slip
from mentor_desktop.storage.repositories.plain_sql import run_sql
from mentor_desktop.storage.repositories.timeline.common import (
    TimelinePart,
    day_of,
    days_before,
    end_exclusive,
    moment_of,
)

#: One completed milestone before its evidence: (id, goal id, title, goal title, due, done).
_Done = tuple[int, int, str, str, date | None, date]


class ReviewReads(TimelinePart):
    """What happened in a period, and the reflection that closes the pack."""

    def completed_milestones(
        self, start: date, end: date, look_back_days: int, per_milestone: int
    ) -> list[CompletedMilestone]:
        """Milestones done in the range, each with the date it was first planned for and up
        to `per_milestone` evidence lines (see `_evidence`)."""
        done: list[_Done] = []
        for row in run_sql(
            self._connection,
            "SELECT m.id, g.id, m.title, g.title, m.due_date, m.done_date FROM milestone m "
            "JOIN goal g ON g.id = m.goal_id WHERE m.done_date >= ? AND m.done_date < ? "
            "ORDER BY m.done_date, m.id",
            (start.isoformat(), end_exclusive(end)),
        ):
            finished = day_of(row[5])
            assert finished is not None
            done.append((row[0], row[1], row[2], row[3], day_of(row[4]), finished))
        first = self.first_planned_dates()
        evidence = self._evidence(done, look_back_days, per_milestone)
        return [
            CompletedMilestone(
                milestone_id=milestone_id,
                title=title,
                goal_title=goal_title,
                due_date=due,
                done_date=finished,
                first_planned=first.get(milestone_id),
                evidence=tuple(evidence.get(milestone_id, ())),
            )
            for milestone_id, _goal_id, title, goal_title, due, finished in done
        ]

    def _evidence(
        self, milestones: list[_Done], look_back_days: int, per_milestone: int
    ) -> dict[int, list[Evidence]]:
        """Journal lines behind each milestone: entries linked to it, then wins linked to its
        goal in the `look_back_days` before it was done."""
        if not milestones:
            return {}
        ids = [m[0] for m in milestones]
        marks = ", ".join("?" * len(ids))
        linked: dict[int, list[Evidence]] = defaultdict(list)
        for milestone_id, day, title, kind in run_sql(
            self._connection,
            "SELECT l.milestone_id, e.entry_date, e.title, e.kind FROM journal_entry_milestone l "
            f"JOIN journal_entry e ON e.id = l.entry_id WHERE l.milestone_id IN ({marks}) "
            "ORDER BY e.entry_date DESC, e.id DESC",
            tuple(ids),
        ):
            linked[milestone_id].append(Evidence(date.fromisoformat(day), title, kind))
        goal_ids = sorted({m[1] for m in milestones})
        goal_marks = ", ".join("?" * len(goal_ids))
        earliest = days_before(min(m[5] for m in milestones), look_back_days)
        wins: dict[int, list[Evidence]] = defaultdict(list)
        for goal_id, day, title, kind in run_sql(
            self._connection,
            "SELECT l.goal_id, e.entry_date, e.title, e.kind FROM journal_entry_goal l "
            f"JOIN journal_entry e ON e.id = l.entry_id WHERE l.goal_id IN ({goal_marks}) "
            "AND e.kind = 'win' AND e.entry_date >= ? ORDER BY e.entry_date DESC, e.id DESC",
            (*goal_ids, earliest.isoformat()),
        ):
            wins[goal_id].append(Evidence(date.fromisoformat(day), title, kind))
        result: dict[int, list[Evidence]] = {}
        for milestone_id, goal_id, _title, _goal, _due, done in milestones:
            lines = [e for e in linked.get(milestone_id, []) if e.day <= done][:per_milestone]
            seen = {(e.day, e.title) for e in lines}
            window_start = days_before(done, look_back_days)
            for win in wins.get(goal_id, []):
                if len(lines) >= per_milestone:
                    break
                if window_start <= win.day <= done and (win.day, win.title) not in seen:
                    lines.append(win)
            result[milestone_id] = sorted(lines, key=lambda e: e.day)
        return result

    def achieved_goals(self, start: date, end: date) -> list[tuple[str, date]]:
        """(title, day) of achieved goals whose achievement date falls in the range: the last
        done date of their milestones (the target date when they have none done)."""
        result = []
        for title, last_done, target in run_sql(
            self._connection,
            "SELECT g.title, (SELECT max(done_date) FROM milestone m WHERE m.goal_id = g.id), "
            "g.target_date FROM goal g WHERE g.status = 'achieved' ORDER BY g.position, g.id",
        ):
            day = day_of(last_done) or day_of(target)
            if day is not None and start <= day <= end:
                result.append((title, day))
        return result

    def sessions_held(self, start: date, end: date) -> int:
        return int(
            run_sql(
                self._connection,
                "SELECT count(*) FROM session WHERE status = 'done' AND start >= ? AND start < ?",
                (start.isoformat(), end_exclusive(end)),
            ).fetchone()[0]
            or 0
        )

    def commitments_due(self, start: date, end: date) -> list[Commitment]:
        """Action items due in the range (`Commitment.outcome` decides which count)."""
        return [
            Commitment(day_of(due), day_of(done), owner == "me")
            for due, done, owner in run_sql(
                self._connection,
                "SELECT due_date, done_date, owner FROM action_item "
                "WHERE due_date >= ? AND due_date < ?",
                (start.isoformat(), end_exclusive(end)),
            )
        ]

    def slips(self, start: date, end: date) -> list[Slip]:
        """Recalibrations recorded in the range, oldest first."""
        return [
            Slip(
                subject=subject,
                goal_title=goal_title,
                field_label=ChangeField(field).label,
                old_value=day_of(old),
                new_value=day_of(new),
                reason=reason,
                changed_at=moment_of(changed),
            )
            for subject, goal_title, field, old, new, reason, changed in (
                run_sql(
                    self._connection,
                    "SELECT c.subject, g.title, c.field, c.old_value, c.new_value, c.reason, "
                    "c.changed_at FROM goal_change c JOIN goal g ON g.id = c.goal_id "
                    "WHERE c.changed_at >= ? AND c.changed_at < ? ORDER BY c.changed_at, c.id",
                    (start.isoformat(), end_exclusive(end)),
                )
            )
        ]

    def feedback(self, start: date, end: date) -> list[FeedbackLine]:
        return [
            FeedbackLine(moment_of(moment).date(), situation, behaviour, impact, response)
            for moment, situation, behaviour, impact, response in run_sql(
                self._connection,
                "SELECT s.start, f.situation, f.behaviour, f.impact, f.response FROM feedback f "
                "JOIN session s ON s.id = f.session_id WHERE s.start >= ? AND s.start < ? "
                "ORDER BY s.start, f.id",
                (start.isoformat(), end_exclusive(end)),
            )
        ]

    def wins(self, start: date, end: date) -> list[Evidence]:
        """Wins written in the range, each with the goal it is linked to: the first of its
        goals in the user's order, else the goal of a milestone it is linked to."""
        return [
            Evidence(date.fromisoformat(day), title, "win", goal or "")
            for day, title, goal in run_sql(
                self._connection,
                "SELECT e.entry_date, e.title, coalesce("
                "(SELECT g.title FROM journal_entry_goal l JOIN goal g ON g.id = l.goal_id "
                "WHERE l.entry_id = e.id ORDER BY g.position, g.id LIMIT 1), "
                "(SELECT g.title FROM journal_entry_milestone l "
                "JOIN milestone m ON m.id = l.milestone_id JOIN goal g ON g.id = m.goal_id "
                "WHERE l.entry_id = e.id ORDER BY g.position, g.id LIMIT 1)) "
                "FROM journal_entry e WHERE e.kind = 'win' "
                "AND e.entry_date >= ? AND e.entry_date < ? ORDER BY e.entry_date, e.id",
                (start.isoformat(), end_exclusive(end)),
            )
        ]

    def reflection(self) -> str:
        """The closing reflection as last saved ('' when none was)."""
        text = run_sql(
            self._connection, "SELECT text FROM review_reflection WHERE id = 1"
        ).fetchone()
        return str(text[0] or "") if text is not None else ""
