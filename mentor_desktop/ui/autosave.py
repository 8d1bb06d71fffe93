"""One autosave for every free-text field: nothing typed waits long, nothing failed is dropped.

    self.autosave = Autosave(self._write_notes, self, label=lambda: "The session notes")
    self.autosave.failed.connect(error_label.setText)
    notes_edit.textChanged.connect(self.autosave.touch)
    ...
    if not self.autosave.flush():   # before switching records or closing
        ...                          # the text is still unsaved; `error` says why

Each `touch` (a keystroke) restarts a short idle timer, so the text is written within
IDLE_MS of the last keystroke; the first unsaved keystroke also starts a timer that typing
does not restart, so steady typing is written at least every MAX_WAIT_MS. `save` writes what
is pending and raises MentorDesktopError when it cannot. A database the app cannot use now
(StorageFailedError: busy, disk full...) keeps the text pending, says why and tries again,
waiting longer each time (up to MAX_RETRY_MS). Any other refusal (bad input) keeps the text
pending and waits for the next edit. The window asks every Autosave it holds whether
anything is unsaved before it closes (`unsaved_autosaves`).

A field whose text can be large passes `later`: called on the GUI thread when a timer
fires, it reads the text and returns a `Write` (or None to write at once through `save`).
The Write's `work` runs on the writer thread (ui/tasks.py), one at a time per Autosave;
its `done(result)` runs back on the GUI thread. Typing meanwhile is written after it, so
the last text wins; a failure goes the way a failed `save` does. `flush` and `save_now`
wait for the write in flight, then write what is still pending at once.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal

from mentor_desktop.domain.errors import MentorDesktopError, StorageFailedError
from mentor_desktop.ui.tasks import BackgroundTask, writer_pool

log = logging.getLogger(__name__)

#: Longest pause after the last keystroke before the text is written.
IDLE_MS = 500
#: Longest time typed text waits while typing goes on; with the write itself (a few ms) a
#: crash loses under a second of typing. A write handed off the GUI thread (a tenth of a
#: second or more for megabytes) takes its own time off the next wait.
MAX_WAIT_MS = 800
#: Longest wait between two attempts while the database cannot be written.
MAX_RETRY_MS = 30_000


@dataclass(frozen=True)
class Write:
    """A save in two halves: `work()` off the GUI thread, then `done(result)` on it."""

    work: Callable[[], object]
    done: Callable[[object], None]


class _Flight:
    """One Write on its way: runs `work` on the writer thread and keeps how it ended."""

    def __init__(self, write: Write, edits: int) -> None:
        self.write = write
        #: The Autosave's count of edits when the text was read.
        self.edits = edits
        self.started = time.perf_counter()
        self.ended = threading.Event()
        self.result: object = None
        self.error: Exception | None = None

    def __call__(self, _report: object) -> _Flight:
        try:
            self.result = self.write.work()
        except Exception as exc:  # reported on the GUI thread, like a failed `save`
            self.error = exc
        finally:
            self.ended.set()
        return self


class Autosave(QObject):
    """Writes one field's (or one record's) pending text through `save`, soon and again.

    Signals:
        saved(): what was pending has been written.
        failed(str): writing failed; the message says why (and when it is tried again).
    """

    saved = Signal()
    failed = Signal(str)

    def __init__(
        self,
        save: Callable[[], None],
        parent: QObject | None = None,
        *,
        label: Callable[[], str] = lambda: "Some text",
        idle_ms: int = IDLE_MS,
        max_wait_ms: int = MAX_WAIT_MS,
        later: Callable[[], Write | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self._later = later
        #: Edits so far (a write in flight is current only if none came after it).
        self._edits = 0
        self._flight: _Flight | None = None
        #: How long the last write handed off took, from its hand-off until it landed.
        self._write_ms = 0
        self._label = label
        self._max_wait_ms = max_wait_ms
        self._pending = False
        self._retrying = False
        #: Why the last attempt failed ("" after a save).
        self.error = ""
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.setInterval(idle_ms)
        self.idle_timer.timeout.connect(self._autosave)
        #: The max-wait timer while typing; the retry timer (its interval growing) after a
        #: failure.
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(max_wait_ms)
        self.timer.timeout.connect(self._autosave)

    # ---------------------------------------------------------------- state

    @property
    def has_unsaved(self) -> bool:
        return self._pending

    def unsaved_problem(self) -> str:
        """What is unsaved and why, for the question on quit ("" when all is saved)."""
        if not self._pending:
            return ""
        return f"{self._label()}: {self.error or 'it has not been saved yet'}"

    # ---------------------------------------------------------------- edits

    def touch(self, *_args: object) -> None:
        """Something was typed: write it soon (connect any `…Changed` signal here)."""
        self._pending = True
        self._edits += 1
        if self._retrying:
            return  # the retry timer is running; typing does not hammer a busy database
        self.idle_timer.start()
        if not self.timer.isActive():
            # the time the last write took is taken off, so text waits as long in all
            self.timer.start(max(self._max_wait_ms // 4, self._max_wait_ms - self._write_ms))

    def mark_pending(self) -> None:
        """Something needs writing, without starting the timers (call `save_now` next)."""
        self._pending = True
        self._edits += 1

    def discard(self) -> None:
        """Forget what is pending without writing it (the record is gone or was replaced).

        A write in flight is let finish first (its outcome no longer matters)."""
        if self._flight is not None:
            self._flight.ended.wait()
            self._flight = None
        self.idle_timer.stop()
        self.timer.stop()
        self.timer.setInterval(self._max_wait_ms)
        self._pending = False
        self._retrying = False
        self.error = ""

    # ---------------------------------------------------------------- saving

    def flush(self) -> bool:
        """Write what is pending now; False when it could not be written (`error` says why)."""
        return self.save_now()

    def save_now(self) -> bool:
        """Write what is pending now, after the write in flight (if any) has landed."""
        self._land_now()
        self.idle_timer.stop()
        self.timer.stop()
        if not self._pending:
            return True
        try:
            self._save()
        except MentorDesktopError as exc:
            self._failed(exc)
            return False
        self._written()
        return True

    @property
    def writing(self) -> bool:
        """A write handed off the GUI thread has not landed yet."""
        return self._flight is not None

    def _autosave(self) -> None:
        """A timer fired: write what is pending, off the GUI thread when `later` says so."""
        self.idle_timer.stop()
        self.timer.stop()
        if not self._pending or self._flight is not None:
            return  # when the write in flight lands, what was typed meanwhile follows it
        write = self._later() if self._later is not None else None
        if write is None:
            self.save_now()
            return
        flight = self._flight = _Flight(write, self._edits)
        task = BackgroundTask(flight, "saving the text")
        task.signals.finished.connect(self._landed)
        task.start(writer_pool())

    def _landed(self, flight: _Flight) -> None:
        """The writer thread finished `flight` (unless `save_now` took it in already)."""
        if flight is not self._flight:
            return
        self._flight = None
        if self._settle(flight) and self._pending and not self._timers_running():
            self._autosave()  # typed during the write, and its timers already fired

    def _land_now(self) -> None:
        """Wait for the write in flight and take in its outcome."""
        flight = self._flight
        if flight is not None:
            flight.ended.wait()
            self._flight = None
            self._settle(flight)

    def _settle(self, flight: _Flight) -> bool:
        """Take in how `flight` ended, on the GUI thread; True when it was written."""
        self._write_ms = round((time.perf_counter() - flight.started) * 1000)
        try:
            if flight.error is not None:
                raise flight.error
            flight.write.done(flight.result)
        except MentorDesktopError as exc:
            self._failed(exc)
            return False
        except Exception as exc:  # a bug: the text stays pending, and the person is told
            log.error("saving failed", exc_info=exc)
            self._failed(MentorDesktopError(f"Could not save: unexpected error ({exc})."))
            return False
        self._written(still_pending=self._edits != flight.edits)
        return True

    def _timers_running(self) -> bool:
        return self.idle_timer.isActive() or self.timer.isActive()

    def _written(self, still_pending: bool = False) -> None:
        """The write went through; `still_pending` when something was typed during it."""
        self._pending = still_pending
        self._retrying = False
        if not self.timer.isActive():  # (setting it would restart the wait for what was typed)
            self.timer.setInterval(self._max_wait_ms)
        self.error = ""
        if not still_pending:
            self.saved.emit()

    def _failed(self, exc: MentorDesktopError) -> None:
        if isinstance(exc, StorageFailedError):
            self._retry_later(exc)
            return
        self._retrying = False
        self.timer.setInterval(self._max_wait_ms)
        self.error = str(exc)
        self.failed.emit(self.error)

    def _retry_later(self, exc: StorageFailedError) -> None:
        """Keep the text pending and try again after a longer wait each time."""
        wait = min(max(self.timer.interval(), self._max_wait_ms) * 2, MAX_RETRY_MS)
        self._retrying = True
        self.error = f"{exc} Trying again in {max(1, round(wait / 1000))} s."
        self.timer.start(wait)
        self.failed.emit(self.error)


def unsaved_autosaves(root: QObject) -> list[Autosave]:
    """Every Autosave under `root` that still holds something unsaved, after a last try."""
    return [autosave for autosave in root.findChildren(Autosave) if not autosave.flush()]
