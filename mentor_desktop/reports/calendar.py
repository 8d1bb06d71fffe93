"""Upcoming sessions as an iCalendar (.ics) file, written with the `icalendar` library.

Each cadence rule becomes one recurring event (RRULE) starting at its next occurrence that is
not cancelled, with EXDATE for later cancelled occurrences and an override event
(RECURRENCE-ID) for moved ones; ad-hoc sessions, and sessions moved off an occurrence before
the series starts, are single events. Times are floating (wall-clock), like the app's own.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

from icalendar import Calendar, Event, vRecur

from mentor_desktop.domain import cadence
from mentor_desktop.domain.errors import ValidationError
from mentor_desktop.domain.sessions import Agreement, Session, SessionStatus
from mentor_desktop.storage.files import write_bytes

PRODID = "-//Mentor Desktop//Sessions//EN"
UID_DOMAIN = "mentor-desktop.invalid"


def _event(uid: str, summary: str, start: datetime, minutes: int, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("summary", summary)
    event.add("dtstart", start)
    event.add("duration", timedelta(minutes=minutes))
    return event


def _first_kept(
    rule: cadence.CadenceRule, now: datetime, skipped: set[datetime]
) -> datetime | None:
    """The rule's first occurrence at or after `now` that is not in `skipped` (None: none)."""
    for moment in cadence.next_occurrences(rule, now, len(skipped) + 1):
        if moment not in skipped:
            return moment
    return None


def _add_rule(
    calendar: Calendar,
    rule: cadence.CadenceRule,
    stored: Sequence[Session],
    mentor: str,
    now: datetime,
    stamp: datetime,
) -> None:
    """One rule's series (with its exceptions), and its moved sessions the series misses."""
    text = cadence.normalise_rrule(rule.rrule)
    cancelled = {
        s.original_start
        for s in stored
        if s.status is SessionStatus.CANCELLED and s.original_start is not None
    }
    try:
        nxt = _first_kept(rule, now, cancelled)
    except ValidationError:  # a stored rule an older version let through: no series
        nxt = None
    start = (rule.first_start if "COUNT=" in text else nxt) if nxt is not None else None
    uid = f"rule-{rule.id}@{UID_DOMAIN}"
    series = None
    if start is not None:
        series = _event(uid, f"{rule.label} with {mentor}", start, rule.duration_minutes, stamp)
        series.add("rrule", vRecur.from_ical(text))
    overrides = []
    for session in stored:
        original = session.original_start
        if original is None:
            continue
        moved = session.status is not SessionStatus.CANCELLED and session.start != original
        if series is None or start is None or original < start:
            if moved and session.start >= now:  # moved off an occurrence the series leaves out
                calendar.add_component(
                    _event(
                        f"session-{session.id}@{UID_DOMAIN}",
                        f"{session.label} with {mentor} (moved)",
                        session.start,
                        session.duration_minutes,
                        stamp,
                    )
                )
        elif session.status is SessionStatus.CANCELLED:
            series.add("exdate", original)
        elif moved:
            override = _event(
                uid,
                f"{session.label} with {mentor} (moved)",
                session.start,
                session.duration_minutes,
                stamp,
            )
            override.add("recurrence-id", original)
            overrides.append(override)
    if series is not None:
        calendar.add_component(series)
    for override in overrides:
        calendar.add_component(override)


def sessions_calendar(
    entries: Sequence[tuple[Agreement, Sequence[Session]]],
    now: datetime,
    stamp: datetime | None = None,
) -> bytes:
    """The .ics bytes for the agreements' upcoming sessions (as of `now`, local wall-clock);
    `stamp` (UTC, default: the current time) is when the file was made (DTSTAMP)."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Mentoring sessions")
    stamp = (stamp or datetime.now(UTC)).replace(microsecond=0)
    for agreement, stored in entries:
        mentor = agreement.mentor.name
        by_rule: dict[int, list[Session]] = {}
        for session in stored:
            if session.rule_id is not None:
                by_rule.setdefault(session.rule_id, []).append(session)
            elif session.status in (SessionStatus.PLANNED, SessionStatus.MOVED) and (
                session.start >= now
            ):
                calendar.add_component(
                    _event(
                        f"session-{session.id}@{UID_DOMAIN}",
                        f"{session.label} with {mentor}",
                        session.start,
                        session.duration_minutes,
                        stamp,
                    )
                )
        for rule in agreement.rules:
            _add_rule(calendar, rule, by_rule.get(rule.id or -1, []), mentor, now, stamp)
    ical: bytes = calendar.to_ical()
    return ical


def _check_calendar(path: Path) -> None:
    with path.open("rb") as handle:
        head = handle.read(15)
        handle.seek(-15, 2)
        tail = handle.read()
    if not head.startswith(b"BEGIN:VCALENDAR") or b"END:VCALENDAR" not in tail:
        raise ValueError("the calendar file written is incomplete")


def write_calendar(path: Path, data: bytes) -> Path:
    """Write .ics `data` to `path` whole or not at all (0600); raises FileWriteError."""
    return write_bytes(path, data, check=_check_calendar)
