"""The start-up integrity check, begun on a second thread while the app is still importing.

`PRAGMA quick_check` reads every page of the file, so its cost grows with the data; the
imports of a window start cost about as much again and barely touch the disk. Starting the
check first lets both run at once on a machine with two cores. The result is used only for
the file exactly as it was checked (same size and modification time of the database and of
its -wal file), and only within `REUSE_S` of the check: the first screen's read and the full
open after the first paint both use it, so a start checks every page once. Anything else is
checked again where the database is opened.

Only the standard library is imported here, so the thread never waits on the import lock
that the main thread holds while it imports SQLAlchemy and Qt.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path

_HEADER = b"SQLite format 3\x00"


#: How long after it finished a check's result serves the opens of the unchanged file.
REUSE_S = 30.0


@dataclass(frozen=True)
class _Checked:
    state: tuple[int, ...]
    problems: list[str] | None
    done: threading.Event
    finished: float = 0.0  # time.monotonic() when the check ended


_checks: dict[Path, _Checked] = {}


def _state(path: Path) -> tuple[int, ...]:
    """Size and modification time of the database and of its -wal file; an empty or missing
    -wal counts as none (a read-only look at the file may leave an empty one behind)."""
    values: list[int] = []
    for candidate in (path, path.with_name(path.name + "-wal")):
        try:
            facts = candidate.stat()
        except OSError:
            values += [0, 0]
            continue
        values += [facts.st_size, facts.st_mtime_ns if facts.st_size else 0]
    return tuple(values)


def start_quick_check(path: Path) -> None:
    """Begin `PRAGMA quick_check` on `path` in the background, if it is an SQLite file and
    no check of the file as it is now was begun already."""
    path = path.resolve()
    begun = _checks.get(path)
    if begun is not None and begun.state == _state(path) and _fresh(begun):
        return
    if not path.is_file():
        return  # missing, a folder, a FIFO or a device: opening it says what is wrong
    try:
        with path.open("rb") as handle:
            if handle.read(len(_HEADER)) != _HEADER:
                return
    except OSError:
        return  # missing, a folder, unreadable: opening it says what is wrong
    slot: dict[str, list[str] | None] = {"problems": None}
    done = threading.Event()
    state = _state(path)

    def run() -> None:
        try:
            connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
            try:
                rows = [row[0] for row in connection.execute("PRAGMA quick_check(5)")]
            finally:
                connection.close()
            slot["problems"] = [] if rows == ["ok"] else rows
        except sqlite3.OperationalError:
            slot["problems"] = None  # could not read it: opening checks again and says why
        except sqlite3.DatabaseError as exc:
            slot["problems"] = [str(exc)]  # "database disk image is malformed" and the like
        finally:
            _checks[path] = _Checked(state, slot["problems"], done, time.monotonic())
            done.set()

    _checks[path] = _Checked(state, None, done)
    threading.Thread(target=run, name="quick-check", daemon=True).start()


def _fresh(checked: _Checked) -> bool:
    """Still running, or ended at most `REUSE_S` ago."""
    return not checked.done.is_set() or time.monotonic() - checked.finished <= REUSE_S


def problems_found(path: Path) -> list[str] | None:
    """What the background check found on `path` as it is now (an empty list: sound), or
    None when there was no such check, it failed, the file changed since, or it ended more
    than `REUSE_S` ago (then it is forgotten)."""
    path = path.resolve()
    checked = _checks.get(path)
    if checked is None:
        return None
    checked.done.wait()
    checked = _checks[path]
    sound_or_damaged = checked.problems is not None and _fresh(checked)
    if not sound_or_damaged or checked.state != _state(path) or not os.path.exists(path):
        _checks.pop(path, None)
        return None
    return checked.problems
