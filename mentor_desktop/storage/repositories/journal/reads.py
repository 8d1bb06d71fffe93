"""Journal lists and search: pages newest first, full-text search, counts and calendars.

Plain column reads (no ORM objects): a list line never loads a whole body.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Row,
    Select,
    column,
    exists,
    func,
    literal_column,
    select,
    table,
    text,
    tuple_,
)

from mentor_desktop.domain.journal import (
    NO_FILTER,
    DayCount,
    EntryFilter,
    EntryKind,
    EntrySummary,
    PageCursor,
    first_line,
)
from mentor_desktop.storage.orm import (
    JournalEntryGoalRow,
    JournalEntryRow,
    JournalEntryTagRow,
    TagRow,
)
from mentor_desktop.storage.repositories.journal.base import JournalRows
from mentor_desktop.storage.search import SEARCH_TABLE, bm25_expression, snippet_expression

#: Characters of the body read for a list line (never the whole body).
PREVIEW_CHARS = 400
TAG_SEPARATOR = ", "
#: Most matches ranked by bm25 for one search (the most recently written ones).
RANK_WINDOW = 4000

_search = table(SEARCH_TABLE, column("rowid"))
_E = JournalEntryRow


def _split_tags(tag_text: str) -> tuple[str, ...]:
    return tuple(tag_text.split(TAG_SEPARATOR)) if tag_text else ()


_SUMMARY_COLUMNS = (
    _E.id,
    _E.entry_date,
    _E.title,
    _E.kind,
    _E.tag_text,
    func.substr(_E.body, 1, PREVIEW_CHARS).label("preview"),
    _E.flagged,
    _E.mood,
)


def _summary(row: Row[Any], snippet: str = "") -> EntrySummary:
    return EntrySummary(
        id=row.id,
        entry_date=row.entry_date,
        title=row.title,
        kind=EntryKind(row.kind),
        tags=_split_tags(row.tag_text),
        first_line=first_line(row.preview),
        flagged=bool(row.flagged),
        mood=row.mood,
        snippet=snippet,
    )


def filter_conditions(entry_filter: EntryFilter) -> list[ColumnElement[bool]]:
    """SQL conditions on journal_entry for everything in the filter except the search text."""
    conditions: list[ColumnElement[bool]] = []
    if entry_filter.kinds:
        conditions.append(_E.kind.in_([k.value for k in entry_filter.kinds]))
    if entry_filter.flagged_only:
        conditions.append(_E.flagged.is_(True))
    if entry_filter.date_from is not None:
        conditions.append(_E.entry_date >= entry_filter.date_from)
    if entry_filter.date_to is not None:
        conditions.append(_E.entry_date <= entry_filter.date_to)
    if entry_filter.tag:
        conditions.append(
            exists(
                select(1)
                .select_from(JournalEntryTagRow)
                .join(TagRow, TagRow.id == JournalEntryTagRow.tag_id)
                .where(JournalEntryTagRow.entry_id == _E.id, TagRow.name == entry_filter.tag)
            )
        )
    if entry_filter.goal_id is not None:
        conditions.append(
            exists(
                select(1).where(
                    JournalEntryGoalRow.entry_id == _E.id,
                    JournalEntryGoalRow.goal_id == entry_filter.goal_id,
                )
            )
        )
    return conditions


class JournalLists(JournalRows):
    """Summaries of entries for lists, search results, counts and the calendar."""

    def page(
        self, entry_filter: EntryFilter, after: PageCursor | None, limit: int
    ) -> list[EntrySummary]:
        """Entries newest first (date, then id), starting after `after`."""
        query = select(*_SUMMARY_COLUMNS).where(*filter_conditions(entry_filter))
        if after is not None:
            query = query.where(
                tuple_(_E.entry_date, _E.id) < tuple_(after.entry_date, after.entry_id)
            )
        query = query.order_by(_E.entry_date.desc(), _E.id.desc()).limit(limit)
        return [_summary(row) for row in self.session.execute(query)]

    def search(
        self, match: str, entry_filter: EntryFilter, limit: int, offset: int = 0
    ) -> list[EntrySummary]:
        """Entries matching the FTS5 expression `match`, best first (bm25), with snippets.

        Ranking costs time for every match, so for a word found in more than RANK_WINDOW
        entries only the RANK_WINDOW most recently written matches are ranked; this keeps
        a common word as fast in a 50,000-entry journal as in a small one. Paging goes on
        past them: the older matches follow, newest first, so every match can be reached.
        """
        floor = self.session.execute(
            self._matches(match, entry_filter, _search.c.rowid)
            .order_by(_search.c.rowid.desc())
            .limit(1)
            .offset(RANK_WINDOW - 1)
        ).scalar()
        ids: list[int] = []
        if floor is None or offset < RANK_WINDOW:
            ranked = self._matches(match, entry_filter, _search.c.rowid)
            if floor is not None:
                ranked = ranked.where(_search.c.rowid >= floor)
            ranked = (
                ranked.order_by(literal_column(bm25_expression()), _search.c.rowid.desc())
                .limit(limit if floor is None else min(limit, RANK_WINDOW - offset))
                .offset(offset)
            )
            ids = list(self.session.execute(ranked).scalars())
        if floor is not None and len(ids) < limit:
            older = (
                self._matches(match, entry_filter, _search.c.rowid)
                .where(_search.c.rowid < floor)
                .order_by(_search.c.rowid.desc())
                .limit(limit - len(ids))
                .offset(max(0, offset - RANK_WINDOW))
            )
            ids += self.session.execute(older).scalars()
        if not ids:
            return []
        # Snippets and list columns only for the page (not for every ranked match).
        page = self._matches(
            match,
            NO_FILTER,
            *_SUMMARY_COLUMNS,
            literal_column(snippet_expression()).label("snip"),
        ).where(
            # One pass over the range of the page's ids, not one index lookup per id (which
            # for a prefix search would merge the prefix's word lists once per row).
            _search.c.rowid.between(min(ids), max(ids)),
            text(f"+{SEARCH_TABLE}.rowid IN ({', '.join(str(int(i)) for i in ids)})"),
        )
        rows = {row.id: row for row in self.session.execute(page)}
        return [_summary(rows[i], rows[i].snip or "") for i in ids if i in rows]

    def _matches(self, match: str, entry_filter: EntryFilter, *columns: Any) -> Select[Any]:
        query = select(*columns).where(text(f"{SEARCH_TABLE} MATCH :match").bindparams(match=match))
        conditions = filter_conditions(entry_filter)
        if conditions or any(c is not _search.c.rowid for c in columns):
            query = query.select_from(_search.join(_E, _E.id == _search.c.rowid))
            query = query.where(*conditions)
        else:
            query = query.select_from(_search)
        return query

    def count(self, entry_filter: EntryFilter = NO_FILTER) -> int:
        query = select(func.count()).select_from(_E).where(*filter_conditions(entry_filter))
        return int(self.session.scalar(query) or 0)

    def day_counts(self, first: date, last: date) -> list[DayCount]:
        rows = self.session.execute(
            select(_E.entry_date, func.count())
            .where(_E.entry_date.between(first, last))
            .group_by(_E.entry_date)
            .order_by(_E.entry_date)
        )
        return [DayCount(day, count) for day, count in rows]

    def on_this_day(self, day: date, limit: int) -> list[EntrySummary]:
        month_day = f"{day.month:02d}-{day.day:02d}"
        query = (
            select(*_SUMMARY_COLUMNS)
            .where(
                _E.entry_date < date(day.year, 1, 1),
                func.substr(_E.entry_date, 6, 5) == month_day,
            )
            .order_by(_E.entry_date.desc(), _E.id.desc())
            .limit(limit)
        )
        return [_summary(row) for row in self.session.execute(query)]
