"""Sample data: a realistic mentorship over N years, for trying the app and for benchmarks.

One module per area (sessions' mentorship first, then goals, journal, sessions, timeline) adds
a writer to `DEMO_WRITERS`; all of them run in one transaction, so a failed demo leaves the
database as it was. The same seed and `today` give the same data. Not a use case: the writers
build storage rows directly.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from mentor_desktop.demo.context import DemoContext, DemoOptions, DemoWriter
from mentor_desktop.demo.goals import write_goals_demo
from mentor_desktop.demo.growth import write_growth_demo
from mentor_desktop.demo.journal import write_journal_demo
from mentor_desktop.demo.sessions import write_mentorship_demo, write_session_demo
from mentor_desktop.demo.timeline import write_timeline_demo
from mentor_desktop.domain.errors import MentorDesktopError
from mentor_desktop.storage.orm import GoalRow, MentorRow
from mentor_desktop.storage.uow import unit_of_work_factory

__all__ = ["DEMO_WRITERS", "DemoContext", "DemoOptions", "database_is_empty", "write_demo"]

#: Run in order inside one transaction; later areas append their writers.
DEMO_WRITERS: list[DemoWriter] = [
    write_mentorship_demo,
    write_goals_demo,
    write_journal_demo,
    write_session_demo,
    write_timeline_demo,
    write_growth_demo,
]


def database_is_empty(session: Session) -> bool:
    """True when the database holds no goal and no mentor."""
    return not session.scalar(select(func.count()).select_from(GoalRow)) and not session.scalar(
        select(func.count()).select_from(MentorRow)
    )


def write_demo(engine: Engine, options: DemoOptions, force: bool = False) -> str:
    """Write the demo data; returns a one-line summary of what was written.

    Refuses a database that already holds data unless `force` (which adds, never deletes).
    """
    today = options.today or date.today()
    ctx = DemoContext(
        rng=random.Random(options.seed),
        today=today,
        start=today - timedelta(days=round(365.25 * options.years)),
        years=options.years,
    )
    with unit_of_work_factory(engine)() as uow:
        if not force and not database_is_empty(uow.session):
            raise MentorDesktopError(
                "The database already has data; the demo only fills an empty one. "
                "Use --force to add the demo data anyway, or --db to pick another file."
            )
        for writer in DEMO_WRITERS:
            writer(uow.session, ctx)
            uow.session.flush()
    return ", ".join(f"{count:,} {name}" for name, count in ctx.counts.items())
