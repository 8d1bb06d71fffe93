"""Practice: experiments, assignments and small projects, their metric and their debrief."""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass
from datetime import date

from mentor_desktop.domain.errors import ValidationError
from mentor_desktop.domain.growth.common import fmt, one_of, text_error, title_error


class PracticeKind(enum.StrEnum):
    EXPERIMENT = "experiment"
    ASSIGNMENT = "assignment"
    PROJECT = "project"

    @property
    def label(self) -> str:
        return {"experiment": "Experiment", "assignment": "Assignment", "project": "Small project"}[
            self.value
        ]


class PracticeOrigin(enum.StrEnum):
    """Where the practice came from."""

    SESSION = "session"
    MENTOR = "mentor"
    OWN = "own"

    @property
    def label(self) -> str:
        return {
            "session": "Agreed in a session",
            "mentor": "Suggested by my mentor",
            "own": "My own",
        }[self.value]


class PracticeStatus(enum.StrEnum):
    PLANNED = "planned"
    RUNNING = "running"
    DONE = "done"
    DROPPED = "dropped"

    @property
    def label(self) -> str:
        return self.value.capitalize()

    @property
    def is_finished(self) -> bool:
        return self in (PracticeStatus.DONE, PracticeStatus.DROPPED)


#: The status moves a practice may make. A finished practice can be reopened; a planned one
#: has to run before it is done.
PRACTICE_MOVES: dict[PracticeStatus, tuple[PracticeStatus, ...]] = {
    PracticeStatus.PLANNED: (PracticeStatus.RUNNING, PracticeStatus.DROPPED),
    PracticeStatus.RUNNING: (PracticeStatus.DONE, PracticeStatus.DROPPED, PracticeStatus.PLANNED),
    PracticeStatus.DONE: (PracticeStatus.RUNNING,),
    PracticeStatus.DROPPED: (PracticeStatus.PLANNED,),
}

#: The free-text fields of a practice, by name, as the panel labels them.
PRACTICE_TEXTS: dict[str, str] = {
    "hypothesis": "What I will try, and what I expect",
    "what_happened": "What happened",
    "lessons": "What I learned",
    "gaps_found": "Skill gaps found",
    "next_step": "Next step",
}


@dataclass(frozen=True, slots=True)
class Metric:
    """How a practice is measured: a name, a unit, where it starts and where it should get."""

    name: str
    unit: str = ""
    baseline: float | None = None
    target: float | None = None


@dataclass(frozen=True, slots=True)
class Measurement:
    id: int
    practice_id: int
    measured_on: date
    value: float
    note: str = ""


@dataclass(frozen=True, slots=True)
class MeasurementDraft:
    measured_on: date | None
    value: float | None
    note: str = ""


@dataclass(frozen=True, slots=True)
class Debrief:
    """What a finished practice taught: the four answers and the day they were first given."""

    what_happened: str = ""
    lessons: str = ""
    gaps_found: str = ""
    next_step: str = ""

    @property
    def is_written(self) -> bool:
        return any(text.strip() for text in (self.what_happened, self.lessons, self.gaps_found))


