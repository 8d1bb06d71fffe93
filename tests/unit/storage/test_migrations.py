"""Schema migrations: from empty and from every earlier revision to head, and the head constant."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from mentor_desktop.storage import migrate
from mentor_desktop.storage.engine import APPLICATION_ID, make_engine
from mentor_desktop.storage.migrate import (
    HEAD_REVISION,
    KNOWN_REVISIONS,
    MIGRATIONS_DIR,
    open_database,
    stored_revision,
    upgrade,
)
from mentor_desktop.storage.orm import Base


def _script() -> ScriptDirectory:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return ScriptDirectory.from_config(config)


def test_head_constant_matches_the_migration_scripts() -> None:
    script = _script()
    assert script.get_current_head() == HEAD_REVISION
    oldest_first = [rev.revision for rev in reversed(list(script.walk_revisions()))]
    assert tuple(oldest_first) == KNOWN_REVISIONS


def test_empty_file_is_migrated_to_head_and_marked_as_ours(tmp_path: Path) -> None:
    path = tmp_path / "new" / "mentor.sqlite3"
    engine = open_database(path)
    assert stored_revision(engine) == HEAD_REVISION
    engine.dispose()
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_migrated_schema_matches_the_orm(engine) -> None:
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"render_as_batch": True})
        differences = [
            diff
            for diff in compare_metadata(context, Base.metadata)
            if diff[0] != "remove_table"
            or not str(diff[1].name).startswith(("journal_search", "sqlite_"))
        ]
    assert differences == []


def test_connections_enforce_foreign_keys_and_full_sync(engine) -> None:
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2


@pytest.mark.parametrize("revision", KNOWN_REVISIONS[:-1])
def test_every_earlier_revision_upgrades_to_head(tmp_path: Path, revision: str) -> None:
    path = tmp_path / f"{revision}.sqlite3"
    old = make_engine(path)
    migrate._use_explicit_transactions(old)
    upgrade(old, revision)
    assert stored_revision(old) == revision
    with old.begin() as connection:  # data written by that version must survive
        connection.exec_driver_sql(
            "INSERT INTO goal (id, title, kind, status, why, success_measure, position, "
            "created_at, updated_at, target_date) VALUES (7, 'Speak up', 'career', 'active', "
            "'', '', 0, '2024-01-01 09:00:00', '2024-01-01 09:00:00', '2024-12-31')"
        )
        connection.exec_driver_sql(
            "INSERT INTO milestone (goal_id, title, due_date, notes, position, created_at, "
            "updated_at) VALUES (7, 'First talk', '2024-06-01', '', 0, '2024-01-01 09:00:00', "
            "'2024-01-01 09:00:00')"
        )
    old.dispose()
    engine = open_database(path)
    assert stored_revision(engine) == HEAD_REVISION
    with engine.connect() as connection:
        rows = connection.exec_driver_sql(
            "SELECT g.title, g.target_date, m.title FROM goal g "
            "JOIN milestone m ON m.goal_id = g.id"
        ).all()
    assert [tuple(r) for r in rows] == [("Speak up", "2024-12-31", "First talk")]
    engine.dispose()


def test_a_database_at_head_opens_without_running_alembic(
    template_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "copy.sqlite3"
    path.write_bytes(template_db.read_bytes())

    def fail(*_args, **_kwargs):
        raise AssertionError("Alembic ran on a database that is already at head")

    monkeypatch.setattr(migrate, "upgrade", fail)
    open_database(path).dispose()


def test_tables_whose_deletes_can_be_undone_never_reuse_ids(engine) -> None:
    with engine.connect() as connection:
        sql = {
            name: text
            for name, text in connection.exec_driver_sql(
                "SELECT name, sql FROM sqlite_master WHERE type = 'table'"
            )
        }
        triggers = {
            row[0]
            for row in connection.exec_driver_sql(
                "SELECT tbl_name FROM sqlite_master WHERE type = 'trigger'"
            )
        }
    for table in ("goal", "milestone", "step", "resource", "goal_change", "journal_entry"):
        assert "AUTOINCREMENT" in sql[table], table
    assert "journal_entry" in triggers  # the search index triggers survived the rebuild
