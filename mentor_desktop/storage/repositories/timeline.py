"""Reads for the timeline, the charts and the review pack, in plain indexed SQL.

Every function takes a Connection and returns plain tuples or domain dataclasses; none of
them writes. A handful of queries serve a 10-year database (no N+1).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, timedelta

from sqlalchemy import Connection

from mentor_desktop.domain.models import ChangeField
from mentor_desktop.domain.timeline import (
    Commitment,
    Evidence,
    FeedbackLine,
    MilestoneDates,
    Slip,
    TimelineItem,
    TimelineKind,
)


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None


def _moment(value: str) -> datetime:
    return datetime.fromisoformat(value)


def _end_exclusive(end: date) -> str:
    # "9999-12-32" sorts after every stored day and moment of the last possible day.
    return (end + timedelta(days=1)).isoformat() if end < date.max else "9999-12-32"


def _days_before(day: date, days: int) -> date:
    """`day` minus `days`, or the first possible date when that would be earlier."""
    return day - timedelta(days=days) if day.toordinal() > days else date.min


def first_planned_dates(connection: Connection) -> dict[int, date]:
    """Milestone id -> the due date it had first (before the first recalibration moved it)."""
    first: dict[int, date] = {}
    for milestone_id, old, new in connection.exec_driver_sql(
        "SELECT milestone_id, old_value, new_value FROM goal_change "
        "WHERE field = 'milestone_due' AND milestone_id IS NOT NULL ORDER BY changed_at, id"
    ):
        if milestone_id in first:
            continue
        value = _day(old) or _day(new)
        if value is not None:
            first[milestone_id] = value
    return first


def milestone_dates(connection: Connection) -> list[MilestoneDates]:
    """Every milestone with its original due date, current due date and done date."""
    first = first_planned_dates(connection)
    rows = connection.exec_driver_sql("SELECT id, goal_id, due_date, done_date FROM milestone")
    result = []
    for milestone_id, goal_id, due, done in rows:
        due_day = _day(due)
        result.append(
            MilestoneDates(
                milestone_id, goal_id, first.get(milestone_id, due_day), due_day, _day(done)
            )
        )
    return result


def goal_heads(connection: Connection, statuses: list[str] | None = None) -> list[tuple]:
    """(id, title, kind, status, start date, target date) in the user's order."""
    where = ""
    params: tuple = ()
    if statuses is not None:
        where = f" WHERE status IN ({', '.join('?' * len(statuses))})" if statuses else " WHERE 0"
        params = tuple(statuses)
    return [
        (row[0], row[1], row[2], row[3], _day(row[4]), _day(row[5]))
        for row in connection.exec_driver_sql(
            "SELECT id, title, kind, status, start_date, target_date FROM goal"
            f"{where} ORDER BY position, id",
            params,
        )
    ]


def commitments(connection: Connection) -> list[Commitment]:
    """Every action item with a due date (`Commitment.outcome` decides which count)."""
    return [
        Commitment(_day(due), _day(done), owner == "me")
        for due, done, owner in connection.exec_driver_sql(
            "SELECT due_date, done_date, owner FROM action_item WHERE due_date IS NOT NULL"
        )
    ]


def journal_days(connection: Connection) -> list[tuple[date, int, int]]:
    """(day, entries, wins) for every day with an entry."""
    return [
        (date.fromisoformat(day), int(entries), int(wins or 0))
        for day, entries, wins in connection.exec_driver_sql(
            "SELECT entry_date, count(*), sum(kind = 'win') FROM journal_entry "
            "GROUP BY entry_date ORDER BY entry_date"
        )
    ]


# ---------------------------------------------------------------- timeline items


