"""The closing reflection of the review pack is kept in the database

It used to live in the application's settings under a name made from the database's path,
so moving, renaming or restoring the file lost it and backups and exports left it out.
One row (id 1) holds the reflection as last typed.

Revision ID: 0005_review_reflection
Revises: 0004_ids_never_reused
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_review_reflection"
down_revision = "0004_ids_never_reused"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "review_reflection",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_review_reflection_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_reflection")),
    )


def downgrade() -> None:
    op.drop_table("review_reflection")
