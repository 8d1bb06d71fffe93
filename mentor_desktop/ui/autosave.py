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
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from mentor_desktop.domain.errors import MentorDesktopError, StorageFailedError

#: Longest pause after the last keystroke before the text is written.
IDLE_MS = 500
#: Longest time typed text waits while typing goes on; with the write itself (a few ms) a
#: crash loses under a second of typing.
MAX_WAIT_MS = 800
#: Longest wait between two attempts while the database cannot be written.
MAX_RETRY_MS = 30_000


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
    ) -> None:
        super().__init__(parent)
        self._save = save
        self._label = label
        self._max_wait_ms = max_wait_ms
        self._pending = False
        self._retrying = False
        #: Why the last attempt failed ("" after a save).
        self.error = ""
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.setInterval(idle_ms)
        self.idle_timer.timeout.connect(self.save_now)
        #: The max-wait timer while typing; the retry timer (its interval growing) after a
        #: failure.
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(max_wait_ms)
        self.timer.timeout.connect(self.save_now)

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
        if self._retrying:
            return  # the retry timer is running; typing does not hammer a busy database
        self.idle_timer.start()
        if not self.timer.isActive():
            self.timer.start(self._max_wait_ms)

    def mark_pending(self) -> None:
        """Something needs writing, without starting the timers (call `save_now` next)."""
        self._pending = True

    def discard(self) -> None:
        """Forget what is pending without writing it (the record is gone or was replaced)."""
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
        self.idle_timer.stop()
        self.timer.stop()
        if not self._pending:
            return True
        try:
            self._save()
        except StorageFailedError as exc:
            self._retry_later(exc)
            return False
        except MentorDesktopError as exc:
            self._retrying = False
            self.timer.setInterval(self._max_wait_ms)
            self.error = str(exc)
            self.failed.emit(self.error)
            return False
        self._pending = False
        self._retrying = False
        self.timer.setInterval(self._max_wait_ms)
        self.error = ""
        self.saved.emit()
        return True

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
