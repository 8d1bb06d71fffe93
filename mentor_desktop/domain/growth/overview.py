"""Plain data drawn from the growth loop for charts: skills then and now."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from mentor_desktop.domain.growth.skills import LevelField, Skill, gap


@dataclass(frozen=True, slots=True)
class SkillBar:
    """One skill in the skills chart: levels at the start and the end of the period."""

    name: str
    area: str
    start_level: int | None
    current_level: int
    target_level: int

    @property
    def gap(self) -> int:
        return gap(self.current_level, self.target_level)

    @property
    def change(self) -> int:
        """How many levels it rose (or fell) over the period; 0 when mapped within it."""
        return 0 if self.start_level is None else self.current_level - self.start_level


@dataclass(frozen=True, slots=True)
class SkillsChartData:
    start: date
    end: date
    bars: tuple[SkillBar, ...]

    @property
    def is_empty(self) -> bool:
        return not self.bars


def skills_chart_data(skills: list[Skill], start: date, end: date) -> SkillsChartData:
    """Every skill mapped by `end`: its level on `start` (if mapped) and on `end`, and its
    target on `end`; biggest gap first."""
    bars = []
    for skill in skills:
        current = skill.level_on(end)
        target = skill.level_on(end, LevelField.TARGET)
        if current is None or target is None:
            continue
        bars.append(SkillBar(skill.name, skill.area, skill.level_on(start), current, target))
    bars.sort(key=lambda b: (-b.gap, -b.change, b.name.casefold()))
    return SkillsChartData(start, end, tuple(bars))


def level_history(skill: Skill, field: LevelField = LevelField.CURRENT) -> list[tuple[date, int]]:
    """(day, level) points of one level from the day the skill was mapped."""
    moves = sorted((c for c in skill.changes if c.field is field), key=lambda c: c.changed_on)
    now = skill.current_level if field is LevelField.CURRENT else skill.target_level
    points = [(skill.since, moves[0].old_level if moves else now)]
    points.extend((c.changed_on, c.new_level) for c in moves)
    return points
