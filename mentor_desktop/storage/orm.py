"""ORM tables. Every schema change here needs an Alembic revision in `migrations/versions`."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

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
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Timestamped:
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(
        DateTime, default=utcnow, onupdate=utcnow, nullable=False
    )


class MentorRow(Timestamped, Base):
    __tablename__ = "mentor"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(300), nullable=False)
    role: Mapped[str] = mapped_column(String(300), default="", nullable=False)
    organisation: Mapped[str] = mapped_column(String(300), default="", nullable=False)
    contact: Mapped[str] = mapped_column(String(500), default="", nullable=False)

    mentorships: Mapped[list[MentorshipRow]] = relationship(back_populates="mentor")


class MentorshipRow(Timestamped, Base):
    """The mentorship agreement with one mentor."""

    __tablename__ = "mentorship"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    mentor_id: Mapped[int] = mapped_column(
        ForeignKey("mentor.id", ondelete="RESTRICT"), index=True, nullable=False
    )
    purpose: Mapped[str] = mapped_column(Text, default="", nullable=False)
    hopes: Mapped[str] = mapped_column(Text, default="", nullable=False)
    offers: Mapped[str] = mapped_column(Text, default="", nullable=False)
    mentor_expectations: Mapped[str] = mapped_column(Text, default="", nullable=False)
    mentee_expectations: Mapped[str] = mapped_column(Text, default="", nullable=False)
    cadence: Mapped[str] = mapped_column(Text, default="", nullable=False)
    communication: Mapped[str] = mapped_column(Text, default="", nullable=False)
    confidentiality: Mapped[str] = mapped_column(Text, default="", nullable=False)
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    review_date: Mapped[date | None] = mapped_column(Date)
    active: Mapped[bool] = mapped_column(Boolean, default=True, nullable=False)

    mentor: Mapped[MentorRow] = relationship(back_populates="mentorships")


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


# ---------------------------------------------------------------- journal


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


# ---------------------------------------------------------------- sessions


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
            "'carried')",
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


class ProfileRow(Timestamped, Base):
    """My name, role and organisation, as shown in the brief and the review pack (one row)."""

    __tablename__ = "profile"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(300), default="", nullable=False)
    role: Mapped[str] = mapped_column(String(300), default="", nullable=False)
    organisation: Mapped[str] = mapped_column(String(300), default="", nullable=False)
