"""The Reminders page of Preferences: which reminders, when, the tray, start at login."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from datetime import time
from pathlib import Path

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QCheckBox, QSpinBox, QTimeEdit, QWidget

from mentor_desktop.desktop_entry import autostart_enabled, autostart_path, set_autostart
from mentor_desktop.domain.dates import time_pattern
from mentor_desktop.domain.reminders import MAX_DEADLINE_DAYS, ReminderPreferences
from mentor_desktop.settings import AppSettings
from mentor_desktop.ui.preferences.page import PreferencesPage


class RemindersPage(PreferencesPage):
    """Each kind of reminder on or off, the morning time, deadline warning, tray and login.

    `applied()` is called after the page saved (the reminders look again at once).

    Signals: none of its own.
    """

    title = "Reminders"

    def __init__(
        self,
        settings: AppSettings,
        tray_available: bool,
        launcher: Sequence[str],
        applied: Callable[[], None] = lambda: None,
        autostart_file: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._launcher = list(launcher)
        self._applied = applied
        self._autostart_file = autostart_file or autostart_path()
        prefs = settings.reminders

        self.add_group("Remind me")
        self.session_prep = self._box(
            "session_prep", "The day &before a session", prefs.session_prep
        )
        self.add_row(
            "session_prep",
            "Sessions:",
            self.session_prep,
            "“Prepare your agenda: N suggestions waiting”, the morning before.",
        )
        self.action_due = self._box(
            "action_due", "On the morning an &action item is due", prefs.action_due
        )
        self.add_row("action_due", "Action items:", self.action_due)
        self.opportunity = self._box(
            "opportunity_deadline", "Before an &opportunity's deadline", prefs.opportunity_deadline
        )
        self.add_row("opportunity_deadline", "Opportunities:", self.opportunity)
        self.deadline_days = QSpinBox(self)
        self.deadline_days.setObjectName("deadline_days")
        self.deadline_days.setRange(0, MAX_DEADLINE_DAYS)
        self.deadline_days.setSuffix(" days before")
        self.deadline_days.setSpecialValueText("On the day")
        self.deadline_days.setValue(prefs.deadline_days)
        self.add_row("deadline_days", "&Deadline warning:", self.deadline_days)
        self.morning = QTimeEdit(QTime(prefs.morning.hour, prefs.morning.minute), self)
        self.morning.setObjectName("morning_time")
        self.morning.setDisplayFormat(time_pattern())
        self.add_row(
            "morning",
            "&Morning reminders at:",
            self.morning,
            "While the app runs. Reminders that fell due while it was closed show when it starts.",
        )

        self.add_group("While the window is closed")
        self.keep_in_tray = self._box(
            "keep_in_tray",
            "&Keep running in the tray when I close the window",
            settings.keep_in_tray and tray_available,
        )
        self.keep_in_tray.setEnabled(tray_available)
        self.add_row(
            "keep_in_tray",
            "Tray:",
            self.keep_in_tray,
            "Quit from the tray icon's menu or with File > Quit."
            if tray_available
            else "This desktop has no tray, so closing the window quits.",
        )
        self.autostart = self._box(
            "autostart",
            "Start Mentor Desktop when I &log in",
            autostart_enabled(self._autostart_file),
        )
        self.autostart.setEnabled(sys.platform.startswith("linux"))
        self.add_row(
            "autostart",
            "Login:",
            self.autostart,
            f"Writes {self._autostart_file} (removed again when you turn this off).",
        )
        self.finish()

    def _box(self, name: str, text: str, checked: bool) -> QCheckBox:
        box = QCheckBox(text, self)
        box.setObjectName(f"{name}_check")
        box.setChecked(checked)
        return box

    def preferences(self) -> ReminderPreferences:
        chosen = self.morning.time()
        return ReminderPreferences(
            session_prep=self.session_prep.isChecked(),
            action_due=self.action_due.isChecked(),
            opportunity_deadline=self.opportunity.isChecked(),
            morning=time(chosen.hour(), chosen.minute()),
            deadline_days=self.deadline_days.value(),
        )

    def apply(self) -> bool:
        wanted = self.autostart.isChecked()
        if self.autostart.isEnabled() and wanted != autostart_enabled(self._autostart_file):
            try:
                set_autostart(wanted, self._launcher, self._autostart_file)
            except OSError as exc:
                verb = "written" if wanted else "removed"
                self.show_errors(
                    {"autostart": f"{self._autostart_file} could not be {verb}: {exc.strerror}."}
                )
                return False
        self._settings.reminders = self.preferences()
        if self.keep_in_tray.isEnabled():
            self._settings.keep_in_tray = self.keep_in_tray.isChecked()
        self._settings.sync()
        self.show_errors({})
        self._applied()
        return True
