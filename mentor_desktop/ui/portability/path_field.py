"""A path typed or picked with a Browse… button (a file to open, a file to save, a folder)."""

from __future__ import annotations

import enum

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLineEdit, QPushButton, QWidget


class PathMode(enum.Enum):
    OPEN_FILE = "open"
    SAVE_FILE = "save"
    FOLDER = "folder"


class PathField(QWidget):
    """A line edit with a Browse… button.

    Signals: none of its own; listen to `edit.textChanged`.
    """

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode = PathMode.OPEN_FILE
        self.file_filter = ""
        self.edit = QLineEdit(self)
        self.edit.setAccessibleName(label)
        self.edit.setObjectName("path_edit")
        self.browse = QPushButton("&Browse…", self)
        self.browse.setAccessibleName(f"Browse for {label.lower()}")
        self.browse.clicked.connect(self._browse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.browse)

    def text(self) -> str:
        return self.edit.text().strip()

    def _browse(self) -> None:
        current = self.text()
        if self.mode is PathMode.FOLDER:
            chosen = QFileDialog.getExistingDirectory(self, "Choose a folder", current)
        elif self.mode is PathMode.SAVE_FILE:
            chosen, _ = QFileDialog.getSaveFileName(self, "Save as", current, self.file_filter)
        else:
            chosen, _ = QFileDialog.getOpenFileName(
                self, "Choose a file", current, self.file_filter
            )
        if chosen:
            self.edit.setText(chosen)
