"""Journal entries, tags, links to goals and milestones, writing prompts and full-text search

The search index `journal_search` is an FTS5 table over `journal_entry` (external content:
the text is stored once) and is kept in step by triggers. `journal_entry.tag_text` holds the
entry's tag names so that tags are searched with the title and body; triggers on the tag
links keep it current.

Revision ID: 0002_journal
Revises: 0001_foundation
Create Date: 2026-11-26
"""

from datetime import UTC, datetime

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
        sa.Column("tag_text", sa.Text(), server_default="", nullable=False),
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

    op.create_table(
        "journal_template",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=True),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("is_default", sa.Boolean(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "kind IS NULL OR kind IN ('reflection', 'win', 'setback', 'insight', 'feedback')",
            name=op.f("ck_journal_template_kind"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_journal_template")),
    )
    with op.batch_alter_table("journal_template", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_journal_template_kind"), ["kind"], unique=False)
    template = sa.table(
        "journal_template",
        sa.column("kind", sa.String),
        sa.column("name", sa.String),
        sa.column("body", sa.Text),
        sa.column("is_default", sa.Boolean),
        sa.column("position", sa.Integer),
        sa.column("created_at", sa.DateTime),
        sa.column("updated_at", sa.DateTime),
    )
    now = datetime.now(UTC).replace(tzinfo=None)
    op.bulk_insert(
        template,
        [
            {
                "kind": kind,
                "name": name,
                "body": body,
                "is_default": True,
                "position": position,
                "created_at": now,
                "updated_at": now,
            }
            for position, (kind, name, body) in enumerate(DEFAULT_TEMPLATES)
        ],
    )
    for statement in SEARCH_DDL:
        op.execute(statement)


DEFAULT_TEMPLATES = [
    (
        "reflection",
        "Reflection",
        "## What happened\n\n\n## What I learned\n\n\n## What I would do differently\n\n",
    ),
    ("win", "Win", "## The win\n\n\n## Evidence\n\n\n## Impact\n\n"),
    (
        "setback",
        "Setback",
        "## What went wrong\n\n\n## Another way to see it\n\n\n## What I will try next\n\n",
    ),
    (
        "insight",
        "Insight",
        "## The insight\n\n\n## Where it came from\n\n\n## How I will use it\n\n",
    ),
    (
        "feedback",
        "Feedback received",
        "## Who and when\n\n\n## Situation and behaviour\n\n\n## Impact\n\n\n## My response\n\n",
    ),
    (None, "Weekly review", "## This week\n\n\n## Next week\n\n\n## To raise with my mentor\n\n"),
]

#: The tag names of one entry, in order, joined by ", " (used in the SET of an UPDATE).
_TAG_TEXT = (
    "coalesce((SELECT group_concat(name, ', ') FROM (SELECT t.name AS name "
    "FROM journal_entry_tag AS jt JOIN tag AS t ON t.id = jt.tag_id "
    "WHERE jt.entry_id = journal_entry.id ORDER BY t.name)), '')"
)

SEARCH_DDL = [
    """
    CREATE VIRTUAL TABLE journal_search USING fts5(
        title, body, tag_text,
        content='journal_entry', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2', prefix='2 3'
    )
    """,
    """
    CREATE TRIGGER journal_search_after_insert AFTER INSERT ON journal_entry BEGIN
        INSERT INTO journal_search(rowid, title, body, tag_text)
        VALUES (new.id, new.title, new.body, new.tag_text);
    END
    """,
    """
    CREATE TRIGGER journal_search_after_delete AFTER DELETE ON journal_entry BEGIN
        INSERT INTO journal_search(journal_search, rowid, title, body, tag_text)
        VALUES ('delete', old.id, old.title, old.body, old.tag_text);
    END
    """,
    """
    CREATE TRIGGER journal_search_after_update AFTER UPDATE OF title, body, tag_text
    ON journal_entry
    WHEN old.title IS NOT new.title OR old.body IS NOT new.body
        OR old.tag_text IS NOT new.tag_text
    BEGIN
        INSERT INTO journal_search(journal_search, rowid, title, body, tag_text)
        VALUES ('delete', old.id, old.title, old.body, old.tag_text);
        INSERT INTO journal_search(rowid, title, body, tag_text)
        VALUES (new.id, new.title, new.body, new.tag_text);
    END
    """,
    f"""
    CREATE TRIGGER journal_entry_tag_after_insert AFTER INSERT ON journal_entry_tag BEGIN
        UPDATE journal_entry SET tag_text = {_TAG_TEXT} WHERE id = new.entry_id;
    END
    """,
    f"""
    CREATE TRIGGER journal_entry_tag_after_delete AFTER DELETE ON journal_entry_tag BEGIN
        UPDATE journal_entry SET tag_text = {_TAG_TEXT} WHERE id = old.entry_id;
    END
    """,
    f"""
    CREATE TRIGGER tag_after_rename AFTER UPDATE OF name ON tag BEGIN
        UPDATE journal_entry SET tag_text = {_TAG_TEXT}
        WHERE id IN (SELECT entry_id FROM journal_entry_tag WHERE tag_id = new.id);
    END
    """,
]

SEARCH_OBJECTS = [
    ("TRIGGER", "tag_after_rename"),
    ("TRIGGER", "journal_entry_tag_after_delete"),
    ("TRIGGER", "journal_entry_tag_after_insert"),
    ("TRIGGER", "journal_search_after_update"),
    ("TRIGGER", "journal_search_after_delete"),
    ("TRIGGER", "journal_search_after_insert"),
    ("TABLE", "journal_search"),
]


def downgrade() -> None:
    for kind, name in SEARCH_OBJECTS:
        op.execute(f"DROP {kind} IF EXISTS {name}")
    with op.batch_alter_table("journal_template", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_journal_template_kind"))
    op.drop_table("journal_template")
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
