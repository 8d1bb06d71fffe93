"""The growth loop on the timeline: a bar per practice (start to finish or due date) and a
marker per opportunity deadline."""

from __future__ import annotations

from mentor_desktop.domain.growth.opportunities import Opportunity
from mentor_desktop.domain.growth.practice import Practice
from mentor_desktop.domain.timeline import TimelineItem, TimelineKind


def growth_items(practice: list[Practice], opportunities: list[Opportunity]) -> list[TimelineItem]:
    """Practice with at least one date, and opportunities with a deadline, in time order."""
    items = []
    for p in practice:
        begin = p.start_date or p.due_date or p.finished_on
        if begin is None:
            continue
        finish = p.finished_on or p.due_date or begin
        begin, finish = min(begin, finish), max(begin, finish)
        items.append(
            TimelineItem(
                kind=TimelineKind.PRACTICE,
                id=p.id,
                title=p.title,
                start=begin,
                end=finish,
                done=p.status.value == "done",
                done_date=p.finished_on,
                status=p.status.value,
                detail=p.metric_summary() or p.kind.label,
            )
        )
    for o in opportunities:
        if o.deadline is None:
            continue
        items.append(
            TimelineItem(
                kind=TimelineKind.OPPORTUNITY,
                id=o.id,
                title=o.title,
                start=o.deadline,
                end=o.deadline,
                done=o.status.value == "won",
                status=o.status.value,
                detail=f"{o.kind.label} · impact {o.impact}, risk {o.risk}",
            )
        )
    return sorted(items, key=lambda i: (i.start, i.kind.value, i.id))
