"""Which sessions the list shows, and how a session's status may change.

Upcoming sessions of a cadence are computed, not stored: an occurrence gets a row only once
something is recorded about it (an agenda, a move, a cancellation, notes), so changing one
never disturbs the others.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta

from mentor_desktop.domain import cadence as cadence_rules
from mentor_desktop.domain.dates import date_time_text
from mentor_desktop.domain.errors import ValidationError
from mentor_desktop.domain.sessions.kinds import SessionStatus
from mentor_desktop.domain.sessions.records import Session

log = logging.getLogger(__name__)

#: How far ahead the session list computes cadence occurrences.
UPCOMING_DAYS = 120
#: How far back the list shows cadence occurrences nobody recorded yet, so a session that
#: just happened can still be marked done (or cancelled) afterwards.
UNRECORDED_DAYS = 45


def usable_rules(rules: Iterable[cadence_rules.CadenceRule]) -> list[cadence_rules.CadenceRule]:
    """The rules that are valid; a stored one that no longer is (saved by an older version
    that let it through) is left out and logged, and the agreement summary says which."""
    usable = []
    for rule in rules:
        problem = cadence_rules.validate_rule(rule).get("rrule")
        if problem:
            log.warning("cadence rule “%s” (%s) left out: %s", rule.label, rule.rrule, problem)
        else:
            usable.append(rule)
    return usable


def session_list(
    mentorship_id: int,
    stored: Sequence[Session],
    rules: Iterable[cadence_rules.CadenceRule],
    now: datetime,
    upcoming_days: int = UPCOMING_DAYS,
    unrecorded_days: int = UNRECORDED_DAYS,
) -> list[Session]:
    """Stored sessions plus the cadence's occurrences that have no row yet (upcoming ones,
    and recent past ones still waiting to be recorded), in time order."""
    taken = {(s.rule_id, s.original_start) for s in stored if s.rule_id is not None}
    start = now - timedelta(days=unrecorded_days)
    end = now + timedelta(days=upcoming_days)
    virtual = [
        Session(
            id=None,
            mentorship_id=mentorship_id,
            label=rule.label,
            start=moment,
            duration_minutes=rule.duration_minutes,
            status=SessionStatus.PLANNED,
            rule_id=rule.id,
            original_start=moment,
        )
        for moment, rule in cadence_rules.merged_occurrences(usable_rules(rules), start, end)
        if (rule.id, moment) not in taken
    ]
    return sorted([*stored, *virtual], key=lambda s: (s.start, s.label))


def next_planned(sessions: Iterable[Session], now: datetime) -> Session | None:
    """The first session from `now` on that is planned or moved (not cancelled or done)."""
    for session in sessions:
        if session.start >= now and session.status in (
            SessionStatus.PLANNED,
            SessionStatus.MOVED,
        ):
            return session
    return None


def check_new_start(new_start: datetime, now: datetime) -> None:
    """ValidationError when a session cannot move to `new_start` (in the past)."""
    if new_start < now:
        raise ValidationError.single(
            "start", f"{date_time_text(new_start)} is in the past; pick a time from now on."
        )


def check_movable(session: Session) -> None:
    """ValidationError when `session` (as stored) cannot move: it took place."""
    if session.status is SessionStatus.DONE:
        raise ValidationError.single("status", "A session that took place cannot be moved.")


def new_status(session: Session, status: SessionStatus, today: date) -> SessionStatus:
    """The status `session` gets when asked for `status` (planned again after a move is
    "moved"); ValidationError when a future session is marked done."""
    if status is SessionStatus.DONE and session.start.date() > today:
        raise ValidationError.single(
            "status", "This session is still in the future; mark it done once it happened."
        )
    if (
        status is SessionStatus.PLANNED
        and session.original_start
        and session.start != session.original_start
    ):
        return SessionStatus.MOVED
    return status


def upcoming_stored(sessions: Iterable[Session], now: datetime) -> list[Session]:
    """Stored sessions still to come, or whose occurrence is still to come (calendar export)."""
    return [s for s in sessions if s.start >= now or (s.original_start or s.start) >= now]
