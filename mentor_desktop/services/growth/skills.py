"""Skills use cases: map a skill, move its levels with a reason and evidence, act on gaps.

Every level change is kept (dated, with reason and evidence) the way goal recalibrations
are; undoing an edit forgets the changes it recorded.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from mentor_desktop.domain.errors import ValidationError
from mentor_desktop.domain.growth.skills import (
    Evidence,
    LevelChangeNote,
    Skill,
    SkillDraft,
    level_label,
    level_moves,
    order_by_gap,
    validate_skill,
    validate_skill_why,
)
from mentor_desktop.services.growth.base import GrowthBase, rows
from mentor_desktop.storage.repositories import growth_reads
from mentor_desktop.storage.uow import UnitOfWork

NO_NOTE = LevelChangeNote()


@dataclass(frozen=True, slots=True)
class SkillUpdate:
    """A skill after an edit, and the level changes the edit recorded (for undo)."""

    skill: Skill
    change_ids: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class SkillUsers:
    """What points to a skill: practice, opportunities, and level changes with evidence."""

    practice_ids: tuple[int, ...]
    opportunity_ids: tuple[int, ...]
    evidence_count: int

    @property
    def any(self) -> bool:
        return bool(self.practice_ids or self.opportunity_ids or self.evidence_count)


@dataclass(frozen=True, slots=True)
class DeletedSkill:
    skill: Skill
    practice_ids: tuple[int, ...]
    opportunity_ids: tuple[int, ...]


class SkillService(GrowthBase):
    """Everything the Skills page (and charts, reports, the CLI) does with skills."""

    def list_skills(self) -> list[Skill]:
        """Every skill, biggest gap first."""
        with self._uow() as uow:
            return order_by_gap(growth_reads.load_skills(uow.session.connection()))

    def get_skill(self, skill_id: int) -> Skill:
        with self._uow() as uow:
            return growth_reads.load_one_skill(uow.session.connection(), skill_id)

    def _load(self, uow: UnitOfWork, skill_id: int) -> Skill:
        return growth_reads.load_one_skill(uow.session.connection(), skill_id)

    def _validate(
        self,
        uow: UnitOfWork,
        draft: SkillDraft,
        note: LevelChangeNote,
        before: SkillDraft | None,
        skill_id: int | None = None,
    ) -> None:
        validate_skill(draft, note, before, self._today())
        if rows(uow).name_taken(draft.name, skill_id):
            raise ValidationError.single(
                "name", f"There is already a skill called “{draft.name.strip()}”."
            )
        e = note.evidence
        self.check_links(
            uow,
            goal_ids=draft.goal_ids,
            journal_entry_id=e.journal_entry_id,
            practice_id=e.practice_id,
            feedback_id=e.feedback_id,
        )

    # ---------------------------------------------------------------- edit

    def create_skill(
        self, draft: SkillDraft, note: LevelChangeNote = NO_NOTE, why: str = ""
    ) -> Skill:
        """Put a skill on the map (from `note.changed_on`, else today)."""
        validate_skill_why(why)
        with self._uow() as uow:
            self._validate(uow, draft, note, None)
            skill_id = rows(uow).create_skill(draft, note.changed_on or self._today(), why)
            return self._load(uow, skill_id)

    def update_skill(
        self, skill_id: int, draft: SkillDraft, note: LevelChangeNote = NO_NOTE
    ) -> SkillUpdate:
        """Save an edit; each level that moved is recorded with the note's reason and evidence."""
        with self._uow() as uow:
            before = self._load(uow, skill_id)
            self._validate(uow, draft, note, before.draft(), skill_id)
            on = note.changed_on or self._today()
            if on < before.since:
                raise ValidationError.single(
                    "changed_on", f"The skill is on the map since {before.since}; pick a later day."
                )
            repo = rows(uow)
            change_ids = tuple(
                repo.record_level_change(skill_id, field, old, new, on, note.reason, note.evidence)
                for field, old, new in level_moves(before.draft(), draft)
            )
            repo.update_skill(skill_id, draft)
            return SkillUpdate(self._load(uow, skill_id), change_ids)

    def revert_skill(self, skill_id: int, draft: SkillDraft, change_ids: tuple[int, ...]) -> Skill:
        """Undo an update: the fields as they were, and the level changes it recorded gone."""
        with self._uow() as uow:
            repo = rows(uow)
            repo.drop_level_changes(change_ids)
            repo.update_skill(skill_id, draft)
            return self._load(uow, skill_id)

    def save_why(self, skill_id: int, text: str) -> Skill:
        validate_skill_why(text)
        with self._uow() as uow:
            rows(uow).set_skill_why(skill_id, text)
            return self._load(uow, skill_id)

    # ---------------------------------------------------------------- gaps found in a debrief

    def raise_target_from_debrief(
        self, skill_id: int, practice_id: int, target: int, reason: str = ""
    ) -> SkillUpdate:
        """A gap a debrief found raises a skill's target; the debrief is the evidence."""
        skill = self.get_skill(skill_id)
        if target <= skill.target_level:
            raise ValidationError.single(
                "target_level",
                f"The target is already {level_label(skill.target_level)}; pick a higher one.",
            )
        note = LevelChangeNote(
            reason or "A gap found in a practice debrief", None, Evidence(practice_id=practice_id)
        )
        result = self.update_skill(skill_id, replace(skill.draft(), target_level=target), note)
        self._link_practice(practice_id, skill_id)
        return result

    def create_from_debrief(self, practice_id: int, draft: SkillDraft, why: str = "") -> Skill:
        """A new skill for a gap a debrief found, linked to that practice."""
        skill = self.create_skill(draft, LevelChangeNote(), why)
        self._link_practice(practice_id, skill.id)
        return skill

    def _link_practice(self, practice_id: int, skill_id: int) -> None:
        with self._uow() as uow:
            practice = growth_reads.load_one_practice(uow.session.connection(), practice_id)
            if skill_id not in practice.skill_ids:
                draft = replace(practice.draft(), skill_ids=(*practice.skill_ids, skill_id))
                rows(uow).update_practice(practice_id, draft)

    # ---------------------------------------------------------------- delete

    def users(self, skill_id: int) -> SkillUsers:
        """What points to the skill (asked before it is deleted)."""
        with self._uow() as uow:
            connection = uow.session.connection()
            practice, opportunities = growth_reads.skill_users(connection, skill_id)
            skill = growth_reads.load_one_skill(connection, skill_id)
            evidence = sum(1 for c in skill.changes if not c.evidence.is_empty)
            return SkillUsers(tuple(practice), tuple(opportunities), evidence)

    def delete_skill(self, skill_id: int) -> DeletedSkill:
        with self._uow() as uow:
            connection = uow.session.connection()
            skill = growth_reads.load_one_skill(connection, skill_id)
            practice, opportunities = growth_reads.skill_users(connection, skill_id)
            rows(uow).delete_skill(skill_id)
            return DeletedSkill(skill, tuple(practice), tuple(opportunities))

    def restore_skill(self, deleted: DeletedSkill) -> Skill:
        with self._uow() as uow:
            connection = uow.session.connection()
            live_practice = growth_reads.existing(connection, "practice", deleted.practice_ids)
            live_opps = {
                o.id
                for o in growth_reads.load_opportunities(connection, list(deleted.opportunity_ids))
            }
            rows(uow).restore_skill(
                deleted.skill,
                [p for p in deleted.practice_ids if p in live_practice],
                [o for o in deleted.opportunity_ids if o in live_opps],
            )
            return self._load(uow, deleted.skill.id)
