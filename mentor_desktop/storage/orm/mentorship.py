"""Mentors and the mentorship agreement."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mentor_desktop.storage.orm.base import Base, Timestamped


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
