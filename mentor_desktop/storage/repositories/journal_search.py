"""Journal search in plain SQL on the sqlite3 connection: the journal repository's search.

The journal repository searches through this module inside its session, and the `search`
command calls it on a read-only connection without SQLAlchemy, so both give the same
answers from one implementation.

Ranking costs time for every match, so for a word found in more than RANK_WINDOW entries
only the RANK_WINDOW most recently written matches are ranked (bm25); this keeps a common
word as fast in a 50,000-entry journal as in a small one. Paging goes on past them: the
older matches follow, newest first, so every match can be reached.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import date
from typing import Any

from mentor_desktop.domain.journal import EntryFilter, EntryKind, EntrySummary, first_line
from mentor_desktop.storage.search_query import SEARCH_TABLE, bm25_expression, snippet_expression

#: Characters of the body read for a list line (never the whole body).
PREVIEW_CHARS = 400
TAG_SEPARATOR = ", "
#: Most matches ranked by bm25 for one search (the most recently written ones).
RANK_WINDOW = 4000

_SUMMARY = (
    "e.id, e.entry_date, e.title, e.kind, e.tag_text, "
    f"substr(e.body, 1, {PREVIEW_CHARS}), e.flagged, e.mood"
)


def split_tags(tag_text: str) -> tuple[str, ...]:
    return tuple(tag_text.split(TAG_SEPARATOR)) if tag_text else ()


def _filter_sql(entry_filter: EntryFilter) -> tuple[list[str], list[object]]:
    """SQL conditions on `journal_entry e` for everything in the filter but the search text."""
    clauses: list[str] = []
    params: list[object] = []
    if entry_filter.kinds:
        clauses.append(f"e.kind IN ({', '.join('?' for _ in entry_filter.kinds)})")
        params += [kind.value for kind in entry_filter.kinds]
    if entry_filter.flagged_only:
        clauses.append("e.flagged = 1")
    if entry_filter.date_from is not None:
        clauses.append("e.entry_date >= ?")
        params.append(entry_filter.date_from.isoformat())
    if entry_filter.date_to is not None:
        clauses.append("e.entry_date <= ?")
        params.append(entry_filter.date_to.isoformat())
    if entry_filter.tag:
        clauses.append(
            "EXISTS (SELECT 1 FROM journal_entry_tag link JOIN tag ON tag.id = link.tag_id "
            "WHERE link.entry_id = e.id AND tag.name = ?)"
        )
        params.append(entry_filter.tag)
    if entry_filter.goal_id is not None:
        clauses.append(
            "EXISTS (SELECT 1 FROM journal_entry_goal link "
            "WHERE link.entry_id = e.id AND link.goal_id = ?)"
        )
        params.append(entry_filter.goal_id)
    return clauses, params


def _matching_ids(
    connection: sqlite3.Connection,
    match: str,
    entry_filter: EntryFilter,
    tail: str,
    tail_params: Sequence[object],
) -> list[int]:
    clauses, params = _filter_sql(entry_filter)
    source = f"{SEARCH_TABLE}"
    if clauses:
        source += f" JOIN journal_entry e ON e.id = {SEARCH_TABLE}.rowid"
    where = " AND ".join([f"{SEARCH_TABLE} MATCH ?", *clauses])
    sql = f"SELECT {SEARCH_TABLE}.rowid FROM {source} WHERE {where} {tail}"
    return [row[0] for row in connection.execute(sql, [match, *params, *tail_params])]


def search_entries(
    connection: sqlite3.Connection,
    match: str,
    entry_filter: EntryFilter,
    limit: int,
    offset: int = 0,
) -> list[EntrySummary]:
    """Entries matching the FTS5 expression `match`, best first, with snippets."""
    rowid = f"{SEARCH_TABLE}.rowid"
    floor_ids = _matching_ids(
        connection,
        match,
        entry_filter,
        f"ORDER BY {rowid} DESC LIMIT 1 OFFSET ?",
        [RANK_WINDOW - 1],
    )
    floor = floor_ids[0] if floor_ids else None
    ids: list[int] = []
    if floor is None or offset < RANK_WINDOW:
        window = "" if floor is None else f"AND {rowid} >= {int(floor)}"
        page = limit if floor is None else min(limit, RANK_WINDOW - offset)
        ids = _matching_ids(
            connection,
            match,
            entry_filter,
            f"{window} ORDER BY {bm25_expression()}, {rowid} DESC LIMIT ? OFFSET ?",
            [page, offset],
        )
    if floor is not None and len(ids) < limit:
        ids += _matching_ids(
            connection,
            match,
            entry_filter,
            f"AND {rowid} < {int(floor)} ORDER BY {rowid} DESC LIMIT ? OFFSET ?",
            [limit - len(ids), max(0, offset - RANK_WINDOW)],
        )
    if not ids:
        return []
    # Snippets and list columns only for the page. One pass over the range of the page's ids,
    # not one index lookup per id (which for a prefix search would merge the prefix's word
    # lists once per row); the unary + keeps SQLite from using the index for the IN list.
    listed = ", ".join(str(int(i)) for i in ids)
    rows = connection.execute(
        f"SELECT {_SUMMARY}, {snippet_expression()} FROM {SEARCH_TABLE} "
        f"JOIN journal_entry e ON e.id = {rowid} "
        f"WHERE {SEARCH_TABLE} MATCH ? AND {rowid} BETWEEN ? AND ? AND +{rowid} IN ({listed})",
        [match, min(ids), max(ids)],
    )
    found = {row[0]: row for row in rows}
    return [_summary(found[i]) for i in ids if i in found]


def _summary(row: tuple[Any, ...]) -> EntrySummary:
    entry_id, day, title, kind, tag_text, preview, flagged, mood, snippet = row
    return EntrySummary(
        id=entry_id,
        entry_date=date.fromisoformat(day),
        title=title,
        kind=EntryKind(kind),
        tags=split_tags(tag_text),
        first_line=first_line(preview or ""),
        flagged=bool(flagged),
        mood=mood,
        snippet=snippet or "",
    )
