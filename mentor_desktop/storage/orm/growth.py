"""ORM tables of the growth loop: practice, measurements, skills, level changes, opportunities
(migration 0007 creates them)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, Date, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from mentor_desktop.storage.orm.base import NEVER_REUSE_IDS, Base, Timestamped


class PracticeRow(Timestamped, Base):
    """An experiment, assignment or small project, with its metric and its debrief."""

    __tablename__ = "practice"
    __table_args__ = (
        CheckConstraint("kind IN ('experiment', 'assignment', 'project')", name="kind"),
        CheckConstraint("origin IN ('session', 'mentor', 'own')", name="origin"),
        CheckConstraint("status IN ('planned', 'running', 'done', 'dropped')", name="status"),
        CheckConstraint(
            "due_date IS NULL OR start_date IS NULL OR due_date >= start_date", name="dates"
        ),
        NEVER_REUSE_IDS,
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    #: Raised on every update, so a stale write fails instead of winning.
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    title: Mapped[str] = mapped_column(String(300), nullable=False)
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    origin: Mapped[str] = mapped_column(String(20), nullable=False)
    session_id: Mapped[int | None] = mapped_column(
        ForeignKey("session.id", ondelete="SET NULL"), index=True
    )
    status: Mapped[str] = mapped_column(String(20), nullable=False, index=True)
    start_date: Mapped[date | None] = mapped_column(Date)
    due_date: Mapped[date | None] = mapped_column(Date, index=True)
    finished_on: Mapped[date | None] = mapped_column(Date)
    hypothesis: Mapped[str] = mapped_column(Text, default="", nullable=False)
    metric_name: Mapped[str | None] = mapped_column(String(100))
    metric_unit: Mapped[str] = mapped_column(String(30), default="", nullable=False)
    metric_baseline: Mapped[float | None] = mapped_column(Float)
    metric_target: Mapped[float | None] = mapped_column(Float)
    what_happened: Mapped[str] = mapped_column(Text, default="", nullable=False)
    lessons: Mapped[str] = mapped_column(Text, default="", nullable=False)
    gaps_found: Mapped[str] = mapped_column(Text, default="", nullable=False)
    next_step: Mapped[str] = mapped_column(Text, default="", nullable=False)
    debriefed_on: Mapped[date | None] = mapped_column(Date)

    __mapper_args__ = {"version_id_col": version}


class MeasurementRow(Timestamped, Base):
    """A dated value of a practice's metric."""

    __tablename__ = "measurement"
    __table_args__ = (NEVER_REUSE_IDS,)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    practice_id: Mapped[int] = mapped_column(
        ForeignKey("practice.id", ondelete="CASCADE"), index=True, nullable=False
    )
    measured_on: Mapped[date] = mapped_column(Date, nullable=False)
    value: Mapped[float] = mapped_column(Float, nullable=False)
    note: Mapped[str] = mapped_column(Text, default="", nullable=False)


