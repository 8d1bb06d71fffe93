"""Preferences > Privacy: encryption of the database and the lock on the window."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSpinBox, QWidget

from mentor_desktop.settings import LOCK_AFTER_MAX, AppSettings
from mentor_desktop.ui.lock.window_lock import WindowLock
from mentor_desktop.ui.preferences.page import PreferencesPage
from mentor_desktop.ui.preferences.privacy_flows import PrivacyFlows


class PrivacyPage(PreferencesPage):
    """Whether the database is encrypted (with Encrypt…, Change passphrase…, Decrypt…) and
    after how many idle minutes the window locks.

    Signals: none of its own.
    """

    title = "Privacy"

    def __init__(
        self,
        flows: PrivacyFlows,
        settings: AppSettings,
        window_lock: WindowLock | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._flows = flows
        self._settings = settings
        self._lock = window_lock
        self.add_group("Encryption")
        self.state = QLabel(self)
        self.state.setObjectName("encryption_state")
        self.state.setWordWrap(True)
        self.state.setMinimumWidth(380)
        buttons = QWidget(self)
        row = QHBoxLayout(buttons)
        row.setContentsMargins(0, 0, 0, 0)
        self.encrypt_button = QPushButton("&Encrypt…", buttons)
        self.encrypt_button.setObjectName("encrypt_button")
        self.change_button = QPushButton("&Change passphrase…", buttons)
        self.change_button.setObjectName("change_passphrase_button")
        self.decrypt_button = QPushButton("&Decrypt…", buttons)
        self.decrypt_button.setObjectName("decrypt_button")
        for button in (self.encrypt_button, self.change_button, self.decrypt_button):
            row.addWidget(button)
        row.addStretch(1)
        self.encrypt_button.clicked.connect(lambda: flows.encrypt(self))
        self.change_button.clicked.connect(lambda: flows.change_passphrase(self))
        self.decrypt_button.clicked.connect(lambda: flows.decrypt(self))
        self.add_row("state", "Database:", self.state)
        self.add_row(
            "encryption",
            "",
            buttons,
            hint="Encrypted with SQLCipher (AES-256). The file and its backups can only be "
            "opened with the passphrase or the recovery key: without both, nobody can "
            "recover the data. Exports (JSON, Markdown) are plain text.",
        )
        self.add_group("Lock")
        self.idle = QSpinBox(self)
        self.idle.setObjectName("lock_after_minutes")
        self.idle.setRange(0, LOCK_AFTER_MAX)
        self.idle.setSuffix(" min")
        self.idle.setSpecialValueText("Never")
        self.add_row(
            "lock_after_minutes",
            "Lock the window after:",
            self.idle,
            hint="Minutes without use. Lock now any time with View > Lock now (Ctrl+L); "
            "pending text is saved first.",
        )
        self.finish()
        self._shown_idle = 0
        flows.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        encrypted = self._flows.service.is_encrypted()
        self.state.setText(
            "<b>Encrypted</b> (asked for at start)."
            if encrypted
            else "<b>Not encrypted</b>: whoever has the file can read it."
        )
        self.encrypt_button.setVisible(not encrypted)
        self.change_button.setVisible(encrypted)
        self.decrypt_button.setVisible(encrypted)
        self._shown_idle = self._settings.lock_after_minutes(encrypted)
        self.idle.setValue(self._shown_idle)

    def apply(self) -> bool:
        minutes = self.idle.value()
        if minutes != self._shown_idle:
            self._settings.set_lock_after_minutes(minutes)
            self._shown_idle = minutes
        if self._lock is not None:
            self._lock.set_idle_minutes(minutes)
        return True
