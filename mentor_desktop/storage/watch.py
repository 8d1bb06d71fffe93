"""Noticing writes made to the database by another process (the command line, another app).

`PRAGMA data_version` on a connection of its own changes whenever any other connection
commits. The app's own commits (through the unit of work) are absorbed as they happen, so
what is left is what came from outside. A fingerprint per area (rows, highest id, latest
update of its tables) then says which areas changed, so the window reloads only those.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import Engine, PoolProxiedConnection, event
from sqlalchemy.orm import Session

#: The tables behind each area the window shows (named as the window's change kinds).
AREA_TABLES: Mapping[str, tuple[str, ...]] = {
    "goals": ("goal", "milestone", "step", "goal_change", "resource"),
    "journal": (
        "journal_entry",
        "tag",
        "journal_entry_tag",
        "journal_entry_goal",
        "journal_entry_milestone",
        "journal_template",
    ),
    "sessions": ("session", "agenda_item", "action_item", "feedback", "review_reflection"),
    "mentorship": ("mentor", "mentorship", "cadence_rule", "profile"),
}


class ExternalWrites:
    """Watches the database file behind `engine` for commits made by other processes.

    `changed_areas()` (cheap; call it on a timer) returns the areas that others changed
    since the last call, or since this object's own commits were absorbed.
    """

    def __init__(self, engine_of: Callable[[], Engine]) -> None:
        self._engine_of = engine_of
        self._lock = threading.Lock()
        self._columns: dict[str, set[str]] = {}
        self._engine: Engine | None = None
        self._connection: PoolProxiedConnection | None = None
        self._version = 0
        self._prints: dict[str, tuple[object, ...]] = {}
        with self._lock:
            self._follow_engine()
        event.listen(Session, "after_commit", self._after_commit)

    def _follow_engine(self) -> None:
        """Watch through a connection of the current engine (its PRAGMAs and key), and
        start again from what it holds when the database was reopened (encryption)."""
        engine = self._engine_of()
        if engine is self._engine:
            return
        if self._connection is not None:
            self._connection.close()
        self._engine = engine
        self._connection = engine.raw_connection()
        self._columns.clear()
        self._version = self._data_version()
        self._prints = self._fingerprints()

    def close(self) -> None:
        event.remove(Session, "after_commit", self._after_commit)
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None

    def changed_areas(self) -> list[str]:
        """The areas another process changed since the last look (empty: none)."""
        with self._lock:
            try:
                if self._engine is not self._engine_of():
                    self._follow_engine()  # reopened by the app itself: nothing external
                    return []
                version = self._data_version()
                if version == self._version:
                    return []
                self._version = version
                prints = self._fingerprints()
            except sqlite3.Error:
                return []  # busy or gone for a moment: look again on the next tick
            changed = [area for area, value in prints.items() if self._prints.get(area) != value]
            self._prints = prints
            # Something changed that the fingerprints cannot place (an update that left
            # counts and timestamps alone): every area looks again.
            return changed or list(AREA_TABLES)

    def _after_commit(self, session: Session) -> None:
        """The app's own commit: take it as seen, so it is never reported as external."""
        if session.get_bind() is not self._engine:
            return
        with self._lock:
            try:
                self._version = self._data_version()
                self._prints = self._fingerprints()
            except sqlite3.Error:
                pass

    def _query(self, sql: str) -> list[tuple[Any, ...]]:
        if self._connection is None:
            raise sqlite3.OperationalError("the watch is closed")
        cursor = self._connection.cursor()
        try:
            cursor.execute(sql)
            return list(cursor.fetchall())
        finally:
            cursor.close()

    def _data_version(self) -> int:
        version = self._query("PRAGMA data_version")[0][0]
        assert isinstance(version, int)
        return version

    def _fingerprints(self) -> dict[str, tuple[object, ...]]:
        tables = {
            row[0] for row in self._query("SELECT name FROM sqlite_master WHERE type='table'")
        }
        prints: dict[str, tuple[object, ...]] = {}
        for area, names in AREA_TABLES.items():
            values = []
            for name in names:
                if name in tables:
                    values.append(self._table_print(name))
            prints[area] = tuple(values)
        return prints

    def _table_print(self, table: str) -> tuple[object, ...]:
        columns = self._columns.get(table)
        if columns is None:
            columns = {row[1] for row in self._query(f'PRAGMA table_info("{table}")')}
            self._columns[table] = columns
        parts = ["count(*)"]
        parts += [f"max({name})" for name in ("id", "updated_at", "version") if name in columns]
        query = f'SELECT {", ".join(parts)} FROM "{table}"'
        return tuple(self._query(query)[0])
