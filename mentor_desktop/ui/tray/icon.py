"""The tray icon, where the desktop has a tray: the next session in its tooltip, the
reminders as its messages, and Show / Quit in its menu. Where the desktop has no tray, the
reminders go to its notification service (desktop_notifications.py); with neither, nowhere."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QWidget

from mentor_desktop.domain.reminders import Channel, Reminder, locked_view, notification_channel
from mentor_desktop.ui.app_icon import app_icon
from mentor_desktop.ui.tray.desktop_notifications import DesktopNotifications

log = logging.getLogger(__name__)

#: How long a notification stays up (the desktop may keep it in its list after).
MESSAGE_MS = 15_000


def tray_available() -> bool:
    return QSystemTrayIcon.isSystemTrayAvailable()


class TrayIcon(QObject):
    """The app's icon in the tray, and the reminders' notifications: the tray's messages, or
    the desktop's notification service (`desktop`) where there is no tray; without either
    there is no icon, and a notification is only logged (no error).

    While locked (`set_locked(True)`) the tooltip and every notification show nothing of
    the person's data; clicking a notification still asks to open its item (the window
    then asks to unlock first).

    Signals:
        reminder_clicked(object): the Reminder whose notification was clicked.
        show_requested(): the icon was clicked, or Show chosen from its menu.
        quit_requested(): Quit was chosen from its menu.
    """

    reminder_clicked = Signal(object)
    show_requested = Signal()
    quit_requested = Signal()

    def __init__(
        self, parent: QWidget | None = None, desktop: DesktopNotifications | None = None
    ) -> None:
        super().__init__(parent)
        self.desktop = desktop
        if desktop is not None:
            desktop.clicked.connect(self.reminder_clicked)
        self._locked = False
        self._tooltip = ""
        self._last: Reminder | None = None
        self.icon: QSystemTrayIcon | None = None
        if not tray_available():
            return
        self.icon = QSystemTrayIcon(app_icon(), self)
        self.icon.setObjectName("tray_icon")
        self.menu = QMenu(parent)
        show = QAction("&Show Mentor Desktop", self.menu)
        show.setObjectName("tray_show")
        show.triggered.connect(self.show_requested)
        leave = QAction("&Quit", self.menu)
        leave.setObjectName("tray_quit")
        leave.triggered.connect(self.quit_requested)
        self.menu.addAction(show)
        self.menu.addSeparator()
        self.menu.addAction(leave)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        self.icon.messageClicked.connect(self._message_clicked)
        self.icon.show()

    @property
    def available(self) -> bool:
        return self.icon is not None

    @property
    def locked(self) -> bool:
        return self._locked

    def set_locked(self, locked: bool) -> None:
        """While locked, nothing of the data shows in the tooltip or the notifications."""
        self._locked = locked
        self._apply_tooltip()

    def set_tooltip(self, text: str) -> None:
        """The tooltip while unlocked (locked, it only says so)."""
        self._tooltip = text
        self._apply_tooltip()

    def tooltip(self) -> str:
        return self.icon.toolTip() if self.icon is not None else ""

    def notify(self, reminder: Reminder) -> bool:
        """Show `reminder` as a notification; False where it cannot show (logged)."""
        shown = locked_view(reminder) if self._locked else reminder
        desktop = self.desktop
        channel = notification_channel(
            self.icon is not None, desktop is not None and desktop.available()
        )
        if channel is Channel.TRAY and self.icon is not None:
            self.icon.showMessage(shown.title, shown.body, app_icon(), MESSAGE_MS)
        elif channel is Channel.DESKTOP and desktop is not None:
            desktop.notify(reminder, shown)
        else:
            log.info("no tray and no notification service: reminder %s not shown", reminder.key)
            return False
        self._last = reminder
        return True

    def last_notified(self) -> Reminder | None:
        return self._last

    def hide(self) -> None:
        if self.icon is not None:
            self.icon.hide()

    def _apply_tooltip(self) -> None:
        if self.icon is not None:
            self.icon.setToolTip("Mentor Desktop (locked)" if self._locked else self._tooltip)

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.show_requested.emit()

    def _message_clicked(self) -> None:
        # Qt tells which icon's message was clicked, not which message: the latest one
        if self._last is not None:
            self.reminder_clicked.emit(self._last)
