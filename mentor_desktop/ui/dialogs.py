"""Message boxes and small questions behind one object, so tests can answer them."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget


class Dialogs:
    """The app's modal questions. Tests replace it with a scripted subclass."""

    def confirm(self, parent: QWidget | None, title: str, text: str, action: str = "OK") -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
        accept = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is accept

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.critical(parent, title, text)

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    def ask_text(
        self, parent: QWidget | None, title: str, label: str, default: str = ""
    ) -> str | None:
        """A one-line answer, or None when the user cancels."""
        text, accepted = QInputDialog.getText(
            parent, title, label, QLineEdit.EchoMode.Normal, default
        )
        return text if accepted else None
