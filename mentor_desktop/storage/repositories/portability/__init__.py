"""The portability repository: the whole database as tables for the JSON export and import,
journal entries from other apps, and what the Markdown export reads.

Services use `PortabilityRepository`; its parts live in `tables`, `journal_import` and
`markdown_reads`. Tables are every table of the app present in the database, parents first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.exc import IntegrityError, StatementError
from sqlalchemy.orm import Session

from mentor_desktop.domain.models import Goal
from mentor_desktop.storage.migrate import stored_revision
from mentor_desktop.storage.repositories.portability import journal_import, markdown_reads
from mentor_desktop.storage.repositories.portability.journal_import import EntryKey, entry_key
from mentor_desktop.storage.repositories.portability.markdown_reads import (
    ExportedEntry,
    SessionOutline,
)
from mentor_desktop.storage.repositories.portability.tables import (
    clear_tables,
    decoder_for,
    encode_value,
    existing_tables,
    has_user_data,
    insert_rows,
    primary_key_order,
    read_table,
)
from mentor_desktop.storage.search import search_index_suspended

__all__ = [
    "EntryKey",
    "ExportedEntry",
    "PortabilityRepository",
    "RowsRejectedError",
    "SessionOutline",
    "TableShape",
    "entry_key",
    "existing_tables",
    "primary_key_order",
]

Progress = Callable[[int, int], None]
Decoder = Callable[[Any], Any]


class RowsRejectedError(Exception):
    """Rows of `table` that the database refused (a broken key, a check, a wrong type)."""

    def __init__(self, table: str, reason: str) -> None:
        super().__init__(f"{table}: {reason}")
        self.table = table
        self.reason = reason


@dataclass(frozen=True)
class TableShape:
    """A table's name and column names, and how to read a JSON value back for each column."""

    name: str
    columns: tuple[str, ...]
    decoders: dict[str, Decoder]


class PortabilityRepository:
    """The whole database within one session, as plain values."""

    def __init__(self, session: Session) -> None:
        self.session = session

    # ---------------------------------------------------------------- whole tables

    def tables(self) -> list[TableShape]:
        """Every table of the app present in this database, parents before children."""
        return [
            TableShape(
                table.name,
                tuple(column.name for column in table.columns),
                {column.name: decoder_for(table, column.name) for column in table.columns},
            )
            for table in existing_tables(self.session)
        ]

    def schema_revision(self) -> str | None:
        bind = self.session.get_bind()
        return stored_revision(bind if isinstance(bind, Engine) else bind.engine)

    def encoded_rows(self, table_name: str) -> list[list[Any]]:
        """Every row of the table in column order (by primary key), as JSON values."""
        table = self._table(table_name)
        return [[encode_value(value) for value in row] for row in read_table(self.session, table)]

    def has_user_data(self) -> bool:
        """True unless the database holds nothing but what a new database starts with."""
        return has_user_data(self.session)

    def table_counts(self) -> dict[str, int]:
        return {
            table.name: self.session.scalar(select(func.count()).select_from(table)) or 0
            for table in existing_tables(self.session)
        }

    def replace_everything(
        self, rows_by_table: dict[str, list[dict[str, Any]]], progress: Progress | None = None
    ) -> dict[str, int]:
        """Empty every table, then insert `rows_by_table` (parents first); rows per table.

        Raises RowsRejectedError naming the table whose rows the database refused.
        """
        tables = existing_tables(self.session)
        counts: dict[str, int] = {}
        with self.bulk_load():
            clear_tables(self.session, tables)
            for index, table in enumerate(tables):
                rows = rows_by_table.get(table.name)
                if rows is not None:
                    try:
                        insert_rows(self.session, table, rows)
                        self.session.flush()
                    except (IntegrityError, StatementError) as exc:
                        raise RowsRejectedError(table.name, str(exc.orig or exc)) from None
                    counts[table.name] = len(rows)
                if progress is not None:
                    progress(index + 1, len(tables) + 1)
        return counts

    # ---------------------------------------------------------------- journal import

    def existing_entry_keys(self, first: date, last: date) -> set[EntryKey]:
        return journal_import.existing_entry_keys(self.session, first, last)

    def insert_entries(
        self,
        rows: list[dict[str, Any]],
        tags: list[tuple[str, ...]],
        progress: Progress | None = None,
    ) -> int:
        """Insert entries and their tag links, indexing them once; returns the tags created."""
        with self.bulk_load():
            return journal_import.insert_entries(self.session, rows, tags, progress)

    # ---------------------------------------------------------------- Markdown export

    def exported_entries(self) -> list[ExportedEntry]:
        return markdown_reads.exported_entries(self.session)

    def exported_goals(self) -> list[Goal]:
        return markdown_reads.exported_goals(self.session)

    def session_outlines(self) -> list[SessionOutline] | None:
        return markdown_reads.session_outlines(self.session)

    def has_growth_tables(self) -> bool:
        """False for a database from before the growth loop (an older backup)."""
        return "practice" in {table.name for table in existing_tables(self.session)}

    # ---------------------------------------------------------------- plumbing

    @contextmanager
    def bulk_load(self) -> Iterator[None]:
        """Write many journal entries, then index them for search once."""
        with search_index_suspended(self.session):
            yield

    def _table(self, name: str) -> Any:
        return next(table for table in existing_tables(self.session) if table.name == name)
