"""Writes by another process are noticed, by area; the app's own writes never are."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from mentor_desktop.app import build_services
from mentor_desktop.domain.journal import EntryDraft
from mentor_desktop.domain.models import GoalDraft
from mentor_desktop.storage.watch import ExternalWrites


def _other_process_writes(db_path: Path, sql: str) -> None:
    """A connection of its own, as the command line or another program would have."""
    other = sqlite3.connect(db_path)
    with other:
        other.execute(sql)
    other.close()


def test_own_writes_are_not_external_and_others_are_by_area(engine, db_path: Path) -> None:
    services = build_services(engine)
    watch = ExternalWrites(lambda: engine)
    try:
        services.journal.create_entry(EntryDraft(date(2026, 1, 5), title="Mine", body="x"))
        services.goals.create_goal(GoalDraft(title="My goal"))
        assert watch.changed_areas() == []
        _other_process_writes(
            db_path,
            "INSERT INTO journal_entry (entry_date, title, body, kind, flagged, created_at,"
            " updated_at) VALUES ('2026-01-06', 'Theirs', '', 'reflection', 0,"
            " '2026-01-06 10:00:00', '2026-01-06 10:00:00')",
        )
        assert watch.changed_areas() == ["journal"]
        assert watch.changed_areas() == []  # told once
        _other_process_writes(
            db_path, "UPDATE goal SET title = 'Renamed', updated_at = '2030-01-01 00:00:00'"
        )
        assert watch.changed_areas() == ["goals"]
        # an edit that leaves counts and timestamps alone: every area looks again
        _other_process_writes(db_path, "UPDATE goal SET title = 'Renamed again'")
        assert watch.changed_areas() == ["goals", "journal", "sessions", "mentorship"]
    finally:
        watch.close()
