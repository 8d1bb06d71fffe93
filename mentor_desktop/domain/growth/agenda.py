"""What the growth loop brings to a session's agenda.

Agenda suggestions, in order: practice finished since the last session (with what its
debrief taught, or a reminder that it has none), skill gaps those debriefs found, practice
due by the session, opportunities whose deadline falls before the session after this one,
and outcomes (won, declined, missed) to talk over.
"""

from __future__ import annotations

from datetime import date, timedelta

from mentor_desktop.domain.dates import date_text
from mentor_desktop.domain.growth.brief import GrowthSources
from mentor_desktop.domain.growth.common import short
from mentor_desktop.domain.sessions.kinds import AgendaKind, AgendaSource
from mentor_desktop.domain.sessions.suggestions import Suggestion

#: How far past the session the deadlines reach when the next gap is not known.
DEFAULT_GAP = timedelta(days=28)


def _day(value: date) -> str:
    return date_text(value)


def growth_suggestions(
    sources: GrowthSources, since: date | None, session_day: date, gap: timedelta | None
) -> list[Suggestion]:
    """Suggestions for the session on `session_day`; `since` is the day of the last session
    that took place (None: the first session), `gap` the usual time between sessions."""
    horizon = session_day + (gap or DEFAULT_GAP)
    found: list[Suggestion] = []
    finished = [
        p
        for p in sources.practice
        if p.finished_on is not None and (since is None or p.finished_on > since)
    ]
    for p in sorted(finished, key=lambda p: p.finished_on or date.min):
        lesson = p.debrief.lessons or p.debrief.what_happened
        detail = f"{p.status.label} {_day(p.finished_on or session_day)}: " + (
            short(lesson, 90) if lesson.strip() else "no debrief yet; write it before the session"
        )
        if p.metric_summary():
            detail += f" · {p.metric_summary()}"
        title = f"Debrief: {p.title}"
        found.append(Suggestion(AgendaSource.PRACTICE, p.id, title, detail, AgendaKind.UPDATE))
    for p in finished:
        if p.debrief.gaps_found.strip():
            found.append(
                Suggestion(
                    AgendaSource.SKILL,
                    p.id,
                    f"Gap found: {short(p.debrief.gaps_found, 80)}",
                    f"From the debrief of “{short(p.title, 50)}”",
                )
            )
    due = [
        p
        for p in sources.practice
        if not p.status.is_finished and p.due_date is not None and p.due_date <= session_day
    ]
    for p in sorted(due, key=lambda p: p.due_date or date.max):
        overdue = p.due_date is not None and p.due_date < session_day
        found.append(
            Suggestion(
                AgendaSource.PRACTICE,
                p.id,
                f"Practice due: {p.title}",
                f"{p.status.label}, due {_day(p.due_date or session_day)}"
                + (f" · {p.metric_summary()}" if p.metric else ""),
                AgendaKind.UPDATE,
                overdue,
            )
        )
    deadlines = [
        o
        for o in sources.opportunities
        if not o.status.is_closed and o.deadline is not None and o.deadline <= horizon
    ]
    for o in sorted(deadlines, key=lambda o: o.deadline or date.max):
        found.append(
            Suggestion(
                AgendaSource.OPPORTUNITY,
                o.id,
                f"Deadline: {o.title}",
                f"{o.status.label}, deadline {_day(o.deadline or horizon)} · impact {o.impact}, "
                f"risk {o.risk}",
                AgendaKind.TOPIC,
                o.deadline is not None and o.deadline < session_day,
            )
        )
    closed = [
        o
        for o in sources.opportunities
        if o.closed_on is not None and (since is None or o.closed_on > since)
    ]
    for o in sorted(closed, key=lambda o: o.closed_on or date.min):
        found.append(
            Suggestion(
                AgendaSource.OPPORTUNITY,
                o.id,
                f"Outcome: {o.title} ({o.status.label.lower()})",
                short(o.outcome, 90) if o.outcome.strip() else "no outcome reflection yet",
            )
        )
    return found
