"""Validation rules for what a user types about goals, milestones, steps and resources."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from mentor_desktop.domain.dates import date_text
from mentor_desktop.domain.errors import ValidationError
from mentor_desktop.domain.models import GoalDraft, MilestoneDraft, ResourceDraft

MAX_TITLE = 300
MAX_TEXT = 20_000


def _title_error(title: str, what: str) -> str | None:
    if not title.strip():
        return f"The {what} needs a title."
    if len(title) > MAX_TITLE:
        return f"The {what} title is {len(title)} characters long; keep it under {MAX_TITLE}."
    if any(ord(ch) < 32 and ch not in "\t" for ch in title):
        return f"The {what} title cannot contain line breaks or control characters."
    return None


def _text_errors(fields: dict[str, str]) -> dict[str, str]:
    return {
        name: f"This text is too long ({len(value):,} characters; the limit is {MAX_TEXT:,})."
        for name, value in fields.items()
        if len(value) > MAX_TEXT
    }


def fmt(day: date) -> str:
    return date_text(day)


def validate_goal(draft: GoalDraft, milestone_dues: Iterable[tuple[str, date | None]] = ()) -> None:
    """Raise ValidationError unless the goal is valid (with its milestones' due dates)."""
    errors: dict[str, str] = {}
    if message := _title_error(draft.title, "goal"):
        errors["title"] = message
    if draft.start_date and draft.target_date and draft.target_date < draft.start_date:
        errors["target_date"] = (
            f"The target date {fmt(draft.target_date)} is before the start date "
            f"{fmt(draft.start_date)}."
        )
    if draft.target_date and "target_date" not in errors:
        late = [(t, d) for t, d in milestone_dues if d is not None and d > draft.target_date]
        if late:
            title, due = max(late, key=lambda item: item[1])
            errors["target_date"] = (
                f"Milestone “{title}” is due {fmt(due)}, after this target date. "
                "Move the milestone first or pick a later target."
            )
    errors.update(_text_errors({"why": draft.why, "success_measure": draft.success_measure}))
    if errors:
        raise ValidationError(errors)


def validate_milestone(
    draft: MilestoneDraft, goal_target: date | None, today: date, goal_start: date | None = None
) -> None:
    errors: dict[str, str] = {}
    if message := _title_error(draft.title, "milestone"):
        errors["title"] = message
    if draft.due_date and goal_target and draft.due_date > goal_target:
        errors["due_date"] = (
            f"The due date {fmt(draft.due_date)} is after the goal's target date "
            f"{fmt(goal_target)}."
        )
    elif draft.due_date and goal_start and draft.due_date < goal_start:
        errors["due_date"] = (
            f"The due date {fmt(draft.due_date)} is before the goal starts ({fmt(goal_start)})."
        )
    if draft.done_date and draft.done_date > today:
        errors["done_date"] = (
            f"The done date {fmt(draft.done_date)} is in the future; "
            "mark it done on the day it is done."
        )
    errors.update(_text_errors({"notes": draft.notes}))
    if errors:
        raise ValidationError(errors)


def validate_step_title(title: str) -> None:
    if message := _title_error(title, "step"):
        raise ValidationError.single("title", message)


def validate_resource(draft: ResourceDraft) -> None:
    errors: dict[str, str] = {}
    if message := _title_error(draft.title, "resource"):
        errors["title"] = message
    errors.update(_text_errors({"location": draft.location, "notes": draft.notes}))
    if errors:
        raise ValidationError(errors)
