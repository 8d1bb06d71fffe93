"""Writing the growth loop: practice, measurements, skills, level changes, opportunities.

Every method works inside the caller's unit of work and takes or returns domain dataclasses
or ids; reading for display goes through `growth_reads` (plain SQL).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from mentor_desktop.domain.growth.practice import (
    Measurement,
    MeasurementDraft,
    Practice,
    PracticeDraft,
    PracticeStatus,
)
from mentor_desktop.domain.growth.skills import Evidence, LevelField, Skill, SkillDraft
from mentor_desktop.storage.orm import ActionItemRow, Base
from mentor_desktop.storage.orm.growth import (
    JournalEntryPracticeRow,
    MeasurementRow,
    OpportunitySkillRow,
    PracticeGoalRow,
    PracticeRow,
    PracticeSkillRow,
    SkillChangeRow,
    SkillGoalRow,
    SkillRow,
)
from mentor_desktop.storage.repositories.growth_opportunities import OpportunityRows


class GrowthRepository(OpportunityRows):
    """Rows of the growth area, written within one session (opportunities: `OpportunityRows`)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    # ---------------------------------------------------------------- practice

    def create_practice(self, draft: PracticeDraft, status: PracticeStatus) -> int:
        row = PracticeRow(status=status.value, hypothesis="")
        self._apply_practice(row, draft)
        practice_id = self._add(row)
        self._practice_links(practice_id, draft)
        return practice_id

    def update_practice(self, practice_id: int, draft: PracticeDraft) -> None:
        row = self.get(PracticeRow, practice_id)
        self._apply_practice(row, draft)
        self._practice_links(practice_id, draft)
        self.session.flush()

    def _practice_links(self, practice_id: int, draft: PracticeDraft) -> None:
        self._set_links(PracticeSkillRow, "practice_id", practice_id, "skill_id", draft.skill_ids)
        self._set_links(PracticeGoalRow, "practice_id", practice_id, "goal_id", draft.goal_ids)

    @staticmethod
    def _apply_practice(row: PracticeRow, draft: PracticeDraft) -> None:
        row.title = draft.title.strip()
        row.kind = draft.kind.value
        row.origin = draft.origin.value
        row.session_id = draft.session_id
        row.start_date = draft.start_date
        row.due_date = draft.due_date
        metric = draft.metric
        row.metric_name = metric.name.strip() if metric else None
        row.metric_unit = metric.unit.strip() if metric else ""
        row.metric_baseline = metric.baseline if metric else None
        row.metric_target = metric.target if metric else None

    def set_practice_status(
        self, practice_id: int, status: PracticeStatus, finished_on: date | None
    ) -> None:
        row = self.get(PracticeRow, practice_id)
        row.status = status.value
        row.finished_on = finished_on
        self.session.flush()

    def set_practice_text(
        self, practice_id: int, name: str, text: str, debriefed_on: date | None
    ) -> None:
        row = self.get(PracticeRow, practice_id)
        setattr(row, name, text)
        row.debriefed_on = debriefed_on
        self.session.flush()

    def add_measurement(self, practice_id: int, draft: MeasurementDraft) -> int:
        return self._add(
            MeasurementRow(
                practice_id=practice_id,
                measured_on=draft.measured_on,
                value=draft.value,
                note=draft.note.strip(),
            )
        )

    def delete_measurement(self, measurement_id: int) -> Measurement:
        row = self.get(MeasurementRow, measurement_id)
        snapshot = Measurement(row.id, row.practice_id, row.measured_on, row.value, row.note)
        self.session.delete(row)
        self.session.flush()
        return snapshot

    def restore_measurement(self, m: Measurement) -> None:
        self.get(PracticeRow, m.practice_id)
        self._add(
            MeasurementRow(
                id=m.id,
                practice_id=m.practice_id,
                measured_on=m.measured_on,
                value=m.value,
                note=m.note,
            )
        )

    def practice_references(self, practice_id: int) -> tuple[list[int], list[int]]:
        """Journal entries linked to it, and skill changes that cite its debrief."""
        entries = self.session.scalars(
            select(JournalEntryPracticeRow.entry_id).where(
                JournalEntryPracticeRow.practice_id == practice_id
            )
        )
        changes = self.session.scalars(
            select(SkillChangeRow.id).where(SkillChangeRow.practice_id == practice_id)
        )
        return list(entries), list(changes)

    def delete_practice(self, practice_id: int) -> None:
        self.session.delete(self.get(PracticeRow, practice_id))
        self.session.flush()

    def restore_practice(
        self, p: Practice, entry_ids: Iterable[int], change_ids: Iterable[int]
    ) -> None:
        row = PracticeRow(
            id=p.id,
            status=p.status.value,
            finished_on=p.finished_on,
            hypothesis=p.hypothesis,
            what_happened=p.debrief.what_happened,
            lessons=p.debrief.lessons,
            gaps_found=p.debrief.gaps_found,
            next_step=p.debrief.next_step,
            debriefed_on=p.debriefed_on,
        )
        self._apply_practice(row, p.draft())
        self._add(row)
        self._practice_links(p.id, p.draft())
        for m in p.measurements:
            self.session.add(
                MeasurementRow(
                    id=m.id, practice_id=p.id, measured_on=m.measured_on, value=m.value, note=m.note
                )
            )
        self._relink(JournalEntryPracticeRow, "practice_id", p.id, entry_ids)
        self.session.execute(
            update(SkillChangeRow)
            .where(SkillChangeRow.id.in_(list(change_ids)))
            .values(practice_id=p.id)
        )
        self.session.flush()

    def add_action_item(self, text: str, due: date | None) -> int:
        """A commitment of mine, outside any session (a debrief's next step)."""
        return self._add(ActionItemRow(owner="me", text=text.strip(), due_date=due))

    def delete_action_item(self, action_id: int) -> None:
        row = self.session.get(ActionItemRow, action_id)
        if row is not None:
            self.session.delete(row)
            self.session.flush()

    # ---------------------------------------------------------------- skills

    def create_skill(self, draft: SkillDraft, since: date, why: str = "") -> int:
        row = SkillRow(since=since, why=why)
        self._apply_skill(row, draft)
        skill_id = self._add(row)
        self._set_links(SkillGoalRow, "skill_id", skill_id, "goal_id", draft.goal_ids)
        return skill_id

    def name_taken(self, name: str, other_than: int | None = None) -> bool:
        query = select(SkillRow.id).where(SkillRow.name == name.strip())
        if other_than is not None:
            query = query.where(SkillRow.id != other_than)
        return self.session.scalar(query) is not None

    @staticmethod
    def _apply_skill(row: SkillRow, draft: SkillDraft) -> None:
        row.name = draft.name.strip()
        row.area = draft.area.strip()
        row.current_level = draft.current_level
        row.target_level = draft.target_level

    def update_skill(self, skill_id: int, draft: SkillDraft) -> None:
        row = self.get(SkillRow, skill_id)
        self._apply_skill(row, draft)
        self._set_links(SkillGoalRow, "skill_id", skill_id, "goal_id", draft.goal_ids)
        self.session.flush()

    def set_skill_why(self, skill_id: int, text: str) -> None:
        self.get(SkillRow, skill_id).why = text
        self.session.flush()

    def record_level_change(
        self,
        skill_id: int,
        field: LevelField,
        old: int,
        new: int,
        on: date,
        reason: str,
        evidence: Evidence,
    ) -> int:
        return self._add(
            SkillChangeRow(
                skill_id=skill_id,
                field=field.value,
                old_level=old,
                new_level=new,
                changed_on=on,
                reason=reason.strip(),
                journal_entry_id=evidence.journal_entry_id,
                practice_id=evidence.practice_id,
                feedback_id=evidence.feedback_id,
            )
        )

    def drop_level_changes(self, change_ids: Iterable[int]) -> None:
        ids = list(change_ids)
        if ids:
            self.session.execute(delete(SkillChangeRow).where(SkillChangeRow.id.in_(ids)))
            self.session.flush()

    def delete_skill(self, skill_id: int) -> None:
        self.session.delete(self.get(SkillRow, skill_id))
        self.session.flush()

    def restore_skill(
        self, skill: Skill, practice_ids: Iterable[int], opportunity_ids: Iterable[int]
    ) -> None:
        row = SkillRow(id=skill.id, since=skill.since, why=skill.why)
        self._apply_skill(row, skill.draft())
        self._add(row)
        self._set_links(SkillGoalRow, "skill_id", skill.id, "goal_id", skill.goal_ids)
        for c in skill.changes:
            e = c.evidence
            self.session.add(
                SkillChangeRow(
                    id=c.id,
                    skill_id=skill.id,
                    field=c.field.value,
                    old_level=c.old_level,
                    new_level=c.new_level,
                    changed_on=c.changed_on,
                    reason=c.reason,
                    journal_entry_id=e.journal_entry_id,
                    practice_id=e.practice_id,
                    feedback_id=e.feedback_id,
                )
            )
        self._insert_pairs(PracticeSkillRow, "practice_id", practice_ids, "skill_id", skill.id)
        self._insert_pairs(
            OpportunitySkillRow, "opportunity_id", opportunity_ids, "skill_id", skill.id
        )
        self.session.flush()

    def _insert_pairs(
        self, table: type[Base], key: str, owners: Iterable[int], other: str, linked: int
    ) -> None:
        values: list[dict[str, Any]] = [{key: owner, other: linked} for owner in owners]
        if values:
            self.session.execute(insert(table), values)
