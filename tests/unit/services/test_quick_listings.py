"""The quick read paths of the listing commands (`sessions`, `practice`, `skills`,
`opportunities`) list what the services list."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from mentor_desktop.app import build_services
from mentor_desktop.domain.errors import NotFoundError
from mentor_desktop.services.quick_reads import (
    NeedsFullOpen,
    opportunity_list,
    practice_list,
    session_lists,
    skill_list,
)
from mentor_desktop.services.sessions import SessionService
from mentor_desktop.storage.migrate import open_database
from mentor_desktop.storage.uow import unit_of_work_factory
from tests.factories import NOW, agreement_draft, write_demo_db


@pytest.fixture
def sessions(engine) -> SessionService:
    return SessionService(unit_of_work_factory(engine)).with_now(NOW)


def test_the_lists_are_the_services_lists(sessions: SessionService, db_path: Path) -> None:
    first = sessions.save_agreement(None, agreement_draft())
    second = sessions.save_agreement(None, agreement_draft("Ada"))
    ended = sessions.save_agreement(None, replace(agreement_draft("Grace"), active=False))
    stored = sessions.store(sessions.next_session(first.id))  # a row among the occurrences
    listed = session_lists(db_path, None, NOW + timedelta(seconds=42), 200)
    assert [entry.agreement for entry in listed] == [
        a for a in sessions.list_agreements() if a.mentorship.active
    ]
    assert ended.id not in [entry.agreement.id for entry in listed]
    for entry in listed:
        assert entry.sessions == sessions.list_sessions(entry.agreement.id, upcoming_days=200)
    assert {second.id, first.id} <= {entry.agreement.id for entry in listed}
    assert any(s.id == stored.id for s in listed[0].sessions + listed[1].sessions)
    (only,) = session_lists(db_path, ended.id, NOW, 30)  # asked for by id: listed though ended
    assert only.agreement == sessions.agreement(ended.id)


def test_an_unknown_agreement_is_refused_and_a_new_file_needs_the_full_open(
    sessions: SessionService, db_path: Path, tmp_path: Path
) -> None:
    with pytest.raises(NotFoundError):
        session_lists(db_path, 999, NOW, 30)
    with pytest.raises(NeedsFullOpen):
        session_lists(tmp_path / "new.sqlite3", None, NOW, 30)


def test_the_growth_lists_are_the_services_lists(tmp_path: Path) -> None:
    path = write_demo_db(tmp_path / "demo.sqlite3", years=3)
    engine = open_database(path)
    growth = build_services(engine).growth
    try:
        items, names = practice_list(path)
        assert items and items == growth.practice.list_practice()
        assert names == dict(growth.choices()["skills"])
        skills = skill_list(path)
        assert skills and skills == growth.skills.list_skills()
        assert [s.gap for s in skills] == sorted((s.gap for s in skills), reverse=True)
        opportunities = opportunity_list(path)
        assert opportunities and opportunities == growth.opportunities.list_opportunities()
    finally:
        engine.dispose()
