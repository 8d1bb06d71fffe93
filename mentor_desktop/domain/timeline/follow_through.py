"""Follow-through per quarter, for the chart: each commitment that counts (see
`domain.sessions.follow_through`) in the quarter of its due date."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from mentor_desktop.domain.sessions.follow_through import Commitment, Outcome
from mentor_desktop.domain.timeline.periods import next_month, quarter_label, quarter_start


@dataclass(frozen=True, slots=True)
class QuarterFollowThrough:
    quarter: date
    on_time: int
    late: int
    missed: int

    @property
    def label(self) -> str:
        return quarter_label(self.quarter)

    @property
    def total(self) -> int:
        return self.on_time + self.late + self.missed

    @property
    def on_time_share(self) -> float:
        return self.on_time / self.total if self.total else 0.0


@dataclass(frozen=True, slots=True)
class FollowThroughData:
    quarters: tuple[QuarterFollowThrough, ...]
    today: date

    @property
    def is_empty(self) -> bool:
        return not self.quarters

    @property
    def total(self) -> int:
        return sum(q.total for q in self.quarters)

    @property
    def on_time(self) -> int:
        return sum(q.on_time for q in self.quarters)


def follow_through_by_quarter(commitments: Iterable[Commitment], today: date) -> FollowThroughData:
    """Commitments whose due date has come (or that were done), per quarter of the due date.

    Quarters between the first and the last with commitments are all listed (a quiet quarter
    shows as a gap, not as a missing bar).
    """
    counts: dict[date, list[int]] = {}
    columns = {Outcome.ON_TIME: 0, Outcome.LATE: 1, Outcome.MISSED: 2}
    for item in commitments:
        outcome = item.outcome(today)
        if outcome is None:
            continue
        assert item.due is not None
        counts.setdefault(quarter_start(item.due), [0, 0, 0])[columns[outcome]] += 1
    if not counts:
        return FollowThroughData((), today)
    quarters = []
    cursor, last = min(counts), max(counts)
    while True:
        on_time, late, missed = counts.get(cursor, (0, 0, 0))
        quarters.append(QuarterFollowThrough(cursor, on_time, late, missed))
        if cursor >= last:  # stop before stepping past the last quarter (date.max's included)
            break
        cursor = next_month(next_month(next_month(cursor)))
    return FollowThroughData(tuple(quarters), today)
