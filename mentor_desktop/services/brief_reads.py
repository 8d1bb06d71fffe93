"""The brief's data and the agenda builder's sources, read on one connection in plain SQL.

The session service reads them here inside its unit of work, and the `brief` command before
SQLAlchemy is loaded (`services.quick_reads.brief_data`): one composition of the reads in
`session_reads`, `agenda_reads`, `source_reads`, `goal_reads`, `profile` and the timeline's
milestone dates, the same answers.
"""

from __future__ import annotations

from datetime import date, datetime

from mentor_desktop.domain.errors import NotFoundError
from mentor_desktop.domain.growth.agenda import growth_suggestions
from mentor_desktop.domain.growth.brief import GrowthSources, brief_growth
from mentor_desktop.domain.progress import goal_progress
from mentor_desktop.domain.sessions import (
    AgendaSources,
    BriefData,
    GoalProgressLine,
    Session,
    follow_through,
    milestone_points,
    overdue_first,
    suggest,
)
from mentor_desktop.domain.sessions import schedule as rules
from mentor_desktop.domain.sessions.brief import BRIEF_SUGGESTIONS, BRIEF_WINS
from mentor_desktop.domain.timeline import burnup
from mentor_desktop.storage.repositories.agenda_reads import agenda_taken, load_actions, load_agenda
from mentor_desktop.storage.repositories.goal_reads import load_goals
from mentor_desktop.storage.repositories.plain_sql import AnyConnection
from mentor_desktop.storage.repositories.profile import load_profile
from mentor_desktop.storage.repositories.session_reads import (
    last_done_before,
    load_agreements,
    load_session,
    load_sessions,
)
from mentor_desktop.storage.repositories.source_reads import (
    flagged_entries,
    growth_sources,
    milestones_due,
    recalibrations,
    wins,
)
from mentor_desktop.storage.repositories.timeline import TimelineRepository


def listed_sessions(
    connection: AnyConnection,
    mentorship_id: int,
    minute: datetime,
    upcoming_days: int = rules.UPCOMING_DAYS,
    unrecorded_days: int = rules.UNRECORDED_DAYS,
) -> list[Session]:
    """The session list of one mentorship at `minute`: stored sessions plus the cadence's
    occurrences without a row (see `domain.sessions.schedule.session_list`); NotFoundError
    when the mentorship is gone."""
    stored = load_sessions(connection, mentorship_id)
    agreements = load_agreements(connection, mentorship_id)
    if not agreements:
        raise NotFoundError("Mentorship", mentorship_id)
    return rules.session_list(
        mentorship_id, stored, agreements[0].rules, minute, upcoming_days, unrecorded_days
    )


def next_session(
    connection: AnyConnection, mentorship_id: int | None, minute: datetime
) -> Session | None:
    """The next session that is not cancelled, of one mentorship or of all active ones."""
    if mentorship_id is None:
        ids = [a.id for a in load_agreements(connection) if a.mentorship.active]
    else:
        ids = [mentorship_id]
    found = [
        session
        for mid in ids
        if (session := rules.next_planned(listed_sessions(connection, mid, minute), minute))
        is not None
    ]
    return min(found, key=lambda s: s.start) if found else None


def agenda_sources(
    connection: AnyConnection,
    session: Session,
    today: date,
    growth_read: GrowthSources | None = None,
) -> AgendaSources:
    """What the agenda builder draws on for `session`: everything since the end of the last
    session that took place before it (`growth_read`: practice and opportunities, when the
    caller has read them already)."""
    last = last_done_before(connection, session.mentorship_id, session.start)
    since = last.end if last is not None else None
    until_day = max(session.start.date(), today)
    growth = growth_suggestions(
        growth_read if growth_read is not None else growth_sources(connection),
        last.start.date() if last is not None else None,
        session.start.date(),
        session.start - last.start if last is not None else None,
    )
    return AgendaSources(
        last_session=last,
        last_agenda=tuple(load_agenda(connection, last.id)) if last is not None and last.id else (),
        flagged=tuple(flagged_entries(connection, since, until_day)),
        open_actions=tuple(
            load_actions(connection, open_only=True, mentorship_id=session.mentorship_id)
        ),
        milestones_due=tuple(milestones_due(connection, session.start.date())),
        recalibrations=tuple(
            recalibrations(connection, since, datetime.combine(until_day, datetime.max.time()))
        ),
        wins=tuple(wins(connection, since, until_day)),
        growth=tuple(growth),
        taken=agenda_taken(connection, session.id) if session.id is not None else frozenset(),
    )


def read_brief(connection: AnyConnection, session: Session, today: date) -> BriefData:
    """Everything the one-page brief for `session` (stored, or a cadence occurrence) shows
    on `today`."""
    found = load_agreements(connection, session.mentorship_id)
    if not found:
        raise NotFoundError("Mentorship", session.mentorship_id)
    mentorship = found[0].mentorship
    if session.id is not None:
        agenda = tuple(load_agenda(connection, session.id))
        session = load_session(connection, session.id, with_agenda_count=False)
    else:
        agenda = ()
    goals = load_goals(connection, statuses=["active"])
    last = last_done_before(connection, session.mentorship_id, session.start)
    notes = wins(
        connection,
        last.end if last is not None else None,
        max(today, session.start.date()),
        BRIEF_WINS,
    )
    actions = load_actions(connection, mentorship_id=session.mentorship_id)
    # the burn-up's own numbers: planned for the original due date, done when done
    trend = burnup(TimelineRepository(connection).milestone_dates(), (), today)
    growth = growth_sources(connection)
    suggested = (
        tuple(
            suggest(agenda_sources(connection, session, today, growth), today)[:BRIEF_SUGGESTIONS]
        )
        if not agenda
        else ()
    )
    return BriefData(
        mentor=mentorship.mentor,
        purpose=mentorship.purpose,
        session=session,
        goals=tuple(GoalProgressLine(g.title, goal_progress(g), g.target_date) for g in goals),
        agenda=agenda,
        personal_update=session.personal_update,
        commitments=tuple(overdue_first((a for a in actions if not a.is_done), today)),
        wins=tuple(note.text for note in notes),
        milestone_points=tuple(
            milestone_points([(p.day, p.planned, p.done) for p in trend.points], today)
        ),
        follow_through=follow_through(actions, today),
        today=today,
        suggested=suggested,
        growth=brief_growth(growth, today),
        profile=load_profile(connection),
    )
