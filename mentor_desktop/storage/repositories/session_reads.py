"""Reading agreements and sessions in plain SQL: the Session prep tab's first screen, the
`sessions` and `brief` commands.

Three queries load every agreement with its mentor and cadence rules, one query a
mentorship's sessions with their agenda counts (or one session, or the last one done before
a moment); no ORM objects are built, so fifty years of
sessions list in milliseconds. They run on a session's connection (the sessions repository,
whose writes stay in the ORM) or on a plain one before SQLAlchemy is loaded (see
`plain_sql`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from mentor_desktop.domain.cadence import CadenceRule
from mentor_desktop.domain.errors import NotFoundError
from mentor_desktop.domain.models import Mentor, Mentorship
from mentor_desktop.domain.sessions import Agreement, Session, SessionStatus
from mentor_desktop.storage.repositories.plain_sql import (
    AnyConnection,
    day_value,
    moment_param,
    moment_value,
    optional_moment_value,
    run_sql,
)

_MENTORSHIPS = (
    "SELECT ms.id, m.id, m.name, m.role, m.organisation, m.contact, ms.purpose, ms.hopes, "
    "ms.offers, ms.mentor_expectations, ms.mentee_expectations, ms.cadence, ms.communication, "
    "ms.confidentiality, ms.start_date, ms.end_date, ms.review_date, ms.active "
    "FROM mentorship ms JOIN mentor m ON m.id = ms.mentor_id"
)
_RULES = "SELECT id, mentorship_id, label, rrule, first_start, duration_minutes FROM cadence_rule"


def load_agreements(connection: AnyConnection, mentorship_id: int | None = None) -> list[Agreement]:
    """Every agreement (or the one of `mentorship_id`), active ones first, then the most
    recent, each with its cadence rules in their order."""
    one = mentorship_id is not None
    where, params = (" WHERE ms.id = ?", (mentorship_id,)) if one else ("", ())
    mentorships = list(
        run_sql(
            connection,
            f"{_MENTORSHIPS}{where} ORDER BY ms.active DESC, ms.start_date DESC, ms.id",
            params,
        )
    )
    rules: dict[int, list[CadenceRule]] = defaultdict(list)
    rule_where = " WHERE mentorship_id = ?" if one else ""
    for rule_id, owner, label, rrule, first_start, minutes in run_sql(
        connection, f"{_RULES}{rule_where} ORDER BY mentorship_id, position, id", params
    ):
        rules[owner].append(
            CadenceRule(
                label=label,
                rrule=rrule,
                first_start=moment_value(first_start),
                duration_minutes=minutes,
                id=rule_id,
            )
        )
    return [
        Agreement(
            Mentorship(
                id=row[0],
                mentor=Mentor(row[1], row[2], row[3], row[4], row[5]),
                purpose=row[6],
                hopes=row[7],
                offers=row[8],
                mentor_expectations=row[9],
                mentee_expectations=row[10],
                cadence=row[11],
                communication=row[12],
                confidentiality=row[13],
                start_date=day_value(row[14]),
                end_date=day_value(row[15]),
                review_date=day_value(row[16]),
                active=bool(row[17]),
            ),
            tuple(rules.get(row[0], ())),
        )
        for row in mentorships
    ]


_SESSION_COLUMNS = (
    "s.id, s.mentorship_id, s.label, s.start, s.duration_minutes, s.status, s.rule_id, "
    "s.original_start, s.personal_update, s.notes, s.takeaways"
)
_AGENDA_COUNT = "(SELECT count(*) FROM agenda_item a WHERE a.session_id = s.id AND NOT a.dropped)"


def _session(row: Sequence[Any]) -> Session:
    """A session from `_SESSION_COLUMNS` followed by its agenda count."""
    return Session(
        id=row[0],
        mentorship_id=row[1],
        label=row[2],
        start=moment_value(row[3]),
        duration_minutes=row[4],
        status=SessionStatus(row[5]),
        rule_id=row[6],
        original_start=optional_moment_value(row[7]),
        personal_update=row[8],
        notes=row[9],
        takeaways=row[10],
        agenda_count=row[11],
    )


def load_sessions(
    connection: AnyConnection, mentorship_id: int, with_agenda_counts: bool = True
) -> list[Session]:
    """The stored sessions of one mentorship in time order, with how many agenda items each
    has (dropped ones not counted) when `with_agenda_counts`."""
    counts = _AGENDA_COUNT if with_agenda_counts else "0"
    rows = run_sql(
        connection,
        f"SELECT {_SESSION_COLUMNS}, {counts} FROM session s "
        "WHERE s.mentorship_id = ? ORDER BY s.start, s.id",
        (mentorship_id,),
    )
    return [_session(row) for row in rows]


def load_session(
    connection: AnyConnection, session_id: int, with_agenda_count: bool = True
) -> Session:
    """One stored session (with its agenda count when `with_agenda_count`); NotFoundError
    when there is none with that id."""
    count = _AGENDA_COUNT if with_agenda_count else "0"
    row = run_sql(
        connection,
        f"SELECT {_SESSION_COLUMNS}, {count} FROM session s WHERE s.id = ?",
        (session_id,),
    ).fetchone()
    if row is None:
        raise NotFoundError("Session", session_id)
    return _session(row)


def last_done_before(
    connection: AnyConnection, mentorship_id: int, moment: datetime
) -> Session | None:
    """The last session of a mentorship that took place before `moment` (None when none
    did)."""
    row = run_sql(
        connection,
        f"SELECT {_SESSION_COLUMNS}, 0 FROM session s WHERE s.mentorship_id = ? "
        "AND s.status = ? AND s.start < ? ORDER BY s.start DESC LIMIT 1",
        (mentorship_id, SessionStatus.DONE.value, moment_param(moment)),
    ).fetchone()
    return _session(row) if row is not None else None
