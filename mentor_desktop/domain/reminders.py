"""Reminders while the app runs: which notification, when, for which data (pure rules).

Three kinds, each of which the person can turn off (Preferences > Reminders):

* **Session prep**: on the morning of the day before a session (at `morning`), until the
  session starts: "Prepare your agenda: N suggestions waiting".
* **Action due**: on the morning one of my own open action items is due, until that day ends.
* **Opportunity deadline**: `deadline_days` days before an open opportunity's deadline, in
  the morning, until the deadline day ends.

A reminder that fell due while the app was not running still shows when it starts within
its window; each one shows once (the caller keeps the keys of those shown).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

DEFAULT_MORNING = time(9, 0)
DEFAULT_DEADLINE_DAYS = 3
MAX_DEADLINE_DAYS = 30


class ReminderKind(enum.StrEnum):
    SESSION_PREP = "session_prep"
    ACTION_DUE = "action_due"
    OPPORTUNITY_DEADLINE = "opportunity_deadline"


class Channel(enum.StrEnum):
    """Where a notification shows."""

    #: The tray icon's message.
    TRAY = "tray"
    #: The desktop's notification service (org.freedesktop.Notifications), for a desktop
    #: without a tray (plain GNOME).
    DESKTOP = "desktop"
    #: Nowhere: the desktop has neither (the reminder is only logged).
    NONE = "none"


def notification_channel(has_tray: bool, has_service: bool) -> Channel:
    """The tray where the desktop has one; else its notification service; else nowhere."""
    if has_tray:
        return Channel.TRAY
    return Channel.DESKTOP if has_service else Channel.NONE


class Target(enum.StrEnum):
    """What clicking a reminder opens."""

    SESSION = "session"
    ACTION_ITEM = "action_item"
    OPPORTUNITY = "opportunity"


@dataclass(frozen=True, slots=True)
class UpcomingSession:
    """A session that is still to come; `key` names it whether stored or not (Session.key)."""

    key: str
    session_id: int | None
    label: str
    start: datetime
    mentor: str = ""
    suggestions: int = 0


@dataclass(frozen=True, slots=True)
class DueAction:
    """One of my own open action items with a due date."""

    id: int
    text: str
    due: date
    session_id: int | None = None


@dataclass(frozen=True, slots=True)
class Deadline:
    """An open opportunity's deadline (the growth area)."""

    id: int
    title: str
    due: date


@dataclass(frozen=True, slots=True)
class ReminderData:
    sessions: tuple[UpcomingSession, ...] = ()
    actions: tuple[DueAction, ...] = ()
    deadlines: tuple[Deadline, ...] = ()


@dataclass(frozen=True, slots=True)
class ReminderPreferences:
    session_prep: bool = True
    action_due: bool = True
    opportunity_deadline: bool = True
    morning: time = DEFAULT_MORNING
    deadline_days: int = DEFAULT_DEADLINE_DAYS

    def wants(self, kind: ReminderKind) -> bool:
        return {
            ReminderKind.SESSION_PREP: self.session_prep,
            ReminderKind.ACTION_DUE: self.action_due,
            ReminderKind.OPPORTUNITY_DEADLINE: self.opportunity_deadline,
        }[kind]


@dataclass(frozen=True, slots=True)
class Reminder:
    """A notification to show from `due_at` until `until`.

    `key` names this one occurrence (shown once); `target` and `target_id` say what clicking
    it opens (`target_key`: a session's key, for one the cadence planned but nobody stored).
    """

    kind: ReminderKind
    key: str
    due_at: datetime
    until: datetime
    title: str
    body: str
    target: Target
    target_id: int | None
    target_key: str = ""


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _when(moment: datetime) -> str:
    return f"{moment:%a %d %b} at {moment:%H:%M}"


def _session_prep(session: UpcomingSession, prefs: ReminderPreferences) -> Reminder:
    due_at = datetime.combine(session.start.date() - timedelta(days=1), prefs.morning)
    waiting = (
        f"Prepare your agenda: {_plural(session.suggestions, 'suggestion')} waiting."
        if session.suggestions
        else "Prepare your agenda: no suggestions waiting, add your own topics."
    )
    with_whom = f" with {session.mentor}" if session.mentor else ""
    return Reminder(
        kind=ReminderKind.SESSION_PREP,
        key=f"{ReminderKind.SESSION_PREP}:{session.key}@{session.start.isoformat()}",
        due_at=min(due_at, session.start),
        until=session.start,
        title=f"{session.label}{with_whom}: {_when(session.start)}",
        body=waiting,
        target=Target.SESSION,
        target_id=session.session_id,
        target_key=session.key,
    )


