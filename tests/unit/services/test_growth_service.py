"""Growth use cases against a real database: every write validates first and undoes cleanly."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from mentor_desktop.domain.errors import ValidationError
from mentor_desktop.domain.growth.opportunities import OpportunityDraft, OpportunityStatus
from mentor_desktop.domain.growth.practice import (
    MeasurementDraft,
    Metric,
    PracticeDraft,
    PracticeStatus,
)
from mentor_desktop.domain.growth.skills import Evidence, LevelChangeNote, LevelField, SkillDraft
from mentor_desktop.services.growth import GrowthService
from mentor_desktop.storage.uow import unit_of_work_factory

TODAY = date(2026, 6, 15)


@pytest.fixture
def growth(engine) -> GrowthService:
    return GrowthService(unit_of_work_factory(engine), today=lambda: TODAY)


def _count(engine, table: str) -> int:
    with engine.connect() as connection:
        return connection.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar_one()


def _running_practice(growth: GrowthService, **draft):
    skill = growth.skills.create_skill(SkillDraft("Facilitation", "Leadership", 2, 4))
    practice = growth.practice.create_practice(
        PracticeDraft(
            "Run the retro without talking first",
            start_date=date(2026, 6, 1),
            due_date=date(2026, 6, 30),
            metric=Metric("Talk time", "%", 60, 30),
            skill_ids=(skill.id,),
            **draft,
        )
    )
    growth.practice.move_practice(practice.id, PracticeStatus.RUNNING)
    return skill, practice


def test_bad_practice_input_writes_nothing(growth, engine) -> None:
    with pytest.raises(ValidationError) as info:
        growth.practice.create_practice(
            PracticeDraft("Pitch", start_date=date(2026, 6, 10), due_date=date(2026, 6, 1))
        )
    assert "due_date" in info.value.errors
    with pytest.raises(ValidationError) as info:
        growth.practice.create_practice(PracticeDraft("Pitch", skill_ids=(99,)))
    assert "skill" in info.value.errors
    assert _count(engine, "practice") == 0


def test_measure_finish_and_debrief_a_practice(growth) -> None:
    _skill, practice = _running_practice(growth)
    with pytest.raises(ValidationError) as info:
        growth.practice.add_measurement(practice.id, MeasurementDraft(TODAY, None))
    assert "value" in info.value.errors
    growth.practice.add_measurement(practice.id, MeasurementDraft(date(2026, 6, 8), 45))
    change = growth.practice.move_practice(practice.id, PracticeStatus.DONE)
    assert change.after.finished_on == TODAY and change.after.needs_debrief
    growth.practice.save_text(practice.id, "lessons", "Silence makes room.")
    done = growth.practice.save_text(practice.id, "next_step", "Try it in planning")
    assert done.debriefed_on == TODAY and not done.needs_debrief
    assert done.metric_summary() == "Talk time 45 % (from 60, target 30)"
    back = growth.practice.put_status_back(change.before)
    assert back.status is PracticeStatus.RUNNING and back.finished_on is None


def test_an_impossible_move_is_refused(growth) -> None:
    practice = growth.practice.create_practice(PracticeDraft("Pitch"))
    with pytest.raises(ValidationError) as info:
        growth.practice.move_practice(practice.id, PracticeStatus.DONE)
    assert "Start it first" in info.value.errors["status"]
    assert growth.practice.get_practice(practice.id).status is PracticeStatus.PLANNED


def test_next_step_becomes_a_practice_or_an_action_item(growth, engine) -> None:
    skill, practice = _running_practice(growth)
    with pytest.raises(ValidationError):
        growth.practice.next_step_as_action(practice.id)
    growth.practice.save_text(practice.id, "next_step", "Facilitate the planning meeting")
    follow_up = growth.practice.next_step_as_practice(practice.id)
    assert follow_up.title == "Facilitate the planning meeting"
    assert follow_up.skill_ids == (skill.id,) and follow_up.status is PracticeStatus.PLANNED
    action_id = growth.practice.next_step_as_action(practice.id, date(2026, 7, 1))
    assert _count(engine, "action_item") == 1
    growth.practice.remove_action(action_id)
    assert _count(engine, "action_item") == 0


def test_a_gap_from_a_debrief_raises_a_target_with_the_debrief_as_evidence(growth) -> None:
    skill, practice = _running_practice(growth)
    update = growth.skills.raise_target_from_debrief(skill.id, practice.id, 5)
    (change,) = update.skill.changes
    assert (change.field, change.old_level, change.new_level) == (LevelField.TARGET, 4, 5)
    assert change.evidence == Evidence(practice_id=practice.id)
    other = growth.practice.create_practice(PracticeDraft("Stakeholder map"))
    new = growth.skills.create_from_debrief(other.id, SkillDraft("Influence", "Leadership", 1, 3))
    assert new.id in growth.practice.get_practice(other.id).skill_ids


def test_level_changes_are_kept_and_undone(growth) -> None:
    skill = growth.skills.create_skill(
        SkillDraft("Writing", "Communication", 2, 4), LevelChangeNote(changed_on=date(2026, 1, 1))
    )
    with pytest.raises(ValidationError) as info:
        growth.skills.update_skill(skill.id, SkillDraft("Writing", "Communication", 4, 3))
    assert "target_level" in info.value.errors
    note = LevelChangeNote("Promoted to tech lead", date(2026, 6, 1))
    update = growth.skills.update_skill(
        skill.id, SkillDraft("Writing", "Communication", 3, 5), note
    )
    assert len(update.change_ids) == 2
    assert {c.reason for c in update.skill.changes} == {"Promoted to tech lead"}
    reverted = growth.skills.revert_skill(skill.id, skill.draft(), update.change_ids)
    assert (reverted.current_level, reverted.target_level, reverted.changes) == (2, 4, ())
    with pytest.raises(ValidationError) as info:
        growth.skills.create_skill(SkillDraft("writing", "Communication", 1, 2))
    assert "already a skill" in info.value.errors["name"]


def test_deleting_a_skill_that_practice_points_to_can_be_undone(growth) -> None:
    skill, practice = _running_practice(growth)
    opportunity = growth.opportunities.create_opportunity(
        OpportunityDraft("Guild lead", skill_ids=(skill.id,))
    )
    growth.skills.raise_target_from_debrief(skill.id, practice.id, 5)
    users = growth.skills.users(skill.id)
    assert users.any and users.practice_ids == (practice.id,) and users.evidence_count == 1
    deleted = growth.skills.delete_skill(skill.id)
    assert growth.practice.get_practice(practice.id).skill_ids == ()
    restored = growth.skills.restore_skill(deleted)
    assert len(restored.changes) == 1
    assert growth.practice.get_practice(practice.id).skill_ids == (skill.id,)
    assert growth.opportunities.get_opportunity(opportunity.id).skill_ids == (skill.id,)


def test_deleting_practice_keeps_ids_and_measurements_on_undo(growth) -> None:
    _skill, practice = _running_practice(growth)
    growth.practice.add_measurement(practice.id, MeasurementDraft(date(2026, 6, 8), 45))
    deleted = growth.practice.delete_practice(practice.id)
    assert growth.practice.list_practice() == []
    restored = growth.practice.restore_practice(deleted)
    assert restored == deleted.practice


def test_the_opportunity_pipeline_is_dated_and_undoable(growth) -> None:
    opportunity = growth.opportunities.create_opportunity(
        OpportunityDraft("Talk at the meetup", deadline=date(2026, 7, 1)), date(2026, 6, 1)
    )
    assert opportunity.spotted_on == date(2026, 6, 1)
    with pytest.raises(ValidationError):
        growth.opportunities.move(opportunity.id, OpportunityStatus.WON)
    growth.opportunities.move(opportunity.id, OpportunityStatus.PURSUING, date(2026, 6, 5))
    won = growth.opportunities.move(opportunity.id, OpportunityStatus.WON, note="Accepted")
    assert won.opportunity.closed_on == TODAY and won.opportunity.needs_outcome
    growth.opportunities.take_back(won.move_id)
    again = growth.opportunities.get_opportunity(opportunity.id)
    assert again.status is OpportunityStatus.PURSUING and len(again.moves) == 2
    deleted = growth.opportunities.delete_opportunity(opportunity.id)
    assert growth.opportunities.restore_opportunity(deleted) == again


def test_skills_chart_data_covers_the_period(growth) -> None:
    skill = growth.skills.create_skill(
        SkillDraft("Writing", "Communication", 2, 4), LevelChangeNote(changed_on=date(2025, 1, 1))
    )
    growth.skills.update_skill(skill.id, SkillDraft("Writing", "Communication", 3, 4))
    data = growth.skills_chart_data(date(2025, 6, 1), TODAY)
    (bar,) = data.bars
    assert (bar.start_level, bar.current_level, bar.change) == (2, 3, 1)
