"""What the review pack shows of the growth loop for a period: skills then and now with their
evidence, practice done with its lessons, opportunities pursued and their outcomes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from mentor_desktop.domain.dates import date_text
from mentor_desktop.domain.growth.opportunities import Opportunity, OpportunityStatus
from mentor_desktop.domain.growth.practice import Practice
from mentor_desktop.domain.growth.skills import LevelField, Skill, SkillChange


@dataclass(frozen=True, slots=True)
class SkillThenNow:
    name: str
    area: str
    then: int | None
    now: int
    target: int
    #: The level changes in the period, as "day: from → to, why (evidence)".
    changes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PracticeLesson:
    title: str
    finished_on: date
    status: str
    lessons: str
    metric: str = ""


@dataclass(frozen=True, slots=True)
class OpportunityOutcome:
    title: str
    status: OpportunityStatus
    day: date | None
    outcome: str
    do_differently: str = ""


@dataclass(frozen=True, slots=True)
class ReviewGrowth:
    skills: tuple[SkillThenNow, ...] = ()
    practice: tuple[PracticeLesson, ...] = ()
    opportunities: tuple[OpportunityOutcome, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not (self.skills or self.practice or self.opportunities)


def evidence_wanted(changes: list[SkillChange]) -> dict[str, set[int]]:
    """The ids that level changes cite, by kind ('journal', 'practice', 'feedback')."""
    wanted: dict[str, set[int]] = {"journal": set(), "practice": set(), "feedback": set()}
    for change in changes:
        e = change.evidence
        for kind, value in (
            ("journal", e.journal_entry_id),
            ("practice", e.practice_id),
            ("feedback", e.feedback_id),
        ):
            if value is not None:
                wanted[kind].add(value)
    return wanted


def evidence_describer(labels: dict[str, dict[int, str]]) -> Callable[[SkillChange], str]:
    """A function naming what a level change cites, from labels looked up by kind and id."""

    def describe(change: SkillChange) -> str:
        e = change.evidence
        parts = [
            labels.get(kind, {}).get(value, "")
            for kind, value in (
                ("journal", e.journal_entry_id),
                ("practice", e.practice_id),
                ("feedback", e.feedback_id),
            )
            if value is not None
        ]
        return "; ".join(p for p in parts if p)

    return describe


def review_growth(
    skills: list[Skill],
    practice: list[Practice],
    opportunities: list[Opportunity],
    start: date,
    end: date,
    evidence: Callable[[SkillChange], str] = lambda _c: "",
) -> ReviewGrowth:
    """The growth part of the review pack for `start`..`end` (both included)."""
    rows = []
    for skill in skills:
        now = skill.level_on(end)
        target = skill.level_on(end, LevelField.TARGET)
        if now is None or target is None:
            continue
        moved = [c for c in skill.changes if start <= c.changed_on <= end]
        lines = []
        for c in moved:
            cited = evidence(c)
            why = f", {c.reason}" if c.reason else ""
            lines.append(
                f"{date_text(c.changed_on)}: {c.field.label.lower()} {c.old_level} → {c.new_level}"
                f"{why}" + (f" ({cited})" if cited else "")
            )
        rows.append(
            SkillThenNow(skill.name, skill.area, skill.level_on(start), now, target, tuple(lines))
        )
    rows.sort(key=lambda r: (-(r.now - (r.then or r.now)), -(r.target - r.now), r.name))
    done = sorted(
        (
            PracticeLesson(
                p.title, p.finished_on, p.status.label, p.debrief.lessons, p.metric_summary()
            )
            for p in practice
            if p.finished_on is not None and start <= p.finished_on <= end
        ),
        key=lambda p: p.finished_on,
    )
    pursued = []
    for o in opportunities:
        in_period = [m for m in o.moves if start <= m.moved_on <= end]
        if not in_period:
            continue
        closed = o.closed_on if o.closed_on is not None and o.closed_on <= end else None
        status = o.status if closed is not None else in_period[-1].to_status
        pursued.append(
            OpportunityOutcome(
                o.title,
                status,
                closed or in_period[-1].moved_on,
                o.outcome if closed is not None else "",
                o.do_differently if closed is not None else "",
            )
        )
    pursued.sort(key=lambda o: o.day or date.min)
    return ReviewGrowth(tuple(rows), tuple(done), tuple(pursued))
