"""Dataclasses that services take and return; they never hold a database session."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime


class GoalKind(enum.StrEnum):
    CAREER = "career"
    PERSONAL = "personal"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class GoalStatus(enum.StrEnum):
    ACTIVE = "active"
    ACHIEVED = "achieved"
    PAUSED = "paused"
    DROPPED = "dropped"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class ResourceKind(enum.StrEnum):
    BOOK = "book"
    COURSE = "course"
    CONTACT = "contact"
    LINK = "link"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class ResourceStatus(enum.StrEnum):
    TODO = "todo"
    IN_PROGRESS = "in_progress"
    DONE = "done"

    @property
    def label(self) -> str:
        return {"todo": "To do", "in_progress": "In progress", "done": "Done"}[self.value]


class ChangeField(enum.StrEnum):
    """What a recalibration moved."""

    GOAL_TARGET = "goal_target"
    GOAL_START = "goal_start"
    MILESTONE_DUE = "milestone_due"

    @property
    def label(self) -> str:
        return {
            "goal_target": "Target date",
            "goal_start": "Start date",
            "milestone_due": "Milestone due date",
        }[self.value]


# ---------------------------------------------------------------- goals


@dataclass(frozen=True, slots=True)
class GoalDraft:
    """What a user edits about a goal."""

    title: str
    kind: GoalKind = GoalKind.CAREER
    status: GoalStatus = GoalStatus.ACTIVE
    why: str = ""
    success_measure: str = ""
    start_date: date | None = None
    target_date: date | None = None


@dataclass(frozen=True, slots=True)
class MilestoneDraft:
    """What a user edits about a milestone."""

    title: str
    due_date: date | None = None
    done_date: date | None = None
    notes: str = ""


@dataclass(frozen=True, slots=True)
class ResourceDraft:
    """What a user edits about a resource."""

    title: str
    kind: ResourceKind = ResourceKind.LINK
    status: ResourceStatus = ResourceStatus.TODO
    location: str = ""
    notes: str = ""


@dataclass(frozen=True, slots=True)
class Step:
    id: int
    milestone_id: int
    title: str
    done: bool
    position: int


@dataclass(frozen=True, slots=True)
class Milestone:
    id: int
    goal_id: int
    title: str
    due_date: date | None
    done_date: date | None
    notes: str
    position: int
    steps: tuple[Step, ...] = ()

    @property
    def is_done(self) -> bool:
        return self.done_date is not None

    def draft(self) -> MilestoneDraft:
        return MilestoneDraft(self.title, self.due_date, self.done_date, self.notes)


@dataclass(frozen=True, slots=True)
class GoalChange:
    """One recalibration: what moved, from, to, why and when."""

    id: int
    goal_id: int
    milestone_id: int | None
    field: ChangeField
    subject: str
    old_value: date | None
    new_value: date | None
    reason: str
    changed_at: datetime


@dataclass(frozen=True, slots=True)
class Resource:
    id: int
    goal_id: int
    title: str
    kind: ResourceKind
    status: ResourceStatus
    location: str
    notes: str
    position: int

    def draft(self) -> ResourceDraft:
        return ResourceDraft(self.title, self.kind, self.status, self.location, self.notes)


@dataclass(frozen=True, slots=True)
class Goal:
    id: int
    title: str
    kind: GoalKind
    status: GoalStatus
    why: str
    success_measure: str
    start_date: date | None
    target_date: date | None
    position: int
    milestones: tuple[Milestone, ...] = ()
    resources: tuple[Resource, ...] = ()
    changes: tuple[GoalChange, ...] = field(default=())

    def mentions(self, text: str) -> bool:
        """True when `text` (any case) is in the goal's title or why, or a milestone or step."""
        needle = text.casefold()
        return any(
            needle in haystack.casefold()
            for haystack in (
                self.title,
                self.why,
                *(m.title for m in self.milestones),
                *(s.title for m in self.milestones for s in m.steps),
            )
        )

    def draft(self) -> GoalDraft:
        return GoalDraft(
            self.title,
            self.kind,
            self.status,
            self.why,
            self.success_measure,
            self.start_date,
            self.target_date,
        )


@dataclass(frozen=True, slots=True)
class GoalUpdate:
    """The result of an edit: the goal as it is now and the recalibrations it recorded."""

    goal: Goal
    change_ids: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class MilestoneUpdate:
    milestone: Milestone
    change_ids: tuple[int, ...] = ()


# ---------------------------------------------------------------- mentorship


@dataclass(frozen=True, slots=True)
class Mentor:
    id: int
    name: str
    role: str
    organisation: str
    contact: str


@dataclass(frozen=True, slots=True)
class Mentorship:
    id: int
    mentor: Mentor
    purpose: str
    hopes: str
    offers: str
    mentor_expectations: str
    mentee_expectations: str
    cadence: str
    communication: str
    confidentiality: str
    start_date: date | None
    end_date: date | None
    review_date: date | None
    active: bool
