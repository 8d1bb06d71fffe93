"""One database, one window: the lock, the hand-over, and changes from outside shown."""

from __future__ import annotations

import os
from pathlib import Path

from mentor_desktop.ui.bus import EXTERNAL, ChangeBus
from mentor_desktop.ui.external_changes import ExternalChangePoller
from mentor_desktop.ui.single_window import WindowLock, ask_first_window, lock_path


def test_a_second_lock_on_the_same_database_is_refused(qtbot, tmp_path: Path) -> None:
    db = tmp_path / "mentor.sqlite3"
    first = WindowLock(db)
    assert first.try_lock()
    assert lock_path(db).stat().st_mode & 0o077 == 0
    second = WindowLock(tmp_path / "." / "mentor.sqlite3")  # another spelling, same file
    assert not second.try_lock()
    assert WindowLock(tmp_path / "other.sqlite3").try_lock()  # another database is free
    first.release()
    assert second.try_lock()
    second.release()


def test_a_second_start_asks_the_first_window_to_come_forward(qtbot, tmp_path: Path) -> None:
    db = tmp_path / "mentor.sqlite3"
    first = WindowLock(db)
    assert first.try_lock()
    first.listen()
    asked: list[bool] = []
    first.raise_requested.connect(lambda: asked.append(True))
    assert ask_first_window(db, wait_ms=2000)
    qtbot.waitUntil(lambda: asked == [True], timeout=5000)
    first.release()
    assert not ask_first_window(db, wait_ms=300)  # nobody listens any more


def test_the_poller_announces_outside_changes_as_external(qtbot) -> None:
    bus = ChangeBus()
    seen = []
    bus.changed.connect(seen.append)
    answers = [["journal"], []]
    poller = ExternalChangePoller(lambda: answers.pop(0), bus)
    assert poller.poll() == ["journal"]
    assert poller.poll() == []
    assert [(c.kind, c.origin) for c in seen] == [("journal", EXTERNAL)]


def test_a_failing_watch_never_takes_the_window_down(qtbot, caplog) -> None:
    def broken() -> list[str]:
        raise RuntimeError("disk gone")

    assert ExternalChangePoller(broken, ChangeBus()).poll() == []
    assert "outside the window failed" in caplog.text


def test_a_first_start_in_a_missing_folder_is_not_taken_for_a_second_window(
    qtbot, tmp_path: Path
) -> None:
    lock = WindowLock(tmp_path / "not-made-yet" / "mentor.sqlite3")
    assert lock.try_lock()  # no lock can be made there: opening says what is wrong
    held = WindowLock(tmp_path / "held.sqlite3")
    assert held.try_lock()
    other = WindowLock(tmp_path / "held.sqlite3")
    assert not other.try_lock()
    assert other.holder_pid() == os.getpid()
    held.release()
