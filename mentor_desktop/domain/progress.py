"""How progress is measured.

The rule, in full:

* A **step** is done or not.
* A **milestone** is complete (100 %) once it has a done date. Until then its progress is the
  share of its steps that are done; a milestone without steps is at 0 %.
* A **goal** that is *achieved* is at 100 %. Otherwise its progress is the mean of its
  milestones' progress, so each milestone weighs the same and finished steps already count.
  A goal without milestones is at 0 %.

Progress is a float between 0.0 and 1.0; `percent()` rounds it down for display, so 100 %
is only ever shown when the work is really complete.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from mentor_desktop.domain.models import Goal, GoalStatus, Milestone, Step


def step_share(steps: Iterable[Step]) -> float:
    """The share of `steps` that are done (0.0 when there are none)."""
    items = list(steps)
    if not items:
        return 0.0
    return sum(1 for step in items if step.done) / len(items)


def milestone_progress(milestone: Milestone) -> float:
    if milestone.done_date is not None:
        return 1.0
    return step_share(milestone.steps)


def goal_progress(goal: Goal) -> float:
    if goal.status is GoalStatus.ACHIEVED:
        return 1.0
    if not goal.milestones:
        return 0.0
    return sum(milestone_progress(m) for m in goal.milestones) / len(goal.milestones)


def percent(progress: float) -> int:
    """Whole percent, rounded down (99.9 % shows as 99 %, never as a false 100 %)."""
    return max(0, min(100, math.floor(progress * 100 + 1e-9)))
