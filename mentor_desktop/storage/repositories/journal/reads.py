"""Journal lists and search: pages newest first, full-text search, counts and calendars.

Plain column reads (no ORM objects): a list line never loads a whole body.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Row,
    exists,
    func,
    select,
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
from mentor_desktop.storage.repositories.journal_search import (
    PREVIEW_CHARS,
    search_entries,
    split_tags,
)

_E = JournalEntryRow


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
        tags=split_tags(row.tag_text),
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

        The query is plain SQL in `journal_search`, run on this session's connection: the
        `search` command runs the same code without SQLAlchemy.
        """
        connection = self.session.connection().connection.driver_connection
        assert connection is not None  # an open connection always has its driver's connection
        return search_entries(connection, match, entry_filter, limit, offset)

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
