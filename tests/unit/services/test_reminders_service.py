"""The reminder service reads what the rules need from a real database (the demo mentorship)."""

from __future__ import annotations

import shutil
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from mentor_desktop.app import build_services
from mentor_desktop.domain.reminders import (
    Deadline,
    ReminderKind,
    ReminderPreferences,
    due_reminders,
    next_session,
)
from mentor_desktop.services.reminders import ReminderService
from mentor_desktop.storage.migrate import open_database
from tests.factories import TODAY, write_demo_db

NOON = datetime.combine(TODAY, time(12, 0))


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_demo_db(tmp_path_factory.mktemp("reminders") / "demo.sqlite3", years=2)


@pytest.fixture
def services(demo_template: Path, tmp_path: Path):
    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(demo_template, path)
    engine = open_database(path)
    yield build_services(engine)
    engine.dispose()


def reminders_at(services, moment: datetime, deadlines=None) -> ReminderService:
    return ReminderService(services.sessions.with_now(moment), deadlines)


def test_upcoming_sessions_and_my_open_action_items(services) -> None:
    data = reminders_at(services, NOON).data()
    assert data.sessions, "the demo plans sessions ahead"
    assert all(s.start >= NOON for s in data.sessions)
    assert [s.start for s in data.sessions] == sorted(s.start for s in data.sessions)
    assert all(s.mentor for s in data.sessions)
    mine = {a.id for a in services.sessions.open_actions() if a.owner.value == "me"}
    assert {a.id for a in data.actions} <= mine
    assert all(a.due >= TODAY for a in data.actions)
    assert data.deadlines == ()  # no growth area wired in


def test_the_day_before_a_session_counts_its_suggestions(services) -> None:
    first = next_session(reminders_at(services, NOON).data(), NOON)
    assert first is not None
    day_before = datetime.combine(first.start.date() - timedelta(days=1), time(10, 0))
    data = reminders_at(services, day_before).data()
    prep = [
        r for r in due_reminders(data, ReminderPreferences(), day_before)
        if r.kind is ReminderKind.SESSION_PREP
    ]  # fmt: skip
    assert prep and prep[0].target_key == first.key
    counted = next(s for s in data.sessions if s.key == first.key).suggestions
    expected = len(services.sessions.with_now(day_before).suggestions(
        next(s for s in services.sessions.with_now(day_before).list_sessions(
            next(a.id for a in services.sessions.list_agreements() if a.mentorship.active)
        ) if s.key == first.key)
    ))  # fmt: skip
    assert counted == expected
    assert prep[0].body.startswith("Prepare your agenda: ")


def test_opening_a_planned_session_stores_it_once(services) -> None:
    service = reminders_at(services, NOON)
    planned = next(s for s in service.data().sessions if s.session_id is None)
    session_id = service.session_to_open(planned.key, None)
    assert session_id is not None
    assert services.sessions.session(session_id).start == planned.start
    assert service.session_to_open(planned.key, None) == session_id  # not stored twice
    assert service.session_to_open("r999@2020-01-01T00:00:00", None) is None


def test_deadlines_come_from_the_growth_area_when_it_is_wired(services) -> None:
    asked: list[tuple[date, date]] = []

    def deadlines(start: date, end: date) -> list[Deadline]:
        asked.append((start, end))
        return [Deadline(1, "Talk proposal", TODAY + timedelta(days=3)),
                Deadline(2, "Long gone", TODAY - timedelta(days=1))]  # fmt: skip

    data = reminders_at(services, NOON, deadlines).data()
    assert [d.title for d in data.deadlines] == ["Talk proposal"]
    assert asked and asked[0][0] == TODAY
