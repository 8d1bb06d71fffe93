"""My profile: name, role and organisation, kept in the database

The brief and the review pack name the person they are about. One row (id 1) holds it, so
backups, exports and restores carry it with the rest of the data.

Revision ID: 0006_profile
Revises: 0005_review_reflection
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_profile"
down_revision = "0005_review_reflection"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "profile",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("role", sa.String(length=300), nullable=False),
        sa.Column("organisation", sa.String(length=300), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_profile_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_profile")),
    )


def downgrade() -> None:
    op.drop_table("profile")
