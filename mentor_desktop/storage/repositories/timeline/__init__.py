"""The timeline area's repository: reads for the timeline, the charts and the review pack in
plain indexed SQL (a handful of queries serve a 10-year database), and the review pack's
closing reflection. One part per use:

* `common.TimelinePart`: the connection, and milestones' planned and current dates;
* `charts.ChartReads`: goals' dates, commitments, the journal's days;
* `items.ItemReads`: what the timeline draws;
* `review.ReviewReads`: a period's milestones, evidence, slips, feedback, wins; the reflection.

Every read runs on a unit of work's connection or on a plain one (`storage.reading`), so this
package imports no SQLAlchemy; `reflection.save_reflection` writes the reflection.
"""

from __future__ import annotations

from mentor_desktop.storage.repositories.timeline.charts import GoalHead
from mentor_desktop.storage.repositories.timeline.items import ItemReads
from mentor_desktop.storage.repositories.timeline.review import ReviewReads


class TimelineRepository(ItemReads, ReviewReads):
    """Everything the timeline service reads, on one connection:
    `TimelineRepository(uow.session.connection())`, or a plain one."""


__all__ = ["GoalHead", "TimelineRepository"]
