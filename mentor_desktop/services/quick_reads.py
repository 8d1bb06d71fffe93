"""Read-only answers that need neither SQLAlchemy nor Qt.

The `search` command answers from here, in a fraction of the time a full start costs, and
the window reads its first screen from here before SQLAlchemy is loaded; the answers come
from the same repository code the window uses later. When the database must be
created or upgraded first, `NeedsFullOpen` tells the caller to go through the services on
an opened database instead.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from mentor_desktop.domain.journal import NO_FILTER, EntrySummary
from mentor_desktop.storage.reading import NeedsFullOpen, open_reading, reading, storage_errors
from mentor_desktop.storage.repositories.journal_search import search_entries
from mentor_desktop.storage.search_query import build_match_query

if TYPE_CHECKING:
    from datetime import date

    from mentor_desktop.domain.growth.opportunities import Opportunity
    from mentor_desktop.domain.growth.practice import Practice
    from mentor_desktop.domain.growth.skills import Skill
    from mentor_desktop.domain.models import Goal
    from mentor_desktop.domain.sessions import Agreement, BriefData, Session
    from mentor_desktop.domain.timeline import ReviewData

__all__ = [
    "FIRST_SCREEN_GOALS",
    "AgreementSessions",
    "FirstScreen",
    "LaterGoals",
    "NeedsFullOpen",
    "brief_data",
    "first_screen",
    "opportunity_list",
    "practice_list",
    "review_data",
    "search_journal",
    "session_lists",
    "skill_list",
]


#: The goals the window shows at start-up, at most: each is a row of the goal tree (with its
#: milestones' rows when open), more than a full-screen window shows on a laptop (about 30).
FIRST_SCREEN_GOALS = 50


class LaterGoals:
    """The goals after the first screen's, read from the same snapshot of the file.

    Its read-only connection stays open in the read transaction the first goals were read
    in, until `read` or `close`: the later goals are the file as it was then.
    """

    def __init__(self, connection: sqlite3.Connection, offset: int, total: int) -> None:
        self._connection: sqlite3.Connection | None = connection
        self._offset = offset
        self._total = total

    @property
    def offset(self) -> int:
        """How many goals come before the next `read` (the first screen's, and those read)."""
        return self._offset

    def read(self, limit: int | None = None) -> list[Goal]:
        """The next `limit` goals (None: every one left), in order; the connection closes
        once none is left. Raises StorageFailedError when the file cannot be read (the
        connection closes then too), and RuntimeError once closed."""
        from mentor_desktop.storage.repositories.goal_reads import load_goals

        connection = self._connection
        if connection is None:
            raise RuntimeError("the later goals were read or given up already")
        try:
            with storage_errors():
                goals = load_goals(connection, limit=limit, offset=self._offset)
        except BaseException:
            self.close()
            raise
        self._offset += len(goals)
        if limit is None or len(goals) < limit or self._offset >= self._total:
            self.close()
        return goals

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    @property
    def is_open(self) -> bool:
        return self._connection is not None


@dataclass(frozen=True)
class FirstScreen:
    """What the window shows first: the welcome page (nothing written yet) or the goals."""

    is_empty: bool
    #: The goals in the order `GoalService.list_goals()` gives them: all of them, or the
    #: first `FIRST_SCREEN_GOALS` when there are more (then `later` reads the others).
    goals: list[Goal]
    later: LaterGoals | None = None


def first_screen(db_path: Path) -> FirstScreen:
    """The first screen's data, after every check an open makes; raises what `reading` does.

    At 100 years of goals, reading all 400 with their 8,000 milestones and steps before the
    first paint cost about 75 ms of a 560 ms start; the window shows the first
    `FIRST_SCREEN_GOALS` and adds the others, from the same snapshot, once it is on screen.
    """
    # Imported here: `search` answers without the goals' types.
    from mentor_desktop.storage.repositories.goal_reads import count_goals, load_goals
    from mentor_desktop.storage.repositories.plain_sql import has_content

    connection = open_reading(db_path)
    try:
        with storage_errors():
            connection.execute("BEGIN")  # one snapshot for the first goals and the later ones
            is_empty = not has_content(connection)
            goals = load_goals(connection, limit=FIRST_SCREEN_GOALS)
            total = count_goals(connection)
    except BaseException:
        connection.close()
        raise
    if total <= len(goals):
        connection.close()
        return FirstScreen(is_empty, goals)
    return FirstScreen(is_empty, goals, LaterGoals(connection, len(goals), total))


def search_journal(db_path: Path, text: str, limit: int) -> list[EntrySummary]:
    """The best `limit` journal entries matching `text`, as `JournalService.search` gives."""
    match = build_match_query(text)
    if match is None:
        return []
    with reading(db_path) as connection:
        return search_entries(connection, match, NO_FILTER, limit)


@dataclass(frozen=True)
class AgreementSessions:
    """An agreement and its session list, as `SessionService.list_sessions` gives it."""

    agreement: Agreement
    sessions: list[Session]


def session_lists(
    db_path: Path, mentorship_id: int | None, now: datetime, upcoming_days: int
) -> list[AgreementSessions]:
    """The active agreements (or only the one of `mentorship_id`, active or not) with their
    stored sessions and cadence occurrences from the last few days to `upcoming_days` ahead;
    raises NotFoundError for an unknown `mentorship_id`, else what `reading` does."""
    from mentor_desktop.domain.errors import NotFoundError
    from mentor_desktop.domain.sessions.schedule import UNRECORDED_DAYS, session_list
    from mentor_desktop.storage.repositories.session_reads import load_agreements, load_sessions

    minute = now.replace(second=0, microsecond=0)
    with reading(db_path) as connection:
        agreements = load_agreements(connection, mentorship_id)
        if mentorship_id is None:
            agreements = [a for a in agreements if a.mentorship.active]
        elif not agreements:
            raise NotFoundError("Mentorship", mentorship_id)
        return [
            AgreementSessions(
                agreement,
                session_list(
                    agreement.id,
                    load_sessions(connection, agreement.id),
                    agreement.rules,
                    minute,
                    upcoming_days,
                    UNRECORDED_DAYS,
                ),
            )
            for agreement in agreements
        ]


def practice_list(db_path: Path) -> tuple[list[Practice], dict[int, str]]:
    """Every practice item, as `PracticeService.list_practice` gives them, and the skills'
    names by id."""
    from mentor_desktop.storage.repositories.growth_reads import load_practice, names

    with reading(db_path) as connection:
        return load_practice(connection), dict(names(connection, "skill", "name"))


def skill_list(db_path: Path) -> list[Skill]:
    """Every skill, biggest gap first, as `SkillService.list_skills` gives them."""
    from mentor_desktop.domain.growth.skills import order_by_gap
    from mentor_desktop.storage.repositories.growth_reads import load_skills

    with reading(db_path) as connection:
        return order_by_gap(load_skills(connection))


def opportunity_list(db_path: Path) -> list[Opportunity]:
    """Open opportunities by nearest deadline, then closed ones, latest first, as
    `OpportunityService.list_opportunities` gives them."""
    from mentor_desktop.domain.growth.opportunities import pipeline_order
    from mentor_desktop.storage.repositories.growth_reads import load_opportunities

    with reading(db_path) as connection:
        return pipeline_order(load_opportunities(connection))


def review_data(
    db_path: Path, today: date, start: date | None, end: date | None, reflection: str | None
) -> ReviewData:
    """The review pack, as `TimelineService.review_data` gives it on the day `today`."""
    from mentor_desktop.services.review_reads import read_review

    with reading(db_path) as connection:
        return read_review(connection, today, start, end, reflection)


def brief_data(
    db_path: Path, session_id: int | None, today: date, now: datetime
) -> BriefData | None:
    """The brief of the session `session_id` (None: the next one at `now`) on the day
    `today`, as `SessionService.brief_data` gives it; None when there is no upcoming
    session. Raises NotFoundError for an unknown `session_id`, else what `reading` does."""
    from mentor_desktop.services.brief_reads import next_session, read_brief
    from mentor_desktop.storage.repositories.session_reads import load_session

    with reading(db_path) as connection:
        if session_id is not None:
            session: Session | None = load_session(connection, session_id, False)
        else:
            session = next_session(connection, None, now.replace(second=0, microsecond=0))
        return read_brief(connection, session, today) if session is not None else None
