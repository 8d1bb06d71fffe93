"""Migration 0007 (the growth loop) on databases of every earlier revision, with their data."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config

from mentor_desktop.storage import migrate
from mentor_desktop.storage.engine import make_engine
from mentor_desktop.storage.migrate import KNOWN_REVISIONS, open_database, upgrade
from mentor_desktop.storage.orm.growth import GROWTH_TABLES

GROWTH = KNOWN_REVISIONS.index("0007_growth")
SESSIONS = KNOWN_REVISIONS.index("0003_sessions")
STAMP = "'2024-01-01 09:00:00'"


def _old_database(path: Path, revision: str) -> None:
    old = make_engine(path)
    migrate._use_explicit_transactions(old)
    upgrade(old, revision)
    with old.begin() as c:
        c.exec_driver_sql(
            "INSERT INTO goal (id, title, kind, status, why, success_measure, position, "
            f"created_at, updated_at) VALUES (7, 'Lead', 'career', 'active', '', '', 0, {STAMP}, "
            f"{STAMP})"
        )
        if KNOWN_REVISIONS.index(revision) >= SESSIONS:
            c.exec_driver_sql(
                "INSERT INTO mentor (id, name, role, organisation, contact, created_at, "
                f"updated_at) VALUES (1, 'Ada', '', '', '', {STAMP}, {STAMP})"
            )
            c.exec_driver_sql(
                "INSERT INTO mentorship (id, mentor_id, purpose, hopes, offers, "
                "mentor_expectations, mentee_expectations, cadence, communication, "
                f"confidentiality, active, created_at, updated_at) VALUES (1, 1, '', '', '', '', "
                f"'', '', '', '', 1, {STAMP}, {STAMP})"
            )
            c.exec_driver_sql(
                "INSERT INTO session (id, mentorship_id, start, duration_minutes, label, status, "
                "personal_update, notes, takeaways, created_at, updated_at) VALUES (3, 1, "
                f"'2024-02-01 10:00:00', 60, 'Session', 'done', '', '', '', {STAMP}, {STAMP})"
            )
            c.exec_driver_sql(
                "INSERT INTO agenda_item (id, session_id, position, kind, text, source, "
                f"discussed, dropped, notes, created_at, updated_at) VALUES (11, 3, 0, 'topic', "
                f"'Feedback on my talk', 'journal', 0, 0, '', {STAMP}, {STAMP})"
            )
    old.dispose()


@pytest.mark.parametrize("revision", KNOWN_REVISIONS[:GROWTH])
def test_every_earlier_revision_gains_the_growth_tables_and_keeps_its_data(
    tmp_path: Path, revision: str
) -> None:
    path = tmp_path / f"{revision}.sqlite3"
    _old_database(path, revision)
    open_database(path).dispose()
    with sqlite3.connect(path) as c:
        c.execute("PRAGMA foreign_keys = ON")
        tables = {r[0]: r[1] for r in c.execute("SELECT name, sql FROM sqlite_master")}
        assert set(GROWTH_TABLES) <= set(tables)
        for table in ("practice", "skill", "skill_change", "opportunity", "measurement"):
            assert "AUTOINCREMENT" in tables[table], table
        assert c.execute("SELECT title FROM goal WHERE id = 7").fetchone() == ("Lead",)
        c.execute(
            "INSERT INTO practice (title, kind, origin, status, hypothesis, metric_unit, "
            "what_happened, lessons, gaps_found, next_step, version, created_at, updated_at) "
            f"VALUES ('Retro', 'experiment', 'own', 'running', '', '', '', '', '', '', 1, {STAMP}, "
            f"{STAMP})"
        )
        c.execute("INSERT INTO practice_goal (practice_id, goal_id) VALUES (1, 7)")
        if KNOWN_REVISIONS.index(revision) >= SESSIONS:
            rows = c.execute("SELECT id, text, source FROM agenda_item").fetchall()
            assert rows == [(11, "Feedback on my talk", "journal")]
            c.execute(  # agenda items may now come from practice
                "INSERT INTO agenda_item (session_id, position, kind, text, source, source_id, "
                "discussed, dropped, notes, created_at, updated_at) VALUES (3, 1, 'topic', "
                f"'Debrief the retro', 'practice', 1, 0, 0, '', {STAMP}, {STAMP})"
            )
        with pytest.raises(sqlite3.IntegrityError):
            c.execute(
                "INSERT INTO practice (title, kind, origin, status, hypothesis, metric_unit, "
                "what_happened, lessons, gaps_found, next_step, version, created_at, updated_at, "
                "start_date, due_date) VALUES ('Bad', 'experiment', 'own', 'running', '', '', '', "
                f"'', '', '', 1, {STAMP}, {STAMP}, '2024-02-01', '2024-01-01')"
            )


def test_growth_migration_downgrades_and_upgrades_again(tmp_path: Path) -> None:
    path = tmp_path / "round.sqlite3"
    _old_database(path, KNOWN_REVISIONS[GROWTH - 1])
    engine = open_database(path)
    before = KNOWN_REVISIONS[GROWTH - 1]

    config = Config()
    config.set_main_option("script_location", str(migrate.MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, before)
    with engine.connect() as connection:
        names = {r[0] for r in connection.exec_driver_sql("SELECT name FROM sqlite_master")}
        assert not set(GROWTH_TABLES) & names
        assert connection.exec_driver_sql("SELECT COUNT(*) FROM agenda_item").scalar() == 1
    upgrade(engine)
    engine.dispose()
    with sqlite3.connect(path) as c:
        triggers = {
            r[0] for r in c.execute("SELECT tbl_name FROM sqlite_master WHERE type='trigger'")
        }
        assert "journal_entry" in triggers
