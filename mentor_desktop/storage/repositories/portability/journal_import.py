"""Journal entries from another app: what is there already, and the bulk insert."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from mentor_desktop.storage.orm import JournalEntryRow, JournalEntryTagRow, TagRow

Progress = Callable[[int, int], None]
#: What makes two journal entries the same for an import (see `entry_key`).
EntryKey = tuple[str, str, str]


def entry_key(entry_date: date, title: str, body: str) -> EntryKey:
    """What makes two journal entries the same for an import: date, title and body."""
    digest = hashlib.sha1(body.strip().encode("utf-8"), usedforsecurity=False).hexdigest()
    return entry_date.isoformat(), title.strip(), digest


def existing_entry_keys(session: Session, first: date, last: date) -> set[EntryKey]:
    rows = session.execute(
        select(JournalEntryRow.entry_date, JournalEntryRow.title, JournalEntryRow.body).where(
            JournalEntryRow.entry_date.between(first, last)
        )
    )
    return {entry_key(day, title, body) for day, title, body in rows}


def tag_ids(session: Session, names: set[str]) -> dict[str, int]:
    """Ids of the tags `names` (case-insensitive), creating the missing ones."""
    ids: dict[str, int] = {}
    for tag_id, name in session.execute(select(TagRow.id, TagRow.name)):
        ids[name.casefold()] = tag_id
    missing = sorted({name for name in names if name.casefold() not in ids}, key=str.casefold)
    unique_missing = list({name.casefold(): name for name in missing}.values())
    if unique_missing:
        created = session.execute(
            insert(TagRow).returning(TagRow.id, TagRow.name, sort_by_parameter_order=True),
            [{"name": name} for name in unique_missing],
        )
        for tag_id, name in created:
            ids[name.casefold()] = tag_id
    return ids


def insert_entries(
    session: Session,
    rows: list[dict[str, Any]],
    tags: list[tuple[str, ...]],
    progress: Progress | None = None,
    batch: int = 500,
) -> int:
    """Insert journal entry rows and their tag links in batches; returns the tags created."""
    before = session.scalar(select(func.count()).select_from(TagRow)) or 0
    ids_by_tag = tag_ids(session, {name for names in tags for name in names})
    total = len(rows)
    for start in range(0, total, batch):
        chunk = rows[start : start + batch]
        new_ids = session.scalars(
            insert(JournalEntryRow).returning(JournalEntryRow.id, sort_by_parameter_order=True),
            chunk,
        ).all()
        links = [
            {"entry_id": entry_id, "tag_id": ids_by_tag[name.casefold()]}
            for entry_id, names in zip(new_ids, tags[start : start + batch], strict=True)
            for name in names
        ]
        if links:
            session.execute(insert(JournalEntryTagRow), links)
        if progress is not None:
            progress(min(start + batch, total), total)
    after = session.scalar(select(func.count()).select_from(TagRow)) or 0
    return after - before
