"""The full-disk matrix: every write path, on a database that cannot grow, says the disk is
full (not damage), writes nothing half, and works again once there is room."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import event

from mentor_desktop.app import build_services
from mentor_desktop.domain.errors import DiskFullError
from mentor_desktop.domain.journal import EntryDraft
from mentor_desktop.domain.models import GoalDraft, MilestoneDraft
from mentor_desktop.domain.sessions import ActionItemDraft, FeedbackDraft
from mentor_desktop.services.portability import PortabilityService
from tests.factories import agreement_draft

#: Text too long to fit in the room left on a page: every write of it needs new pages.
BIG = "words that need room " * 3000
#: As long as the rules let a goal's or a feedback's text be.
LONG = BIG[:19_000]
#: Writes that fit in a page are repeated until the disk is full.
ATTEMPTS = 200


def _session(services):
    agreement = services.sessions.save_agreement(None, agreement_draft())
    return services.sessions.add_session(agreement.id, datetime.now() + timedelta(days=3), 60)


def _import(services, tmp_path: Path) -> None:
    journal = tmp_path / "j.txt"
    journal.write_text(
        "".join(f"[2024-05-{day:02d} 09:30] Imported {day}\n{BIG}\n" for day in range(1, 9)),
        encoding="utf-8",
    )
    parsed = PortabilityService.read_journal("jrnl", journal)
    services.portability.import_journal(parsed)


#: write path -> what it does (on services made before the disk filled up)
PATHS: dict[str, Callable] = {
    "journal: new entry": lambda s, _p, _ctx: s.journal.create_entry(
        EntryDraft(date(2026, 1, 5), "Full", BIG)
    ),
    "journal: autosave of the text": lambda s, _p, ctx: s.journal.save_text(
        ctx["entry"], "Kept", BIG
    ),
    "goals: new goal": lambda s, _p, _ctx: s.goals.create_goal(GoalDraft("Full", why=LONG)),
    "goals: new milestone": lambda s, _p, ctx: s.goals.add_milestone(
        ctx["goal"], MilestoneDraft("Full", notes=LONG)
    ),
    "sessions: notes, takeaways, personal update": lambda s, _p, ctx: s.sessions.update_texts(
        ctx["session"], notes=BIG, takeaways=BIG, personal_update=BIG
    ),
    "sessions: agenda item": lambda s, _p, ctx: s.sessions.add_agenda_item(
        ctx["session_obj"], BIG[:2000]
    ),
    "sessions: action item": lambda s, _p, ctx: s.sessions.add_action(
        ctx["session_obj"], ActionItemDraft(BIG[:2000])
    ),
    "sessions: feedback": lambda s, _p, ctx: s.sessions.add_feedback(
        ctx["session"], FeedbackDraft(LONG, LONG)
    ),
    "sessions: agreement": lambda s, _p, _ctx: s.sessions.save_agreement(
        None, agreement_draft(name="Full Disk")
    ),
    "review reflection": lambda s, _p, _ctx: s.timeline.save_reflection(BIG),
    "import of another journal": lambda s, path, _ctx: _import(s, path),
}


@pytest.fixture
def full(engine):
    """Services on a database with some records, that then cannot grow by a single page."""
    services = build_services(engine)
    entry = services.journal.create_entry(EntryDraft(date(2026, 1, 4), "Kept", "short"))
    goal = services.goals.create_goal(GoalDraft("Kept goal"))
    session = _session(services)
    with engine.connect() as connection:
        pages = connection.exec_driver_sql("PRAGMA page_count").scalar()
    limit = {"pages": pages}

    def cap(connection, _record) -> None:
        connection.execute(f"PRAGMA max_page_count = {limit['pages']}")

    event.listen(engine, "connect", cap)
    engine.dispose()
    context = {"entry": entry.id, "goal": goal.id, "session": session.id, "session_obj": session}
    yield services, context, limit
    event.remove(engine, "connect", cap)


@pytest.mark.parametrize("path", list(PATHS))
def test_every_write_path_says_the_disk_is_full(full, path: str, tmp_path: Path, capsys) -> None:
    services, context, _limit = full
    caught: DiskFullError | None = None
    for _attempt in range(ATTEMPTS):
        before = services.portability.table_counts()
        try:
            PATHS[path](services, tmp_path, context)
        except DiskFullError as exc:
            caught = exc
            break
    assert caught is not None, f"{path}: the disk never filled up"
    message = str(caught)
    with capsys.disabled():
        print(f"\nfull disk | {path:<44} | {message}")
    assert "disk is full" in message and "damaged" not in message
    assert services.portability.table_counts() == before  # nothing half-written
    assert services.journal.get_entry(context["entry"]).body == "short"
