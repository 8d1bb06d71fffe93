"""What every demo writer shares: the options, the random source, the time span, and what
earlier writers made."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy.orm import Session

from mentor_desktop.storage.orm import GoalRow, MentorshipRow


@dataclass(frozen=True)
class DemoOptions:
    """How much demo data to write: `years` of history from `seed`, ending `today`."""

    years: int = 2
    seed: int = 7
    today: date | None = None


@dataclass
class DemoContext:
    """What writers share: the random source, the time span, and what earlier writers made."""

    rng: random.Random
    today: date
    start: date
    years: int
    goals: list[GoalRow] = field(default_factory=list)
    mentorship: MentorshipRow | None = None
    counts: dict[str, int] = field(default_factory=dict)


#: One area's writer: adds its rows to the session, records counts in the context.
DemoWriter = Callable[[Session, DemoContext], None]
