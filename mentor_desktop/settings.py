"""User preferences and remembered UI state, kept apart in one QSettings file.

Preferences are choices a user makes (theme, paper, backups); UI state is what the app
remembers on its own (window geometry, splitter positions, the last filters). Resetting one
keeps the other.
"""

from __future__ import annotations

import enum
from datetime import time
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QTime

from mentor_desktop.domain.reminders import MAX_DEADLINE_DAYS, ReminderPreferences

#: Paper size values kept in the settings ("" is the locale's own).
PAPER_SIZES = ("", "a4", "letter")
#: Daily automatic backups kept unless the person chooses otherwise, and the most they can.
KEEP_DAILY_DEFAULT = 7
KEEP_DAILY_MAX = 365
#: The idle lock's default for an encrypted database, and the longest one can choose.
LOCK_AFTER_ENCRYPTED = 10
LOCK_AFTER_MAX = 24 * 60


class Theme(enum.StrEnum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


def _whole(value: object) -> int:
    """A number setting as read back (text or a number); TypeError or ValueError otherwise."""
    if isinstance(value, (int, float, str)):
        return int(value)
    raise TypeError(value)


class AppSettings:
    """Typed access to the settings file; `preferences/*` and `state/*` keys."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._settings = QSettings(str(path), QSettings.Format.IniFormat)

    # preferences
    @property
    def theme(self) -> Theme:
        value = str(self._settings.value("preferences/theme", Theme.SYSTEM.value))
        try:
            return Theme(value)
        except ValueError:
            return Theme.SYSTEM

    @theme.setter
    def theme(self, theme: Theme) -> None:
        self._settings.setValue("preferences/theme", theme.value)

    @property
    def paper_size(self) -> str:
        """The paper for the brief and the review pack: "a4", "letter", or "" (the locale's)."""
        value = str(self._settings.value("preferences/paper_size", ""))
        return value if value in PAPER_SIZES else ""

    @paper_size.setter
    def paper_size(self, value: str) -> None:
        self._settings.setValue("preferences/paper_size", value if value in PAPER_SIZES else "")

    @property
    def backup_dir(self) -> Path | None:
        """The folder the automatic backups go to (None: the default in the data folder)."""
        value = str(self._settings.value("preferences/backup_dir", "") or "")
        return Path(value) if value else None

    @backup_dir.setter
    def backup_dir(self, folder: Path | None) -> None:
        self._settings.setValue("preferences/backup_dir", str(folder) if folder else "")

    @property
    def backups_kept_daily(self) -> int:
        """How many days keep their newest automatic backup (weekly and monthly ones too)."""
        try:
            value = _whole(
                self._settings.value("preferences/backups_kept_daily", KEEP_DAILY_DEFAULT)
            )
        except (TypeError, ValueError):
            return KEEP_DAILY_DEFAULT
        return min(max(value, 1), KEEP_DAILY_MAX)

    @backups_kept_daily.setter
    def backups_kept_daily(self, days: int) -> None:
        self._settings.setValue("preferences/backups_kept_daily", min(max(days, 1), KEEP_DAILY_MAX))

    def lock_after_minutes(self, encrypted: bool) -> int:
        """Minutes without use before the window locks (0: never). Unless chosen: 10 for an
        encrypted database, never for a plain one."""
        default = LOCK_AFTER_ENCRYPTED if encrypted else 0
        try:
            value = _whole(self._settings.value("preferences/lock_after_minutes", default))
        except (TypeError, ValueError):
            return default
        return min(max(value, 0), LOCK_AFTER_MAX)

    def set_lock_after_minutes(self, minutes: int) -> None:
        self._settings.setValue(
            "preferences/lock_after_minutes", min(max(minutes, 0), LOCK_AFTER_MAX)
        )

    @property
    def reminders(self) -> ReminderPreferences:
        """Which reminders to show, at what time of the morning, how early for deadlines."""
        defaults = ReminderPreferences()
        morning = QTime.fromString(
            str(self._settings.value("preferences/reminders/morning", "")), "HH:mm"
        )
        try:
            days = _whole(self._settings.value("preferences/reminders/deadline_days", -1))
        except (TypeError, ValueError):
            days = -1
        return ReminderPreferences(
            session_prep=self._flag("reminders/session_prep", defaults.session_prep),
            action_due=self._flag("reminders/action_due", defaults.action_due),
            opportunity_deadline=self._flag(
                "reminders/opportunity_deadline", defaults.opportunity_deadline
            ),
            morning=time(morning.hour(), morning.minute())
            if morning.isValid()
            else defaults.morning,
            deadline_days=days if 0 <= days <= MAX_DEADLINE_DAYS else defaults.deadline_days,
        )

    @reminders.setter
    def reminders(self, prefs: ReminderPreferences) -> None:
        for key in ("session_prep", "action_due", "opportunity_deadline"):
            self._settings.setValue(f"preferences/reminders/{key}", getattr(prefs, key))
        self._settings.setValue("preferences/reminders/morning", f"{prefs.morning:%H:%M}")
        self._settings.setValue("preferences/reminders/deadline_days", prefs.deadline_days)

    @property
    def keep_in_tray(self) -> bool:
        """Closing the window hides it in the tray (the app keeps reminding) instead of quitting."""
        return self._flag("keep_in_tray", False)

    @keep_in_tray.setter
    def keep_in_tray(self, keep: bool) -> None:
        self._settings.setValue("preferences/keep_in_tray", keep)

    @property
    def spelling_language(self) -> str:
        """The language spelling is checked in: a code ("en_GB"), "" (the system's) or "off"."""
        return str(self._settings.value("preferences/spelling_language", "") or "")

    @spelling_language.setter
    def spelling_language(self, value: str) -> None:
        self._settings.setValue("preferences/spelling_language", value)

    def _flag(self, key: str, default: bool) -> bool:
        value = self._settings.value(f"preferences/{key}", default)
        return value if isinstance(value, bool) else str(value).lower() in ("true", "1")

    # remembered state
    def state_bytes(self, key: str) -> QByteArray | None:
        value = self._settings.value(f"state/{key}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_state_bytes(self, key: str, value: QByteArray) -> None:
        self._settings.setValue(f"state/{key}", value)

    def state_text(self, key: str, default: str = "") -> str:
        return str(self._settings.value(f"state/{key}", default))

    def set_state_text(self, key: str, value: str) -> None:
        self._settings.setValue(f"state/{key}", value)

    def last_folder(self, kind: str) -> Path | None:
        """The folder a file of `kind` ("brief", "export"...) was last saved in, if it exists."""
        value = str(self._settings.value(f"state/last_folder/{kind}", ""))
        folder = Path(value) if value else None
        return folder if folder is not None and folder.is_dir() else None

    def set_last_folder(self, kind: str, folder: Path) -> None:
        self._settings.setValue(f"state/last_folder/{kind}", str(folder))

    def sync(self) -> None:
        self._settings.sync()
