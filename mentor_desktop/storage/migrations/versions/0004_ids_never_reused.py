"""Ids are never reused: AUTOINCREMENT on every table whose deletes can be undone

Without it SQLite hands the id of the newest deleted row to the next new one, so undoing
that delete could not put the row back (or could bring back the wrong one). Each table is
rebuilt the way SQLite's documentation describes (create, copy, drop, rename), keeping its
rows, ids, constraints, indexes and triggers; foreign keys are checked once at the end.

Revision ID: 0004_ids_never_reused
Revises: 0003_sessions
Create Date: 2026-11-26
"""

import re

from alembic import op

revision = "0004_ids_never_reused"
down_revision = "0003_sessions"
branch_labels = None
depends_on = None

TABLES = (
    "goal",
    "milestone",
    "step",
    "resource",
    "goal_change",
    "journal_entry",
    "agenda_item",
)


def _rebuild(table: str, autoincrement: bool) -> None:
    connection = op.get_bind()
    create_sql = connection.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
    ).scalar_one()
    extras = [
        row[0]
        for row in connection.exec_driver_sql(
            "SELECT sql FROM sqlite_master "
            "WHERE tbl_name = ? AND type IN ('index', 'trigger') AND sql IS NOT NULL",
            (table,),
        )
    ]
    if autoincrement:
        new_sql = re.sub(
            r"\bid INTEGER NOT NULL,",
            "id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,",
            create_sql,
            count=1,
        )
        new_sql = re.sub(rf",\s*CONSTRAINT pk_{table} PRIMARY KEY \(id\)", "", new_sql, count=1)
    else:
        new_sql = create_sql.replace(
            "id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,", "id INTEGER NOT NULL PRIMARY KEY,", 1
        )
    if new_sql == create_sql:
        return
    new_sql = re.sub(
        rf"^CREATE TABLE \"?{table}\"?", f"CREATE TABLE _rebuilt_{table}", new_sql, count=1
    )
    columns = ", ".join(
        f'"{row[1]}"' for row in connection.exec_driver_sql(f'PRAGMA table_info("{table}")')
    )
    connection.exec_driver_sql(new_sql)
    connection.exec_driver_sql(
        f'INSERT INTO _rebuilt_{table} ({columns}) SELECT {columns} FROM "{table}"'
    )
    connection.exec_driver_sql(f'DROP TABLE "{table}"')
    connection.exec_driver_sql(f'ALTER TABLE _rebuilt_{table} RENAME TO "{table}"')
    for sql in extras:
        connection.exec_driver_sql(sql)


def _rebuild_all(autoincrement: bool) -> None:
    # The legacy rename does not re-check triggers of other tables (such as the tag links')
    # that name a table while it is being rebuilt.
    op.execute("PRAGMA legacy_alter_table = ON")
    try:
        for table in TABLES:
            _rebuild(table, autoincrement)
    finally:
        op.execute("PRAGMA legacy_alter_table = OFF")


def upgrade() -> None:
    _rebuild_all(autoincrement=True)


def downgrade() -> None:
    _rebuild_all(autoincrement=False)
