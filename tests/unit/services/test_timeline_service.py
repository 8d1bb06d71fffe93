"""TimelineService on a real database: original due dates from the recalibration history,
timeline windows, and the review pack's numbers, evidence, slips and feedback."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from mentor_desktop.domain.errors import ValidationError
from mentor_desktop.domain.timeline import TimelineKind
from mentor_desktop.services.review_reads import default_review_range
from mentor_desktop.services.timeline import TimelineService
from mentor_desktop.storage.orm import (
    ActionItemRow,
    GoalChangeRow,
    GoalRow,
    MentorRow,
    MentorshipRow,
    MilestoneRow,
    SessionRow,
)
from mentor_desktop.storage.uow import unit_of_work_factory
from tests.factories import TODAY, write_sample


@pytest.fixture
def timeline(engine) -> TimelineService:
    return TimelineService(unit_of_work_factory(engine), today=lambda: TODAY)


@pytest.fixture
def ids(engine) -> dict[str, int]:
    return write_sample(engine)


def test_burnup_plans_a_moved_milestone_at_its_first_due_date(timeline, ids) -> None:
    data = timeline.burnup()
    by_day = {p.day: p for p in data.points}
    # Outline was first due on 1 March (moved twice since): planned by the end of March.
    assert by_day[date(2026, 3, 31)].planned == 2  # 10 km (Feb) + outline (first due Mar)
    assert by_day[date(2026, 4, 30)].planned == 3
    assert by_day[date(2026, 4, 30)].done == 3
    assert by_day[date(2026, 9, 30)].planned == 4
    (projection,) = data.projections  # only the active goal with a target
    assert projection.goal_id == ids["talk"] and projection.remaining == 1


def test_progress_by_goal_lists_active_goals_with_time_spent(timeline, ids) -> None:
    data = timeline.goal_progress()
    (goal,) = data.goals
    assert goal.title == "Speak at a conference"
    assert goal.progress == pytest.approx(0.5)
    assert goal.time_share == pytest.approx(165 / 364)
    assert goal.pace.value == "on_track"


def test_follow_through_counts_only_my_commitments(timeline, ids) -> None:
    data = timeline.follow_through()
    assert [(q.label, q.on_time, q.late, q.missed) for q in data.quarters] == [
        ("2026 Q1", 1, 0, 0),
        ("2026 Q2", 0, 1, 1),
    ]


def test_rhythm_counts_entries_and_wins(timeline, ids) -> None:
    data = timeline.rhythm()
    assert sum(w.entries for w in data.weeks) == 3
    assert sum(w.wins for w in data.weeks) == 2


def test_unknown_chart_name_is_a_clear_error(timeline) -> None:
    with pytest.raises(ValidationError, match="no chart called 'pie'"):
        timeline.chart_data("pie")


def test_timeline_items_for_a_window(timeline, ids) -> None:
    items = timeline.timeline_items(date(2026, 3, 15), date(2026, 4, 15))
    found = {(i.kind, i.id) for i in items}
    assert (TimelineKind.GOAL, ids["talk"]) in found
    assert (TimelineKind.GOAL, ids["run"]) in found
    # Outline is due 20 April but was first planned for 1 March: its slip crosses the window.
    assert (TimelineKind.MILESTONE, ids["outline"]) in found
    assert (TimelineKind.SESSION, ids["cancelled"]) in found
    assert (TimelineKind.MILESTONE, ids["submit"]) not in found
    assert (TimelineKind.SESSION, ids["held"]) not in found
    outline = next(i for i in items if i.id == ids["outline"] and i.kind is TimelineKind.MILESTONE)
    assert outline.first_planned == date(2026, 3, 1) and outline.done
    everything = timeline.timeline_items()
    assert all(i.id != ids["undated"] for i in everything if i.kind is TimelineKind.GOAL)
    assert len([i for i in everything if i.kind is TimelineKind.SESSION]) == 4


def test_review_pack_numbers_evidence_slips_and_feedback(timeline, ids) -> None:
    data = timeline.review_data(date(2026, 1, 1), date(2026, 6, 15), "  Proud of it.  ")
    h = data.headline
    assert (h.milestones_completed, h.milestones_on_time) == (3, 2)  # outline was late
    assert h.goals_achieved == 1
    assert h.sessions_held == 2
    assert (h.commitments_kept, h.commitments_due) == (1, 3)  # not the mentor's, not future
    titles = [c.title for c in data.completed]
    assert titles == ["Run 10 km", "Outline the talk", "Race day"]
    outline = data.completed[1]
    assert outline.first_planned == date(2026, 3, 1)
    assert [e.title for e in outline.evidence] == [
        "First run-through went well",
        "Outline reviewed by Tom",
    ]
    assert [(s.subject, s.reason) for s in data.slips] == [
        ("Outline the talk", "Launch took all my time"),
        ("Outline the talk", ""),
    ]
    assert data.slips[0].days == 31
    assert [f.response for f in data.feedback] == ["Practised pauses"]
    assert [w.title for w in data.wins] == ["First run-through went well", "Promoted"]
    assert data.achieved_goals == ("Run a half marathon",)
    assert data.reflection == "Proud of it."
    assert not data.is_empty


def test_review_pack_defaults_to_the_last_six_months(timeline, ids) -> None:
    data = timeline.review_data()
    assert (data.start, data.end) == default_review_range(TODAY) == (date(2025, 12, 15), TODAY)


def test_review_pack_of_an_empty_range_and_a_reversed_range(timeline, ids) -> None:
    empty = timeline.review_data(date(2001, 1, 1), date(2001, 12, 31))
    assert empty.is_empty and empty.completed == () and empty.headline.sessions_held == 0
    with pytest.raises(ValidationError, match="after the end date"):
        timeline.review_data(date(2026, 5, 1), date(2026, 1, 1))


def test_first_planned_date_of_a_milestone_that_first_had_no_date(timeline, engine) -> None:
    with unit_of_work_factory(engine)() as uow:
        goal = GoalRow(title="Write", kind="career", status="active")
        uow.session.add(goal)
        uow.session.flush()
        milestone = MilestoneRow(goal_id=goal.id, title="Draft", due_date=date(2026, 9, 1))
        uow.session.add(milestone)
        uow.session.flush()
        for old, new, day in (
            (None, date(2026, 7, 1), 1),  # a date set for the first time
            (date(2026, 7, 1), date(2026, 9, 1), 2),
        ):
            uow.session.add(
                GoalChangeRow(goal_id=goal.id, milestone_id=milestone.id, field="milestone_due",
                              subject="Draft", old_value=old, new_value=new,
                              changed_at=datetime(2026, 5, day))
            )  # fmt: skip
        milestone_id = milestone.id
    (item,) = [i for i in timeline.timeline_items() if i.kind is TimelineKind.MILESTONE]
    assert item.id == milestone_id and item.first_planned == date(2026, 7, 1)
    assert item.slipped_days == 62
    # A goal without dates is not on the timeline, but its milestone with a date is.
    assert not [i for i in timeline.timeline_items() if i.kind is TimelineKind.GOAL]


def test_a_moved_session_shows_at_its_new_time(timeline, engine) -> None:
    with unit_of_work_factory(engine)() as uow:
        mentorship = MentorshipRow(mentor=MentorRow(name="Amara"))
        uow.session.add(mentorship)
        uow.session.flush()
        moved = SessionRow(mentorship_id=mentorship.id, start=datetime(2026, 7, 9, 18),
                           original_start=datetime(2026, 7, 7, 17), status="moved",
                           label="Monthly")  # fmt: skip
        uow.session.add(moved)
        uow.session.flush()
        moved_id = moved.id
    (item,) = timeline.timeline_items(date(2026, 7, 1), date(2026, 7, 31))
    assert (item.kind, item.id, item.start, item.status) == (
        TimelineKind.SESSION,
        moved_id,
        date(2026, 7, 9),
        "moved",
    )
    assert item.detail == "18:00, 60 min, moved from 7 Jul 2026 17:00"


def test_every_place_counts_commitments_the_same_way(timeline, ids, engine) -> None:
    from mentor_desktop.services.sessions import SessionService

    with unit_of_work_factory(engine)() as uow:  # no due date: never a commitment
        uow.session.add(ActionItemRow(session_id=ids["held"], owner="me", text="Someday",
                                      done_date=date(2026, 3, 30)))  # fmt: skip
    sessions = SessionService(unit_of_work_factory(engine), today=lambda: TODAY)
    tab = sessions.follow_through()
    held = sessions.session(ids["held"])
    brief = sessions.brief_data(held).follow_through
    chart = timeline.follow_through()
    whole = timeline.review_data(date(2025, 1, 1), TODAY).headline
    # mine with a due date that came due: on time (abstract), late (slot), missed (rehearse)
    assert (tab.kept_on_time, tab.total) == (1, 3)
    assert (tab.late, tab.overdue, tab.open) == (1, 1, 1)  # "Later" is due in August
    assert brief == tab
    assert (chart.on_time, chart.total) == (1, 3)
    assert (whole.commitments_kept, whole.commitments_due) == (1, 3)
    assert tab.summary() == (
        "1 of 3 commitments kept on time (33 %), 1 kept late, 1 overdue; 1 due later."
    )


def test_review_pack_for_dates_at_either_end_of_the_calendar(timeline, engine) -> None:
    with unit_of_work_factory(engine)() as uow:
        goal = GoalRow(title="Far", kind="career", status="active",
                       start_date=date.min, target_date=date.max)  # fmt: skip
        uow.session.add(goal)
        uow.session.flush()
        uow.session.add(MilestoneRow(goal_id=goal.id, title="Early", due_date=date.min,
                                     done_date=date(1, 1, 2)))  # fmt: skip
    with pytest.raises(ValidationError, match="last possible day; pick an earlier one"):
        timeline.review_data(end=date.max)
    everything = timeline.review_data(date.min, date(9999, 12, 30))
    assert [c.title for c in everything.completed] == ["Early"]
    early = timeline.review_data(end=date(1, 3, 1))  # six months back is before year 1
    assert (early.start, early.headline.milestones_completed) == (date.min, 1)


def test_review_pack_of_a_past_period_shows_goals_and_burnup_as_they_stood(timeline, ids) -> None:
    data = timeline.review_data(date(2026, 1, 1), date(2026, 3, 31))
    paces = {g.title: g for g in data.goals.goals}
    # the half marathon was achieved on 26 April, so it was still active on 31 March
    assert set(paces) == {"Speak at a conference", "Run a half marathon"}
    talk, run = paces["Speak at a conference"], paces["Run a half marathon"]
    assert talk.progress == 0.0  # the outline was done on 25 April
    assert talk.time_share == pytest.approx(89 / 364)
    assert run.progress == pytest.approx(0.5)  # 10 km done in January, race day in April
    assert run.time_share == pytest.approx(211 / 241)
    assert data.goals.today == data.burnup.today == date(2026, 3, 31)
    assert data.burnup.done_now == 1 and data.burnup.today_label == "31 Mar 2026"
    remaining = {p.goal_id: p.remaining for p in data.burnup.projections}
    assert remaining == {ids["talk"]: 2, ids["run"]: 1}
    before_the_talk = timeline.review_data(date(2025, 6, 1), date(2025, 12, 31))
    assert [g.title for g in before_the_talk.goals.goals] == ["Run a half marathon"]
    current = timeline.review_data(date(2026, 1, 1), TODAY)
    assert [g.title for g in current.goals.goals] == ["Speak at a conference"]
    assert current.goals.goals[0].progress == pytest.approx(0.5)
    assert current.burnup.today == TODAY and current.burnup.today_label == "today"


def test_the_closing_reflection_is_kept_in_the_database(timeline, engine, tmp_path) -> None:
    from mentor_desktop.services.portability import PortabilityService
    from mentor_desktop.services.timeline import MAX_REFLECTION
    from mentor_desktop.storage.migrate import open_database

    assert timeline.reflection() == "" and timeline.review_data().reflection == ""
    timeline.save_reflection("Proud of the talk.\nNext: the pilot.")
    timeline.save_reflection("Proud of the talk.\nNext: the rollout.")
    with engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT id, text FROM review_reflection").all() == [
            (1, "Proud of the talk.\nNext: the rollout.")
        ]
    assert timeline.review_data().reflection == "Proud of the talk.\nNext: the rollout."
    assert timeline.review_data(reflection="Typed now.").reflection == "Typed now."
    with pytest.raises(ValidationError, match="keep it to 1,000,000"):
        timeline.save_reflection("x" * (MAX_REFLECTION + 1))
    assert timeline.reflection() == "Proud of the talk.\nNext: the rollout."
    # an export carries it into another database
    exported = tmp_path / "all.json"
    PortabilityService(unit_of_work_factory(engine)).export_json(exported)
    other = open_database(tmp_path / "other.sqlite3")
    try:
        PortabilityService(unit_of_work_factory(other)).import_json(exported)
        copy = TimelineService(unit_of_work_factory(other), today=lambda: TODAY)
        assert copy.reflection() == "Proud of the talk.\nNext: the rollout."
    finally:
        other.dispose()
