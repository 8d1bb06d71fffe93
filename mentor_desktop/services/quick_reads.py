"""Read-only answers for the command line that need neither SQLAlchemy nor Qt.

The `search` command answers from here, in a fraction of the time a full start costs; the
answers come from the same repository code the window uses. When the database must be
created or upgraded first, `NeedsFullOpen` tells the caller to go through the services on
an opened database instead.
"""

from __future__ import annotations

from pathlib import Path

from mentor_desktop.domain.journal import NO_FILTER, EntrySummary
from mentor_desktop.storage.reading import NeedsFullOpen, reading
from mentor_desktop.storage.repositories.journal_search import search_entries
from mentor_desktop.storage.search_query import build_match_query

__all__ = ["NeedsFullOpen", "search_journal"]


def search_journal(db_path: Path, text: str, limit: int) -> list[EntrySummary]:
    """The best `limit` journal entries matching `text`, as `JournalService.search` gives."""
    match = build_match_query(text)
    if match is None:
        return []
    with reading(db_path) as connection:
        return search_entries(connection, match, NO_FILTER, limit)
