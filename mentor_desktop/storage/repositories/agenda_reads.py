"""Reading a session's agenda and the action items that follow sessions, in plain SQL.

The sessions repository reads them through these functions inside a unit of work (its
writes stay in the ORM), and the `brief` command before SQLAlchemy is loaded (see
`plain_sql`): one implementation, the same answers.
"""

from __future__ import annotations

from mentor_desktop.domain.sessions import (
    ActionItem,
    ActionOwner,
    AgendaItem,
    AgendaKind,
    AgendaSource,
)
from mentor_desktop.storage.repositories.plain_sql import AnyConnection, day_value, run_sql

_AGENDA = (
    "SELECT id, session_id, position, kind, text, source, source_id, carried_from_id, "
    "discussed, notes FROM agenda_item WHERE session_id = ? AND dropped = 0 "
    "ORDER BY position, id"
)


def load_agenda(connection: AnyConnection, session_id: int) -> list[AgendaItem]:
    """The items on the agenda of a session (not the dropped ones), in order."""
    return [
        AgendaItem(
            id=row[0],
            session_id=row[1],
            position=row[2],
            kind=AgendaKind(row[3]),
            text=row[4],
            source=AgendaSource(row[5]),
            source_id=row[6],
            carried_from_id=row[7],
            discussed=bool(row[8]),
            notes=row[9],
        )
        for row in run_sql(connection, _AGENDA, (session_id,))
    ]


def agenda_taken(connection: AnyConnection, session_id: int) -> frozenset[tuple[str, int | None]]:
    """(source, source id) of every item on the agenda of a session or dropped from it."""
    return frozenset(
        (source, source_id)
        for source, source_id in run_sql(
            connection,
            "SELECT source, source_id FROM agenda_item WHERE session_id = ?",
            (session_id,),
        )
    )


def load_actions(
    connection: AnyConnection,
    session_id: int | None = None,
    open_only: bool = False,
    mentorship_id: int | None = None,
) -> list[ActionItem]:
    """Action items (of one session, or of one mentorship with those of no session), by due
    date (none last), with the title of the goal each serves."""
    joins = " LEFT OUTER JOIN goal g ON g.id = a.goal_id"
    wheres: list[str] = []
    params: list[object] = []
    if session_id is not None:
        wheres.append("a.session_id = ?")
        params.append(session_id)
    if mentorship_id is not None:
        joins += " LEFT OUTER JOIN session s ON s.id = a.session_id"
        wheres.append("(s.mentorship_id = ? OR a.session_id IS NULL)")
        params.append(mentorship_id)
    if open_only:
        wheres.append("a.done_date IS NULL")
    where = f" WHERE {' AND '.join(wheres)}" if wheres else ""
    rows = run_sql(
        connection,
        "SELECT a.id, a.session_id, a.owner, a.text, a.due_date, a.done_date, a.goal_id, "
        f"g.title FROM action_item a{joins}{where} "
        "ORDER BY a.due_date IS NULL, a.due_date, a.id",
        params,
    )
    return [
        ActionItem(
            id=row[0],
            session_id=row[1],
            owner=ActionOwner(row[2]),
            text=row[3],
            due_date=day_value(row[4]),
            done_date=day_value(row[5]),
            goal_id=row[6],
            goal_title=row[7] or "",
        )
        for row in rows
    ]
