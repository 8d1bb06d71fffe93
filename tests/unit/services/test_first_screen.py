"""The window's first screen, read with sqlite3 alone before the database is opened: the same
goals the goal service gives (the first ones, then the later ones from the same snapshot),
the same "nothing written yet", and the same refusals."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from mentor_desktop.domain.errors import DamagedDatabaseError, DatabaseBusyError
from mentor_desktop.domain.models import GoalDraft, GoalKind, GoalStatus, MilestoneDraft
from mentor_desktop.services import quick_reads
from mentor_desktop.services.goals import GoalService
from mentor_desktop.services.quick_reads import NeedsFullOpen, first_screen
from mentor_desktop.storage.reopenable import ReopenableDatabase
from tests.factories import damage_page, fill_with_goals


def test_an_empty_database_shows_the_welcome_page(db_path: Path) -> None:
    first = first_screen(db_path)
    assert first.is_empty and first.goals == []


def test_the_goals_are_the_ones_the_goal_service_reads(services, db_path: Path) -> None:
    career = services.goals.create_goal(
        GoalDraft("Speak at a conference", GoalKind.CAREER, target_date=date(2026, 12, 31))
    )
    services.goals.add_milestone(career.id, MilestoneDraft("Outline", date(2026, 4, 20)))
    services.goals.create_goal(GoalDraft("Run a half marathon", GoalKind.PERSONAL))
    first = first_screen(db_path)
    assert not first.is_empty
    assert first.goals == services.goals.list_goals()
    assert [goal.title for goal in first.goals] == ["Speak at a conference", "Run a half marathon"]


def test_past_a_screenful_the_later_goals_come_from_the_same_snapshot(
    services, db_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(quick_reads, "FIRST_SCREEN_GOALS", 2)
    for title in ("One", "Two", "Three", "Four", "Five"):
        goal = services.goals.create_goal(GoalDraft(title, GoalKind.CAREER))
        services.goals.add_milestone(goal.id, MilestoneDraft(f"{title}: first step"))
    every = services.goals.list_goals()
    first = first_screen(db_path)
    assert first.goals == every[:2]
    assert first.later is not None and first.later.offset == 2 and first.later.is_open
    services.goals.create_goal(GoalDraft("Written after the first screen was read"))
    services.goals.delete_goal(every[4].id)
    assert first.later.read(2) == every[2:4]  # the file as the first goals were read
    assert first.later.is_open and first.later.offset == 4
    assert first.later.read(2) == every[4:]
    assert not first.later.is_open  # none left
    with pytest.raises(RuntimeError):
        first.later.read()


def test_the_later_goals_read_at_once_close_the_connection(services, db_path, monkeypatch) -> None:
    monkeypatch.setattr(quick_reads, "FIRST_SCREEN_GOALS", 1)
    for title in ("One", "Two", "Three"):
        services.goals.create_goal(GoalDraft(title, GoalKind.CAREER))
    first = first_screen(db_path)
    assert first.later is not None
    assert [goal.title for goal in first.later.read()] == ["Two", "Three"]
    assert not first.later.is_open


def test_a_screenful_or_fewer_goals_are_read_at_once(services, db_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(quick_reads, "FIRST_SCREEN_GOALS", 2)
    for title in ("One", "Two"):
        services.goals.create_goal(GoalDraft(title, GoalKind.CAREER))
    first = first_screen(db_path)
    assert first.goals == services.goals.list_goals() and first.later is None


def test_a_stretch_of_goals_is_read_in_the_users_order_within_a_filter(services, db_path) -> None:
    from mentor_desktop.storage.reading import reading
    from mentor_desktop.storage.repositories.goal_reads import load_goals

    for title, kind in (("A", GoalKind.CAREER), ("B", GoalKind.PERSONAL), ("C", GoalKind.CAREER),
                        ("D", GoalKind.CAREER), ("E", GoalKind.CAREER)):  # fmt: skip
        services.goals.create_goal(GoalDraft(title, kind))
    services.goals.move_goal(services.goals.list_goals()[4].id, 0)  # E first
    with reading(db_path) as connection:
        titles = [g.title for g in load_goals(connection, kinds=["career"], limit=2, offset=1)]
        rest = [g.title for g in load_goals(connection, offset=3)]
    assert titles == ["A", "C"] and rest == ["C", "D"]


def test_a_missing_or_damaged_file_goes_the_full_way(tmp_path: Path) -> None:
    with pytest.raises(NeedsFullOpen):
        first_screen(tmp_path / "new.sqlite3")
    damaged = fill_with_goals(tmp_path / "damaged.sqlite3")
    damage_page(damaged, 3)
    with pytest.raises(DamagedDatabaseError):
        first_screen(damaged)


def test_primed_goals_answer_the_first_unfiltered_read_only(services) -> None:
    goals = GoalService(services.uow)
    goals.create_goal(GoalDraft("Written", GoalKind.CAREER))
    primed = goals.list_goals()
    goals.prime([])  # what start-up read (here: deliberately different from the file)
    assert goals.list_goals([GoalKind.CAREER]) == primed  # a filter reads the file
    goals.prime([])
    assert goals.list_goals() == []  # the first unfiltered read is the primed one
    assert goals.list_goals() == primed  # and only the first
    assert goals.list_goals(None, [GoalStatus.ACTIVE]) == primed


def test_a_database_read_first_is_opened_on_its_first_unit_of_work(db_path: Path) -> None:
    database = ReopenableDatabase(db_path, None)
    assert not database.is_open
    with database() as uow:  # the first edit, say, before the window opened it
        assert uow.session.connection().exec_driver_sql("SELECT count(*) FROM goal").scalar() == 0
    assert database.is_open
    engine = database.engine
    database.open()  # once only
    assert database.engine is engine
    database.dispose()


def test_a_database_released_before_it_was_opened_stays_closed_until_reopened(
    db_path: Path,
) -> None:
    database = ReopenableDatabase(db_path, None)
    database.release()  # encrypting started before the window opened the file
    with pytest.raises(DatabaseBusyError):
        database()
    assert not database.is_open
    database.reopen()
    with database() as uow:
        assert uow.session.connection().exec_driver_sql("SELECT 1").scalar() == 1
    database.dispose()
