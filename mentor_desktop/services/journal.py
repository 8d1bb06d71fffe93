"""The learning journal: entries, autosave, lists, search, calendar and writing prompts.

Every method is one transaction. `save_text` is the autosave path: a single UPDATE of the
title and body, cheap enough to run every second while the user types.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, timedelta

from mentor_desktop.domain.errors import (
    MentorDesktopError,
    NotFoundError,
    StorageFailedError,
    TextConflictError,
)
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
from mentor_desktop.storage.repositories.journal import JournalRepository
from mentor_desktop.storage.search import build_match_query
from mentor_desktop.storage.uow import UnitOfWorkFactory

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

    @contextmanager
    def _repo(self, action: str) -> Iterator[JournalRepository]:
        """One unit of work; a StorageFailedError from it is raised again naming `action`."""
        try:
            with self._uow() as uow:
                yield JournalRepository(uow.session)
        except StorageFailedError as exc:
            raise exc.doing(action) from exc.__cause__

    # ---------------------------------------------------------------- entries

    def get_entry(self, entry_id: int) -> JournalEntry:
        with self._repo("read the entry") as repo:
            return repo.entry(entry_id)

    def create_entry(self, draft: EntryDraft) -> JournalEntry:
        draft = validate_entry(draft)
        with self._repo("add the entry") as repo:
            return repo.add(draft)

    def new_entry(
        self, kind: EntryKind = EntryKind.REFLECTION, day: date | None = None
    ) -> JournalEntry:
        """A blank entry on `day` (today by default), saved at once so nothing typed is lost."""
        return self.create_entry(EntryDraft(entry_date=day or self._today(), kind=kind))

    def save_text(
        self, entry_id: int, title: str, body: str, base: tuple[str, str] | None = None
    ) -> None:
        """Autosave: write the title and body of an entry (one UPDATE).

        With `base` (the title and body this text was typed over), nothing is written when
        the stored text is neither `base` nor this text: TextConflictError, with the entry
        as stored, says that it was changed elsewhere. The check and the write are one
        transaction.
        """
        validate_text(title, body)
        with self._repo("save the text") as repo:
            if base is not None:
                _check_base(repo, entry_id, base, (title.strip(), body))
            if not repo.update_text(entry_id, title.strip(), body):
                raise NotFoundError("Journal entry", entry_id)

    def update_entry(
        self, entry_id: int, draft: EntryDraft, base: tuple[str, str] | None = None
    ) -> JournalEntry:
        """Save every field of an entry: date, kind, mood, flag, tags and links included.

        `base` works as in `save_text` for the title and body."""
        draft = validate_entry(draft)
        with self._repo("save the entry") as repo:
            if base is not None:
                _check_base(repo, entry_id, base, (draft.title, draft.body))
            return repo.update(entry_id, draft)

    def set_flagged(self, entry_id: int, flagged: bool) -> JournalEntry:
        with self._repo("save the flag") as repo:
            return repo.set_flagged(entry_id, flagged)

    def delete_entry(self, entry_id: int) -> JournalEntry:
        """Delete an entry; returns the snapshot that `restore_entry` puts back."""
        with self._repo("delete the entry") as repo:
            return repo.delete(entry_id)

    def restore_entry(self, entry: JournalEntry) -> JournalEntry:
        """Put a deleted entry back with the same id; links to goals deleted since are skipped."""
        with self._repo("put the entry back") as repo:
            if repo.has_entry(entry.id):
                raise MentorDesktopError(
                    f"Could not put the entry back: entry #{entry.id} exists again "
                    "(it was added meanwhile)."
                )
            goal_ids = repo.existing_goal_ids(entry.goal_ids)
            milestone_ids = repo.existing_milestone_ids(entry.milestone_ids)
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
            return repo.add(draft, entry.id, entry.created_at)

    # ---------------------------------------------------------------- lists

    def list_page(
        self,
        entry_filter: EntryFilter = NO_FILTER,
        after: PageCursor | None = None,
        limit: int = PAGE_SIZE,
    ) -> list[EntrySummary]:
        """One page of the list, newest first; pass the last line's cursor for the next page."""
        with self._repo("read the journal") as repo:
            return repo.page(entry_filter, after, limit)

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
        with self._repo("read the journal") as repo:
            return repo.search(match, entry_filter, limit, offset)

    def count(self, entry_filter: EntryFilter = NO_FILTER) -> int:
        with self._repo("read the journal") as repo:
            return repo.count(entry_filter)

    def days_with_entries(self, year: int, month: int) -> list[DayCount]:
        first = date(year, month, 1)
        last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        with self._repo("read the journal") as repo:
            return repo.day_counts(first, last)

    def on_this_day(self, day: date | None = None, limit: int = 50) -> list[EntrySummary]:
        """Entries written on the same day and month in earlier years, newest first."""
        with self._repo("read the journal") as repo:
            return repo.on_this_day(day or self._today(), limit)

    def tag_names(self) -> list[str]:
        """Every tag in use, in alphabetical order (cheap: no counting)."""
        with self._repo("read the journal") as repo:
            return repo.tag_names()

    def goal_choices(self) -> list[tuple[int, str]]:
        """(id, title) of every goal, in the user's order: what an entry can be linked to."""
        with self._repo("read the journal") as repo:
            return repo.goal_choices()

    def growth_choices(self) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
        """(id, title) of every practice item and every opportunity, newest first."""
        with self._repo("read the journal") as repo:
            return repo.growth_choices()

    def milestone_choices(self, goal_ids: Sequence[int]) -> list[tuple[int, str]]:
        """(id, "goal: milestone") of the milestones of these goals, in the goals' order."""
        with self._repo("read the journal") as repo:
            return repo.milestone_choices(list(goal_ids))

    def tags(self) -> list[TagCount]:
        with self._repo("read the journal") as repo:
            return repo.tag_counts()

    def stats(self) -> JournalStats:
        with self._repo("read the journal") as repo:
            return JournalStats(
                entries=repo.count(),
                tags=len(repo.tag_counts()),
                flagged=repo.count(EntryFilter(flagged_only=True)),
                kinds={k: repo.count(EntryFilter(kinds=(k,))) for k in EntryKind},
            )

    # ---------------------------------------------------------------- prompts

    def templates(self, kind: EntryKind | None = None) -> list[PromptTemplate]:
        """Every template, or those for `kind` plus the ones that fit every kind."""
        with self._repo("read the writing prompts") as repo:
            result = repo.templates()
        if kind is None:
            return result
        return [t for t in result if t.kind in (kind, None)]

    def prompt_for(self, kind: EntryKind) -> PromptTemplate | None:
        """The template shown on a blank entry of `kind`: its first one of that kind."""
        return next((t for t in self.templates(kind) if t.kind is kind), None)

    def add_template(self, draft: TemplateDraft) -> PromptTemplate:
        validate_template(draft)
        with self._repo("add the prompt") as repo:
            return repo.add_template(draft)

    def update_template(self, template_id: int, draft: TemplateDraft) -> PromptTemplate:
        validate_template(draft)
        with self._repo("save the prompt") as repo:
            return repo.update_template(template_id, draft)

    def delete_template(self, template_id: int) -> PromptTemplate:
        with self._repo("delete the prompt") as repo:
            return repo.delete_template(template_id)


def _check_base(
    repo: JournalRepository, entry_id: int, base: tuple[str, str], mine: tuple[str, str]
) -> None:
    """Raise TextConflictError when the stored text moved away from `base` (and is not
    `mine` either); NotFoundError when the entry is gone."""
    stored = repo.text_of(entry_id)
    if stored is None:
        raise NotFoundError("Journal entry", entry_id)
    if stored != base and stored != mine:
        raise TextConflictError("The journal entry", repo.entry(entry_id))
