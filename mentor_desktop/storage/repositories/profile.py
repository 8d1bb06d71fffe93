"""The profile row (my name, role and organisation): read and write as a domain Profile."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mentor_desktop.domain.profile import Profile
from mentor_desktop.storage.repositories.plain_sql import AnyConnection, run_sql

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def load_profile(connection: AnyConnection) -> Profile:
    """The saved profile (an empty one when none was saved); plain SQL, no ORM."""
    row = run_sql(
        connection, "SELECT name, role, organisation FROM profile WHERE id = 1"
    ).fetchone()
    return Profile(*row) if row is not None else Profile()


def save_profile(session: Session, profile: Profile) -> None:
    """Keep `profile` as the one profile row (created on first save)."""
    from mentor_desktop.storage.orm import ProfileRow

    row = session.get(ProfileRow, 1)
    if row is None:
        session.add(
            ProfileRow(
                id=1, name=profile.name, role=profile.role, organisation=profile.organisation
            )
        )
        return
    row.name, row.role, row.organisation = profile.name, profile.role, profile.organisation
