"""Reminders while the app runs: reads the data off the GUI thread, asks the rules
(domain/reminders.py) what is due, shows it through the tray, and opens what was clicked."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from mentor_desktop.domain.reminders import (
    Reminder,
    ReminderData,
    Target,
    due_reminders,
    next_due_at,
    next_session,
    still_relevant,
    tray_tooltip,
)
from mentor_desktop.settings import AppSettings
from mentor_desktop.ui.bus import ChangeBus, ItemKind
from mentor_desktop.ui.tasks import run_in_background
from mentor_desktop.ui.tray.icon import TrayIcon

if TYPE_CHECKING:
    from mentor_desktop.services.reminders import ReminderService

#: Look again at least this often (data changes, the clock moves on, the laptop slept).
RECHECK_MS = 10 * 60 * 1000
#: After a change in any tab, look again this much later (changes come in bursts).
AFTER_CHANGE_MS = 5_000
#: More reminders due at once than this become one summary notification.
MAX_AT_ONCE = 3
SHOWN_KEY = "reminders/shown"


class ReminderController(QObject):
    """Schedules the checks, keeps which reminders were shown, and routes clicks.

    Signals:
        checked(object): the ReminderData of the latest check (tests, the tooltip).
        shown(object): a Reminder just notified.
    """

    checked = Signal(object)
    shown = Signal(object)

    def __init__(
        self,
        service: Callable[[], ReminderService],
        settings: AppSettings,
        bus: ChangeBus,
        tray: TrayIcon,
        show_window: Callable[[], None],
        say: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._settings = settings
        self._bus = bus
        self.tray = tray
        self._show_window = show_window
        self._say = say
        self._running = False
        self._again = False
        self._data = ReminderData()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.check)
        self._after_change = QTimer(self)
        self._after_change.setSingleShot(True)
        self._after_change.setInterval(AFTER_CHANGE_MS)
        self._after_change.timeout.connect(self.check)
        bus.changed.connect(lambda _change: self._after_change.start())
        tray.reminder_clicked.connect(self.open)

    def start(self, delay_ms: int = 0) -> None:
        """The first check after `delay_ms` (after start-up), then as the reminders fall due."""
        self.timer.start(delay_ms)

    def set_locked(self, locked: bool) -> None:
        """While locked, notifications and the tooltip show nothing of the data."""
        self.tray.set_locked(locked)

    def preferences_changed(self) -> None:
        self.check()

    # ------------------------------------------------------------------ checking

    def check(self) -> None:
        """Read the data in the background; then notify what is due and plan the next look."""
        if self._running:
            self._again = True
            return
        self._running = True
        service = self._service()
        run_in_background(
            lambda _report: (service.data(), service.now()),
            on_finished=self._checked,
            on_failed=self._failed,
            description="reading what to remind",
        )

    def _checked(self, result: tuple[ReminderData, datetime]) -> None:
        data, now = result
        self._running = False
        self._data = data
        prefs = self._settings.reminders
        shown = self.shown_keys()
        due = due_reminders(data, prefs, now, shown)
        for reminder in due[:MAX_AT_ONCE]:
            if self.tray.notify(reminder):
                self.shown.emit(reminder)
        if len(due) > MAX_AT_ONCE:
            self.tray.notify(_summary(due[MAX_AT_ONCE:]))
        shown |= {r.key for r in due}
        self._remember(still_relevant(shown, data, prefs))
        self.tray.set_tooltip(tray_tooltip(next_session(data, now), now))
        self.checked.emit(data)
        self._plan(next_due_at(data, prefs, now, shown), now)
        if self._again:
            self._again = False
            self.check()

    def _failed(self, message: str) -> None:
        # a locked or unreadable database: no reminder now; the window says what is wrong
        self._running = False
        self.timer.start(RECHECK_MS)

    def _plan(self, due_at: datetime | None, now: datetime) -> None:
        wait = RECHECK_MS
        if due_at is not None:
            wait = min(wait, max(1_000, int((due_at - now) / timedelta(milliseconds=1)) + 1_000))
        self.timer.start(wait)

    def shown_keys(self) -> set[str]:
        text = self._settings.state_text(SHOWN_KEY, "")
        return {line for line in text.splitlines() if line}

    def _remember(self, keys: set[str]) -> None:
        self._settings.set_state_text(SHOWN_KEY, "\n".join(sorted(keys)))

    # ------------------------------------------------------------------ clicking

    def open(self, reminder: Reminder) -> None:
        """Bring the window up on the reminder's item: a session; an action item, selected
        in the session it was agreed in; an opportunity."""
        self._show_window()
        if reminder.target is not Target.SESSION:
            if reminder.target_id is not None:
                self._bus.open_requested.emit(reminder.target.value, reminder.target_id)
            return
        service = self._service()
        run_in_background(
            lambda _report: service.session_to_open(reminder.target_key, reminder.target_id),
            on_finished=self._open_session,
            on_failed=self._say,
            description="opening the reminder's session",
        )

    def _open_session(self, session_id: int | None) -> None:
        if session_id is None:
            self._say("That session is no longer planned.")
            return
        self._bus.open_requested.emit(ItemKind.SESSION, session_id)


def _summary(rest: list[Reminder]) -> Reminder:
    """One notification for the reminders past the first few (opens the first of them)."""
    first = rest[0]
    return Reminder(
        kind=first.kind,
        key=f"summary:{first.key}",
        due_at=first.due_at,
        until=first.until,
        title=f"{len(rest)} more reminders",
        body="; ".join(r.body for r in rest[:5]),
        target=first.target,
        target_id=first.target_id,
        target_key=first.target_key,
    )
