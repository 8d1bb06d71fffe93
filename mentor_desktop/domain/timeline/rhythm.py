"""Journal rhythm: entries and wins per ISO week (weeks start on Monday)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from mentor_desktop.domain.timeline.periods import week_start


@dataclass(frozen=True, slots=True)
class WeekCount:
    week: date
    entries: int
    wins: int


@dataclass(frozen=True, slots=True)
class RhythmData:
    """Entries and wins per week; weeks without entries are absent from `weeks`."""

    weeks: tuple[WeekCount, ...]
    first: date | None
    last: date | None

    @property
    def is_empty(self) -> bool:
        return not self.weeks

    @property
    def busiest(self) -> int:
        return max((w.entries for w in self.weeks), default=0)


def rhythm(days: Iterable[tuple[date, int, int]]) -> RhythmData:
    """Weekly totals from (day, entries, wins) rows."""
    weeks: dict[date, list[int]] = {}
    for day, entries, wins in days:
        bucket = weeks.setdefault(week_start(day), [0, 0])
        bucket[0] += entries
        bucket[1] += wins
    ordered = tuple(WeekCount(week, e, w) for week, (e, w) in sorted(weeks.items()))
    if not ordered:
        return RhythmData((), None, None)
    return RhythmData(ordered, ordered[0].week, ordered[-1].week)