@dataclass(frozen=True, slots=True)
class PracticeDraft:
    """What a person edits about a practice in its dialog (texts are edited in the panel)."""

    title: str
    kind: PracticeKind = PracticeKind.EXPERIMENT
    origin: PracticeOrigin = PracticeOrigin.OWN
    session_id: int | None = None
    start_date: date | None = None
    due_date: date | None = None
    metric: Metric | None = None
    skill_ids: tuple[int, ...] = ()
    goal_ids: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Practice:
    id: int
    title: str
    kind: PracticeKind
    origin: PracticeOrigin
    session_id: int | None
    status: PracticeStatus
    start_date: date | None
    due_date: date | None
    finished_on: date | None
    hypothesis: str
    metric: Metric | None
    debrief: Debrief
    debriefed_on: date | None
    skill_ids: tuple[int, ...] = ()
    goal_ids: tuple[int, ...] = ()
    measurements: tuple[Measurement, ...] = ()

    def draft(self) -> PracticeDraft:
        return PracticeDraft(
            self.title,
            self.kind,
            self.origin,
            self.session_id,
            self.start_date,
            self.due_date,
            self.metric,
            self.skill_ids,
            self.goal_ids,
        )

    def text(self, name: str) -> str:
        """The free text `name` (one of PRACTICE_TEXTS)."""
        if name == "hypothesis":
            return self.hypothesis
        return str(getattr(self.debrief, name))

    @property
    def needs_debrief(self) -> bool:
        return self.status.is_finished and not self.debrief.is_written

    @property
    def latest(self) -> Measurement | None:
        return max(self.measurements, key=lambda m: (m.measured_on, m.id), default=None)

    def metric_summary(self) -> str:
        """'Talk time 42 % (from 60, target 30)' or '' without a metric."""
        if self.metric is None:
            return ""
        m = self.metric
        unit = f" {m.unit}" if m.unit else ""
        latest = self.latest
        now = f" {number(latest.value)}{unit}" if latest else " not measured yet"
        bounds = []
        if m.baseline is not None:
            bounds.append(f"from {number(m.baseline)}")
        if m.target is not None:
            bounds.append(f"target {number(m.target)}")
        return f"{m.name}{now}" + (f" ({', '.join(bounds)})" if bounds else "")


def number(value: float) -> str:
    """A measurement as a person writes it: 3, 2.5, 0.25."""
    return f"{value:g}"


def validate_practice(draft: PracticeDraft) -> None:
    """Raise ValidationError (field -> message) unless the practice can be saved."""
    errors: dict[str, str] = {}
    if message := title_error(draft.title, "practice"):
        errors["title"] = message
    if draft.start_date and draft.due_date and draft.due_date < draft.start_date:
        errors["due_date"] = (
            f"The due date {fmt(draft.due_date)} is before the start {fmt(draft.start_date)}."
        )
    if draft.origin is PracticeOrigin.SESSION and draft.session_id is None:
        errors["session"] = "Pick the session it was agreed in (or choose another origin)."
    metric = draft.metric
    if metric is not None:
        if message := title_error(metric.name, "metric", 100):
            errors["metric"] = message.replace("title", "name")
        elif len(metric.unit) > 30:
            errors["metric"] = "Keep the unit under 30 characters."
        for value in (metric.baseline, metric.target):
            if value is not None and not math.isfinite(value):
                errors["metric"] = "The baseline and target must be numbers."
    if errors:
        raise ValidationError(errors)


def validate_measurement(draft: MeasurementDraft, practice: Practice, today: date) -> None:
    errors: dict[str, str] = {}
    if practice.metric is None:
        errors["value"] = "This practice has no metric: give it one before measuring."
    elif draft.value is None:
        errors["value"] = "Enter the value you measured."
    elif not math.isfinite(draft.value):
        errors["value"] = "The value must be a number."
    if draft.measured_on is None:
        errors["measured_on"] = "Give the day you measured it."
    elif draft.measured_on > today:
        errors["measured_on"] = f"{fmt(draft.measured_on)} is in the future."
    if message := text_error(draft.note):
        errors["note"] = message
    if errors:
        raise ValidationError(errors)


def check_practice_move(current: PracticeStatus, new: PracticeStatus) -> None:
    """Raise ValidationError (field 'status') unless `current` may move to `new`."""
    if new is current or new in PRACTICE_MOVES[current]:
        return
    allowed = one_of([s.label.lower() for s in PRACTICE_MOVES[current]])
    hint = " Start it first." if current is PracticeStatus.PLANNED else ""
    raise ValidationError.single(
        "status",
        f"A {current.label.lower()} practice cannot become {new.label.lower()}; "
        f"it can become {allowed}.{hint}",
    )


def validate_practice_text(name: str, text: str) -> None:
    if name not in PRACTICE_TEXTS:
        raise ValidationError.single(name, f"A practice has no text called {name!r}.")
    if message := text_error(text):
        raise ValidationError.single(name, message)
