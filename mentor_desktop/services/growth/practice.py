"""Practice use cases: plan, run, measure, finish and debrief experiments and assignments.

Every method is one transaction that validates first. Removals return a snapshot that the
matching `restore_*` puts back with the same ids (that is how undo works).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from mentor_desktop.domain.errors import ValidationError
from mentor_desktop.domain.growth.practice import (
    Measurement,
    MeasurementDraft,
    Practice,
    PracticeDraft,
    PracticeOrigin,
    PracticeStatus,
    check_practice_move,
    validate_measurement,
    validate_practice,
    validate_practice_text,
)
from mentor_desktop.services.growth.base import GrowthBase, rows
from mentor_desktop.storage.repositories import growth_reads
from mentor_desktop.storage.uow import UnitOfWork

DEBRIEF_TEXTS = ("what_happened", "lessons", "gaps_found", "next_step")


@dataclass(frozen=True, slots=True)
class DeletedPractice:
    """A deleted practice with what pointed to it, for `restore_practice`."""

    practice: Practice
    entry_ids: tuple[int, ...]
    change_ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class StatusChange:
    """A practice before and after a status move (undo puts `before` back)."""

    before: Practice
    after: Practice


class PracticeService(GrowthBase):
    """Everything the Practice page (and the CLI, reports, agenda) does with practice."""

    def list_practice(self) -> list[Practice]:
        with self._uow() as uow:
            return growth_reads.load_practice(uow.session.connection())

    def get_practice(self, practice_id: int) -> Practice:
        with self._uow() as uow:
            return growth_reads.load_one_practice(uow.session.connection(), practice_id)

    def _load(self, uow: UnitOfWork, practice_id: int) -> Practice:
        return growth_reads.load_one_practice(uow.session.connection(), practice_id)

    # ---------------------------------------------------------------- edit

    def create_practice(
        self, draft: PracticeDraft, status: PracticeStatus = PracticeStatus.PLANNED
    ) -> Practice:
        validate_practice(draft)
        with self._uow() as uow:
            self._check(uow, draft)
            practice_id = rows(uow).create_practice(draft, status)
            return self._load(uow, practice_id)

    def update_practice(self, practice_id: int, draft: PracticeDraft) -> Practice:
        validate_practice(draft)
        with self._uow() as uow:
            self._check(uow, draft)
            rows(uow).update_practice(practice_id, draft)
            return self._load(uow, practice_id)

    def _check(self, uow: UnitOfWork, draft: PracticeDraft) -> None:
        self.check_links(
            uow, goal_ids=draft.goal_ids, skill_ids=draft.skill_ids, session_id=draft.session_id
        )

    def move_practice(
        self, practice_id: int, status: PracticeStatus, on: date | None = None
    ) -> StatusChange:
        """Planned -> running -> done or dropped (see PRACTICE_MOVES); finishing dates it."""
        with self._uow() as uow:
            before = self._load(uow, practice_id)
            check_practice_move(before.status, status)
            finished_on = (on or self._today()) if status.is_finished else None
            if finished_on and before.start_date and finished_on < before.start_date:
                raise ValidationError.single(
                    "status", f"It cannot finish before it starts ({before.start_date})."
                )
            rows(uow).set_practice_status(practice_id, status, finished_on)
            return StatusChange(before, self._load(uow, practice_id))

    def put_status_back(self, before: Practice) -> Practice:
        """Undo a move: the status and finish date as they were."""
        with self._uow() as uow:
            rows(uow).set_practice_status(before.id, before.status, before.finished_on)
            return self._load(uow, before.id)

    def save_text(self, practice_id: int, name: str, text: str) -> Practice:
        """Save the hypothesis or a debrief answer (autosaved as typed)."""
        validate_practice_text(name, text)
        with self._uow() as uow:
            current = self._load(uow, practice_id)
            debriefed_on = current.debriefed_on
            if name in DEBRIEF_TEXTS and debriefed_on is None and text.strip():
                debriefed_on = self._today()
            rows(uow).set_practice_text(practice_id, name, text, debriefed_on)
            return self._load(uow, practice_id)

    # ---------------------------------------------------------------- measurements

    def add_measurement(self, practice_id: int, draft: MeasurementDraft) -> Measurement:
        with self._uow() as uow:
            practice = self._load(uow, practice_id)
            validate_measurement(draft, practice, self._today())
            measurement_id = rows(uow).add_measurement(practice_id, draft)
            return next(
                m for m in self._load(uow, practice_id).measurements if m.id == measurement_id
            )

    def delete_measurement(self, measurement_id: int) -> Measurement:
        with self._uow() as uow:
            return rows(uow).delete_measurement(measurement_id)

    def restore_measurement(self, measurement: Measurement) -> Measurement:
        with self._uow() as uow:
            rows(uow).restore_measurement(measurement)
            return measurement

    # ---------------------------------------------------------------- delete

    def delete_practice(self, practice_id: int) -> DeletedPractice:
        with self._uow() as uow:
            practice = self._load(uow, practice_id)
            repo = rows(uow)
            entries, changes = repo.practice_references(practice_id)
            repo.delete_practice(practice_id)
            return DeletedPractice(practice, tuple(entries), tuple(changes))

    def restore_practice(self, deleted: DeletedPractice) -> Practice:
        with self._uow() as uow:
            practice = deleted.practice
            restored = replace(  # links to what was deleted meanwhile are left out
                practice,
                skill_ids=self.live(uow, "skill", practice.skill_ids),
                goal_ids=self.live(uow, "goal", practice.goal_ids),
                session_id=practice.session_id
                if self.live(uow, "session", [practice.session_id or 0])
                else None,
            )
            rows(uow).restore_practice(
                restored, self.live(uow, "journal_entry", deleted.entry_ids), deleted.change_ids
            )
            return self._load(uow, practice.id)

    # ---------------------------------------------------------------- next steps

    def next_step_as_practice(self, practice_id: int) -> Practice:
        """A new planned practice from a debrief's next step (same skills and goals)."""
        with self._uow() as uow:
            source = self._load(uow, practice_id)
            step = source.debrief.next_step.strip()
            if not step:
                raise ValidationError.single("next_step", "Write the next step first.")
            title = step.splitlines()[0][:120]
            draft = PracticeDraft(
                title=title,
                kind=source.kind,
                origin=PracticeOrigin.OWN,
                start_date=self._today(),
                skill_ids=source.skill_ids,
                goal_ids=source.goal_ids,
            )
            validate_practice(draft)
            repo = rows(uow)
            new_id = repo.create_practice(draft, PracticeStatus.PLANNED)
            repo.set_practice_text(new_id, "hypothesis", step, None)
            return self._load(uow, new_id)

    def next_step_as_action(self, practice_id: int, due: date | None = None) -> int:
        """An action item of mine from a debrief's next step; returns its id."""
        with self._uow() as uow:
            step = self._load(uow, practice_id).debrief.next_step.strip()
            if not step:
                raise ValidationError.single("next_step", "Write the next step first.")
            return rows(uow).add_action_item(step, due)

    def remove_action(self, action_id: int) -> None:
        with self._uow() as uow:
            rows(uow).delete_action_item(action_id)
