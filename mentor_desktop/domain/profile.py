"""The person who runs the mentorship: their name, role and organisation."""

from __future__ import annotations

from dataclasses import dataclass

#: The longest name, role or organisation kept, in characters.
MAX_PROFILE_FIELD = 300


@dataclass(frozen=True)
class Profile:
    """Who the brief and the review pack are about; every field may be empty."""

    name: str = ""
    role: str = ""
    organisation: str = ""

    @property
    def is_empty(self) -> bool:
        return not (self.name or self.role or self.organisation)

    def byline(self) -> str:
        """'Name, Role, Organisation' with the empty parts left out ('' when all are)."""
        return ", ".join(part for part in (self.name, self.role, self.organisation) if part)

    def problems(self) -> dict[str, str]:
        """Field name -> message for every field that is too long (empty: all fine)."""
        return {
            field: f"Keep it to {MAX_PROFILE_FIELD} characters (it is {len(value):,})."
            for field, value in (
                ("name", self.name),
                ("role", self.role),
                ("organisation", self.organisation),
            )
            if len(value) > MAX_PROFILE_FIELD
        }
