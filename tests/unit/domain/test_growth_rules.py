"""Pure rules of the growth loop: status moves, validation, gaps, staleness, levels over time."""

from __future__ import annotations

from datetime import date

import pytest

from mentor_desktop.domain.errors import ValidationError
from mentor_desktop.domain.growth.opportunities import (
    OPPORTUNITY_MOVES,
    OpportunityStatus,
    check_opportunity_move,
)
from mentor_desktop.domain.growth.overview import level_history, skills_chart_data
from mentor_desktop.domain.growth.practice import (
    Debrief,
    MeasurementDraft,
    Metric,
    Practice,
    PracticeDraft,
    PracticeKind,
    PracticeOrigin,
    PracticeStatus,
    check_practice_move,
    validate_measurement,
    validate_practice,
)
from mentor_desktop.domain.growth.skills import (
    LevelChangeNote,
    LevelField,
    Skill,
    SkillChange,
    SkillDraft,
    order_by_gap,
    validate_skill,
)

TODAY = date(2026, 6, 15)


def _errors(call) -> dict[str, str]:
    with pytest.raises(ValidationError) as info:
        call()
    return info.value.errors


def _practice(**changes) -> Practice:
    values = dict(
        id=1, title="Run the retro", kind=PracticeKind.EXPERIMENT, origin=PracticeOrigin.OWN,
        session_id=None, status=PracticeStatus.RUNNING, start_date=date(2026, 6, 1),
        due_date=None, finished_on=None, hypothesis="", metric=Metric("Talk time", "%", 60, 30),
        debrief=Debrief(), debriefed_on=None,
    )  # fmt: skip
    values.update(changes)
    return Practice(**values)


def _skill(changes=(), since=date(2024, 1, 1), current=3, target=4) -> Skill:
    return Skill(1, "Facilitation", "Leadership", current, target, "", since, (), tuple(changes))


def test_due_before_start_is_refused_next_to_the_due_date() -> None:
    draft = PracticeDraft("Pitch", start_date=date(2026, 6, 10), due_date=date(2026, 6, 1))
    errors = _errors(lambda: validate_practice(draft))
    assert set(errors) == {"due_date"}
    assert "before the start" in errors["due_date"]


def test_a_practice_agreed_in_a_session_names_the_session() -> None:
    errors = _errors(lambda: validate_practice(PracticeDraft("X", origin=PracticeOrigin.SESSION)))
    assert "session" in errors


def test_an_empty_title_and_metric_name_are_refused() -> None:
    errors = _errors(lambda: validate_practice(PracticeDraft("  ", metric=Metric(""))))
    assert set(errors) == {"title", "metric"}


def test_a_measurement_needs_a_value_a_day_and_a_metric() -> None:
    practice = _practice()
    assert "value" in _errors(
        lambda: validate_measurement(MeasurementDraft(TODAY, None), practice, TODAY)
    )
    assert "measured_on" in _errors(
        lambda: validate_measurement(MeasurementDraft(None, 3.0), practice, TODAY)
    )
    assert "value" in _errors(
        lambda: validate_measurement(MeasurementDraft(TODAY, 3.0), _practice(metric=None), TODAY)
    )
    validate_measurement(MeasurementDraft(TODAY, 3.0), practice, TODAY)


@pytest.mark.parametrize(
    ("current", "new", "allowed"),
    [
        (PracticeStatus.PLANNED, PracticeStatus.RUNNING, True),
        (PracticeStatus.PLANNED, PracticeStatus.DONE, False),
        (PracticeStatus.RUNNING, PracticeStatus.DONE, True),
        (PracticeStatus.DONE, PracticeStatus.DROPPED, False),
        (PracticeStatus.DONE, PracticeStatus.RUNNING, True),
        (PracticeStatus.DROPPED, PracticeStatus.DONE, False),
    ],
)
def test_practice_status_moves(current, new, allowed) -> None:
    if allowed:
        check_practice_move(current, new)
    else:
        assert "cannot become" in _errors(lambda: check_practice_move(current, new))["status"]


