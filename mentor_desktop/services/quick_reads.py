"""Read-only answers that need neither SQLAlchemy nor Qt.

The `search` command answers from here, in a fraction of the time a full start costs, and
the window reads its first screen from here before SQLAlchemy is loaded; the answers come
from the same repository code the window uses later. When the database must be
created or upgraded first, `NeedsFullOpen` tells the caller to go through the services on
an opened database instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from mentor_desktop.domain.journal import NO_FILTER, EntrySummary
from mentor_desktop.storage.reading import NeedsFullOpen, reading
from mentor_desktop.storage.repositories.journal_search import search_entries
from mentor_desktop.storage.search_query import build_match_query

if TYPE_CHECKING:
    from mentor_desktop.domain.models import Goal

__all__ = ["FirstScreen", "NeedsFullOpen", "first_screen", "search_journal"]


@dataclass(frozen=True)
class FirstScreen:
    """What the window shows first: the welcome page (nothing written yet) or the goals."""

    is_empty: bool
    #: Every goal, unfiltered, as `GoalService.list_goals()` gives them.
    goals: list[Goal]


def first_screen(db_path: Path) -> FirstScreen:
    """The first screen's data, after every check an open makes; raises what `reading` does."""
    # Imported here: `search` answers without the goals' types.
    from mentor_desktop.storage.repositories.goal_reads import load_goals
    from mentor_desktop.storage.repositories.plain_sql import has_content

    with reading(db_path) as connection:
        return FirstScreen(is_empty=not has_content(connection), goals=load_goals(connection))


def search_journal(db_path: Path, text: str, limit: int) -> list[EntrySummary]:
    """The best `limit` journal entries matching `text`, as `JournalService.search` gives."""
    match = build_match_query(text)
    if match is None:
        return []
    with reading(db_path) as connection:
        return search_entries(connection, match, NO_FILTER, limit)
