"""Skills: the competency map, its levels, gaps, and the dated history of every level change."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, timedelta

from mentor_desktop.domain.errors import ValidationError
from mentor_desktop.domain.growth.common import MAX_NAME, text_error, title_error

MIN_LEVEL = 1
MAX_LEVEL = 5
#: Short words for each level of the 1–5 scale.
LEVEL_WORDS: dict[int, str] = {
    1: "Aware",
    2: "Beginner",
    3: "Capable",
    4: "Strong",
    5: "Expert",
}
#: The areas offered; a person may type their own.
STANDARD_AREAS = ("Technical", "Communication", "Leadership", "Personal")
#: A gap that has not moved for this long is shown as stale.
STALE_AFTER = timedelta(days=180)


def level_label(level: int) -> str:
    """'3 · Capable'."""
    return f"{level} · {LEVEL_WORDS.get(level, '?')}"


class LevelField(enum.StrEnum):
    """Which of a skill's two levels a change moved."""

    CURRENT = "current"
    TARGET = "target"

    @property
    def label(self) -> str:
        return {"current": "Current level", "target": "Target level"}[self.value]


@dataclass(frozen=True, slots=True)
class Evidence:
    """What shows a level change: a journal entry, a practice debrief, feedback received."""

    journal_entry_id: int | None = None
    practice_id: int | None = None
    feedback_id: int | None = None

    @property
    def is_empty(self) -> bool:
        return (
            self.journal_entry_id is None
            and self.practice_id is None
            and (self.feedback_id is None)
        )


@dataclass(frozen=True, slots=True)
class SkillChange:
    id: int
    skill_id: int
    field: LevelField
    old_level: int
    new_level: int
    changed_on: date
    reason: str
    evidence: Evidence = Evidence()


@dataclass(frozen=True, slots=True)
class SkillDraft:
    """What a person edits about a skill in its dialog (why it matters is edited in the panel)."""

    name: str
    area: str = STANDARD_AREAS[0]
    current_level: int = 1
    target_level: int = 3
    goal_ids: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class LevelChangeNote:
    """Why levels moved in an edit, and what shows it; the day it happened."""

    reason: str = ""
    changed_on: date | None = None
    evidence: Evidence = Evidence()


@dataclass(frozen=True, slots=True)
class Skill:
    id: int
    name: str
    area: str
    current_level: int
    target_level: int
    why: str
    since: date
    goal_ids: tuple[int, ...] = ()
    changes: tuple[SkillChange, ...] = ()

    @property
    def gap(self) -> int:
        return gap(self.current_level, self.target_level)

    def draft(self) -> SkillDraft:
        return SkillDraft(
            self.name, self.area, self.current_level, self.target_level, self.goal_ids
        )

    @property
    def gap_moved_on(self) -> date:
        """The last day either level moved (the day it was mapped if never)."""
        return max((c.changed_on for c in self.changes), default=self.since)

    def is_stale(self, today: date) -> bool:
        """True when there is a gap and it has not moved for STALE_AFTER."""
        return self.gap > 0 and today - self.gap_moved_on >= STALE_AFTER

    def level_on(self, day: date, field: LevelField = LevelField.CURRENT) -> int | None:
        """The level as it stood at the end of `day`; None before the skill was mapped."""
        if day < self.since:
            return None
        moves = sorted((c for c in self.changes if c.field is field), key=lambda c: c.changed_on)
        for change in moves:
            if change.changed_on > day:
                return change.old_level
        return self.current_level if field is LevelField.CURRENT else self.target_level


def gap(current: int, target: int) -> int:
    """How far the target is above the current level (never negative)."""
    return max(0, target - current)


def order_by_gap(skills: list[Skill]) -> list[Skill]:
    """Biggest gap first; then the gap that has waited longest, then by name."""
    return sorted(skills, key=lambda s: (-s.gap, s.gap_moved_on, s.name.casefold()))


def validate_skill(
    draft: SkillDraft, note: LevelChangeNote, before: SkillDraft | None, today: date
) -> None:
    """Raise ValidationError (field -> message) unless the skill (or its edit) can be saved.

    A target below the current level needs a reason: it is a decision worth remembering.
    """
    errors: dict[str, str] = {}
    if message := title_error(draft.name, "skill", MAX_NAME):
        errors["name"] = message
    if message := title_error(draft.area, "area", MAX_NAME):
        errors["area"] = message.replace("needs a name", "needs an area")
    for name, level in (
        ("current_level", draft.current_level),
        ("target_level", draft.target_level),
    ):
        if not MIN_LEVEL <= level <= MAX_LEVEL:
            errors[name] = f"Levels go from {MIN_LEVEL} to {MAX_LEVEL}."
    moved = before is None or (before.current_level, before.target_level) != (
        draft.current_level,
        draft.target_level,
    )
    if (
        "target_level" not in errors
        and draft.target_level < draft.current_level
        and moved
        and not note.reason.strip()
    ):
        errors["target_level"] = (
            f"The target ({level_label(draft.target_level)}) is below the current level "
            f"({level_label(draft.current_level)}). Say why in Reason, or raise the target."
        )
    if note.changed_on is not None and note.changed_on > today:
        errors["changed_on"] = "A level cannot change in the future."
    if message := text_error(note.reason):
        errors["reason"] = message
    if errors:
        raise ValidationError(errors)


def level_moves(before: SkillDraft, after: SkillDraft) -> list[tuple[LevelField, int, int]]:
    """The level changes an edit makes: (field, old, new)."""
    moves = []
    if before.current_level != after.current_level:
        moves.append((LevelField.CURRENT, before.current_level, after.current_level))
    if before.target_level != after.target_level:
        moves.append((LevelField.TARGET, before.target_level, after.target_level))
    return moves


def validate_skill_why(text: str) -> None:
    if message := text_error(text):
        raise ValidationError.single("why", message)
