"""Tags and the goals and milestones an entry can be linked to."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import delete, exists, func, select

from mentor_desktop.domain.journal import TagCount
from mentor_desktop.storage.orm import (
    GoalRow,
    JournalEntryTagRow,
    MilestoneRow,
    OpportunityRow,
    PracticeRow,
    TagRow,
)
from mentor_desktop.storage.repositories.journal.base import JournalRows


class TagsAndLinks(JournalRows):
    """Tag rows (created on first use, dropped with their last entry) and link choices."""

    def tags_named(self, names: Sequence[str]) -> list[TagRow]:
        """Tag rows for `names` (case ignored), creating the missing ones, in `names` order."""
        if not names:
            return []
        found = {
            row.name.casefold(): row
            for row in self.session.scalars(select(TagRow).where(TagRow.name.in_(names)))
        }
        result = []
        for name in names:
            row = found.get(name.casefold())
            if row is None:
                row = TagRow(name=name)
                self.session.add(row)
                found[name.casefold()] = row
            result.append(row)
        return result

    def drop_unused_tags(self) -> None:
        self.session.execute(
            delete(TagRow).where(~exists(select(1).where(JournalEntryTagRow.tag_id == TagRow.id)))
        )

    def tag_names(self) -> list[str]:
        # unused tags are dropped with their last entry, so every tag row is in use
        return list(self.session.scalars(select(TagRow.name).order_by(TagRow.name)))

    def tag_counts(self) -> list[TagCount]:
        rows = self.session.execute(
            select(TagRow.name, func.count(JournalEntryTagRow.entry_id))
            .join(JournalEntryTagRow, JournalEntryTagRow.tag_id == TagRow.id)
            .group_by(TagRow.id)
            .order_by(TagRow.name)
        )
        return [TagCount(name, count) for name, count in rows]

    def milestone_goal_ids(self, milestone_ids: Sequence[int]) -> dict[int, int]:
        if not milestone_ids:
            return {}
        rows = self.session.execute(
            select(MilestoneRow.id, MilestoneRow.goal_id).where(MilestoneRow.id.in_(milestone_ids))
        )
        return {milestone_id: goal_id for milestone_id, goal_id in rows}

    def goal_choices(self) -> list[tuple[int, str]]:
        rows = self.session.execute(
            select(GoalRow.id, GoalRow.title).order_by(GoalRow.position, GoalRow.id)
        )
        return [(goal_id, title) for goal_id, title in rows]

    def milestone_choices(self, goal_ids: Sequence[int]) -> list[tuple[int, str]]:
        if not goal_ids:
            return []
        rows = self.session.execute(
            select(MilestoneRow.id, MilestoneRow.title, GoalRow.title)
            .join(GoalRow, GoalRow.id == MilestoneRow.goal_id)
            .where(MilestoneRow.goal_id.in_(goal_ids))
            .order_by(GoalRow.position, GoalRow.id, MilestoneRow.position, MilestoneRow.id)
        )
        return [(m_id, f"{goal}: {title}") for m_id, title, goal in rows]

    def growth_choices(self) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
        """(id, title) of every practice item and every opportunity, newest first."""
        practice = self.session.execute(
            select(PracticeRow.id, PracticeRow.title).order_by(PracticeRow.id.desc())
        )
        opportunities = self.session.execute(
            select(OpportunityRow.id, OpportunityRow.title).order_by(OpportunityRow.id.desc())
        )
        return [(i, t) for i, t in practice], [(i, t) for i, t in opportunities]
