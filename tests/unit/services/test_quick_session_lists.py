"""The quick read path of the `sessions` command lists what the session service lists."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from mentor_desktop.domain.errors import NotFoundError
from mentor_desktop.services.quick_reads import NeedsFullOpen, session_lists
from mentor_desktop.services.sessions import SessionService
from mentor_desktop.storage.uow import unit_of_work_factory
from tests.factories import NOW, agreement_draft


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
