"""Cadence rules, sessions, agenda items, action items, feedback and the review reflection."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from mentor_desktop.storage.orm.base import NEVER_REUSE_IDS, Base, Timestamped


class CadenceRuleRow(Timestamped, Base):
    """One recurring slot of a mentorship's cadence: an RFC 5545 RRULE, first start, length."""

    __tablename__ = "cadence_rule"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    mentorship_id: Mapped[int] = mapped_column(
        ForeignKey("mentorship.id", ondelete="CASCADE"), index=True, nullable=False
    )
    label: Mapped[str] = mapped_column(String(100), nullable=False)
    rrule: Mapped[str] = mapped_column(Text, nullable=False)
    first_start: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    duration_minutes: Mapped[int] = mapped_column(Integer, default=60, nullable=False)
    position: Mapped[int] = mapped_column(Integer, default=0, nullable=False)


class SessionRow(Timestamped, Base):
    """A stored session: ad hoc, or an occurrence of a cadence rule that was prepared,
    moved, cancelled or held (`rule_id` + `original_start` name the occurrence)."""

    __tablename__ = "session"
    __table_args__ = (
        CheckConstraint("status IN ('planned', 'done', 'cancelled', 'moved')", name="status"),
        UniqueConstraint("rule_id", "original_start", name="uq_session_occurrence"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    mentorship_id: Mapped[int] = mapped_column(
        ForeignKey("mentorship.id", ondelete="CASCADE"), index=True, nullable=False
    )
    rule_id: Mapped[int | None] = mapped_column(
        ForeignKey("cadence_rule.id", ondelete="SET NULL"), index=True
    )
    original_start: Mapped[datetime | None] = mapped_column(DateTime)
    start: Mapped[datetime] = mapped_column(DateTime, index=True, nullable=False)
    duration_minutes: Mapped[int] = mapped_column(Integer, default=60, nullable=False)
    label: Mapped[str] = mapped_column(String(100), default="Session", nullable=False)
    status: Mapped[str] = mapped_column(String(20), default="planned", nullable=False)
    personal_update: Mapped[str] = mapped_column(Text, default="", nullable=False)
    notes: Mapped[str] = mapped_column(Text, default="", nullable=False)
    takeaways: Mapped[str] = mapped_column(Text, default="", nullable=False)


class AgendaItemRow(Timestamped, Base):
    """A line of a session's agenda; `source`/`source_id` name the suggestion it came from."""

    __tablename__ = "agenda_item"
    __table_args__ = (
        CheckConstraint("kind IN ('topic', 'question', 'update')", name="kind"),
        CheckConstraint(
            "source IN ('own', 'journal', 'action', 'milestone', 'recalibration', 'win', "
            "'carried', 'practice', 'skill', 'opportunity')",
            name="source",
        ),
        NEVER_REUSE_IDS,
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("session.id", ondelete="CASCADE"), index=True, nullable=False
    )
    position: Mapped[int] = mapped_column(Integer, default=0, nullable=False)
    kind: Mapped[str] = mapped_column(String(20), default="topic", nullable=False)
    text: Mapped[str] = mapped_column(Text, nullable=False)
    source: Mapped[str] = mapped_column(String(20), default="own", nullable=False)
    source_id: Mapped[int | None] = mapped_column(Integer)
    carried_from_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="SET NULL"), index=True
    )
    discussed: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    dropped: Mapped[bool] = mapped_column(Boolean, default=False, nullable=False)
    notes: Mapped[str] = mapped_column(Text, default="", nullable=False)


class ActionItemRow(Timestamped, Base):
    """A commitment made in (or around) a session, by me or by my mentor."""

    __tablename__ = "action_item"
    __table_args__ = (CheckConstraint("owner IN ('me', 'mentor')", name="owner"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int | None] = mapped_column(
        ForeignKey("session.id", ondelete="SET NULL"), index=True
    )
    owner: Mapped[str] = mapped_column(String(10), default="me", nullable=False)
    text: Mapped[str] = mapped_column(Text, nullable=False)
    due_date: Mapped[date | None] = mapped_column(Date, index=True)
    done_date: Mapped[date | None] = mapped_column(Date, index=True)
    goal_id: Mapped[int | None] = mapped_column(
        ForeignKey("goal.id", ondelete="SET NULL"), index=True
    )


class FeedbackRow(Timestamped, Base):
    """Feedback received in a session: situation, behaviour, impact, and my response."""

    __tablename__ = "feedback"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("session.id", ondelete="CASCADE"), index=True, nullable=False
    )
    situation: Mapped[str] = mapped_column(Text, default="", nullable=False)
    behaviour: Mapped[str] = mapped_column(Text, default="", nullable=False)
    impact: Mapped[str] = mapped_column(Text, default="", nullable=False)
    response: Mapped[str] = mapped_column(Text, default="", nullable=False)


class ReviewReflectionRow(Timestamped, Base):
    """The closing reflection for the review pack, as last typed (one row, id 1)."""

    __tablename__ = "review_reflection"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    text: Mapped[str] = mapped_column(Text, default="", nullable=False)
