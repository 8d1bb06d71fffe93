"""`--db` naming something that is not a database file is refused at once, and a database on
a full disk is reported as a full disk, never as damage."""

from __future__ import annotations

import os
import shutil
import socket
import threading
from pathlib import Path

import pytest

from mentor_desktop.cli import main
from mentor_desktop.domain.errors import DiskFullAtOpenError, NotADatabaseError
from mentor_desktop.services.backups import aside_label
from mentor_desktop.storage.migrate import open_database


def _fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.sqlite3"
    os.mkfifo(path)
    return path


def _socket(tmp_path: Path) -> Path:
    path = tmp_path / "sock.sqlite3"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.close()
    return path


def _folder(tmp_path: Path) -> Path:
    path = tmp_path / "folder.sqlite3"
    path.mkdir()
    return path


TARGETS = {
    "a named pipe (FIFO)": _fifo,
    "a socket": _socket,
    "a folder": _folder,
    "a device": lambda _tmp: Path("/dev/null"),
}


def _open_within(path: Path, seconds: float = 10.0) -> BaseException | None:
    """Open `path` on a thread; fails the test if that hangs (as a FIFO used to)."""
    caught: list[BaseException] = []

    def run() -> None:
        try:
            open_database(path).dispose()
        except BaseException as exc:  # handed to the test
            caught.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), f"opening {path} hangs"
    return caught[0] if caught else None


@pytest.mark.parametrize("kind", list(TARGETS))
def test_a_path_that_is_not_a_file_is_refused_at_once(kind: str, tmp_path: Path) -> None:
    path = TARGETS[kind](tmp_path)
    error = _open_within(path)
    assert isinstance(error, NotADatabaseError)
    assert f"it is {kind}, not a database file" in str(error)
    assert aside_label(error) is None  # a restore never moves it aside


@pytest.mark.parametrize("kind", ["a named pipe (FIFO)", "a folder"])
def test_the_command_line_says_so_in_one_line(kind: str, tmp_path: Path, capsys) -> None:
    path = TARGETS[kind](tmp_path)
    assert main(["--db", str(path), "sessions"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        f"mentor-desktop: Cannot open {path}: it is {kind}, not a database file. "
        "Give the path of a database file."
    ]


def test_a_full_disk_at_start_is_a_full_disk_not_damage(template_db: Path, full_disk) -> None:
    db = full_disk.root / "mentor.sqlite3"
    shutil.copyfile(template_db, db)
    full_disk.fill()
    error = _open_within(db)
    assert isinstance(error, DiskFullAtOpenError), error
    assert "the disk holding it is full" in str(error)
    assert "damaged" not in str(error).replace("it is not damaged", "")
    assert "restore" not in str(error)
    assert aside_label(error) is None  # no restore offered for it
    full_disk.free()
    open_database(db).dispose()  # with room again it opens
