"""My profile (name, role, organisation): read it, and save it after checking it."""

from __future__ import annotations

from dataclasses import replace

from mentor_desktop.domain.errors import ValidationError
from mentor_desktop.domain.profile import Profile
from mentor_desktop.storage.repositories import profile as repository
from mentor_desktop.storage.uow import UnitOfWorkFactory


class ProfileService:
    """The one profile the brief and the review pack name."""

    def __init__(self, uow_factory: UnitOfWorkFactory) -> None:
        self._uow = uow_factory

    def profile(self) -> Profile:
        with self._uow() as uow:
            return repository.load_profile(uow.session.connection())

    def save(self, profile: Profile) -> Profile:
        """Keep `profile` (surrounding spaces trimmed) and return it as saved.

        Raises ValidationError naming each field that is too long; nothing is written then.
        """
        cleaned = replace(
            profile,
            name=profile.name.strip(),
            role=profile.role.strip(),
            organisation=profile.organisation.strip(),
        )
        problems = cleaned.problems()
        if problems:
            raise ValidationError(problems)
        with self._uow() as uow:
            repository.save_profile(uow.session, cleaned)
        return cleaned
