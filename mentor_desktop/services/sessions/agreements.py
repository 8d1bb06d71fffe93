"""Use cases: list, read and save mentorship agreements."""

from __future__ import annotations

from mentor_desktop.domain.errors import ValidationError
from mentor_desktop.domain.sessions import Agreement, AgreementDraft
from mentor_desktop.domain.sessions.validation import validate_agreement
from mentor_desktop.services.sessions.base import SessionUseCases
from mentor_desktop.storage.repositories.sessions import SessionRepository


class AgreementUseCases(SessionUseCases):
    """Agreements with their cadence rules."""

    def list_agreements(self) -> list[Agreement]:
        """Every agreement, active ones first, then the most recent."""
        with self._uow() as uow:
            return SessionRepository(uow.session).agreements()

    def agreement(self, mentorship_id: int) -> Agreement:
        with self._uow() as uow:
            return SessionRepository(uow.session).agreement(mentorship_id)

    def save_agreement(self, mentorship_id: int | None, draft: AgreementDraft) -> Agreement:
        """Create (`mentorship_id` None) or update an agreement with its cadence rules."""
        errors = validate_agreement(draft)
        if errors:
            raise ValidationError(errors)
        with self._uow() as uow:
            return SessionRepository(uow.session).save_agreement(mentorship_id, draft)