def test_planned_to_done_says_to_start_first() -> None:
    message = _errors(lambda: check_practice_move(PracticeStatus.PLANNED, PracticeStatus.DONE))
    assert "Start it first" in message["status"]


def test_a_finished_practice_without_answers_needs_a_debrief() -> None:
    assert _practice(status=PracticeStatus.DONE).needs_debrief
    assert not _practice(status=PracticeStatus.DONE, debrief=Debrief(lessons="x")).needs_debrief
    assert not _practice().needs_debrief


def test_opportunity_pipeline_refuses_impossible_moves() -> None:
    day = date(2026, 6, 1)
    check_opportunity_move(OpportunityStatus.SPOTTED, OpportunityStatus.PURSUING, day, None)
    won_early = _errors(
        lambda: check_opportunity_move(OpportunityStatus.SPOTTED, OpportunityStatus.WON, day, None)
    )
    assert "cannot become won" in won_early["status"]
    closed = _errors(
        lambda: check_opportunity_move(OpportunityStatus.WON, OpportunityStatus.PURSUING, day, None)
    )
    assert "closed" in closed["status"]
    earlier = _errors(
        lambda: check_opportunity_move(
            OpportunityStatus.SPOTTED, OpportunityStatus.EXPLORING, day, date(2026, 6, 2)
        )
    )
    assert "moved_on" in earlier
    assert all(not OPPORTUNITY_MOVES[s] for s in OpportunityStatus if s.is_closed)


def test_target_below_current_needs_a_reason() -> None:
    draft = SkillDraft("Public speaking", "Communication", 4, 2)
    errors = _errors(lambda: validate_skill(draft, LevelChangeNote(), None, TODAY))
    assert "Say why" in errors["target_level"]
    validate_skill(draft, LevelChangeNote(reason="No longer a focus"), None, TODAY)


def test_gap_orders_skills_and_old_gaps_are_stale() -> None:
    moved = SkillChange(1, 1, LevelField.CURRENT, 2, 3, date(2026, 5, 1), "")
    fresh = _skill([moved])
    old = Skill(2, "Writing", "Communication", 1, 4, "", date(2024, 1, 1))
    done = Skill(3, "SQL", "Technical", 4, 4, "", date(2024, 1, 1))
    assert [s.name for s in order_by_gap([done, fresh, old])] == ["Writing", "Facilitation", "SQL"]
    assert old.is_stale(TODAY) and not fresh.is_stale(TODAY) and not done.is_stale(TODAY)


def test_levels_as_they_stood_on_a_day_and_the_chart_data() -> None:
    changes = [
        SkillChange(1, 1, LevelField.CURRENT, 1, 2, date(2024, 6, 1), "first talk"),
        SkillChange(2, 1, LevelField.CURRENT, 2, 3, date(2025, 6, 1), "led the guild"),
        SkillChange(3, 1, LevelField.TARGET, 3, 4, date(2025, 1, 1), "new role"),
    ]
    skill = _skill(changes)
    assert skill.level_on(date(2023, 1, 1)) is None
    assert skill.level_on(date(2024, 1, 1)) == 1
    assert skill.level_on(date(2025, 1, 1)) == 2
    assert skill.level_on(date(2025, 1, 1), LevelField.TARGET) == 4
    assert skill.level_on(TODAY) == 3
    assert level_history(skill) == [
        (date(2024, 1, 1), 1), (date(2024, 6, 1), 2), (date(2025, 6, 1), 3),
    ]  # fmt: skip
    data = skills_chart_data([skill], date(2025, 1, 1), TODAY)
    (bar,) = data.bars
    assert (bar.start_level, bar.current_level, bar.target_level, bar.change) == (2, 3, 4, 1)
    assert skills_chart_data([skill], date(2022, 1, 1), date(2023, 1, 1)).is_empty
