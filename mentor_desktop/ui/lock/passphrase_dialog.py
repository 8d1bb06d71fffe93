"""A small dialog that asks for the passphrase (or recovery key) of an encrypted database."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from mentor_desktop.ui.theme import show_as_error

WRONG = (
    "That passphrase or recovery key does not open this database. Check Caps Lock and the "
    "keyboard layout, and try again."
)
EMPTY = "Type the passphrase, or the recovery key."


def secret_field(parent: QWidget, name: str) -> QLineEdit:
    """A line edit for a passphrase: hidden characters, no undo history of what was typed."""
    field = QLineEdit(parent)
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName("Passphrase or recovery key")
    field.setMinimumWidth(320)
    return field


def run_check(check: Callable[[str], bool], secret: str) -> bool:
    """`check(secret)` with a busy cursor (deriving a key takes a moment)."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return check(secret)
    finally:
        QGuiApplication.restoreOverrideCursor()


class PassphraseDialog(QDialog):
    """Asks until `check(secret)` is True or the person gives up; a wrong one says so, the
    field is emptied for the next try, and the dialog stays open.

    Signals: those of QDialog.
    """

    def __init__(
        self,
        check: Callable[[str], bool],
        file_name: str,
        parent: QWidget | None = None,
        *,
        question: str = "",
        accept_text: str = "&Open",
        reject_text: str = "&Quit",
    ) -> None:
        super().__init__(parent)
        self._check = check
        self.setObjectName("passphrase_dialog")
        self.setWindowTitle(f"Unlock {file_name}")
        text = question or (
            f"<b>{file_name}</b> is encrypted. Type its passphrase, or its recovery key, "
            "to open it."
        )
        self.question = QLabel(text, self)
        self.question.setWordWrap(True)
        self.field = secret_field(self, "passphrase_field")
        self.show_secret = QCheckBox("&Show what I type", self)
        self.show_secret.toggled.connect(
            lambda shown: self.field.setEchoMode(
                QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
            )
        )
        self.error = QLabel(self)
        self.error.setObjectName("passphrase_error")
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        show_as_error(self.error)
        self.buttons = QDialogButtonBox(self)
        self.open_button = self.buttons.addButton(
            accept_text, QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.open_button.setDefault(True)
        self.buttons.addButton(reject_text, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self._try)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.question)
        layout.addWidget(self.field)
        layout.addWidget(self.show_secret)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self.field.setFocus()

    def _try(self) -> None:
        secret = self.field.text()
        if not secret:
            self._say(EMPTY)
            return
        if run_check(self._check, secret):
            self.field.clear()
            self.accept()
            return
        self._say(WRONG)
        self.field.clear()
        self.field.setFocus()

    def _say(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(True)
        self.adjustSize()  # room for the wrapped message

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.adjustSize()  # wrapped text gets the height it needs at this width