def timeline_items(
    connection: Connection, start: date | None = None, end: date | None = None
) -> list[TimelineItem]:
    """Goals, milestones and sessions that show between `start` and `end` (all when None).

    Goals without any date and milestones without a due date have no place on a time axis
    and are left out; a goal with only one of its dates is drawn as a point there.
    """
    first = first_planned_dates(connection)
    goals: dict[int, tuple] = {}
    items: list[TimelineItem] = []
    for goal_id, title, kind, status, start_day, target in goal_heads(connection):
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
    for milestone_id, goal_id, title, due, done in connection.exec_driver_sql(
        "SELECT id, goal_id, title, due_date, done_date FROM milestone "
        "WHERE due_date IS NOT NULL ORDER BY due_date, id"
    ):
        due_day = _day(due)
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
                done_date=_day(done),
                first_planned=planned if planned != due_day else None,
                status="done" if done else "open",
                detail=goal_title,
            )
        )
    for session_id, moment, label, status, minutes, original in connection.exec_driver_sql(
        "SELECT id, start, label, status, duration_minutes, original_start FROM session "
        "ORDER BY start, id"
    ):
        when = _moment(moment)
        moved_from = f", moved from {_moment(original):%d %b %Y %H:%M}" if original else ""
        items.append(
            TimelineItem(
                kind=TimelineKind.SESSION,
                id=session_id,
                title=label,
                start=when.date(),
                end=when.date(),
                done=status == "done",
                status=status,
                detail=f"{when:%H:%M}, {minutes} min" + (moved_from if status == "moved" else ""),
            )
        )
    if start is not None and end is not None:
        items = [item for item in items if item.overlaps(start, end)]
    return items


# ---------------------------------------------------------------- review pack


def completed_milestones(connection: Connection, start: date, end: date) -> list[tuple]:
    """(id, title, goal id, goal title, due, done) of milestones done in the range."""
    return [
        (row[0], row[1], row[2], row[3], _day(row[4]), _day(row[5]))
        for row in connection.exec_driver_sql(
            "SELECT m.id, m.title, g.id, g.title, m.due_date, m.done_date FROM milestone m "
            "JOIN goal g ON g.id = m.goal_id WHERE m.done_date >= ? AND m.done_date < ? "
            "ORDER BY m.done_date, m.id",
            (start.isoformat(), _end_exclusive(end)),
        )
    ]


def milestone_evidence(
    connection: Connection,
    milestones: list[tuple[int, int, date]],
    look_back_days: int,
    per_milestone: int,
) -> dict[int, list[Evidence]]:
    """Journal lines behind each (milestone id, goal id, done date): entries linked to the
    milestone, then wins linked to its goal in the `look_back_days` before it was done."""
    if not milestones:
        return {}
    ids = [m[0] for m in milestones]
    marks = ", ".join("?" * len(ids))
    linked: dict[int, list[Evidence]] = defaultdict(list)
    for milestone_id, day, title, kind in connection.exec_driver_sql(
        "SELECT l.milestone_id, e.entry_date, e.title, e.kind FROM journal_entry_milestone l "
        f"JOIN journal_entry e ON e.id = l.entry_id WHERE l.milestone_id IN ({marks}) "
        "ORDER BY e.entry_date DESC, e.id DESC",
        tuple(ids),
    ):
        linked[milestone_id].append(Evidence(date.fromisoformat(day), title, kind))
    goal_ids = sorted({m[1] for m in milestones})
    goal_marks = ", ".join("?" * len(goal_ids))
    earliest = _days_before(min(m[2] for m in milestones), look_back_days)
    wins: dict[int, list[Evidence]] = defaultdict(list)
    for goal_id, day, title, kind in connection.exec_driver_sql(
        "SELECT l.goal_id, e.entry_date, e.title, e.kind FROM journal_entry_goal l "
        f"JOIN journal_entry e ON e.id = l.entry_id WHERE l.goal_id IN ({goal_marks}) "
        "AND e.kind = 'win' AND e.entry_date >= ? ORDER BY e.entry_date DESC, e.id DESC",
        (*goal_ids, earliest.isoformat()),
    ):
        wins[goal_id].append(Evidence(date.fromisoformat(day), title, kind))
    result: dict[int, list[Evidence]] = {}
    for milestone_id, goal_id, done in milestones:
        lines = [e for e in linked.get(milestone_id, []) if e.day <= done][:per_milestone]
        seen = {(e.day, e.title) for e in lines}
        window_start = _days_before(done, look_back_days)
        for win in wins.get(goal_id, []):
            if len(lines) >= per_milestone:
                break
            if window_start <= win.day <= done and (win.day, win.title) not in seen:
                lines.append(win)
        result[milestone_id] = sorted(lines, key=lambda e: e.day)
    return result


