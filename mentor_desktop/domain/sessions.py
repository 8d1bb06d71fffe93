"""Sessions, agendas, action items, feedback and follow-through: dataclasses and pure rules."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime

from mentor_desktop.domain.cadence import CadenceRule
from mentor_desktop.domain.models import Mentor, Mentorship

MAX_NAME = 300
MAX_AGENDA_TEXT = 2_000
MAX_TEXT = 20_000
MAX_AGENDA_ITEMS = 500


class SessionStatus(enum.StrEnum):
    PLANNED = "planned"
    DONE = "done"
    CANCELLED = "cancelled"
    MOVED = "moved"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class AgendaKind(enum.StrEnum):
    TOPIC = "topic"
    QUESTION = "question"
    UPDATE = "update"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class AgendaSource(enum.StrEnum):
    """Where an agenda item (or a suggestion) came from."""

    OWN = "own"
    JOURNAL = "journal"
    ACTION = "action"
    MILESTONE = "milestone"
    RECALIBRATION = "recalibration"
    WIN = "win"
    CARRIED = "carried"

    @property
    def label(self) -> str:
        return {
            "own": "My topic",
            "journal": "Flagged in journal",
            "action": "Open action item",
            "milestone": "Milestone",
            "recalibration": "Recalibration",
            "win": "Win",
            "carried": "Carried over",
        }[self.value]


class ActionOwner(enum.StrEnum):
    ME = "me"
    MENTOR = "mentor"

    @property
    def label(self) -> str:
        return {"me": "Me", "mentor": "Mentor"}[self.value]


@dataclass(frozen=True, slots=True)
class MentorDraft:
    name: str
    role: str = ""
    organisation: str = ""
    contact: str = ""


@dataclass(frozen=True, slots=True)
class AgreementDraft:
    """Everything a user edits about one mentorship agreement."""

    mentor: MentorDraft
    purpose: str = ""
    hopes: str = ""
    offers: str = ""
    mentor_expectations: str = ""
    mentee_expectations: str = ""
    communication: str = ""
    confidentiality: str = ""
    cadence_notes: str = ""
    start_date: date | None = None
    review_date: date | None = None
    end_date: date | None = None
    active: bool = True
    rules: tuple[CadenceRule, ...] = ()


@dataclass(frozen=True, slots=True)
class Agreement:
    """A mentorship agreement with its cadence rules."""

    mentorship: Mentorship
    rules: tuple[CadenceRule, ...] = ()

    @property
    def id(self) -> int:
        return self.mentorship.id

    @property
    def mentor(self) -> Mentor:
        return self.mentorship.mentor

    def draft(self) -> AgreementDraft:
        m = self.mentorship
        return AgreementDraft(
            mentor=MentorDraft(
                m.mentor.name, m.mentor.role, m.mentor.organisation, m.mentor.contact
            ),
            purpose=m.purpose,
            hopes=m.hopes,
            offers=m.offers,
            mentor_expectations=m.mentor_expectations,
            mentee_expectations=m.mentee_expectations,
            communication=m.communication,
            confidentiality=m.confidentiality,
            cadence_notes=m.cadence,
            start_date=m.start_date,
            review_date=m.review_date,
            end_date=m.end_date,
            active=m.active,
            rules=self.rules,
        )


@dataclass(frozen=True, slots=True)
class Session:
    """A session: stored (`id` set) or an upcoming occurrence of a cadence rule not yet stored.

    `original_start` is the occurrence a cadence rule produced (None for an ad-hoc session);
    `start` is when it happens now (different once moved).
    """

    id: int | None
    mentorship_id: int
    label: str
    start: datetime
    duration_minutes: int
    status: SessionStatus
    rule_id: int | None = None
    original_start: datetime | None = None
    personal_update: str = ""
    notes: str = ""
    takeaways: str = ""
    agenda_count: int = 0

    @property
    def is_stored(self) -> bool:
        return self.id is not None

    @property
    def is_ad_hoc(self) -> bool:
        return self.rule_id is None

    @property
    def key(self) -> str:
        """A stable name for the session, stored or not (used by the UI to keep a selection)."""
        if self.rule_id is not None and self.original_start is not None:
            return f"r{self.rule_id}@{self.original_start.isoformat()}"
        return f"s{self.id}"


@dataclass(frozen=True, slots=True)
class AgendaItem:
    id: int
    session_id: int
    position: int
    kind: AgendaKind
    text: str
    source: AgendaSource
    source_id: int | None
    carried_from_id: int | None
    discussed: bool
    notes: str = ""


@dataclass(frozen=True, slots=True)
class Suggestion:
    """Something the agenda builder proposes; the user accepts, edits or drops it."""

    source: AgendaSource
    source_id: int
    text: str
    detail: str = ""
    kind: AgendaKind = AgendaKind.TOPIC
    overdue: bool = False


@dataclass(frozen=True, slots=True)
class ActionItemDraft:
    text: str
    owner: ActionOwner = ActionOwner.ME
    due_date: date | None = None
    goal_id: int | None = None


@dataclass(frozen=True, slots=True)
class ActionItem:
    id: int
    session_id: int | None
    owner: ActionOwner
    text: str
    due_date: date | None
    done_date: date | None
    goal_id: int | None
    goal_title: str = ""

    @property
    def is_done(self) -> bool:
        return self.done_date is not None

    def is_overdue(self, today: date) -> bool:
        return self.done_date is None and self.due_date is not None and self.due_date < today


@dataclass(frozen=True, slots=True)
class FeedbackDraft:
    situation: str
    behaviour: str
    impact: str = ""
    response: str = ""


@dataclass(frozen=True, slots=True)
class Feedback:
    id: int
    session_id: int
    situation: str
    behaviour: str
    impact: str
    response: str


@dataclass(frozen=True, slots=True)
class FollowThrough:
    """How well my commitments were kept, by the rule in `domain.timeline.Commitment.outcome`:
    only my action items with a due date count, once done or past due. `total` are those
    that count; `kept` were done (`kept_on_time` by the due date); `overdue` are still open
    past it; `open` are mine, open and due later (they do not count yet)."""

    total: int
    kept: int
    kept_on_time: int
    overdue: int
    open: int

    @property
    def late(self) -> int:
        return self.kept - self.kept_on_time

    @property
    def kept_share(self) -> float:
        return self.kept / self.total if self.total else 0.0

    @property
    def on_time_share(self) -> float:
        """Kept on time out of all that count, as the chart and the review pack show it."""
        return self.kept_on_time / self.total if self.total else 0.0

    def summary(self) -> str:
        later = f"{self.open} due later" if self.open else ""
        if not self.total:
            if later:
                return f"None of my commitments has come due yet; {later}."
            return "No commitments of mine with a due date yet."
        return (
            f"{self.kept_on_time} of {self.total} commitments kept on time "
            f"({round(self.on_time_share * 100)} %), {self.late} kept late, "
            f"{self.overdue} overdue" + (f"; {later}." if later else ".")
        )


def follow_through(items: list[ActionItem], today: date) -> FollowThrough:
    """My action items with a due date, judged by `Commitment.outcome` (domain/timeline.py)."""
    from mentor_desktop.domain.timeline import Commitment, count_follow_through

    count = count_follow_through(
        (Commitment(i.due_date, i.done_date, i.owner == ActionOwner.ME) for i in items), today
    )
    return FollowThrough(count.total, count.kept, count.on_time, count.missed, count.pending)


@dataclass(frozen=True, slots=True)
class SessionDetail:
    """A session with everything recorded about it."""

    session: Session
    agenda: tuple[AgendaItem, ...] = ()
    actions: tuple[ActionItem, ...] = ()
    feedback: tuple[Feedback, ...] = ()


@dataclass(frozen=True, slots=True)
class GoalProgressLine:
    title: str
    progress: float
    target_date: date | None


@dataclass(frozen=True, slots=True)
class MilestonePoint:
    """Cumulative milestones due and done by `month` (the first day of a month)."""

    month: date
    due: int
    done: int


@dataclass(frozen=True, slots=True)
class BriefData:
    """Everything the printable brief shows, computed by the session service."""

    mentor: Mentor
    purpose: str
    session: Session
    goals: tuple[GoalProgressLine, ...]
    agenda: tuple[AgendaItem, ...]
    personal_update: str
    commitments: tuple[ActionItem, ...]
    wins: tuple[str, ...]
    milestone_points: tuple[MilestonePoint, ...]
    follow_through: FollowThrough
    today: date = field(default_factory=date.today)
    #: When nothing is on the agenda yet: what the agenda builder would suggest.
    suggested: tuple[Suggestion, ...] = ()

    @property
    def questions(self) -> tuple[AgendaItem, ...]:
        return tuple(item for item in self.agenda if item.kind is AgendaKind.QUESTION)

    @property
    def topics(self) -> tuple[AgendaItem, ...]:
        return tuple(item for item in self.agenda if item.kind is not AgendaKind.QUESTION)
