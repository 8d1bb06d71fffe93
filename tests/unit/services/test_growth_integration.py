"""The growth loop in the rest of the app, on the demo database: agenda suggestions, the
brief, the review pack, and the JSON export round trip of every growth table."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from mentor_desktop.app import build_services
from mentor_desktop.domain.sessions import AgendaSource
from mentor_desktop.services.portability import PortabilityService
from mentor_desktop.services.sessions import SessionService
from mentor_desktop.services.timeline import TimelineService
from mentor_desktop.storage.migrate import open_database
from mentor_desktop.storage.orm.growth import GROWTH_TABLES
from mentor_desktop.storage.uow import unit_of_work_factory
from tests.factories import TODAY, write_demo_db

GROWTH_SOURCES = {AgendaSource.PRACTICE, AgendaSource.SKILL, AgendaSource.OPPORTUNITY}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory):
    path = write_demo_db(tmp_path_factory.mktemp("growth") / "demo.sqlite3", years=3)
    engine = open_database(path)
    yield path, engine
    engine.dispose()


def test_the_next_session_is_offered_growth_suggestions(demo) -> None:
    _path, engine = demo
    sessions = SessionService(unit_of_work_factory(engine), today=lambda: TODAY)
    session = sessions.next_session()
    assert session is not None
    found = [s for s in sessions.suggestions(session) if s.source in GROWTH_SOURCES]
    assert any(s.text.startswith("Deadline: ") for s in found)
    taken = found[0]
    sessions.accept_suggestion(session, taken)
    after = sessions.suggestions(sessions.session(sessions.next_session().id))
    assert (taken.source, taken.source_id) not in {(s.source, s.source_id) for s in after}


def test_the_brief_shows_practice_in_progress_and_deadlines(demo) -> None:
    _path, engine = demo
    sessions = SessionService(unit_of_work_factory(engine), today=lambda: TODAY)
    data = sessions.brief_data(sessions.next_session())
    assert data.growth.practice and all(not p.status.is_finished for p in data.growth.practice)
    assert all(o.deadline and o.deadline >= TODAY for o in data.growth.deadlines)


def test_the_review_pack_has_skills_practice_and_opportunities(demo) -> None:
    _path, engine = demo
    timeline = TimelineService(unit_of_work_factory(engine), today=lambda: TODAY)
    data = timeline.review_data(TODAY - timedelta(days=730), TODAY)
    growth = data.growth
    assert len(growth.skills) >= 8
    assert any(s.then is not None and s.now > s.then for s in growth.skills)
    assert any(s.changes for s in growth.skills)
    assert growth.practice and any(p.lessons for p in growth.practice)
    assert {o.status.value for o in growth.opportunities} & {"won", "missed", "declined"}
    empty = timeline.review_data(date(2000, 1, 1), date(2000, 12, 31)).growth
    assert not empty.practice and not empty.opportunities


def test_json_export_and_import_round_trip_every_growth_table(demo, tmp_path: Path) -> None:
    _path, engine = demo
    target = tmp_path / "export.json"
    PortabilityService(unit_of_work_factory(engine)).export_json(target)
    tables = json.loads(target.read_text(encoding="utf-8"))["tables"]
    for name in (
        "practice",
        "measurement",
        "skill",
        "skill_change",
        "opportunity",
        "opportunity_move",
        "practice_skill",
        "opportunity_skill",
    ):
        assert tables[name]["rows"], name
    fresh = open_database(tmp_path / "fresh.sqlite3")
    try:
        PortabilityService(unit_of_work_factory(fresh)).import_json(target)
        before, after = build_services(engine).growth, build_services(fresh).growth
        assert after.practice.list_practice() == before.practice.list_practice()
        assert after.skills.list_skills() == before.skills.list_skills()
        assert after.opportunities.list_opportunities() == before.opportunities.list_opportunities()
        with fresh.connect() as c, engine.connect() as o:
            for name in GROWTH_TABLES:
                count = f"SELECT COUNT(*) FROM {name}"
                assert c.exec_driver_sql(count).scalar() == o.exec_driver_sql(count).scalar()
    finally:
        fresh.dispose()
