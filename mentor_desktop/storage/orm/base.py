"""The declarative base, naming convention and shared column mixins of every table."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import DateTime, MetaData, inspect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """The current time in UTC, without tzinfo (how SQLite stores it)."""
    return datetime.now(UTC).replace(tzinfo=None)


#: Table option for rows whose deletion can be undone: SQLite then never hands a deleted id to
#: a new row, so putting the deleted row back with its id always works (migration 0004).
NEVER_REUSE_IDS = {"sqlite_autoincrement": True}


class Base(DeclarativeBase):
    """The declarative base every table derives from."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def row_id(row: Base) -> int:
    """The integer primary key of a flushed row (every table but the link tables has one)."""
    identity = inspect(row).identity
    if identity is None or len(identity) != 1:
        raise ValueError(f"{type(row).__name__} has no single primary key yet")
    return int(identity[0])


class Timestamped:
    """`created_at` and `updated_at` columns, kept by the ORM."""

    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime, default=utcnow, onupdate=utcnow, nullable=False
    )
