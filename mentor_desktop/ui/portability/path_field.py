"""A path typed or picked with a Browse… button (a file to open, a file to save, a folder)."""

from __future__ import annotations

import enum
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLineEdit, QPushButton, QWidget

from mentor_desktop.ui.dialogs import Dialogs


class PathMode(enum.Enum):
    OPEN_FILE = "open"
    SAVE_FILE = "save"
    FOLDER = "folder"


class PathField(QWidget):
    """A line edit with a Browse… button.

    In SAVE_FILE mode Browse… asks through `dialogs.ask_save_path` (documents folder first,
    then the last folder used for `kind`), with `suggested_name` when nothing is typed yet.

    Signals: none of its own; listen to `edit.textChanged`.
    """

    def __init__(
        self,
        label: str,
        parent: QWidget | None = None,
        dialogs: Dialogs | None = None,
        kind: str = "file",
    ) -> None:
        super().__init__(parent)
        self.mode = PathMode.OPEN_FILE
        self.file_filter = ""
        self.dialogs = dialogs or Dialogs()
        self.kind = kind
        self.suggested_name = ""
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
            path = self._ask_save_path(current)
            chosen = str(path) if path is not None else ""
        else:
            chosen, _ = QFileDialog.getOpenFileName(
                self, "Choose a file", current, self.file_filter
            )
        if chosen:
            self.edit.setText(chosen)

    def _ask_save_path(self, current: str) -> Path | None:
        """What is typed is the suggestion (its folder the start), else `suggested_name`."""
        suggested = current or self.suggested_name
        return self.dialogs.ask_save_path(self, "Save as", self.kind, suggested, self.file_filter)
