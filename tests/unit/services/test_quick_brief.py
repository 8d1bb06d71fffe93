"""The `brief` command's quick read gives the brief the session service gives, without
SQLAlchemy."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, time, timedelta
from pathlib import Path

import pytest

from mentor_desktop.domain.errors import NotFoundError
from mentor_desktop.services.quick_reads import NeedsFullOpen, brief_data
from mentor_desktop.services.sessions import SessionService
from mentor_desktop.storage.migrate import open_database
from mentor_desktop.storage.uow import unit_of_work_factory
from tests.factories import NOW, TODAY, agreement_draft, write_demo_db

MIDDAY = datetime.combine(TODAY, time(12, 0))


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_demo_db(tmp_path_factory.mktemp("brief") / "demo.sqlite3", years=3)


@pytest.fixture
def demo_sessions(demo: Path) -> Iterator[SessionService]:
    engine = open_database(demo)
    yield SessionService(unit_of_work_factory(engine)).with_now(MIDDAY)
    engine.dispose()


@pytest.mark.parametrize("days_later", [0, 7])
def test_the_next_session_is_the_services_brief(demo: Path, days_later: int) -> None:
    """Today the next session is the demo's planned one with its agenda; a week later it is
    one the cadence plans, without a row yet."""
    now = MIDDAY + timedelta(days=days_later)
    engine = open_database(demo)
    try:
        sessions = SessionService(unit_of_work_factory(engine)).with_now(now)
        upcoming = sessions.next_session()
        assert upcoming is not None and (upcoming.id is None) == bool(days_later)
        quick = brief_data(demo, None, now.date(), now)
        assert quick == sessions.brief_data(upcoming)
    finally:
        engine.dispose()
    assert quick is not None and quick.session.start == upcoming.start
    assert bool(quick.agenda) != bool(quick.suggested) and quick.goals and quick.commitments


def test_past_sessions_with_and_without_an_agenda_are_the_services_briefs(
    demo: Path, demo_sessions: SessionService
) -> None:
    stored = [s for s in demo_sessions.list_sessions(1, upcoming_days=0) if s.id is not None]
    with_agenda = [s for s in stored if s.agenda_count]
    without = [s for s in stored if not s.agenda_count]
    assert with_agenda and without
    briefs = []
    for session in with_agenda[::4] + without[::4]:
        assert session.id is not None
        quick = brief_data(demo, session.id, TODAY, MIDDAY)
        assert quick == demo_sessions.brief_data(session)
        assert quick is not None and quick.session.id == session.id
        # an agenda is shown as it is; an empty one shows the builder's suggestions
        assert bool(quick.agenda) == bool(session.agenda_count) != bool(quick.suggested)
        briefs.append(quick)
    assert any(b.wins for b in briefs) and any(b.commitments for b in briefs)


def test_a_new_agreements_cadence_and_an_empty_database(engine, db_path: Path) -> None:
    sessions = SessionService(unit_of_work_factory(engine)).with_now(NOW)
    assert brief_data(db_path, None, NOW.date(), NOW) is None
    assert sessions.next_session() is None
    sessions.save_agreement(None, replace(agreement_draft("Ada"), active=False))
    assert brief_data(db_path, None, NOW.date(), NOW) is None  # an ended agreement plans none
    sessions.save_agreement(None, agreement_draft())
    upcoming = sessions.next_session()
    assert upcoming is not None and upcoming.id is None
    quick = brief_data(db_path, None, NOW.date(), NOW)
    assert quick == sessions.brief_data(upcoming)
    assert quick is not None and quick.mentor.name == "Zoë Ångström" and not quick.goals


def test_an_unknown_session_is_refused_with_the_services_message(
    engine, db_path: Path, tmp_path: Path
) -> None:
    sessions = SessionService(unit_of_work_factory(engine)).with_now(NOW)
    with pytest.raises(NotFoundError) as by_service:
        sessions.session(99999)
    with pytest.raises(NotFoundError) as quickly:
        brief_data(db_path, 99999, NOW.date(), NOW)
    assert str(quickly.value) == str(by_service.value)
    assert "Session #99999 does not exist" in str(quickly.value)
    with pytest.raises(NeedsFullOpen):
        brief_data(tmp_path / "new.sqlite3", None, NOW.date(), NOW)
