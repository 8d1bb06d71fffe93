"""What the one-page brief shows of the growth loop: practice in progress with its metric,
and the nearest opportunity deadlines."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from mentor_desktop.domain.growth.opportunities import Opportunity
from mentor_desktop.domain.growth.practice import Practice

#: The brief lists this many practice items in progress and opportunity deadlines.
BRIEF_PRACTICE = 4
BRIEF_DEADLINES = 4


@dataclass(frozen=True, slots=True)
class GrowthSources:
    """The growth records the agenda builder and the brief draw on."""

    practice: tuple[Practice, ...] = ()
    opportunities: tuple[Opportunity, ...] = ()


@dataclass(frozen=True, slots=True)
class BriefGrowth:
    """What the brief shows of the growth loop: practice in progress, nearest deadlines."""

    practice: tuple[Practice, ...] = ()
    deadlines: tuple[Opportunity, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not self.practice and not self.deadlines


def brief_growth(sources: GrowthSources, today: date) -> BriefGrowth:
    """Running practice first (nearest due date first), then planned; open opportunities
    with a deadline from today on, nearest first."""
    in_progress = sorted(
        (p for p in sources.practice if not p.status.is_finished),
        key=lambda p: (p.status.value != "running", p.due_date or date.max, p.title),
    )
    deadlines = sorted(
        (
            o
            for o in sources.opportunities
            if not o.status.is_closed and o.deadline is not None and o.deadline >= today
        ),
        key=lambda o: o.deadline or date.max,
    )
    return BriefGrowth(tuple(in_progress[:BRIEF_PRACTICE]), tuple(deadlines[:BRIEF_DEADLINES]))