def achieved_goals(connection: Connection, start: date, end: date) -> list[tuple[str, date]]:
    """Achieved goals whose achievement date falls in the range: the last done date of their
    milestones (the target date when they have none done)."""
    result = []
    for title, last_done, target in connection.exec_driver_sql(
        "SELECT g.title, (SELECT max(done_date) FROM milestone m WHERE m.goal_id = g.id), "
        "g.target_date FROM goal g WHERE g.status = 'achieved' ORDER BY g.position, g.id"
    ):
        day = _day(last_done) or _day(target)
        if day is not None and start <= day <= end:
            result.append((title, day))
    return result


def sessions_held(connection: Connection, start: date, end: date) -> int:
    return int(
        connection.exec_driver_sql(
            "SELECT count(*) FROM session WHERE status = 'done' AND start >= ? AND start < ?",
            (start.isoformat(), _end_exclusive(end)),
        ).scalar()
        or 0
    )


def commitments_due(connection: Connection, start: date, end: date) -> list[Commitment]:
    """Action items due in the range (`Commitment.outcome` decides which count)."""
    return [
        Commitment(_day(due), _day(done), owner == "me")
        for due, done, owner in connection.exec_driver_sql(
            "SELECT due_date, done_date, owner FROM action_item "
            "WHERE due_date >= ? AND due_date < ?",
            (start.isoformat(), _end_exclusive(end)),
        )
    ]


def slips(connection: Connection, start: date, end: date) -> list[Slip]:
    """Recalibrations recorded in the range, oldest first."""
    return [
        Slip(
            subject=subject,
            goal_title=goal_title,
            field_label=ChangeField(field).label,
            old_value=_day(old),
            new_value=_day(new),
            reason=reason,
            changed_at=_moment(changed),
        )
        for subject, goal_title, field, old, new, reason, changed in connection.exec_driver_sql(
            "SELECT c.subject, g.title, c.field, c.old_value, c.new_value, c.reason, "
            "c.changed_at FROM goal_change c JOIN goal g ON g.id = c.goal_id "
            "WHERE c.changed_at >= ? AND c.changed_at < ? ORDER BY c.changed_at, c.id",
            (start.isoformat(), _end_exclusive(end)),
        )
    ]


def feedback(connection: Connection, start: date, end: date) -> list[FeedbackLine]:
    return [
        FeedbackLine(_moment(moment).date(), situation, behaviour, impact, response)
        for moment, situation, behaviour, impact, response in connection.exec_driver_sql(
            "SELECT s.start, f.situation, f.behaviour, f.impact, f.response FROM feedback f "
            "JOIN session s ON s.id = f.session_id WHERE s.start >= ? AND s.start < ? "
            "ORDER BY s.start, f.id",
            (start.isoformat(), _end_exclusive(end)),
        )
    ]


def wins(connection: Connection, start: date, end: date) -> list[Evidence]:
    return [
        Evidence(date.fromisoformat(day), title, "win")
        for day, title in connection.exec_driver_sql(
            "SELECT entry_date, title FROM journal_entry WHERE kind = 'win' "
            "AND entry_date >= ? AND entry_date < ? ORDER BY entry_date, id",
            (start.isoformat(), _end_exclusive(end)),
        )
    ]


def reflection(connection: Connection) -> str:
    """The closing reflection as last saved ('' when none was)."""
    return (
        connection.exec_driver_sql("SELECT text FROM review_reflection WHERE id = 1").scalar() or ""
    )
