"""The unit of work sorts driver errors once: environment problems with their own words, or bugs."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import event, text
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from mentor_desktop.domain.errors import (
    DatabaseBusyError,
    DatabaseCorruptError,
    DatabaseReadOnlyError,
    DiskFullError,
    DiskIOError,
    StorageFailedError,
)
from mentor_desktop.domain.models import GoalDraft
from mentor_desktop.services.goals import GoalService
from mentor_desktop.storage.errors import environment_error
from mentor_desktop.storage.uow import UnitOfWork, unit_of_work_factory


def _driver_error(message: str, code: int | None = None) -> OperationalError:
    original = sqlite3.OperationalError(message)
    if code is not None:
        original.sqlite_errorcode = code  # type: ignore[attr-defined]
    return OperationalError("UPDATE goal SET title = ?", {}, original)


@pytest.mark.parametrize(
    ("message", "code", "kind"),
    [
        ("database is locked", 5, DatabaseBusyError),
        ("database table is locked", 6, DatabaseBusyError),
        ("attempt to write a readonly database", 8, DatabaseReadOnlyError),
        ("database or disk is full", 13, DiskFullError),
        ("disk I/O error", 10 | (3 << 8), DiskIOError),  # SQLITE_IOERR_WRITE
        ("database disk image is malformed", 11, DatabaseCorruptError),
        ("database is locked", None, DatabaseBusyError),  # no code: SQLite's words decide
        ("database or disk is full", None, DiskFullError),
    ],
)
def test_each_environment_error_gets_its_own_kind_and_words(
    message: str, code: int | None, kind: type[StorageFailedError]
) -> None:
    problem = environment_error(_driver_error(message, code))
    assert type(problem) is kind
    assert str(problem) == f"{kind.default_reason[0].upper()}{kind.default_reason[1:]}."
    assert "UPDATE" not in str(problem) and problem.advice.startswith("Nothing was changed")
    assert str(problem.doing("save the goal")).startswith("Could not save the goal: ")


def test_anything_else_is_a_bug_and_left_as_it_is() -> None:
    assert environment_error(_driver_error("no such table: goal", 1)) is None
    assert environment_error(IntegrityError("INSERT", {}, sqlite3.IntegrityError("x"))) is None
    assert environment_error(ValueError("not a driver error")) is None


class _FailingCommit(Session):
    failure: Exception = _driver_error("database or disk is full", 13)

    def commit(self) -> None:
        raise self.failure


def test_a_commit_that_fails_becomes_the_environment_error_and_writes_nothing(engine) -> None:
    makers = sessionmaker(bind=engine, class_=_FailingCommit, expire_on_commit=False)
    goals = GoalService(lambda: UnitOfWork(makers))
    with pytest.raises(DiskFullError) as caught:
        goals.create_goal(GoalDraft("Lead the platform team"))
    assert isinstance(caught.value.__cause__, OperationalError)
    assert GoalService(unit_of_work_factory(engine)).count_goals() == 0


def test_a_commit_that_fails_for_a_bug_raises_the_bug_itself(engine) -> None:
    bug = IntegrityError("INSERT", {}, sqlite3.IntegrityError("UNIQUE constraint failed"))

    class BuggyCommit(_FailingCommit):
        failure = bug

    makers = sessionmaker(bind=engine, class_=BuggyCommit, expire_on_commit=False)
    with pytest.raises(IntegrityError) as caught, UnitOfWork(makers) as uow:
        uow.session.execute(text("SELECT 1"))
    assert caught.value is bug


def test_a_really_locked_database_is_reported_as_busy(engine, db_path: Path) -> None:
    event.listen(
        engine, "connect", lambda connection, _record: connection.execute("PRAGMA busy_timeout = 0")
    )
    engine.dispose()  # new connections get the short wait
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        with pytest.raises(DatabaseBusyError, match="another program is using it"):
            GoalService(unit_of_work_factory(engine)).create_goal(GoalDraft("Blocked"))
    finally:
        other.execute("ROLLBACK")
        other.close()
    goals = GoalService(unit_of_work_factory(engine))
    assert goals.count_goals() == 0
    goals.create_goal(GoalDraft("Once the lock is gone"))
    assert goals.count_goals() == 1


def test_a_read_only_database_is_reported_as_read_only(engine) -> None:
    event.listen(
        engine, "connect", lambda connection, _record: connection.execute("PRAGMA query_only = 1")
    )
    engine.dispose()
    with pytest.raises(DatabaseReadOnlyError, match="cannot be written"):
        GoalService(unit_of_work_factory(engine)).create_goal(GoalDraft("Nowhere to go"))


def test_a_full_disk_is_a_full_disk_not_damage(engine) -> None:
    goals = GoalService(unit_of_work_factory(engine))
    with engine.connect() as connection:
        pages = connection.exec_driver_sql("PRAGMA page_count").scalar()
    event.listen(
        engine,
        "connect",
        lambda connection, _record: connection.execute(f"PRAGMA max_page_count = {pages}"),
    )
    engine.dispose()
    with pytest.raises(DiskFullError, match="disk is full"):
        for number in range(200):
            goals.create_goal(GoalDraft(f"Goal {number}", why="words " * 400))
