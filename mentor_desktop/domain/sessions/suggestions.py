"""The agenda builder's rule: what to propose for a session, from what happened since the
last session that took place.

In order: carried-over items (not discussed last time), flagged journal entries, open action
items (overdue first), milestones due by the session or overdue, recalibrations, what the
growth loop brings (practice, skill gaps, opportunities: see `domain.growth.agenda`), wins.
What was already accepted or dropped for the session is left out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from mentor_desktop.domain.dates import date_text
from mentor_desktop.domain.sessions.kinds import AgendaKind, AgendaSource
from mentor_desktop.domain.sessions.records import ActionItem, AgendaItem, Session, overdue_first


@dataclass(frozen=True, slots=True)
class Suggestion:
    """Something the agenda builder proposes; the user accepts, edits or drops it."""

    source: AgendaSource
    source_id: int
    text: str
    detail: str = ""
    kind: AgendaKind = AgendaKind.TOPIC
    overdue: bool = False


@dataclass(frozen=True, slots=True)
class JournalNote:
    """A journal entry as the agenda builder and the brief show it (a flagged one or a win)."""

    id: int
    day: date
    title: str
    #: The start of the entry's text, shown when it has no title.
    opening: str = ""

    @property
    def text(self) -> str:
        return self.title or self.opening


@dataclass(frozen=True, slots=True)
class MilestoneDue:
    """An open milestone of an active goal with its due date."""

    id: int
    title: str
    goal_title: str
    due: date


@dataclass(frozen=True, slots=True)
class Recalibration:
    """A recorded change of a goal's or milestone's date."""

    id: int
    subject: str
    old_value: date | None
    new_value: date | None
    reason: str = ""


@dataclass(frozen=True, slots=True)
class AgendaSources:
    """Everything the agenda builder draws on for one session, read by the repository."""

    #: The last session that took place before this one, and its agenda.
    last_session: Session | None = None
    last_agenda: tuple[AgendaItem, ...] = ()
    flagged: tuple[JournalNote, ...] = ()
    open_actions: tuple[ActionItem, ...] = ()
    milestones_due: tuple[MilestoneDue, ...] = ()
    recalibrations: tuple[Recalibration, ...] = ()
    wins: tuple[JournalNote, ...] = ()
    #: Practice, skill gaps and opportunities to bring up (`domain.growth.agenda`).
    growth: tuple[Suggestion, ...] = ()
    #: (source, source id) of what is on this session's agenda or was dropped from it.
    taken: frozenset[tuple[str, int | None]] = field(default_factory=frozenset)


def _carried(last: Session | None, agenda: Iterable[AgendaItem]) -> list[Suggestion]:
    if last is None:
        return []
    return [
        Suggestion(
            AgendaSource.CARRIED,
            item.id,
            item.text,
            f"Not discussed on {date_text(last.start)}",
            item.kind,
        )
        for item in agenda
        if not item.discussed
    ]


def _action(action: ActionItem, today: date) -> Suggestion:
    due = f"due {date_text(action.due_date)}" if action.due_date else "no due date"
    overdue = action.is_overdue(today)
    return Suggestion(
        AgendaSource.ACTION,
        action.id,
        action.text,
        f"{action.owner.label}, {'OVERDUE, ' if overdue else ''}{due}",
        AgendaKind.UPDATE,
        overdue,
    )


def _milestone(milestone: MilestoneDue, today: date) -> Suggestion:
    overdue = milestone.due < today
    return Suggestion(
        AgendaSource.MILESTONE,
        milestone.id,
        milestone.title,
        f"{milestone.goal_title}: {'overdue since' if overdue else 'due'} "
        f"{date_text(milestone.due)}",
        AgendaKind.UPDATE,
        overdue,
    )


def _recalibration(change: Recalibration) -> Suggestion:
    moved = (
        f"{date_text(change.old_value)} → {date_text(change.new_value)}"
        if change.old_value and change.new_value
        else "date changed"
    )
    reason = f": {change.reason}" if change.reason else ""
    return Suggestion(
        AgendaSource.RECALIBRATION,
        change.id,
        f"Moved “{change.subject}”",
        f"{moved}{reason}",
        AgendaKind.UPDATE,
    )


def suggest(sources: AgendaSources, today: date) -> list[Suggestion]:
    """The suggestions for one session, in the module's order, minus `sources.taken`."""
    found = _carried(sources.last_session, sources.last_agenda)
    found += [
        Suggestion(AgendaSource.JOURNAL, entry.id, entry.text, f"Journal, {date_text(entry.day)}")
        for entry in sources.flagged
    ]
    found += [_action(action, today) for action in overdue_first(sources.open_actions, today)]
    found += [_milestone(milestone, today) for milestone in sources.milestones_due]
    found += [_recalibration(change) for change in sources.recalibrations]
    found += list(sources.growth)
    found += [
        Suggestion(
            AgendaSource.WIN,
            entry.id,
            entry.text,
            f"Win, {date_text(entry.day)}",
            AgendaKind.UPDATE,
        )
        for entry in sources.wins
    ]
    return [s for s in found if (s.source.value, s.source_id) not in sources.taken]
