"""The growth loop: practice with metrics and debriefs, skills with level history, opportunities

New tables for practice (with measurements and links to skills and goals), skills (with links
to goals and every dated level change with its evidence), opportunities (with every dated
status move and links to skills and goals), and journal links to practice and opportunities.
Agenda items may now come from practice, skills and opportunities.

Revision ID: 0007_growth
Revises: 0006_profile
Create Date: 2026-12-01
"""

import re

import sqlalchemy as sa
from alembic import op

revision = "0007_growth"
down_revision = "0006_profile"
branch_labels = None
depends_on = None

OLD_SOURCES = "'carried')"
NEW_SOURCES = "'carried', 'practice', 'skill', 'opportunity')"


def _agenda_sources(old: str, new: str) -> None:
    """Rebuild agenda_item with its source check widened (or narrowed back), rows kept."""
    connection = op.get_bind()
    create_sql = connection.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'agenda_item'"
    ).scalar_one()
    if old not in create_sql:
        return
    extras = [
        row[0]
        for row in connection.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE tbl_name = 'agenda_item' "
            "AND type IN ('index', 'trigger') AND sql IS NOT NULL"
        )
    ]
    new_sql = re.sub(
        r'^CREATE TABLE "?agenda_item"?',
        "CREATE TABLE _rebuilt_agenda_item",
        create_sql.replace(old, new, 1),
        count=1,
    )
    columns = ", ".join(
        f'"{row[1]}"' for row in connection.exec_driver_sql('PRAGMA table_info("agenda_item")')
    )
    op.execute("PRAGMA legacy_alter_table = ON")
    try:
        connection.exec_driver_sql(new_sql)
        connection.exec_driver_sql(
            f"INSERT INTO _rebuilt_agenda_item ({columns}) SELECT {columns} FROM agenda_item"
        )
        connection.exec_driver_sql("DROP TABLE agenda_item")
        connection.exec_driver_sql("ALTER TABLE _rebuilt_agenda_item RENAME TO agenda_item")
        for sql in extras:
            connection.exec_driver_sql(sql)
    finally:
        op.execute("PRAGMA legacy_alter_table = OFF")


