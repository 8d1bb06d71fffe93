"""Journal rows and their dataclasses: entries, tags, links, prompts, lists and search."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import (
    ColumnElement,
    Select,
    column,
    delete,
    exists,
    func,
    literal_column,
    select,
    table,
    text,
    tuple_,
    update,
)
from sqlalchemy.orm import Session, selectinload

from mentor_desktop.domain.errors import NotFoundError, ValidationError
from mentor_desktop.domain.journal import (
    NO_FILTER,
    DayCount,
    EntryDraft,
    EntryFilter,
    EntryKind,
    EntrySummary,
    JournalEntry,
    PageCursor,
    PromptTemplate,
    TagCount,
    TemplateDraft,
    first_line,
)
from mentor_desktop.storage.orm import (
    GoalRow,
    JournalEntryGoalRow,
    JournalEntryRow,
    JournalEntryTagRow,
    JournalTemplateRow,
    MilestoneRow,
    TagRow,
    utcnow,
)
from mentor_desktop.storage.search import SEARCH_TABLE, bm25_expression, snippet_expression

#: Characters of the body read for a list line (never the whole body).
PREVIEW_CHARS = 400
TAG_SEPARATOR = ", "
#: Most matches ranked by bm25 for one search (the most recently written ones).
RANK_WINDOW = 4000
_search = table(SEARCH_TABLE, column("rowid"))
_E = JournalEntryRow


def entry_to_domain(row: JournalEntryRow) -> JournalEntry:
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
    )


def template_to_domain(row: JournalTemplateRow) -> PromptTemplate:
    return PromptTemplate(
        id=row.id,
        name=row.name,
        body=row.body,
        kind=EntryKind(row.kind) if row.kind else None,
        is_default=row.is_default,
        position=row.position,
    )


def _split_tags(tag_text: str) -> tuple[str, ...]:
    return tuple(tag_text.split(TAG_SEPARATOR)) if tag_text else ()


_SUMMARY_COLUMNS = (
    _E.id,
    _E.entry_date,
    _E.title,
    _E.kind,
    _E.tag_text,
    func.substr(_E.body, 1, PREVIEW_CHARS).label("preview"),
    _E.flagged,
    _E.mood,
)


def _summary(row, snippet: str = "") -> EntrySummary:
    return EntrySummary(
        id=row.id,
        entry_date=row.entry_date,
        title=row.title,
        kind=EntryKind(row.kind),
        tags=_split_tags(row.tag_text),
        first_line=first_line(row.preview),
        flagged=bool(row.flagged),
        mood=row.mood,
        snippet=snippet,
    )


def filter_conditions(entry_filter: EntryFilter) -> list[ColumnElement[bool]]:
    """SQL conditions on journal_entry for everything in the filter except the search text."""
    conditions: list[ColumnElement[bool]] = []
    if entry_filter.kinds:
        conditions.append(_E.kind.in_([k.value for k in entry_filter.kinds]))
    if entry_filter.flagged_only:
        conditions.append(_E.flagged.is_(True))
    if entry_filter.date_from is not None:
        conditions.append(_E.entry_date >= entry_filter.date_from)
    if entry_filter.date_to is not None:
        conditions.append(_E.entry_date <= entry_filter.date_to)
    if entry_filter.tag:
        conditions.append(
            exists(
                select(1)
                .select_from(JournalEntryTagRow)
                .join(TagRow, TagRow.id == JournalEntryTagRow.tag_id)
                .where(JournalEntryTagRow.entry_id == _E.id, TagRow.name == entry_filter.tag)
            )
        )
    if entry_filter.goal_id is not None:
        conditions.append(
            exists(
                select(1).where(
                    JournalEntryGoalRow.entry_id == _E.id,
                    JournalEntryGoalRow.goal_id == entry_filter.goal_id,
                )
            )
        )
    return conditions


class JournalRepository:
    """Journal rows, read and written within one session."""

    def __init__(self, session: Session) -> None:
        self.session = session

    # ---------------------------------------------------------------- entries

    def get(self, entry_id: int) -> JournalEntryRow:
        row = self.session.scalars(
            select(_E)
            .where(_E.id == entry_id)
            .options(selectinload(_E.tags), selectinload(_E.goals), selectinload(_E.milestones))
        ).one_or_none()
        if row is None:
            raise NotFoundError("Journal entry", entry_id)
        return row

    def has_entry(self, entry_id: int) -> bool:
        return self.session.get(_E, entry_id) is not None

    def add(
        self, draft: EntryDraft, entry_id: int | None = None, created_at: datetime | None = None
    ) -> JournalEntryRow:
        """A new entry row from `draft` (with `entry_id` and `created_at` when putting one back)."""
        row = JournalEntryRow(id=entry_id)
        if created_at is not None:
            row.created_at = created_at
        self.session.add(row)
        self.apply(row, draft)
        return row

    def apply(self, row: JournalEntryRow, draft: EntryDraft) -> None:
        """Copy the draft onto the row; refuses (changing nothing) links to missing records."""
        with self.session.no_autoflush:
            self._apply(row, draft)
        self.session.flush()

    def _apply(self, row: JournalEntryRow, draft: EntryDraft) -> None:
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
        row.entry_date = draft.entry_date
        row.title = draft.title
        row.body = draft.body
        row.kind = draft.kind.value
        row.mood = draft.mood
        row.flagged = draft.flagged
        row.tags = self.tags_named(draft.tags)
        row.goals = goals
        row.milestones = milestones

    def delete(self, row: JournalEntryRow) -> None:
        self.session.delete(row)
        self.session.flush()
        self.drop_unused_tags()

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

    def update_text(self, entry_id: int, title: str, body: str) -> bool:
        """The autosave write: one UPDATE of the title and body. False if the entry is gone."""
        result = self.session.execute(
            update(_E)
            .where(_E.id == entry_id)
            .values(title=title, body=body, updated_at=utcnow())
            .execution_options(synchronize_session=False)
        )
        return bool(result.rowcount)

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

    def milestone_goal_ids(self, milestone_ids: Sequence[int]) -> dict[int, int]:
        if not milestone_ids:
            return {}
        return dict(
            self.session.execute(
                select(MilestoneRow.id, MilestoneRow.goal_id).where(
                    MilestoneRow.id.in_(milestone_ids)
                )
            ).all()
        )

    def drop_unused_tags(self) -> None:
        self.session.execute(
            delete(TagRow).where(~exists(select(1).where(JournalEntryTagRow.tag_id == TagRow.id)))
        )

    # ---------------------------------------------------------------- lists

    def page(
        self, entry_filter: EntryFilter, after: PageCursor | None, limit: int
    ) -> list[EntrySummary]:
        """Entries newest first (date, then id), starting after `after`."""
        query = select(*_SUMMARY_COLUMNS).where(*filter_conditions(entry_filter))
        if after is not None:
            query = query.where(
                tuple_(_E.entry_date, _E.id) < tuple_(after.entry_date, after.entry_id)
            )
        query = query.order_by(_E.entry_date.desc(), _E.id.desc()).limit(limit)
        return [_summary(row) for row in self.session.execute(query)]

    def search(
        self, match: str, entry_filter: EntryFilter, limit: int, offset: int = 0
    ) -> list[EntrySummary]:
        """Entries matching the FTS5 expression `match`, best first (bm25), with snippets.

        Ranking costs time for every match, so for a word found in more than RANK_WINDOW
        entries only the RANK_WINDOW most recently written matches are ranked; this keeps
        a common word as fast in a 50,000-entry journal as in a small one. Paging goes on
        past them: the older matches follow, newest first, so every match can be reached.
        """
        floor = self.session.execute(
            self._matches(match, entry_filter, _search.c.rowid)
            .order_by(_search.c.rowid.desc())
            .limit(1)
            .offset(RANK_WINDOW - 1)
        ).scalar()
        ids: list[int] = []
        if floor is None or offset < RANK_WINDOW:
            ranked = self._matches(match, entry_filter, _search.c.rowid)
            if floor is not None:
                ranked = ranked.where(_search.c.rowid >= floor)
            ranked = (
                ranked.order_by(literal_column(bm25_expression()), _search.c.rowid.desc())
                .limit(limit if floor is None else min(limit, RANK_WINDOW - offset))
                .offset(offset)
            )
            ids = list(self.session.execute(ranked).scalars())
        if floor is not None and len(ids) < limit:
            older = (
                self._matches(match, entry_filter, _search.c.rowid)
                .where(_search.c.rowid < floor)
                .order_by(_search.c.rowid.desc())
                .limit(limit - len(ids))
                .offset(max(0, offset - RANK_WINDOW))
            )
            ids += self.session.execute(older).scalars()
        if not ids:
            return []
        # Snippets and list columns only for the page (not for every ranked match).
        page = self._matches(
            match,
            NO_FILTER,
            *_SUMMARY_COLUMNS,
            literal_column(snippet_expression()).label("snip"),
        ).where(
            # One pass over the range of the page's ids, not one index lookup per id (which
            # for a prefix search would merge the prefix's word lists once per row).
            _search.c.rowid.between(min(ids), max(ids)),
            text(f"+{SEARCH_TABLE}.rowid IN ({', '.join(str(int(i)) for i in ids)})"),
        )
        rows = {row.id: row for row in self.session.execute(page)}
        return [_summary(rows[i], rows[i].snip or "") for i in ids if i in rows]

    def _matches(self, match: str, entry_filter: EntryFilter, *columns) -> Select:
        query = select(*columns).where(text(f"{SEARCH_TABLE} MATCH :match").bindparams(match=match))
        conditions = filter_conditions(entry_filter)
        if conditions or any(c is not _search.c.rowid for c in columns):
            query = query.select_from(_search.join(_E, _E.id == _search.c.rowid))
            query = query.where(*conditions)
        else:
            query = query.select_from(_search)
        return query

    def count(self, entry_filter: EntryFilter = NO_FILTER) -> int:
        query = select(func.count()).select_from(_E).where(*filter_conditions(entry_filter))
        return int(self.session.scalar(query) or 0)

    def day_counts(self, first: date, last: date) -> list[DayCount]:
        rows = self.session.execute(
            select(_E.entry_date, func.count())
            .where(_E.entry_date.between(first, last))
            .group_by(_E.entry_date)
            .order_by(_E.entry_date)
        )
        return [DayCount(day, count) for day, count in rows]

    def on_this_day(self, day: date, limit: int) -> list[EntrySummary]:
        month_day = f"{day.month:02d}-{day.day:02d}"
        query = (
            select(*_SUMMARY_COLUMNS)
            .where(
                _E.entry_date < date(day.year, 1, 1),
                func.substr(_E.entry_date, 6, 5) == month_day,
            )
            .order_by(_E.entry_date.desc(), _E.id.desc())
            .limit(limit)
        )
        return [_summary(row) for row in self.session.execute(query)]

    def tag_names(self) -> list[str]:
        # unused tags are dropped with their last entry, so every tag row is in use
        return list(self.session.scalars(select(TagRow.name).order_by(TagRow.name)))

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

    def tag_counts(self) -> list[TagCount]:
        rows = self.session.execute(
            select(TagRow.name, func.count(JournalEntryTagRow.entry_id))
            .join(JournalEntryTagRow, JournalEntryTagRow.tag_id == TagRow.id)
            .group_by(TagRow.id)
            .order_by(TagRow.name)
        )
        return [TagCount(name, count) for name, count in rows]

    # ---------------------------------------------------------------- templates

    def templates(self) -> list[JournalTemplateRow]:
        return list(
            self.session.scalars(
                select(JournalTemplateRow).order_by(
                    JournalTemplateRow.position, JournalTemplateRow.id
                )
            )
        )

    def template(self, template_id: int) -> JournalTemplateRow:
        row = self.session.get(JournalTemplateRow, template_id)
        if row is None:
            raise NotFoundError("Template", template_id)
        return row

    def add_template(self, draft: TemplateDraft) -> JournalTemplateRow:
        row = JournalTemplateRow(
            name=draft.name.strip(),
            body=draft.body,
            kind=draft.kind.value if draft.kind else None,
            is_default=False,
            position=self.next_template_position(),
        )
        self.session.add(row)
        self.session.flush()
        return row

    def update_template(self, template_id: int, draft: TemplateDraft) -> JournalTemplateRow:
        row = self.template(template_id)
        row.name = draft.name.strip()
        row.body = draft.body
        row.kind = draft.kind.value if draft.kind else None
        self.session.flush()
        return row

    def delete_template(self, row: JournalTemplateRow) -> None:
        self.session.delete(row)
        self.session.flush()

    def next_template_position(self) -> int:
        return int(
            self.session.scalar(select(func.coalesce(func.max(JournalTemplateRow.position), -1)))
            + 1
        )