def _action_due(action: DueAction, prefs: ReminderPreferences) -> Reminder:
    return Reminder(
        kind=ReminderKind.ACTION_DUE,
        key=f"{ReminderKind.ACTION_DUE}:{action.id}@{action.due.isoformat()}",
        due_at=datetime.combine(action.due, prefs.morning),
        until=datetime.combine(action.due + timedelta(days=1), time()),
        title="Action item due today",
        body=action.text,
        target=Target.ACTION_ITEM,
        target_id=action.id,
    )


def _deadline(deadline: Deadline, prefs: ReminderPreferences) -> Reminder:
    days = max(0, min(prefs.deadline_days, MAX_DEADLINE_DAYS))
    warn_on = deadline.due - timedelta(days=days)
    when = "today" if days == 0 else f"in {_plural(days, 'day')}, {deadline.due:%a %d %b}"
    return Reminder(
        kind=ReminderKind.OPPORTUNITY_DEADLINE,
        key=f"{ReminderKind.OPPORTUNITY_DEADLINE}:{deadline.id}@{deadline.due.isoformat()}",
        due_at=datetime.combine(warn_on, prefs.morning),
        until=datetime.combine(deadline.due + timedelta(days=1), time()),
        title=f"Deadline {when}",
        body=deadline.title,
        target=Target.OPPORTUNITY,
        target_id=deadline.id,
    )


def planned_reminders(data: ReminderData, prefs: ReminderPreferences) -> list[Reminder]:
    """Every reminder the data calls for (kinds turned off left out), by when it falls due."""

    def made() -> Iterator[Reminder]:
        if prefs.session_prep:
            yield from (_session_prep(s, prefs) for s in data.sessions)
        if prefs.action_due:
            yield from (_action_due(a, prefs) for a in data.actions)
        if prefs.opportunity_deadline:
            yield from (_deadline(d, prefs) for d in data.deadlines)

    return sorted(made(), key=lambda r: (r.due_at, r.kind, r.key))


def due_reminders(
    data: ReminderData, prefs: ReminderPreferences, now: datetime, shown: Iterable[str] = ()
) -> list[Reminder]:
    """The reminders to show at `now`: due, not yet over, and not shown before."""
    seen = set(shown)
    return [
        r for r in planned_reminders(data, prefs) if r.due_at <= now < r.until and r.key not in seen
    ]


def next_due_at(
    data: ReminderData, prefs: ReminderPreferences, now: datetime, shown: Iterable[str] = ()
) -> datetime | None:
    """When the next reminder after `now` falls due (None: none is planned)."""
    seen = set(shown)
    planned = planned_reminders(data, prefs)
    return min((r.due_at for r in planned if r.due_at > now and r.key not in seen), default=None)


def still_relevant(
    shown: Iterable[str], data: ReminderData, prefs: ReminderPreferences
) -> set[str]:
    """The keys of shown reminders worth remembering: those the data still plans."""
    planned = {r.key for r in planned_reminders(data, prefs)}
    return {key for key in shown if key in planned}


def next_session(data: ReminderData, now: datetime) -> UpcomingSession | None:
    upcoming = [s for s in data.sessions if s.start >= now]
    return min(upcoming, key=lambda s: s.start, default=None)


def tray_tooltip(session: UpcomingSession | None, now: datetime, locked: bool = False) -> str:
    """The tray icon's tooltip: the next session, or nothing personal while locked."""
    if locked:
        return "Mentor Desktop (locked)"
    if session is None:
        return "Mentor Desktop: no session planned"
    days = (session.start.date() - now.date()).days
    day = {0: "today", 1: "tomorrow"}.get(days, f"{session.start:%a %d %b}")
    with_whom = f" with {session.mentor}" if session.mentor else ""
    return f"Mentor Desktop: next session {day} at {session.start:%H:%M}{with_whom}"


def locked_view(reminder: Reminder) -> Reminder:
    """The same reminder with nothing of its content, for while the window is locked."""
    kinds = {
        ReminderKind.SESSION_PREP: "A session is coming up.",
        ReminderKind.ACTION_DUE: "An action item is due.",
        ReminderKind.OPPORTUNITY_DEADLINE: "A deadline is coming up.",
    }
    return Reminder(
        kind=reminder.kind,
        key=reminder.key,
        due_at=reminder.due_at,
        until=reminder.until,
        title="Mentor Desktop",
        body=f"{kinds[reminder.kind]} Unlock to see it.",
        target=reminder.target,
        target_id=reminder.target_id,
        target_key=reminder.target_key,
    )
