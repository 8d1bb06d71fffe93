"""Opportunities: what they could bring and cost, the value pitch, and a dated status pipeline."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date

from mentor_desktop.domain.errors import ValidationError
from mentor_desktop.domain.growth.common import fmt, one_of, text_error, title_error


class OpportunityKind(enum.StrEnum):
    STRETCH_ROLE = "stretch_role"
    PROJECT = "project"
    TALK = "talk"
    INTRODUCTION = "introduction"
    COURSE = "course"
    OTHER = "other"

    @property
    def label(self) -> str:
        return {
            "stretch_role": "Stretch role",
            "project": "Project",
            "talk": "Talk or event",
            "introduction": "Introduction",
            "course": "Course or programme",
            "other": "Other",
        }[self.value]


class OpportunitySource(enum.StrEnum):
    """Who surfaced it."""

    MENTOR = "mentor"
    NETWORK = "network"
    MYSELF = "myself"

    @property
    def label(self) -> str:
        return {"mentor": "My mentor", "network": "My network", "myself": "Myself"}[self.value]


class OpportunityStatus(enum.StrEnum):
    SPOTTED = "spotted"
    EXPLORING = "exploring"
    PURSUING = "pursuing"
    WON = "won"
    DECLINED = "declined"
    MISSED = "missed"

    @property
    def label(self) -> str:
        return self.value.capitalize()

    @property
    def is_closed(self) -> bool:
        return self in CLOSED

    @property
    def is_setback(self) -> bool:
        return self is OpportunityStatus.MISSED


CLOSED = (OpportunityStatus.WON, OpportunityStatus.DECLINED, OpportunityStatus.MISSED)

#: The moves the pipeline allows. Won, declined and missed are final: a wrong move is taken
#: back with Undo. An opportunity is won only after it was pursued.
OPPORTUNITY_MOVES: dict[OpportunityStatus, tuple[OpportunityStatus, ...]] = {
    OpportunityStatus.SPOTTED: (
        OpportunityStatus.EXPLORING,
        OpportunityStatus.PURSUING,
        OpportunityStatus.DECLINED,
        OpportunityStatus.MISSED,
    ),
    OpportunityStatus.EXPLORING: (
        OpportunityStatus.PURSUING,
        OpportunityStatus.DECLINED,
        OpportunityStatus.MISSED,
    ),
    OpportunityStatus.PURSUING: (
        OpportunityStatus.WON,
        OpportunityStatus.DECLINED,
        OpportunityStatus.MISSED,
        OpportunityStatus.EXPLORING,
    ),
    OpportunityStatus.WON: (),
    OpportunityStatus.DECLINED: (),
    OpportunityStatus.MISSED: (),
}

IMPACT_WORDS = {1: "Small", 2: "Some", 3: "Notable", 4: "Big", 5: "Career-changing"}
RISK_WORDS = {1: "Minimal", 2: "Low", 3: "Moderate", 4: "High", 5: "Very high"}

#: The free-text fields of an opportunity, by name, as the panel labels them.
OPPORTUNITY_TEXTS: dict[str, str] = {
    "risk_notes": "What could go wrong, what it costs me",
    "value_pitch": "Value pitch: how I will say why me",
    "outcome": "Outcome: what happened and what it taught me",
    "do_differently": "What I will do differently",
}


@dataclass(frozen=True, slots=True)
class StatusMove:
    id: int
    opportunity_id: int
    from_status: OpportunityStatus | None
    to_status: OpportunityStatus
    moved_on: date
    note: str = ""


@dataclass(frozen=True, slots=True)
class OpportunityDraft:
    """What a person edits about an opportunity in its dialog (texts are edited in the panel)."""

    title: str
    kind: OpportunityKind = OpportunityKind.PROJECT
    source: OpportunitySource = OpportunitySource.MYSELF
    deadline: date | None = None
    impact: int = 3
    risk: int = 2
    skill_ids: tuple[int, ...] = ()
    goal_ids: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Opportunity:
    id: int
    title: str
    kind: OpportunityKind
    source: OpportunitySource
    deadline: date | None
    impact: int
    risk: int
    status: OpportunityStatus
    risk_notes: str
    value_pitch: str
    outcome: str
    do_differently: str
    skill_ids: tuple[int, ...] = ()
    goal_ids: tuple[int, ...] = ()
    moves: tuple[StatusMove, ...] = ()

    def draft(self) -> OpportunityDraft:
        return OpportunityDraft(
            self.title,
            self.kind,
            self.source,
            self.deadline,
            self.impact,
            self.risk,
            self.skill_ids,
            self.goal_ids,
        )

    def text(self, name: str) -> str:
        return str(getattr(self, name))

    @property
    def spotted_on(self) -> date | None:
        return min((m.moved_on for m in self.moves), default=None)

    @property
    def closed_on(self) -> date | None:
        """The day it was won, declined or missed (None while open)."""
        if not self.status.is_closed:
            return None
        return max((m.moved_on for m in self.moves if m.to_status is self.status), default=None)

    @property
    def needs_outcome(self) -> bool:
        return self.status.is_closed and not self.outcome.strip()


def check_opportunity_move(
    current: OpportunityStatus, new: OpportunityStatus, on: date, last_move: date | None
) -> None:
    """Raise ValidationError unless the pipeline allows `current` -> `new` on day `on`."""
    if new is current:
        raise ValidationError.single("status", f"It is already {current.label.lower()}.")
    if new not in OPPORTUNITY_MOVES[current]:
        allowed = OPPORTUNITY_MOVES[current]
        if not allowed:
            message = (
                f"A {current.label.lower()} opportunity is closed; undo the move (Ctrl+Z) if "
                "it was a mistake."
            )
        else:
            words = one_of([s.label.lower() for s in allowed])
            message = (
                f"A {current.label.lower()} opportunity cannot become {new.label.lower()}; "
                f"it can become {words}."
            )
        raise ValidationError.single("status", message)
    if last_move is not None and on < last_move:
        raise ValidationError.single(
            "moved_on", f"The last move was on {fmt(last_move)}; this one cannot be earlier."
        )


def validate_opportunity(draft: OpportunityDraft) -> None:
    errors: dict[str, str] = {}
    if message := title_error(draft.title, "opportunity"):
        errors["title"] = message
    for name, value in (("impact", draft.impact), ("risk", draft.risk)):
        if not 1 <= value <= 5:
            errors[name] = "Rate it from 1 to 5."
    if errors:
        raise ValidationError(errors)


def validate_opportunity_text(name: str, text: str) -> None:
    if name not in OPPORTUNITY_TEXTS:
        raise ValidationError.single(name, f"An opportunity has no text called {name!r}.")
    if message := text_error(text):
        raise ValidationError.single(name, message)


def pipeline_order(opportunities: list[Opportunity]) -> list[Opportunity]:
    """Open ones first by nearest deadline (undated last), then closed ones, latest first."""
    open_ = sorted(
        (o for o in opportunities if not o.status.is_closed),
        key=lambda o: (o.deadline is None, o.deadline or date.max, o.title.casefold()),
    )
    closed = sorted(
        (o for o in opportunities if o.status.is_closed),
        key=lambda o: o.closed_on or date.min,
        reverse=True,
    )
    return open_ + closed
