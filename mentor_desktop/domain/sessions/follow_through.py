"""Follow-through: how well my commitments were kept. One rule and one type, used by the
Session prep tab, the brief, the follow-through chart and the review pack.

A commitment is an action item of mine with a due date. It counts once it was done or its
due date has passed: *kept on time* when done on or before the due date, *kept late* when
done after it, *missed* (overdue) when still open past it. Mine, open and due later, it is
*pending*: it does not count yet.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from mentor_desktop.domain.sessions.kinds import ActionOwner
from mentor_desktop.domain.sessions.records import ActionItem


class Outcome(enum.StrEnum):
    """How a commitment turned out."""

    ON_TIME = "on_time"
    LATE = "late"
    MISSED = "missed"


@dataclass(frozen=True, slots=True)
class Commitment:
    """What follow-through needs about one action item: its dates and whose it is."""

    due: date | None
    done: date | None
    mine: bool = True

    def outcome(self, today: date) -> Outcome | None:
        """Kept on time, kept late or missed; None when it does not count (yet): the
        mentor's items, items without a due date, and open items not yet past their due date."""
        if not self.mine or self.due is None:
            return None
        if self.done is None:
            return Outcome.MISSED if self.due < today else None
        return Outcome.ON_TIME if self.done <= self.due else Outcome.LATE

    def pending(self, today: date) -> bool:
        """Mine, open and not yet past its due date: it will count once done or due."""
        return self.mine and self.done is None and self.due is not None and self.due >= today


@dataclass(frozen=True, slots=True)
class FollowThrough:
    """Commitments kept on time, kept late, missed, and still to come (`pending`)."""

    on_time: int = 0
    late: int = 0
    missed: int = 0
    pending: int = 0

    @property
    def total(self) -> int:
        """The commitments that count: kept (on time or late) or missed."""
        return self.on_time + self.late + self.missed

    @property
    def kept(self) -> int:
        return self.on_time + self.late

    @property
    def kept_on_time(self) -> int:
        return self.on_time

    @property
    def overdue(self) -> int:
        """Still open past the due date (the missed ones)."""
        return self.missed

    @property
    def open(self) -> int:
        """Mine, open and due later (the pending ones)."""
        return self.pending

    @property
    def kept_share(self) -> float:
        return self.kept / self.total if self.total else 0.0

    @property
    def on_time_share(self) -> float:
        """Kept on time out of all that count (0 without any), as the chart and the review
        pack show it."""
        return self.on_time / self.total if self.total else 0.0

    def summary(self) -> str:
        later = f"{self.pending} due later" if self.pending else ""
        if not self.total:
            if later:
                return f"None of my commitments has come due yet; {later}."
            return "No commitments of mine with a due date yet."
        return (
            f"{self.on_time} of {self.total} commitments kept on time "
            f"({round(self.on_time_share * 100)} %), {self.late} kept late, "
            f"{self.missed} overdue" + (f"; {later}." if later else ".")
        )


def count_follow_through(commitments: Iterable[Commitment], today: date) -> FollowThrough:
    """Tally `Commitment.outcome` over `commitments`."""
    counts = dict.fromkeys(Outcome, 0)
    pending = 0
    for item in commitments:
        outcome = item.outcome(today)
        if outcome is not None:
            counts[outcome] += 1
        elif item.pending(today):
            pending += 1
    return FollowThrough(
        counts[Outcome.ON_TIME], counts[Outcome.LATE], counts[Outcome.MISSED], pending
    )


def commitment(item: ActionItem) -> Commitment:
    """The commitment an action item stands for."""
    return Commitment(item.due_date, item.done_date, item.owner == ActionOwner.ME)


def follow_through(items: Iterable[ActionItem], today: date) -> FollowThrough:
    """Follow-through over action items (see the module's rule)."""
    return count_follow_through((commitment(i) for i in items), today)
