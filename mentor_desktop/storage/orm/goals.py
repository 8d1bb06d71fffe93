"""Goals, milestones, steps, recalibrations and resources."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, CheckConstraint, Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mentor_desktop.storage.orm.base import NEVER_REUSE_IDS, Base, Timestamped, utcnow


class GoalRow(Timestamped, Base):
    __tablename__ = "goal"
    __table_args__ = (
        CheckConstraint("kind IN ('career', 'personal')", name="kind"),
        CheckConstraint("status IN ('active', 'achieved', 'paused', 'dropped')", name="status"),
        NEVER_REUSE_IDS,
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(300), nullable=False)
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    status: Mapped[str] = mapped_column(String(20), nullable=False, index=True)
    why: Mapped[str] = mapped_column(Text, default="", nullable=False)
    success_measure: Mapped[str] = mapped_column(Text, default="", nullable=False)
    start_date: Mapped[date | None] = mapped_column(Date)
    target_date: Mapped[date | None] = mapped_column(Date)
    position: Mapped[int] = mapped_column(Integer, default=0, nullable=False)

    milestones: Mapped[list[MilestoneRow]] = relationship(
        back_populates="goal",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="MilestoneRow.position",
    )
    resources: Mapped[list[ResourceRow]] = relationship(
        back_populates="goal",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="ResourceRow.position",
    )
    changes: Mapped[list[GoalChangeRow]] = relationship(
        back_populates="goal",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="GoalChangeRow.changed_at",
    )


class MilestoneRow(Timestamped, Base):
    __tablename__ = "milestone"
    __table_args__ = (NEVER_REUSE_IDS,)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    goal_id: Mapped[int] = mapped_column(
        ForeignKey("goal.id", ondelete="CASCADE"), index=True, nullable=False
    )
    title: Mapped[str] = mapped_column(String(300), nullable=False)
    due_date: Mapped[date | None] = mapped_column(Date, index=True)
    done_date: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="", nullable=False)
    position: Mapped[int] = mapped_column(Integer, default=0, nullable=False)

    goal: Mapped[GoalRow] = relationship(back_populates="milestones")
    steps: Mapped[list[StepRow]] = relationship(
        back_populates="milestone",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="StepRow.position",
    )


class StepRow(Timestamped, Base):
    __tablename__ = "step"
    __table_args__ = (NEVER_REUSE_IDS,)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    milestone_id: Mapped[int] = mapped_column(
        ForeignKey("milestone.id", ondelete="CASCADE"), index=True, nullable=False
    )
    title: Mapped[str] = mapped_column(String(300), nullable=False)
    done: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    position: Mapped[int] = mapped_column(Integer, default=0, nullable=False)

    milestone: Mapped[MilestoneRow] = relationship(back_populates="steps")


class GoalChangeRow(Timestamped, Base):
    """A recalibration: a target or due date that moved, and why."""

    __tablename__ = "goal_change"
    __table_args__ = (NEVER_REUSE_IDS,)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    goal_id: Mapped[int] = mapped_column(
        ForeignKey("goal.id", ondelete="CASCADE"), index=True, nullable=False
    )
    milestone_id: Mapped[int | None] = mapped_column(
        ForeignKey("milestone.id", ondelete="SET NULL"), index=True
    )
    field: Mapped[str] = mapped_column(String(30), nullable=False)
    subject: Mapped[str] = mapped_column(String(300), nullable=False)
    old_value: Mapped[date | None] = mapped_column(Date)
    new_value: Mapped[date | None] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text, default="", nullable=False)
    changed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)

    goal: Mapped[GoalRow] = relationship(back_populates="changes")
    milestone: Mapped[MilestoneRow | None] = relationship()


class ResourceRow(Timestamped, Base):
    __tablename__ = "resource"
    __table_args__ = (
        CheckConstraint("kind IN ('book', 'course', 'contact', 'link')", name="kind"),
        CheckConstraint("status IN ('todo', 'in_progress', 'done')", name="status"),
        NEVER_REUSE_IDS,
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    goal_id: Mapped[int] = mapped_column(
        ForeignKey("goal.id", ondelete="CASCADE"), index=True, nullable=False
    )
    title: Mapped[str] = mapped_column(String(300), nullable=False)
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    status: Mapped[str] = mapped_column(String(20), nullable=False)
    location: Mapped[str] = mapped_column(Text, default="", nullable=False)
    notes: Mapped[str] = mapped_column(Text, default="", nullable=False)
    position: Mapped[int] = mapped_column(Integer, default=0, nullable=False)

    goal: Mapped[GoalRow] = relationship(back_populates="resources")
