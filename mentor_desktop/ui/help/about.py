"""Help > About: version, licence, and where the data is, with a button to open its folder."""

from __future__ import annotations

import importlib.metadata
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mentor_desktop import APP_NAME, __version__


def licence() -> str:
    try:
        meta = importlib.metadata.metadata("mentor-desktop")
    except importlib.metadata.PackageNotFoundError:
        return ""
    values = [*meta.get_all("License-Expression", []), *meta.get_all("License", [])]
    return next((str(value) for value in values if value), "")


class AboutDialog(QDialog):
    """What this is, its version and licence, the database file and its folder.

    Signals: those of QDialog.
    """

    def __init__(self, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"About {APP_NAME}")
        self.setObjectName("about_dialog")
        self.folder = db_path.parent
        title = QLabel(f"<h2>{APP_NAME} {__version__}</h2>", self)
        icon = QLabel(self)
        app_icon = QApplication.windowIcon()
        if not app_icon.isNull():
            icon.setPixmap(app_icon.pixmap(64, 64))
        self.text = QLabel(self)
        self.text.setObjectName("about_text")
        self.text.setWordWrap(True)
        self.text.setTextFormat(self.text.textFormat().PlainText)
        spdx = licence()
        self.text.setText(
            "Run your own mentorship: goals, a learning journal, session preparation and a "
            "timeline of your progress. Works offline; your data stays on this computer.\n\n"
            + (f"Licence: {spdx}\n\n" if spdx else "")
            + f"Data file: {db_path}"
        )
        self.text.setTextInteractionFlags(self.text.textInteractionFlags().TextSelectableByMouse)
        self.open_button = QPushButton("&Open data folder", self)
        self.open_button.setObjectName("open_data_folder")
        self.open_button.clicked.connect(self.open_folder)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(icon)
        layout.addWidget(title)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def open_folder(self) -> bool:
        """Show the data folder in the file manager; False when the desktop cannot."""
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))
