"""Journal entries, tags, goal and milestone links, and writing templates."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mentor_desktop.storage.orm.base import NEVER_REUSE_IDS, Base, Timestamped
from mentor_desktop.storage.orm.goals import GoalRow, MilestoneRow

if TYPE_CHECKING:
    from mentor_desktop.storage.orm.growth import OpportunityRow, PracticeRow


class JournalEntryRow(Timestamped, Base):
    """A dated Markdown entry in the learning journal."""

    __tablename__ = "journal_entry"
    __table_args__ = (
        CheckConstraint(
            "kind IN ('reflection', 'win', 'setback', 'insight', 'feedback')", name="kind"
        ),
        CheckConstraint("mood IS NULL OR mood BETWEEN 1 AND 5", name="mood"),
        NEVER_REUSE_IDS,
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entry_date: Mapped[date] = mapped_column(Date, index=True, nullable=False)
    title: Mapped[str] = mapped_column(String(300), default="", nullable=False)
    body: Mapped[str] = mapped_column(Text, default="", nullable=False)
    kind: Mapped[str] = mapped_column(String(20), nullable=False, index=True)
    mood: Mapped[int | None] = mapped_column(Integer)
    flagged: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False, index=True)
    #: The entry's tag names joined by ", ", kept by triggers on journal_entry_tag and tag;
    #: indexed for search with the title and body. Never written by the ORM.
    tag_text: Mapped[str] = mapped_column(Text, server_default="", nullable=False)

    tags: Mapped[list[TagRow]] = relationship(secondary="journal_entry_tag", order_by="TagRow.name")
    goals: Mapped[list[GoalRow]] = relationship(secondary="journal_entry_goal")
    milestones: Mapped[list[MilestoneRow]] = relationship(secondary="journal_entry_milestone")
    #: Practice items and opportunities the entry is about (tables in `orm.growth`).
    practice: Mapped[list[PracticeRow]] = relationship(secondary="journal_entry_practice")
    opportunities: Mapped[list[OpportunityRow]] = relationship(
        secondary="journal_entry_opportunity"
    )


class TagRow(Base):
    __tablename__ = "tag"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100, collation="NOCASE"), unique=True, nullable=False)


class JournalEntryTagRow(Base):
    __tablename__ = "journal_entry_tag"

    entry_id: Mapped[int] = mapped_column(
        ForeignKey("journal_entry.id", ondelete="CASCADE"), primary_key=True
    )
    tag_id: Mapped[int] = mapped_column(
        ForeignKey("tag.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class JournalEntryGoalRow(Base):
    __tablename__ = "journal_entry_goal"

    entry_id: Mapped[int] = mapped_column(
        ForeignKey("journal_entry.id", ondelete="CASCADE"), primary_key=True
    )
    goal_id: Mapped[int] = mapped_column(
        ForeignKey("goal.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class JournalEntryMilestoneRow(Base):
    __tablename__ = "journal_entry_milestone"

    entry_id: Mapped[int] = mapped_column(
        ForeignKey("journal_entry.id", ondelete="CASCADE"), primary_key=True
    )
    milestone_id: Mapped[int] = mapped_column(
        ForeignKey("milestone.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class JournalTemplateRow(Timestamped, Base):
    """A writing prompt the user can edit; `kind` NULL means it fits every kind of entry."""

    __tablename__ = "journal_template"
    __table_args__ = (
        CheckConstraint(
            "kind IS NULL OR kind IN ('reflection', 'win', 'setback', 'insight', 'feedback')",
            name="kind",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str | None] = mapped_column(String(20), index=True)
    name: Mapped[str] = mapped_column(String(100), nullable=False)
    body: Mapped[str] = mapped_column(Text, default="", nullable=False)
    is_default: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    position: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
