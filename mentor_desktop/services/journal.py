"""The learning journal: entries, autosave, lists, search, calendar and writing prompts.

Every method is one transaction. `save_text` is the autosave path: a single UPDATE of the
title and body, cheap enough to run every second while the user types.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta

from sqlalchemy import select

from mentor_desktop.domain.errors import NotFoundError, ValidationError
from mentor_desktop.domain.journal import (
    NO_FILTER,
    DayCount,
    EntryDraft,
    EntryFilter,
    EntryKind,
    EntrySummary,
    JournalEntry,
    JournalStats,
    PageCursor,
    PromptTemplate,
    TagCount,
    TemplateDraft,
    validate_entry,
    validate_template,
    validate_text,
)
from mentor_desktop.storage.orm import GoalRow, JournalEntryRow, JournalTemplateRow, MilestoneRow
from mentor_desktop.storage.repositories.journal import (
    JournalRepository,
    entry_to_domain,
    template_to_domain,
)
from mentor_desktop.storage.search import build_match_query
from mentor_desktop.storage.uow import UnitOfWork, UnitOfWorkFactory

PAGE_SIZE = 200


class JournalService:
    """Everything the Journal tab and the journal commands do."""

    def __init__(
        self, uow_factory: UnitOfWorkFactory, today: Callable[[], date] = date.today
    ) -> None:
        self._uow = uow_factory
        self._today = today

    def today(self) -> date:
        return self._today()

    # ---------------------------------------------------------------- entries

    def get_entry(self, entry_id: int) -> JournalEntry:
        with self._uow() as uow:
            return entry_to_domain(JournalRepository(uow.session).get(entry_id))

    def create_entry(self, draft: EntryDraft) -> JournalEntry:
        draft = validate_entry(draft)
        with self._uow() as uow:
            row = JournalEntryRow()
            uow.session.add(row)
            self._apply(uow, row, draft)
            uow.session.flush()
            return entry_to_domain(row)

    def new_entry(
        self, kind: EntryKind = EntryKind.REFLECTION, day: date | None = None
    ) -> JournalEntry:
        """A blank entry on `day` (today by default), saved at once so nothing typed is lost."""
        return self.create_entry(EntryDraft(entry_date=day or self._today(), kind=kind))

    def save_text(self, entry_id: int, title: str, body: str) -> None:
        """Autosave: write the title and body of an entry (one UPDATE)."""
        validate_text(title, body)
        with self._uow() as uow:
            if not JournalRepository(uow.session).update_text(entry_id, title.strip(), body):
                raise NotFoundError("Journal entry", entry_id)

    def update_entry(self, entry_id: int, draft: EntryDraft) -> JournalEntry:
        """Save every field of an entry: date, kind, mood, flag, tags and links included."""
        draft = validate_entry(draft)
        with self._uow() as uow:
            row = JournalRepository(uow.session).get(entry_id)
            self._apply(uow, row, draft)
            uow.session.flush()
            JournalRepository(uow.session).drop_unused_tags()
            return entry_to_domain(row)

    def set_flagged(self, entry_id: int, flagged: bool) -> JournalEntry:
        with self._uow() as uow:
            row = JournalRepository(uow.session).get(entry_id)
            row.flagged = flagged
            uow.session.flush()
            return entry_to_domain(row)

    def delete_entry(self, entry_id: int) -> JournalEntry:
        """Delete an entry; returns the snapshot that `restore_entry` puts back."""
        with self._uow() as uow:
            repo = JournalRepository(uow.session)
            row = repo.get(entry_id)
            snapshot = entry_to_domain(row)
            uow.session.delete(row)
            uow.session.flush()
            repo.drop_unused_tags()
            return snapshot

    def restore_entry(self, entry: JournalEntry) -> JournalEntry:
        """Put a deleted entry back with the same id; links to goals deleted since are skipped."""
        with self._uow() as uow:
            goal_ids = set(
                uow.session.scalars(select(GoalRow.id).where(GoalRow.id.in_(entry.goal_ids)))
            )
            milestone_ids = set(
                uow.session.scalars(
                    select(MilestoneRow.id).where(MilestoneRow.id.in_(entry.milestone_ids))
                )
            )
            draft = entry.draft()
            draft = EntryDraft(
                draft.entry_date,
                draft.title,
                draft.body,
                draft.kind,
                draft.mood,
                draft.flagged,
                draft.tags,
                tuple(g for g in draft.goal_ids if g in goal_ids),
                tuple(m for m in draft.milestone_ids if m in milestone_ids),
            )
            row = JournalEntryRow(id=entry.id, created_at=entry.created_at)
            uow.session.add(row)
            self._apply(uow, row, draft)
            uow.session.flush()
            return entry_to_domain(row)

    def _apply(self, uow: UnitOfWork, row: JournalEntryRow, draft: EntryDraft) -> None:
        """Copy the draft onto the row (nothing is flushed until every link is checked)."""
        with uow.session.no_autoflush:
            self._apply_fields(uow, row, draft)

    def _apply_fields(self, uow: UnitOfWork, row: JournalEntryRow, draft: EntryDraft) -> None:
        session = uow.session
        repo = JournalRepository(session)
        goals: list[GoalRow] = []
        missing: list[str] = []
        for goal_id in draft.goal_ids:
            goal = session.get(GoalRow, goal_id)
            if goal is None:
                missing.append(f"goal #{goal_id}")
            else:
                goals.append(goal)
        milestones: list[MilestoneRow] = []
        for milestone_id in draft.milestone_ids:
            milestone = session.get(MilestoneRow, milestone_id)
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
        row.entry_date = draft.entry_date
        row.title = draft.title
        row.body = draft.body
        row.kind = draft.kind.value
        row.mood = draft.mood
        row.flagged = draft.flagged
        row.tags = repo.tags_named(draft.tags)
        row.goals = goals
        row.milestones = milestones

    # ---------------------------------------------------------------- lists

    def list_page(
        self,
        entry_filter: EntryFilter = NO_FILTER,
        after: PageCursor | None = None,
        limit: int = PAGE_SIZE,
    ) -> list[EntrySummary]:
        """One page of the list, newest first; pass the last line's cursor for the next page."""
        with self._uow() as uow:
            return JournalRepository(uow.session).page(entry_filter, after, limit)

    def search(
        self,
        text: str,
        entry_filter: EntryFilter = NO_FILTER,
        limit: int = 50,
        offset: int = 0,
        as_you_type: bool = False,
    ) -> list[EntrySummary]:
        """Entries matching `text`, best first, with snippets. Any text is a valid search."""
        match = build_match_query(text, prefix_last=as_you_type)
        if match is None:
            return []
        with self._uow() as uow:
            return JournalRepository(uow.session).search(match, entry_filter, limit, offset)

    def count(self, entry_filter: EntryFilter = NO_FILTER) -> int:
        with self._uow() as uow:
            return JournalRepository(uow.session).count(entry_filter)

    def days_with_entries(self, year: int, month: int) -> list[DayCount]:
        first = date(year, month, 1)
        last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        with self._uow() as uow:
            return JournalRepository(uow.session).day_counts(first, last)

    def on_this_day(self, day: date | None = None, limit: int = 50) -> list[EntrySummary]:
        """Entries written on the same day and month in earlier years, newest first."""
        with self._uow() as uow:
            return JournalRepository(uow.session).on_this_day(day or self._today(), limit)

    def tag_names(self) -> list[str]:
        """Every tag in use, in alphabetical order (cheap: no counting)."""
        with self._uow() as uow:
            return JournalRepository(uow.session).tag_names()

    def goal_choices(self) -> list[tuple[int, str]]:
        """(id, title) of every goal, in the user's order: what an entry can be linked to."""
        with self._uow() as uow:
            return JournalRepository(uow.session).goal_choices()

    def milestone_choices(self, goal_ids: Sequence[int]) -> list[tuple[int, str]]:
        """(id, "goal: milestone") of the milestones of these goals, in the goals' order."""
        with self._uow() as uow:
            return JournalRepository(uow.session).milestone_choices(list(goal_ids))

    def tags(self) -> list[TagCount]:
        with self._uow() as uow:
            return JournalRepository(uow.session).tag_counts()

    def stats(self) -> JournalStats:
        with self._uow() as uow:
            repo = JournalRepository(uow.session)
            return JournalStats(
                entries=repo.count(),
                tags=len(repo.tag_counts()),
                flagged=repo.count(EntryFilter(flagged_only=True)),
                kinds={k: repo.count(EntryFilter(kinds=(k,))) for k in EntryKind},
            )

    # ---------------------------------------------------------------- prompts

    def templates(self, kind: EntryKind | None = None) -> list[PromptTemplate]:
        """Every template, or those for `kind` plus the ones that fit every kind."""
        with self._uow() as uow:
            rows = JournalRepository(uow.session).templates()
            result = [template_to_domain(r) for r in rows]
        if kind is None:
            return result
        return [t for t in result if t.kind in (kind, None)]

    def prompt_for(self, kind: EntryKind) -> PromptTemplate | None:
        """The template shown on a blank entry of `kind`: its first one of that kind."""
        return next((t for t in self.templates(kind) if t.kind is kind), None)

    def add_template(self, draft: TemplateDraft) -> PromptTemplate:
        validate_template(draft)
        with self._uow() as uow:
            repo = JournalRepository(uow.session)
            row = JournalTemplateRow(
                name=draft.name.strip(),
                body=draft.body,
                kind=draft.kind.value if draft.kind else None,
                is_default=False,
                position=repo.next_template_position(),
            )
            uow.session.add(row)
            uow.session.flush()
            return template_to_domain(row)

    def update_template(self, template_id: int, draft: TemplateDraft) -> PromptTemplate:
        validate_template(draft)
        with self._uow() as uow:
            row = JournalRepository(uow.session).template(template_id)
            row.name = draft.name.strip()
            row.body = draft.body
            row.kind = draft.kind.value if draft.kind else None
            uow.session.flush()
            return template_to_domain(row)

    def delete_template(self, template_id: int) -> PromptTemplate:
        with self._uow() as uow:
            row = JournalRepository(uow.session).template(template_id)
            snapshot = template_to_domain(row)
            uow.session.delete(row)
            return snapshot
