"""Message boxes and small questions behind one object, so tests can answer them."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from mentor_desktop.domain.bidi import mark_bidi


class Dialogs:
    """The app's modal questions. Tests replace it with a scripted subclass.

    Messages often quote a title or a name: their bidi controls are shown as markers."""

    def confirm(
        self,
        parent: QWidget | None,
        title: str,
        text: str,
        action: str = "OK",
        cancel: str = "Cancel",
    ) -> bool:
        """True when the user chooses `action`; `cancel` (the default) leaves things as they are."""
        box = QMessageBox(QMessageBox.Icon.Question, title, mark_bidi(text), parent=parent)
        accept = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton(cancel, QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        box.exec()
        return box.clickedButton() is accept

    def choose(
        self,
        parent: QWidget | None,
        title: str,
        text: str,
        choices: Sequence[tuple[str, str]],
        default: str,
    ) -> str:
        """One of several answers: `choices` are (key, button text); returns the key chosen
        (`default` when the box is closed without a choice)."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, mark_bidi(text), parent=parent)
        buttons = {}
        for key, label in choices:
            button = box.addButton(label, QMessageBox.ButtonRole.ActionRole)
            buttons[button] = key
            if key == default:
                box.setDefaultButton(button)
        box.exec()
        return buttons.get(box.clickedButton(), default)

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.critical(parent, title, mark_bidi(text))

    def info(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, mark_bidi(text))

    def about(self, parent: QWidget | None, title: str, text: str) -> None:
        """The About box, which shows the app's icon."""
        QMessageBox.about(parent, title, text)

    def ask_text(
        self, parent: QWidget | None, title: str, label: str, default: str = ""
    ) -> str | None:
        """A one-line answer, or None when the user cancels."""
        text, accepted = QInputDialog.getText(
            parent, title, label, QLineEdit.EchoMode.Normal, default
        )
        return text if accepted else None