def upgrade() -> None:
    op.create_table(
        "opportunity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("impact", sa.Integer(), nullable=False),
        sa.Column("risk", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("risk_notes", sa.Text(), nullable=False),
        sa.Column("value_pitch", sa.Text(), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.Column("do_differently", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('stretch_role', 'project', 'talk', 'introduction', 'course', 'other')",
            name=op.f("ck_opportunity_kind"),
        ),
        sa.CheckConstraint(
            "source IN ('mentor', 'network', 'myself')", name=op.f("ck_opportunity_source")
        ),
        sa.CheckConstraint(
            "status IN ('spotted', 'exploring', 'pursuing', 'won', 'declined', 'missed')",
            name=op.f("ck_opportunity_status"),
        ),
        sa.CheckConstraint(
            "impact BETWEEN 1 AND 5 AND risk BETWEEN 1 AND 5", name=op.f("ck_opportunity_ratings")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_opportunity")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("opportunity", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_opportunity_deadline"), ["deadline"], unique=False)
        batch_op.create_index(batch_op.f("ix_opportunity_status"), ["status"], unique=False)

    op.create_table(
        "skill",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100, collation="NOCASE"), nullable=False),
        sa.Column("area", sa.String(length=100), nullable=False),
        sa.Column("current_level", sa.Integer(), nullable=False),
        sa.Column("target_level", sa.Integer(), nullable=False),
        sa.Column("why", sa.Text(), nullable=False),
        sa.Column("since", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("current_level BETWEEN 1 AND 5", name=op.f("ck_skill_current_level")),
        sa.CheckConstraint("target_level BETWEEN 1 AND 5", name=op.f("ck_skill_target_level")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_skill")),
        sa.UniqueConstraint("name", name=op.f("uq_skill_name")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "journal_entry_opportunity",
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("opportunity_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["journal_entry.id"],
            name=op.f("fk_journal_entry_opportunity_entry_id_journal_entry"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["opportunity_id"],
            ["opportunity.id"],
            name=op.f("fk_journal_entry_opportunity_opportunity_id_opportunity"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "entry_id", "opportunity_id", name=op.f("pk_journal_entry_opportunity")
        ),
    )
    with op.batch_alter_table("journal_entry_opportunity", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_journal_entry_opportunity_opportunity_id"),
            ["opportunity_id"],
            unique=False,
        )

    op.create_table(
        "opportunity_goal",
        sa.Column("opportunity_id", sa.Integer(), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["goal_id"],
            ["goal.id"],
            name=op.f("fk_opportunity_goal_goal_id_goal"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["opportunity_id"],
            ["opportunity.id"],
            name=op.f("fk_opportunity_goal_opportunity_id_opportunity"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("opportunity_id", "goal_id", name=op.f("pk_opportunity_goal")),
    )
    with op.batch_alter_table("opportunity_goal", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_opportunity_goal_goal_id"), ["goal_id"], unique=False)

    op.create_table(
        "opportunity_move",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("opportunity_id", sa.Integer(), nullable=False),
        sa.Column("from_status", sa.String(length=20), nullable=True),
        sa.Column("to_status", sa.String(length=20), nullable=False),
        sa.Column("moved_on", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["opportunity_id"],
            ["opportunity.id"],
            name=op.f("fk_opportunity_move_opportunity_id_opportunity"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_opportunity_move")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("opportunity_move", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_opportunity_move_opportunity_id"), ["opportunity_id"], unique=False
        )

    op.create_table(
        "opportunity_skill",
        sa.Column("opportunity_id", sa.Integer(), nullable=False),
        sa.Column("skill_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["opportunity_id"],
            ["opportunity.id"],
            name=op.f("fk_opportunity_skill_opportunity_id_opportunity"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["skill_id"],
            ["skill.id"],
            name=op.f("fk_opportunity_skill_skill_id_skill"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("opportunity_id", "skill_id", name=op.f("pk_opportunity_skill")),
    )
    with op.batch_alter_table("opportunity_skill", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_opportunity_skill_skill_id"), ["skill_id"], unique=False
        )

    op.create_table(
        "skill_goal",
        sa.Column("skill_id", sa.Integer(), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["goal_id"], ["goal.id"], name=op.f("fk_skill_goal_goal_id_goal"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["skill_id"],
            ["skill.id"],
            name=op.f("fk_skill_goal_skill_id_skill"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("skill_id", "goal_id", name=op.f("pk_skill_goal")),
    )
    with op.batch_alter_table("skill_goal", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_skill_goal_goal_id"), ["goal_id"], unique=False)

    op.create_table(
        "practice",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("origin", sa.String(length=20), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("finished_on", sa.Date(), nullable=True),
        sa.Column("hypothesis", sa.Text(), nullable=False),
        sa.Column("metric_name", sa.String(length=100), nullable=True),
        sa.Column("metric_unit", sa.String(length=30), nullable=False),
        sa.Column("metric_baseline", sa.Float(), nullable=True),
        sa.Column("metric_target", sa.Float(), nullable=True),
        sa.Column("what_happened", sa.Text(), nullable=False),
        sa.Column("lessons", sa.Text(), nullable=False),
        sa.Column("gaps_found", sa.Text(), nullable=False),
        sa.Column("next_step", sa.Text(), nullable=False),
        sa.Column("debriefed_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('experiment', 'assignment', 'project')", name=op.f("ck_practice_kind")
        ),
        sa.CheckConstraint(
            "origin IN ('session', 'mentor', 'own')", name=op.f("ck_practice_origin")
        ),
        sa.CheckConstraint(
            "status IN ('planned', 'running', 'done', 'dropped')", name=op.f("ck_practice_status")
        ),
        sa.CheckConstraint(
            "due_date IS NULL OR start_date IS NULL OR due_date >= start_date",
            name=op.f("ck_practice_dates"),
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["session.id"],
            name=op.f("fk_practice_session_id_session"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_practice")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("practice", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_practice_due_date"), ["due_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_practice_session_id"), ["session_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_practice_status"), ["status"], unique=False)

    op.create_table(
        "journal_entry_practice",
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("practice_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["journal_entry.id"],
            name=op.f("fk_journal_entry_practice_entry_id_journal_entry"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["practice_id"],
            ["practice.id"],
            name=op.f("fk_journal_entry_practice_practice_id_practice"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("entry_id", "practice_id", name=op.f("pk_journal_entry_practice")),
    )
    with op.batch_alter_table("journal_entry_practice", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_journal_entry_practice_practice_id"), ["practice_id"], unique=False
        )

    op.create_table(
        "measurement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("practice_id", sa.Integer(), nullable=False),
        sa.Column("measured_on", sa.Date(), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["practice_id"],
            ["practice.id"],
            name=op.f("fk_measurement_practice_id_practice"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_measurement")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("measurement", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_measurement_practice_id"), ["practice_id"], unique=False
        )

    op.create_table(
        "practice_goal",
        sa.Column("practice_id", sa.Integer(), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["goal_id"], ["goal.id"], name=op.f("fk_practice_goal_goal_id_goal"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["practice_id"],
            ["practice.id"],
            name=op.f("fk_practice_goal_practice_id_practice"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("practice_id", "goal_id", name=op.f("pk_practice_goal")),
    )
    with op.batch_alter_table("practice_goal", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_practice_goal_goal_id"), ["goal_id"], unique=False)

    op.create_table(
        "practice_skill",
        sa.Column("practice_id", sa.Integer(), nullable=False),
        sa.Column("skill_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["practice_id"],
            ["practice.id"],
            name=op.f("fk_practice_skill_practice_id_practice"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["skill_id"],
            ["skill.id"],
            name=op.f("fk_practice_skill_skill_id_skill"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("practice_id", "skill_id", name=op.f("pk_practice_skill")),
    )
    with op.batch_alter_table("practice_skill", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_practice_skill_skill_id"), ["skill_id"], unique=False)

    op.create_table(
        "skill_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("skill_id", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(length=10), nullable=False),
        sa.Column("old_level", sa.Integer(), nullable=False),
        sa.Column("new_level", sa.Integer(), nullable=False),
        sa.Column("changed_on", sa.Date(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("journal_entry_id", sa.Integer(), nullable=True),
        sa.Column("practice_id", sa.Integer(), nullable=True),
        sa.Column("feedback_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("field IN ('current', 'target')", name=op.f("ck_skill_change_field")),
        sa.CheckConstraint(
            "old_level BETWEEN 1 AND 5 AND new_level BETWEEN 1 AND 5",
            name=op.f("ck_skill_change_levels"),
        ),
        sa.ForeignKeyConstraint(
            ["feedback_id"],
            ["feedback.id"],
            name=op.f("fk_skill_change_feedback_id_feedback"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["journal_entry_id"],
            ["journal_entry.id"],
            name=op.f("fk_skill_change_journal_entry_id_journal_entry"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["practice_id"],
            ["practice.id"],
            name=op.f("fk_skill_change_practice_id_practice"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["skill_id"],
            ["skill.id"],
            name=op.f("fk_skill_change_skill_id_skill"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_skill_change")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("skill_change", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_skill_change_changed_on"), ["changed_on"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_skill_change_feedback_id"), ["feedback_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_skill_change_journal_entry_id"), ["journal_entry_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_skill_change_practice_id"), ["practice_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_skill_change_skill_id"), ["skill_id"], unique=False)

    _agenda_sources(OLD_SOURCES, NEW_SOURCES)


def downgrade() -> None:
    op.execute("DELETE FROM agenda_item WHERE source IN ('practice', 'skill', 'opportunity')")
    _agenda_sources(NEW_SOURCES, OLD_SOURCES)
    for table in (
        "journal_entry_opportunity",
        "journal_entry_practice",
        "opportunity_goal",
        "opportunity_skill",
        "opportunity_move",
        "skill_change",
        "practice_skill",
        "practice_goal",
        "measurement",
        "skill_goal",
        "practice",
        "opportunity",
        "skill",
    ):
        op.drop_table(table)
