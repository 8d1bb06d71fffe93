"""Message boxes and small questions behind one object, so tests can answer them."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import (
    QAbstractButton,
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from mentor_desktop.domain.bidi import mark_bidi
from mentor_desktop.settings import AppSettings


def documents_folder() -> Path:
    """The person's documents folder (their home when the platform names none)."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(location) if location else Path.home()
    return folder if folder.is_dir() else Path.home()


class Dialogs:
    """The app's modal questions. Tests replace it with a scripted subclass.

    Messages often quote a title or a name: their bidi controls are shown as markers. With
    `settings`, the folder each kind of file was last saved in is remembered.
    """

    def __init__(self, settings: AppSettings | None = None) -> None:
        self.settings = settings

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
        buttons: dict[QAbstractButton, str] = {}
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

    def ask_save_path(
        self,
        parent: QWidget | None,
        title: str,
        kind: str,
        suggested_name: str,
        filters: str = "",
    ) -> Path | None:
        """Where to save a file of `kind` ("brief", "chart", "export"...); None if cancelled.

        Starts in the folder a file of this kind was last saved in, else in the person's
        documents folder, with `suggested_name` filled in (an absolute path there starts in
        its own folder); remembers the folder chosen.
        """
        suggested = Path(suggested_name).expanduser()
        if suggested.is_absolute() and suggested.parent.is_dir():
            start = suggested.parent
        else:
            start = self.start_folder(kind)
        chosen, _ = QFileDialog.getSaveFileName(parent, title, str(start / suggested.name), filters)
        if not chosen:
            return None
        path = Path(chosen)
        self.remember_folder(kind, path.parent)
        return path

    def start_folder(self, kind: str) -> Path:
        remembered = self.settings.last_folder(kind) if self.settings is not None else None
        return remembered or documents_folder()

    def remember_folder(self, kind: str, folder: Path) -> None:
        if self.settings is not None:
            self.settings.set_last_folder(kind, folder)
