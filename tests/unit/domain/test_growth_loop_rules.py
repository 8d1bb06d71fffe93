"""The growth loop in the rest of the app, as pure rules: agenda suggestions, the brief's
block, and the review pack's sections."""

from __future__ import annotations

from datetime import date, timedelta

from mentor_desktop.domain.growth.agenda import growth_suggestions
from mentor_desktop.domain.growth.brief import GrowthSources, brief_growth
from mentor_desktop.domain.growth.opportunities import (
    Opportunity,
    OpportunityKind,
    OpportunitySource,
    OpportunityStatus,
    StatusMove,
)
from mentor_desktop.domain.growth.practice import (
    Debrief,
    Metric,
    Practice,
    PracticeKind,
    PracticeOrigin,
    PracticeStatus,
)
from mentor_desktop.domain.growth.review import review_growth
from mentor_desktop.domain.growth.skills import LevelField, Skill, SkillChange
from mentor_desktop.domain.sessions import AgendaSource

LAST = date(2026, 5, 20)
SESSION = date(2026, 6, 17)
TODAY = date(2026, 6, 15)


def _practice(pid: int, status: PracticeStatus, **values) -> Practice:
    base = dict(
        id=pid,
        title=f"Practice {pid}",
        kind=PracticeKind.EXPERIMENT,
        origin=PracticeOrigin.OWN,
        session_id=None,
        status=status,
        start_date=date(2026, 5, 1),
        due_date=None,
        finished_on=None,
        hypothesis="",
        metric=None,
        debrief=Debrief(),
        debriefed_on=None,
    )
    base.update(values)
    return Practice(**base)


def _opportunity(
    oid: int, status: OpportunityStatus, deadline: date | None, moved: date, outcome: str = ""
) -> Opportunity:
    moves = (StatusMove(oid * 10, oid, None, OpportunityStatus.SPOTTED, date(2026, 5, 1)),)
    if status is not OpportunityStatus.SPOTTED:
        moves += (StatusMove(oid * 10 + 1, oid, OpportunityStatus.SPOTTED, status, moved),)
    return Opportunity(
        oid,
        f"Opportunity {oid}",
        OpportunityKind.PROJECT,
        OpportunitySource.MENTOR,
        deadline,
        3,
        2,
        status,
        "",
        "",
        outcome,
        "",
        moves=moves,
    )


def _sources() -> GrowthSources:
    return GrowthSources(
        practice=(
            _practice(
                1,
                PracticeStatus.DONE,
                finished_on=date(2026, 6, 1),
                debrief=Debrief(lessons="Silence helps", gaps_found="Closing decisions"),
            ),
            _practice(2, PracticeStatus.DONE, finished_on=date(2026, 5, 1)),  # before last
            _practice(
                3,
                PracticeStatus.RUNNING,
                due_date=date(2026, 6, 10),
                metric=Metric("Talk time", "%", 45, 20),
            ),
            _practice(4, PracticeStatus.PLANNED, due_date=date(2026, 9, 1)),
            _practice(5, PracticeStatus.DROPPED, finished_on=date(2026, 6, 5)),
        ),
        opportunities=(
            _opportunity(1, OpportunityStatus.PURSUING, date(2026, 7, 1), date(2026, 6, 1)),
            _opportunity(2, OpportunityStatus.SPOTTED, date(2026, 12, 1), date(2026, 5, 1)),
            _opportunity(3, OpportunityStatus.WON, date(2026, 6, 1), date(2026, 6, 2), "Got it"),
            _opportunity(4, OpportunityStatus.MISSED, date(2026, 4, 1), date(2026, 4, 2)),
        ),
    )


def test_agenda_suggests_debriefs_gaps_due_practice_deadlines_and_outcomes() -> None:
    found = growth_suggestions(_sources(), LAST, SESSION, timedelta(days=28))
    keys = [(s.source, s.source_id, s.text) for s in found]
    assert keys == [
        (AgendaSource.PRACTICE, 1, "Debrief: Practice 1"),
        (AgendaSource.PRACTICE, 5, "Debrief: Practice 5"),
        (AgendaSource.SKILL, 1, "Gap found: Closing decisions"),
        (AgendaSource.PRACTICE, 3, "Practice due: Practice 3"),
        (AgendaSource.OPPORTUNITY, 1, "Deadline: Opportunity 1"),
        (AgendaSource.OPPORTUNITY, 3, "Outcome: Opportunity 3 (won)"),
    ]
    assert "Silence helps" in found[0].detail
    assert "no debrief yet" in found[1].detail
    assert found[3].overdue and "Talk time" in found[3].detail
    assert len({(s.source, s.source_id) for s in found}) == len(found)


def test_the_first_session_takes_everything_finished() -> None:
    found = growth_suggestions(_sources(), None, SESSION, None)
    assert (AgendaSource.PRACTICE, 2) in {(s.source, s.source_id) for s in found}
    assert (AgendaSource.OPPORTUNITY, 4) in {(s.source, s.source_id) for s in found}


def test_the_brief_lists_running_practice_first_and_the_nearest_deadlines() -> None:
    growth = brief_growth(_sources(), TODAY)
    assert [p.id for p in growth.practice] == [3, 4]
    assert [o.id for o in growth.deadlines] == [1, 2]
    assert brief_growth(GrowthSources(), TODAY).is_empty


def test_the_review_shows_skills_then_and_now_practice_lessons_and_outcomes() -> None:
    skill = Skill(
        1,
        "Facilitation",
        "Leadership",
        3,
        4,
        "",
        date(2025, 1, 1),
        (),
        (SkillChange(1, 1, LevelField.CURRENT, 2, 3, date(2026, 6, 2), "Ran the planning day"),),
    )
    growth = review_growth(
        [skill],
        list(_sources().practice),
        list(_sources().opportunities),
        date(2026, 5, 15),
        date(2026, 6, 15),
        lambda _c: "Debrief: Practice 1",
    )
    (row,) = growth.skills
    assert (row.then, row.now, row.target) == (2, 3, 4)
    assert "Ran the planning day (Debrief: Practice 1)" in row.changes[0]
    assert [p.title for p in growth.practice] == ["Practice 1", "Practice 5"]
    outcomes = {o.title: o for o in growth.opportunities}
    assert set(outcomes) == {"Opportunity 1", "Opportunity 3"}
    assert outcomes["Opportunity 3"].outcome == "Got it"
    assert outcomes["Opportunity 1"].status is OpportunityStatus.PURSUING