class PracticeSkillRow(Base):
    __tablename__ = "practice_skill"

    practice_id: Mapped[int] = mapped_column(
        ForeignKey("practice.id", ondelete="CASCADE"), primary_key=True
    )
    skill_id: Mapped[int] = mapped_column(
        ForeignKey("skill.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class PracticeGoalRow(Base):
    __tablename__ = "practice_goal"

    practice_id: Mapped[int] = mapped_column(
        ForeignKey("practice.id", ondelete="CASCADE"), primary_key=True
    )
    goal_id: Mapped[int] = mapped_column(
        ForeignKey("goal.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class SkillRow(Timestamped, Base):
    """A competency on the map: area, current and target level (1–5), why it matters."""

    __tablename__ = "skill"
    __table_args__ = (
        CheckConstraint("current_level BETWEEN 1 AND 5", name="current_level"),
        CheckConstraint("target_level BETWEEN 1 AND 5", name="target_level"),
        NEVER_REUSE_IDS,
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    #: Raised on every update, so a stale write fails instead of winning.
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    name: Mapped[str] = mapped_column(String(100, collation="NOCASE"), unique=True, nullable=False)
    area: Mapped[str] = mapped_column(String(100), nullable=False)
    current_level: Mapped[int] = mapped_column(Integer, nullable=False)
    target_level: Mapped[int] = mapped_column(Integer, nullable=False)
    why: Mapped[str] = mapped_column(Text, default="", nullable=False)
    since: Mapped[date] = mapped_column(Date, nullable=False)

    __mapper_args__ = {"version_id_col": version}


class SkillGoalRow(Base):
    __tablename__ = "skill_goal"

    skill_id: Mapped[int] = mapped_column(
        ForeignKey("skill.id", ondelete="CASCADE"), primary_key=True
    )
    goal_id: Mapped[int] = mapped_column(
        ForeignKey("goal.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class SkillChangeRow(Timestamped, Base):
    """A dated level change with its reason and evidence (an entry, a debrief, feedback)."""

    __tablename__ = "skill_change"
    __table_args__ = (
        CheckConstraint("field IN ('current', 'target')", name="field"),
        CheckConstraint("old_level BETWEEN 1 AND 5 AND new_level BETWEEN 1 AND 5", name="levels"),
        NEVER_REUSE_IDS,
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    skill_id: Mapped[int] = mapped_column(
        ForeignKey("skill.id", ondelete="CASCADE"), index=True, nullable=False
    )
    field: Mapped[str] = mapped_column(String(10), nullable=False)
    old_level: Mapped[int] = mapped_column(Integer, nullable=False)
    new_level: Mapped[int] = mapped_column(Integer, nullable=False)
    changed_on: Mapped[date] = mapped_column(Date, index=True, nullable=False)
    reason: Mapped[str] = mapped_column(Text, default="", nullable=False)
    journal_entry_id: Mapped[int | None] = mapped_column(
        ForeignKey("journal_entry.id", ondelete="SET NULL"), index=True
    )
    practice_id: Mapped[int | None] = mapped_column(
        ForeignKey("practice.id", ondelete="SET NULL"), index=True
    )
    feedback_id: Mapped[int | None] = mapped_column(
        ForeignKey("feedback.id", ondelete="SET NULL"), index=True
    )


class OpportunityRow(Timestamped, Base):
    """A stretch role, project, talk, introduction or course, and where it stands."""

    __tablename__ = "opportunity"
    __table_args__ = (
        CheckConstraint(
            "kind IN ('stretch_role', 'project', 'talk', 'introduction', 'course', 'other')",
            name="kind",
        ),
        CheckConstraint("source IN ('mentor', 'network', 'myself')", name="source"),
        CheckConstraint(
            "status IN ('spotted', 'exploring', 'pursuing', 'won', 'declined', 'missed')",
            name="status",
        ),
        CheckConstraint("impact BETWEEN 1 AND 5 AND risk BETWEEN 1 AND 5", name="ratings"),
        NEVER_REUSE_IDS,
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    #: Raised on every update, so a stale write fails instead of winning.
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    title: Mapped[str] = mapped_column(String(300), nullable=False)
    kind: Mapped[str] = mapped_column(String(20), nullable=False)
    source: Mapped[str] = mapped_column(String(20), nullable=False)
    deadline: Mapped[date | None] = mapped_column(Date, index=True)
    impact: Mapped[int] = mapped_column(Integer, nullable=False)
    risk: Mapped[int] = mapped_column(Integer, nullable=False)
    status: Mapped[str] = mapped_column(String(20), nullable=False, index=True)
    risk_notes: Mapped[str] = mapped_column(Text, default="", nullable=False)
    value_pitch: Mapped[str] = mapped_column(Text, default="", nullable=False)
    outcome: Mapped[str] = mapped_column(Text, default="", nullable=False)
    do_differently: Mapped[str] = mapped_column(Text, default="", nullable=False)

    __mapper_args__ = {"version_id_col": version}


class OpportunityMoveRow(Timestamped, Base):
    """A dated step along the pipeline (`from_status` NULL: when it was spotted)."""

    __tablename__ = "opportunity_move"
    __table_args__ = (NEVER_REUSE_IDS,)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    opportunity_id: Mapped[int] = mapped_column(
        ForeignKey("opportunity.id", ondelete="CASCADE"), index=True, nullable=False
    )
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20), nullable=False)
    moved_on: Mapped[date] = mapped_column(Date, nullable=False)
    note: Mapped[str] = mapped_column(Text, default="", nullable=False)


class OpportunitySkillRow(Base):
    __tablename__ = "opportunity_skill"

    opportunity_id: Mapped[int] = mapped_column(
        ForeignKey("opportunity.id", ondelete="CASCADE"), primary_key=True
    )
    skill_id: Mapped[int] = mapped_column(
        ForeignKey("skill.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class OpportunityGoalRow(Base):
    __tablename__ = "opportunity_goal"

    opportunity_id: Mapped[int] = mapped_column(
        ForeignKey("opportunity.id", ondelete="CASCADE"), primary_key=True
    )
    goal_id: Mapped[int] = mapped_column(
        ForeignKey("goal.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class JournalEntryPracticeRow(Base):
    __tablename__ = "journal_entry_practice"

    entry_id: Mapped[int] = mapped_column(
        ForeignKey("journal_entry.id", ondelete="CASCADE"), primary_key=True
    )
    practice_id: Mapped[int] = mapped_column(
        ForeignKey("practice.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class JournalEntryOpportunityRow(Base):
    __tablename__ = "journal_entry_opportunity"

    entry_id: Mapped[int] = mapped_column(
        ForeignKey("journal_entry.id", ondelete="CASCADE"), primary_key=True
    )
    opportunity_id: Mapped[int] = mapped_column(
        ForeignKey("opportunity.id", ondelete="CASCADE"), primary_key=True, index=True
    )


GROWTH_TABLES = (
    "practice",
    "measurement",
    "practice_skill",
    "practice_goal",
    "skill",
    "skill_goal",
    "skill_change",
    "opportunity",
    "opportunity_move",
    "opportunity_skill",
    "opportunity_goal",
    "journal_entry_practice",
    "journal_entry_opportunity",
)
