"""The tray icon and the reminders shown while the app runs.

`start_reminders(window, reminders, settings)` (app.py) puts the icon in the tray where the
desktop has one (else the notifications go to its notification service), starts the checks,
and returns the ReminderController. The window lock calls `controller.set_locked(True)`
while locked: the tooltip and the notifications then show nothing of the data.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QMainWindow

from mentor_desktop.settings import AppSettings
from mentor_desktop.ui.bus import ChangeBus
from mentor_desktop.ui.tray.desktop_notifications import DesktopNotifications
from mentor_desktop.ui.tray.icon import TrayIcon
from mentor_desktop.ui.tray.reminders import ReminderController

if TYPE_CHECKING:
    from mentor_desktop.services.reminders import ReminderService

#: The first check waits until start-up (and the first screen's reads) are over.
FIRST_CHECK_MS = 4_000


def bring_up(window: QMainWindow) -> None:
    """Show the window again (from the tray), in front."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()


def quit_app(window: QMainWindow) -> None:
    """Quit from the tray: close the window as File > Quit does (saving everything); a
    hidden window closing does not end the app by itself."""
    if window.close():
        QApplication.quit()


def start_reminders(
    window: QMainWindow,
    bus: ChangeBus,
    reminders: Callable[[], ReminderService],
    settings: AppSettings,
    first_check_ms: int = FIRST_CHECK_MS,
) -> ReminderController:
    tray = TrayIcon(window, DesktopNotifications(parent=window))
    controller = ReminderController(
        reminders,
        settings,
        bus,
        tray,
        show_window=lambda: bring_up(window),
        say=lambda text: window.statusBar().showMessage(text, 8000),
        parent=window,
    )
    tray.show_requested.connect(lambda: bring_up(window))
    tray.quit_requested.connect(lambda: quit_app(window))
    controller.start(first_check_ms)
    return controller
