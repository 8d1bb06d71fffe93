"""User preferences and remembered UI state, kept apart in one QSettings file.

Preferences are choices a user makes (the theme); UI state is what the app remembers on its
own (window geometry, splitter positions, the last filters). Resetting one keeps the other.
"""

from __future__ import annotations

import enum
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings


class Theme(enum.StrEnum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


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

    def sync(self) -> None:
        self._settings.sync()
