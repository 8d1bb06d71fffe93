"""My own profile: name, role and organisation."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from mentor_desktop.storage.orm.base import Base, Timestamped


class ProfileRow(Timestamped, Base):
    """My name, role and organisation, as shown in the brief and the review pack (one row)."""

    __tablename__ = "profile"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(300), default="", nullable=False)
    role: Mapped[str] = mapped_column(String(300), default="", nullable=False)
    organisation: Mapped[str] = mapped_column(String(300), default="", nullable=False)
