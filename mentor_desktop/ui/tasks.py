"""Long work off the GUI thread: a QRunnable on QThreadPool that reports through signals.

    run_in_background(
        lambda report: service.import_journal(parsed, report),
        on_finished=self._imported,     # the work's return value
        on_failed=self._show_error,     # a message fit to show the user
        on_progress=bar.set_progress,   # (done, total)
    )

The signals object lives in the GUI thread, so connected slots run there (queued), never in
the worker. Errors meant for users (MentorDesktopError) arrive in the words of
`ui.errors.describe` (a full disk says so, with what to do); anything
else is logged with its traceback and reported as an unexpected error.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from mentor_desktop.domain.errors import MentorDesktopError
from mentor_desktop.ui.errors import describe

log = logging.getLogger(__name__)

Report = Callable[[int, int], None]
Work = Callable[[Report], Any]

#: Tasks that were started and have not reported yet (keeps their signals alive).
_RUNNING: set[BackgroundTask] = set()
#: The one thread that writes what the autosaves hand off (see `writer_pool`).
_WRITER: list[QThreadPool] = []


class TaskSignals(QObject):
    """What a background task reports.

    Signals:
        progress(int, int): work done so far and the total (total 0: unknown).
        finished(object): the work's return value; emitted once, on success.
        failed(str): a message for the user; emitted once, when the work raised.
    """

    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)


class BackgroundTask(QRunnable):
    """Runs `work(report)` on a pool thread; `report(done, total)` emits `progress`."""

    def __init__(self, work: Work, description: str = "") -> None:
        super().__init__()
        self.setAutoDelete(False)  # Python owns it; `_RUNNING` keeps it until it reports
        self.signals = TaskSignals()
        self.description = description
        self._work = work
        self.signals.finished.connect(self._forget)
        self.signals.failed.connect(self._forget)

    def run(self) -> None:
        try:
            result = self._work(self.signals.progress.emit)
        except MentorDesktopError as exc:
            self.signals.failed.emit(describe(exc))
        except Exception as exc:  # a bug: keep the traceback in the log, tell the user briefly
            log.exception("background task failed: %s", self.description)
            self.signals.failed.emit(f"Unexpected error{self._what()}: {exc}")
        else:
            self.signals.finished.emit(result)

    def start(self, pool: QThreadPool | None = None) -> BackgroundTask:
        """Queue the task on `pool` (the global pool by default); connect signals first."""
        _RUNNING.add(self)
        (pool or QThreadPool.globalInstance()).start(self)
        return self

    def _what(self) -> str:
        return f" while {self.description}" if self.description else ""

    def _forget(self, *_args: object) -> None:
        _RUNNING.discard(self)


def writer_pool() -> QThreadPool:
    """A pool of one thread for writes handed off the GUI thread: they run one at a time,
    in the order given, and never wait behind a long import or export on the global pool."""
    if not _WRITER:
        pool = QThreadPool()
        pool.setMaxThreadCount(1)
        _WRITER.append(pool)
    return _WRITER[0]


def run_in_background(
    work: Work,
    on_finished: Callable[[Any], None] | None = None,
    on_failed: Callable[[str], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    description: str = "",
    pool: QThreadPool | None = None,
) -> BackgroundTask:
    """Connect the callbacks, then start `work` off the GUI thread; returns the task."""
    task = BackgroundTask(work, description)
    if on_progress is not None:
        task.signals.progress.connect(on_progress)
    if on_finished is not None:
        task.signals.finished.connect(on_finished)
    if on_failed is not None:
        task.signals.failed.connect(on_failed)
    return task.start(pool)
