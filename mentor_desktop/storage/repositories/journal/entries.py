"""Journal entries: read one, add, change, flag, delete, put back, and the autosave write."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TypeVar

from sqlalchemy import select, update
from sqlalchemy.orm import selectinload

from mentor_desktop.domain.errors import NotFoundError, ValidationError
from mentor_desktop.domain.journal import EntryDraft, EntryKind, JournalEntry
from mentor_desktop.storage.orm import (
    Base,
    GoalRow,
    JournalEntryRow,
    MilestoneRow,
    OpportunityRow,
    PracticeRow,
    utcnow,
)
from mentor_desktop.storage.repositories.journal.links import TagsAndLinks

_E = JournalEntryRow
RowT = TypeVar("RowT", bound=Base)


def entry_to_domain(row: JournalEntryRow) -> JournalEntry:
    """The dataclass of an entry row (its tags, goals and milestones loaded)."""
    return JournalEntry(
        id=row.id,
        entry_date=row.entry_date,
        title=row.title,
        body=row.body,
        kind=EntryKind(row.kind),
        mood=row.mood,
        flagged=row.flagged,
        tags=tuple(sorted((t.name for t in row.tags), key=str.casefold)),
        goal_ids=tuple(sorted(g.id for g in row.goals)),
        milestone_ids=tuple(sorted(m.id for m in row.milestones)),
        created_at=row.created_at,
        updated_at=row.updated_at,
        practice_ids=tuple(sorted(p.id for p in row.practice)),
        opportunity_ids=tuple(sorted(o.id for o in row.opportunities)),
    )


class EntryWrites(TagsAndLinks):
    """Entries read and written one at a time; every method returns dataclasses."""

    def entry(self, entry_id: int) -> JournalEntry:
        """The entry with its tags and links; NotFoundError when it is gone."""
        return entry_to_domain(self._row(entry_id))

    def has_entry(self, entry_id: int) -> bool:
        return self.session.get(_E, entry_id) is not None

    def add(
        self, draft: EntryDraft, entry_id: int | None = None, created_at: datetime | None = None
    ) -> JournalEntry:
        """A new entry from `draft` (with `entry_id` and `created_at` when putting one back)."""
        row = JournalEntryRow(id=entry_id)
        if created_at is not None:
            row.created_at = created_at
        self.session.add(row)
        self._apply(row, draft)
        return entry_to_domain(row)

    def update(self, entry_id: int, draft: EntryDraft) -> JournalEntry:
        """Every field of the entry from `draft`; tags no entry uses any more are dropped."""
        row = self._row(entry_id)
        self._apply(row, draft)
        self.drop_unused_tags()
        return entry_to_domain(row)

    def set_flagged(self, entry_id: int, flagged: bool) -> JournalEntry:
        row = self._row(entry_id)
        row.flagged = flagged
        self.session.flush()
        return entry_to_domain(row)

    def delete(self, entry_id: int) -> JournalEntry:
        """Delete the entry (and tags left unused); returns what it was, for putting back."""
        row = self._row(entry_id)
        snapshot = entry_to_domain(row)
        self.session.delete(row)
        self.session.flush()
        self.drop_unused_tags()
        return snapshot

    def text_of(self, entry_id: int) -> tuple[str, str] | None:
        """The stored title and body (None when the entry is gone)."""
        row = self.session.execute(select(_E.title, _E.body).where(_E.id == entry_id)).first()
        return None if row is None else (row[0], row[1])

    def update_text(self, entry_id: int, title: str, body: str) -> bool:
        """The autosave write: one UPDATE of the title and body. False if the entry is gone."""
        result = self.session.execute(
            update(_E)
            .where(_E.id == entry_id)
            .values(title=title, body=body, updated_at=utcnow())
            .execution_options(synchronize_session=False)
        )
        return bool(getattr(result, "rowcount", 0))

    def existing_goal_ids(self, goal_ids: Sequence[int]) -> set[int]:
        if not goal_ids:
            return set()
        return set(self.session.scalars(select(GoalRow.id).where(GoalRow.id.in_(goal_ids))))

    def existing_milestone_ids(self, milestone_ids: Sequence[int]) -> set[int]:
        if not milestone_ids:
            return set()
        return set(
            self.session.scalars(select(MilestoneRow.id).where(MilestoneRow.id.in_(milestone_ids)))
        )

    # ---------------------------------------------------------------- rows

    def _row(self, entry_id: int) -> JournalEntryRow:
        row = self.session.scalars(
            select(_E)
            .where(_E.id == entry_id)
            .options(
                selectinload(_E.tags),
                selectinload(_E.goals),
                selectinload(_E.milestones),
                selectinload(_E.practice),
                selectinload(_E.opportunities),
            )
        ).one_or_none()
        if row is None:
            raise NotFoundError("Journal entry", entry_id)
        return row

    def _apply(self, row: JournalEntryRow, draft: EntryDraft) -> None:
        """Copy the draft onto the row; refuses (changing nothing) links to missing records."""
        with self.session.no_autoflush:
            self._copy(row, draft)
        self.session.flush()

    def _growth_rows(self, model: type[RowT], ids: Sequence[int], what: str) -> list[RowT]:
        """The practice or opportunity rows an entry links to; refuses missing ones."""
        rows = [self.session.get(model, record_id) for record_id in ids]
        missing = [f"{what} #{i}" for i, row in zip(ids, rows, strict=True) if row is None]
        if missing:
            raise ValidationError.single(
                "growth", f"Cannot link to {', '.join(missing)}: it no longer exists."
            )
        return [row for row in rows if row is not None]

    def _copy(self, row: JournalEntryRow, draft: EntryDraft) -> None:
        goals: list[GoalRow] = []
        missing: list[str] = []
        for goal_id in draft.goal_ids:
            goal = self.session.get(GoalRow, goal_id)
            if goal is None:
                missing.append(f"goal #{goal_id}")
            else:
                goals.append(goal)
        milestones: list[MilestoneRow] = []
        for milestone_id in draft.milestone_ids:
            milestone = self.session.get(MilestoneRow, milestone_id)
            if milestone is None:
                missing.append(f"milestone #{milestone_id}")
                continue
            milestones.append(milestone)
            if milestone.goal_id not in {g.id for g in goals}:
                goals.append(milestone.goal)
        if missing:
            raise ValidationError.single(
                "goals", f"Cannot link to {', '.join(missing)}: it no longer exists."
            )
        practice = self._growth_rows(PracticeRow, draft.practice_ids, "practice")
        opportunities = self._growth_rows(OpportunityRow, draft.opportunity_ids, "opportunity")
        row.entry_date = draft.entry_date
        row.title = draft.title
        row.body = draft.body
        row.kind = draft.kind.value
        row.mood = draft.mood
        row.flagged = draft.flagged
        row.tags = self.tags_named(draft.tags)
        row.goals = goals
        row.milestones = milestones
        row.practice = practice
        row.opportunities = opportunities
