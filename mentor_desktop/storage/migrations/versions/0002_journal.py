"""Journal entries, tags and links to goals and milestones

Revision ID: 0002_journal
Revises: 0001_foundation
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_journal"
down_revision = "0001_foundation"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "journal_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entry_date", sa.Date(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("mood", sa.Integer(), nullable=True),
        sa.Column("flagged", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('reflection', 'win', 'setback', 'insight', 'feedback')",
            name=op.f("ck_journal_entry_kind"),
        ),
        sa.CheckConstraint(
            "mood IS NULL OR mood BETWEEN 1 AND 5", name=op.f("ck_journal_entry_mood")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_journal_entry")),
    )
    with op.batch_alter_table("journal_entry", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_journal_entry_entry_date"), ["entry_date"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_journal_entry_flagged"), ["flagged"], unique=False)
        batch_op.create_index(batch_op.f("ix_journal_entry_kind"), ["kind"], unique=False)

    op.create_table(
        "tag",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100, collation="NOCASE"), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tag")),
        sa.UniqueConstraint("name", name=op.f("uq_tag_name")),
    )
    op.create_table(
        "journal_entry_goal",
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["journal_entry.id"],
            name=op.f("fk_journal_entry_goal_entry_id_journal_entry"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["goal_id"],
            ["goal.id"],
            name=op.f("fk_journal_entry_goal_goal_id_goal"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("entry_id", "goal_id", name=op.f("pk_journal_entry_goal")),
    )
    with op.batch_alter_table("journal_entry_goal", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_journal_entry_goal_goal_id"), ["goal_id"], unique=False
        )

    op.create_table(
        "journal_entry_tag",
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("tag_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["journal_entry.id"],
            name=op.f("fk_journal_entry_tag_entry_id_journal_entry"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tag_id"], ["tag.id"], name=op.f("fk_journal_entry_tag_tag_id_tag"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("entry_id", "tag_id", name=op.f("pk_journal_entry_tag")),
    )
    with op.batch_alter_table("journal_entry_tag", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_journal_entry_tag_tag_id"), ["tag_id"], unique=False)

    op.create_table(
        "journal_entry_milestone",
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("milestone_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["journal_entry.id"],
            name=op.f("fk_journal_entry_milestone_entry_id_journal_entry"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["milestone_id"],
            ["milestone.id"],
            name=op.f("fk_journal_entry_milestone_milestone_id_milestone"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "entry_id", "milestone_id", name=op.f("pk_journal_entry_milestone")
        ),
    )
    with op.batch_alter_table("journal_entry_milestone", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_journal_entry_milestone_milestone_id"), ["milestone_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("journal_entry_milestone", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_journal_entry_milestone_milestone_id"))

    op.drop_table("journal_entry_milestone")
    with op.batch_alter_table("journal_entry_tag", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_journal_entry_tag_tag_id"))

    op.drop_table("journal_entry_tag")
    with op.batch_alter_table("journal_entry_goal", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_journal_entry_goal_goal_id"))

    op.drop_table("journal_entry_goal")
    op.drop_table("tag")
    with op.batch_alter_table("journal_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_journal_entry_kind"))
        batch_op.drop_index(batch_op.f("ix_journal_entry_flagged"))
        batch_op.drop_index(batch_op.f("ix_journal_entry_entry_date"))

    op.drop_table("journal_entry")
