"""The session service: agreements, occurrences, agenda suggestions, follow-through."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from mentor_desktop.domain.cadence import CadenceRule
from mentor_desktop.domain.errors import ValidationError
from mentor_desktop.domain.models import GoalDraft, MilestoneDraft
from mentor_desktop.domain.sessions import (
    ActionItemDraft,
    ActionOwner,
    AgendaKind,
    AgendaSource,
    FeedbackDraft,
    SessionStatus,
)
from mentor_desktop.services.sessions import SessionService
from mentor_desktop.storage.orm import (
    AgendaItemRow,
    GoalChangeRow,
    JournalEntryRow,
    MentorRow,
    MentorshipRow,
    SessionRow,
)
from mentor_desktop.storage.uow import unit_of_work_factory
from tests.factories import MONTHLY, NOW, agreement_draft


@pytest.fixture
def service(engine) -> SessionService:
    return SessionService(unit_of_work_factory(engine)).with_now(NOW)


def test_agreement_round_trip_with_two_rules(service: SessionService) -> None:
    saved = service.save_agreement(None, agreement_draft())
    again = service.agreement(saved.id)
    assert again.mentor.name == "Zoë Ångström"
    assert [r.label for r in again.rules] == ["Session", "Check-in"]
    assert again.rules[1].duration_minutes == 15


def test_several_mentors_earlier_agreements_stay_readable(service: SessionService) -> None:
    old = service.save_agreement(None, agreement_draft("Ravi Kumar", active=False))
    new = service.save_agreement(None, agreement_draft("Mei Lin"))
    names = [(a.mentor.name, a.mentorship.active) for a in service.list_agreements()]
    assert names == [("Mei Lin", True), ("Ravi Kumar", False)]
    assert service.agreement(old.id).mentor.name == "Ravi Kumar"
    assert service.next_session().mentorship_id == new.id


def test_empty_mentor_name_and_bad_rule_write_nothing(service: SessionService, engine) -> None:
    bad_rule = CadenceRule("Session", "FREQ=NEVER", datetime(2026, 1, 6, 17), 60)
    with pytest.raises(ValidationError) as caught:
        service.save_agreement(None, agreement_draft("  ", rules=(MONTHLY, bad_rule)))
    assert caught.value.errors["mentor.name"] == "The mentor needs a name."
    assert caught.value.errors["rules.1.rrule"].startswith("Cadence rule 2:")
    with unit_of_work_factory(engine)() as uow:
        assert uow.session.scalar(select(func.count()).select_from(MentorRow)) == 0
        assert uow.session.scalar(select(func.count()).select_from(MentorshipRow)) == 0


def test_upcoming_sessions_come_from_the_cadence(service: SessionService) -> None:
    agreement = service.save_agreement(None, agreement_draft())
    sessions = [s for s in service.list_sessions(agreement.id, upcoming_days=40) if s.start >= NOW]
    assert [(s.start, s.label) for s in sessions] == [
        (datetime(2026, 3, 20, 9), "Check-in"),
        (datetime(2026, 4, 3, 9), "Check-in"),
        (datetime(2026, 4, 7, 17), "Session"),
        (datetime(2026, 4, 17, 9), "Check-in"),
    ]
    assert all(not s.is_stored and s.status is SessionStatus.PLANNED for s in sessions)


def test_recent_unrecorded_sessions_can_still_be_marked_done(service: SessionService) -> None:
    agreement = service.save_agreement(None, agreement_draft(rules=(MONTHLY,)))
    past = [s for s in service.list_sessions(agreement.id) if s.start < NOW]
    assert [(s.start, s.is_stored) for s in past] == [
        (datetime(2026, 2, 3, 17), False),
        (datetime(2026, 3, 3, 17), False),
    ]
    done = service.set_status(past[1], SessionStatus.DONE)
    assert done.is_stored and done.status is SessionStatus.DONE
    listed = [s for s in service.list_sessions(agreement.id) if s.start < NOW]
    assert [(s.start, s.status) for s in listed] == [
        (datetime(2026, 2, 3, 17), SessionStatus.PLANNED),
        (datetime(2026, 3, 3, 17), SessionStatus.DONE),
    ]


def test_moving_and_cancelling_one_occurrence_leaves_the_rest(service: SessionService) -> None:
    agreement = service.save_agreement(None, agreement_draft(rules=(MONTHLY,)))
    april, may, _june = [s for s in service.list_sessions(agreement.id, 100) if s.start >= NOW]
    moved = service.move_session(april, datetime(2026, 4, 9, 18))
    service.set_status(may, SessionStatus.CANCELLED)
    after = [s for s in service.list_sessions(agreement.id, 100) if s.start >= NOW]
    assert [(s.start, s.status) for s in after] == [
        (datetime(2026, 4, 9, 18), SessionStatus.MOVED),
        (datetime(2026, 5, 5, 17), SessionStatus.CANCELLED),
        (datetime(2026, 6, 2, 17), SessionStatus.PLANNED),
    ]
    assert moved.original_start == datetime(2026, 4, 7, 17)
    assert not after[2].is_stored
    assert service.next_session(agreement.id).start == datetime(2026, 4, 9, 18)


def test_past_times_are_refused(service: SessionService) -> None:
    agreement = service.save_agreement(None, agreement_draft())
    with pytest.raises(ValidationError, match="is in the past"):
        service.add_session(agreement.id, datetime(2026, 3, 1, 10))
    upcoming = service.next_session(agreement.id)
    with pytest.raises(ValidationError, match="is in the past"):
        service.move_session(upcoming, datetime(2026, 2, 1, 10))
    with pytest.raises(ValidationError, match="still in the future"):
        service.set_status(upcoming, SessionStatus.DONE)


@pytest.fixture
def prepared(service: SessionService, engine):
    """A mentorship with one held session (3 March) and things that happened before and after it."""
    agreement = service.save_agreement(None, agreement_draft(rules=(MONTHLY,)))
    goal = service_goal(engine)
    write = unit_of_work_factory(engine)
    with write() as uow:
        last = SessionRow(
            mentorship_id=agreement.id,
            rule_id=agreement.rules[0].id,
            original_start=datetime(2026, 3, 3, 17),
            start=datetime(2026, 3, 3, 17),
            label="Session",
            status="done",
        )
        uow.session.add(last)
        uow.session.flush()
        uow.session.add_all(
            [
                AgendaItemRow(
                    session_id=last.id, position=0, text="Promotion case", discussed=True
                ),
                AgendaItemRow(session_id=last.id, position=1, text="Conference talk idea"),
                JournalEntryRow(
                    entry_date=date(2026, 2, 20), title="Old flagged", kind="insight", flagged=True
                ),
                JournalEntryRow(
                    entry_date=date(2026, 3, 5),
                    title="Tension with PM",
                    kind="setback",
                    flagged=True,
                ),
                JournalEntryRow(entry_date=date(2026, 3, 6), title="Shipped the API", kind="win"),
                JournalEntryRow(entry_date=date(2026, 2, 6), title="Old win", kind="win"),
                GoalChangeRow(
                    goal_id=goal,
                    field="goal_target",
                    subject="Lead a project",
                    old_value=date(2026, 5, 1),
                    new_value=date(2026, 6, 1),
                    reason="Reorg",
                    changed_at=datetime(2026, 3, 8, 9),
                ),
            ]
        )
    stored_last = service.session(last.id)
    service.add_action(
        stored_last, ActionItemDraft("Send the draft", ActionOwner.ME, date(2026, 3, 31))
    )
    overdue = service.add_action(
        stored_last, ActionItemDraft("Intro to Priya", ActionOwner.MENTOR, date(2026, 3, 5))
    )
    done = service.add_action(
        stored_last, ActionItemDraft("Read the book", due_date=date(2026, 3, 4))
    )
    service.set_action_done(done.id, True, date(2026, 3, 4))
    next_session = service.next_session(agreement.id)
    return agreement, next_session, overdue


def service_goal(engine) -> int:
    from mentor_desktop.services.goals import GoalService

    goals = GoalService(unit_of_work_factory(engine), today=lambda: NOW.date())
    goal = goals.create_goal(GoalDraft("Lead a project", target_date=date(2026, 6, 1)))
    goals.add_milestone(goal.id, MilestoneDraft("Kick-off deck", due_date=date(2026, 3, 1)))
    goals.add_milestone(goal.id, MilestoneDraft("Pilot", due_date=date(2026, 4, 2)))
    goals.add_milestone(goal.id, MilestoneDraft("Rollout", due_date=date(2026, 5, 20)))
    return goal.id


def test_agenda_suggestions_from_a_prepared_database(service: SessionService, prepared) -> None:
    _agreement, next_session, _overdue = prepared
    assert next_session.start == datetime(2026, 4, 7, 17)
    found = [(s.source, s.text, s.overdue) for s in service.suggestions(next_session)]
    assert found == [
        (AgendaSource.CARRIED, "Conference talk idea", False),
        (AgendaSource.JOURNAL, "Tension with PM", False),
        (AgendaSource.ACTION, "Intro to Priya", True),
        (AgendaSource.ACTION, "Send the draft", False),
        (AgendaSource.MILESTONE, "Kick-off deck", True),
        (AgendaSource.MILESTONE, "Pilot", False),
        (AgendaSource.RECALIBRATION, "Moved “Lead a project”", False),
        (AgendaSource.WIN, "Shipped the API", False),
    ]


def test_accept_edit_reorder_and_drop(service: SessionService, prepared) -> None:
    _agreement, next_session, _overdue = prepared
    carried, journal, *_rest = service.suggestions(next_session)
    first = service.accept_suggestion(next_session, carried)
    stored = service.store(next_session)
    assert stored.id == first.session_id and first.carried_from_id == carried.source_id
    second = service.accept_suggestion(stored, journal, text="Working with my PM")
    own = service.add_agenda_item(stored, "How do I say no?", AgendaKind.QUESTION)
    order = service.move_agenda_item(own.id, 0)
    assert [i.text for i in order] == [
        "How do I say no?",
        "Conference talk idea",
        "Working with my PM",
    ]
    win = next(s for s in service.suggestions(stored) if s.source is AgendaSource.WIN)
    service.drop_suggestion(stored, win)
    service.remove_agenda_item(second.id)
    remaining = service.suggestions(stored)
    assert all(s.source not in (AgendaSource.WIN, AgendaSource.CARRIED) for s in remaining)
    assert not any(s.source is AgendaSource.JOURNAL for s in remaining)
    assert [i.text for i in service.detail(stored.id).agenda] == [
        "How do I say no?",
        "Conference talk idea",
    ]


def test_after_the_session_notes_feedback_actions_and_follow_through(
    service: SessionService, prepared
) -> None:
    agreement, _next, overdue = prepared
    last = next(s for s in service.list_sessions(agreement.id) if s.status is SessionStatus.DONE)
    service.update_texts(last.id, notes="Good talk", takeaways="Ask earlier")
    service.add_feedback(last.id, FeedbackDraft("Demo", "Rushed", "Lost the room", "Slow down"))
    with pytest.raises(ValidationError, match="before the session"):
        service.add_action(last, ActionItemDraft("Too early", due_date=date(2026, 3, 1)))
    with pytest.raises(ValidationError):
        service.add_feedback(last.id, FeedbackDraft("", ""))
    detail = service.detail(last.id)
    assert detail.session.notes == "Good talk" and detail.feedback[0].response == "Slow down"
    assert len(detail.actions) == 3
    # Only my items with a due date count (the mentor's overdue intro does not), once done
    # or past due: "Read the book" kept on time; "Send the draft" is due later.
    figures = service.follow_through(agreement.id)
    assert (figures.total, figures.kept, figures.kept_on_time, figures.overdue, figures.open) == (
        1,
        1,
        1,
        0,
        1,
    )
    assert figures.summary() == (
        "1 of 1 commitments kept on time (100 %), 0 kept late, 0 overdue; 1 due later."
    )
    service.set_action_done(overdue.id, True, date(2026, 3, 9))
    assert service.follow_through(agreement.id) == figures
    assert [a.text for a in service.open_actions(agreement.id)] == ["Send the draft"]


def test_long_and_many_agenda_items(service: SessionService) -> None:
    agreement = service.save_agreement(None, agreement_draft())
    session = service.store(service.list_sessions(agreement.id)[0])
    long_item = service.add_agenda_item(session, "x" * 2_000)
    assert len(long_item.text) == 2_000
    with pytest.raises(ValidationError, match="2,001 characters"):
        service.add_agenda_item(session, "y" * 2_001)
    with pytest.raises(ValidationError, match="needs some text"):
        service.add_agenda_item(session, "   ")
    for index in range(199):
        service.add_agenda_item(session, f"Topic {index}")
    assert service.session(session.id).agenda_count == 200


@pytest.fixture
def local_zone(monkeypatch: pytest.MonkeyPatch):
    """Run a test in a chosen local time zone (the process's TZ), restored afterwards."""
    import time

    def use(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield use
    monkeypatch.undo()
    time.tzset()


def test_suggestions_include_what_came_after_the_last_session_on_its_day(
    service: SessionService, prepared, engine, local_zone
) -> None:
    # Tokyo is UTC+9: the session of 3 March ran 17:00-18:00 local, 08:00-09:00 UTC.
    local_zone("Asia/Tokyo")
    _agreement, next_session, _overdue = prepared
    goal = rows_of(engine, GoalChangeRow)[0].goal_id
    with unit_of_work_factory(engine)() as uow:
        uow.session.add_all(
            [
                JournalEntryRow(
                    entry_date=date(2026, 3, 3),
                    title="Morning worry",
                    kind="insight",
                    flagged=True,
                    created_at=datetime(2026, 3, 3, 1),  # 10:00 local, before the session
                ),
                JournalEntryRow(
                    entry_date=date(2026, 3, 3),
                    title="Evening doubt",
                    kind="insight",
                    flagged=True,
                    created_at=datetime(2026, 3, 3, 11),  # 20:00 local, after it
                ),
                JournalEntryRow(
                    entry_date=date(2026, 3, 3),
                    title="Evening win",
                    kind="win",
                    created_at=datetime(2026, 3, 3, 11),
                ),
                GoalChangeRow(
                    goal_id=goal,
                    field="goal_target",
                    subject="Evening recalibration",
                    changed_at=datetime(2026, 3, 3, 11),  # 20:00 local
                ),
                GoalChangeRow(
                    goal_id=goal,
                    field="goal_target",
                    subject="Before the session",
                    changed_at=datetime(2026, 3, 3, 7),  # 16:00 local
                ),
            ]
        )
    texts = {(s.source, s.text) for s in service.suggestions(next_session)}
    assert (AgendaSource.JOURNAL, "Evening doubt") in texts
    assert (AgendaSource.WIN, "Evening win") in texts
    assert (AgendaSource.RECALIBRATION, "Moved “Evening recalibration”") in texts
    assert (AgendaSource.JOURNAL, "Morning worry") not in texts
    assert (AgendaSource.RECALIBRATION, "Moved “Before the session”") not in texts
    assert "Evening win" in service.brief_data(next_session).wins


def test_a_recalibration_before_the_last_session_is_not_suggested_again(
    service: SessionService, prepared, engine, local_zone
) -> None:
    # New York is UTC-5 in early March: 14:00 local on 3 March is 19:00 UTC, after the
    # session's start as a wall-clock number but hours before the session.
    local_zone("America/New_York")
    _agreement, next_session, _overdue = prepared
    goal = rows_of(engine, GoalChangeRow)[0].goal_id
    with unit_of_work_factory(engine)() as uow:
        uow.session.add(
            GoalChangeRow(
                goal_id=goal,
                field="goal_target",
                subject="Afternoon recalibration",
                changed_at=datetime(2026, 3, 3, 19),
            )
        )
    texts = [s.text for s in service.suggestions(next_session)]
    assert "Moved “Afternoon recalibration”" not in texts
    assert "Moved “Lead a project”" in texts


def rows_of(engine, model) -> list:
    with unit_of_work_factory(engine)() as uow:
        return list(uow.session.scalars(select(model)))


@pytest.mark.parametrize("text", ["FREQ=WEEKLY;INTERVAL=-1", "FREQ=WEEKLY;INTERVAL=0"])
def test_a_broken_stored_rule_is_left_out_not_fatal(
    service: SessionService, engine, text: str, caplog: pytest.LogCaptureFixture
) -> None:
    from mentor_desktop.storage.orm import CadenceRuleRow

    agreement = service.save_agreement(None, agreement_draft(rules=(MONTHLY,)))
    with unit_of_work_factory(engine)() as uow:  # as an older version may have stored it
        uow.session.add(
            CadenceRuleRow(
                mentorship_id=agreement.id,
                label="Broken",
                rrule=text,
                first_start=datetime(2026, 1, 6, 17),
                duration_minutes=60,
                position=1,
            )
        )
    listed = service.list_sessions(agreement.id)
    assert listed and {s.label for s in listed} == {"Session"}
    assert service.next_session(agreement.id).start == datetime(2026, 4, 7, 17)
    assert "Broken" in caplog.text and "INTERVAL" in caplog.text


def test_session_list_keeps_the_wall_clock_time_across_a_daylight_saving_change(
    engine, local_zone
) -> None:
    # Europe/Berlin moves its clocks forward on Sunday 29 March 2026.
    local_zone("Europe/Berlin")
    weekly = CadenceRule("Session", "FREQ=WEEKLY;BYDAY=TU", datetime(2026, 3, 3, 17), 60)
    service = SessionService(unit_of_work_factory(engine)).with_now(datetime(2026, 3, 20, 9))
    agreement = service.save_agreement(None, agreement_draft(rules=(weekly,)))
    upcoming = [s for s in service.list_sessions(agreement.id) if s.start >= service.now()]
    assert [s.start for s in upcoming[:3]] == [
        datetime(2026, 3, 24, 17),
        datetime(2026, 3, 31, 17),
        datetime(2026, 4, 7, 17),
    ]
    stored = service.store(upcoming[1])
    assert service.session(stored.id).start == datetime(2026, 3, 31, 17)
    moved = service.move_session(upcoming[2], datetime(2026, 4, 8, 17))
    assert moved.original_start == datetime(2026, 4, 7, 17)
    again = [s.start for s in service.list_sessions(agreement.id) if s.start >= service.now()]
    assert again[:3] == [
        datetime(2026, 3, 24, 17),
        datetime(2026, 3, 31, 17),
        datetime(2026, 4, 8, 17),
    ]
