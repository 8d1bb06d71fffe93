"""The first start: is the database still empty, and the guided set-up that fills it.

The set-up writes my profile, my first mentor and agreement (with its rhythm) and my first
goal. Everything is checked before anything is written; the writes then go one after the
other, and `SetupProgress` remembers what is already saved, so trying again after a failed
write (a full disk) never writes anything twice.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from mentor_desktop.domain.errors import ValidationError
from mentor_desktop.domain.models import GoalDraft
from mentor_desktop.domain.profile import Profile
from mentor_desktop.domain.rules import validate_goal
from mentor_desktop.domain.sessions import AgreementDraft
from mentor_desktop.domain.sessions.validation import validate_agreement
from mentor_desktop.storage.repositories.plain_sql import has_content
from mentor_desktop.storage.uow import UnitOfWorkFactory

if TYPE_CHECKING:  # built only when the set-up runs: start-up only asks `is_empty`
    from mentor_desktop.services.goals import GoalService
    from mentor_desktop.services.profile import ProfileService
    from mentor_desktop.services.sessions import SessionService


@dataclass(frozen=True)
class SetupDraft:
    """What the guided set-up asks: me, my mentor and our rhythm, my first goal (optional)."""

    profile: Profile
    agreement: AgreementDraft
    goal: GoalDraft | None = None


@dataclass
class SetupProgress:
    """What a set-up has saved so far (ids), so a retry continues where it stopped."""

    saved: set[str] = field(default_factory=set)
    mentorship_id: int | None = None
    goal_id: int | None = None


def setup_errors(draft: SetupDraft) -> dict[str, str]:
    """Field -> message for everything wrong in the set-up ("profile.name", "mentor.name",
    "rules.0.rrule", "goal.title"…); empty when it can be saved."""
    errors = {f"profile.{name}": text for name, text in draft.profile.problems().items()}
    errors.update(validate_agreement(draft.agreement))
    if draft.goal is not None:
        try:
            validate_goal(draft.goal)
        except ValidationError as exc:
            errors.update({f"goal.{name}": text for name, text in exc.errors.items()})
    return errors


class FirstStartService:
    """Tells an empty database from a started one, and runs the guided set-up."""

    def __init__(
        self,
        uow_factory: UnitOfWorkFactory,
        profile: Callable[[], ProfileService],
        sessions: Callable[[], SessionService],
        goals: Callable[[], GoalService],
    ) -> None:
        self._uow = uow_factory
        self._profile = profile
        self._sessions = sessions
        self._goals = goals

    def is_empty(self) -> bool:
        """True when there is no goal, mentor or journal entry yet (plain SQL, no ORM)."""
        with self._uow() as uow:
            return not has_content(uow.session.connection())

    def set_up(self, draft: SetupDraft, progress: SetupProgress | None = None) -> SetupProgress:
        """Check everything, then save what `progress` has not saved yet.

        Raises ValidationError (nothing written) or the error of a failed write (what was
        saved before it stays saved and is recorded in `progress`).
        """
        errors = setup_errors(draft)
        if errors:
            raise ValidationError(errors)
        progress = progress or SetupProgress()
        if "profile" not in progress.saved:
            self._profile().save(draft.profile)
            progress.saved.add("profile")
        if "agreement" not in progress.saved:
            progress.mentorship_id = self._sessions().save_agreement(None, draft.agreement).id
            progress.saved.add("agreement")
        if draft.goal is not None and "goal" not in progress.saved:
            progress.goal_id = self._goals().create_goal(draft.goal).id
            progress.saved.add("goal")
        return progress
