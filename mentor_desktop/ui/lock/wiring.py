"""Puts privacy into the window: the passphrase at start, the lock, the Privacy page.

The Privacy page and its dialogs are imported when Preferences first shows them, so the
first screen does not pay for them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from mentor_desktop.services.privacy import PrivacyService
from mentor_desktop.settings import AppSettings
from mentor_desktop.ui.actions import ActionId
from mentor_desktop.ui.dialogs import Dialogs
from mentor_desktop.ui.lock.passphrase_dialog import PassphraseDialog
from mentor_desktop.ui.lock.window_lock import WindowLock

if TYPE_CHECKING:
    from mentor_desktop.ui.main_window import MainWindow
    from mentor_desktop.ui.preferences.page import PreferencesPage
    from mentor_desktop.ui.preferences.registry import PreferencesRegistry


def unlock_at_start(service: PrivacyService, parent: QWidget | None = None) -> bool:
    """Ask for the passphrase of an encrypted database until it is right; False when the
    person quits instead. True at once for a plain (or already unlocked) database."""
    if not service.needs_unlock():
        return True
    dialog = PassphraseDialog(service.unlock, service.db_path.name, parent)
    return dialog.exec() == PassphraseDialog.DialogCode.Accepted


def check_pages_later(service: PrivacyService, window: QWidget, dialogs: Dialogs) -> None:
    """The whole check of an encrypted database, off the GUI thread once the window shows
    (opening it read only the pages it needed, each authenticated); damage is reported."""
    from mentor_desktop.ui.tasks import run_in_background

    if not service.is_encrypted():
        return

    def report(message: object) -> None:
        if message:
            dialogs.error(window, "The database is damaged", str(message))

    run_in_background(
        lambda _report: service.damage_found(),
        on_finished=report,
        description="checking the encrypted database",
    )


def follow_lock(lock: WindowLock, set_locked: Callable[[bool], None]) -> None:
    """Keep `set_locked` (the tray, notifications) in step with the window lock."""
    lock.locked_changed.connect(set_locked)
    set_locked(lock.locked)


def install_privacy(
    window: MainWindow,
    preferences: PreferencesRegistry,
    service: PrivacyService,
    settings: AppSettings,
    dialogs: Dialogs,
) -> WindowLock:
    """The window lock (View > Lock now, the idle lock) and Preferences > Privacy."""
    encrypted = service.is_encrypted()
    lock = WindowLock(
        window,
        window.action_registry[ActionId.LOCK],
        window.flush_tabs,
        service.check_secret if encrypted else None,
        settings.lock_after_minutes(encrypted),
    )

    def page() -> PreferencesPage:
        from mentor_desktop.ui.preferences.privacy import PrivacyPage
        from mentor_desktop.ui.preferences.privacy_flows import PrivacyFlows

        flows = PrivacyFlows(service, dialogs, lock, window.flush_tabs, window)
        flows.status_message.connect(lambda text: window.statusBar().showMessage(text, 8000))
        built = PrivacyPage(flows, settings, lock)
        flows.setParent(built)
        return built

    preferences.add_page("Privacy", page, order=50)
    window.window_lock = lock
    window.privacy_service = service
    return lock
