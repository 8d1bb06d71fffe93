"""The Preferences dialog: page titles on the left, the chosen page on the right."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QListWidget,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mentor_desktop.ui.preferences.page import PreferencesPage


class PreferencesDialog(QDialog):
    """Page titles on the left, the chosen page (scrolling when long) on the right.

    OK and Apply call `apply()` on every page; when one refuses, the dialog shows that page
    and stays open.

    Signals: those of QDialog; `applied` after every page saved.
    """

    applied = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.setObjectName("preferences_dialog")
        self.pages_list = QListWidget(self)
        self.pages_list.setObjectName("preferences_pages")
        self.pages_list.setAccessibleName("Preference pages")
        self.pages_list.setMaximumWidth(160)
        self.stack = QStackedWidget(self)
        self.pages_list.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.Apply,
            self,
        )
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        apply = self.buttons.button(QDialogButtonBox.StandardButton.Apply)
        apply.clicked.connect(self.apply)
        body = QHBoxLayout()
        body.addWidget(self.pages_list)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.buttons)
        self._pages: list[PreferencesPage] = []
        self.resize(760, 600)

    def add_page(self, page: PreferencesPage) -> None:
        scroll = QScrollArea(self.stack)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(page)
        self.stack.addWidget(scroll)
        self.pages_list.addItem(page.title)
        self._pages.append(page)
        if len(self._pages) == 1:
            self.pages_list.setCurrentRow(0)

    def pages(self) -> list[PreferencesPage]:
        return list(self._pages)

    def page(self, title: str) -> PreferencesPage:
        for page in self._pages:
            if page.title == title:
                return page
        raise KeyError(title)

    def show_page(self, title: str) -> None:
        self.pages_list.setCurrentRow(self._pages.index(self.page(title)))

    def apply(self) -> bool:
        """Save every page; False (showing the first page that refused) when one refused."""
        for index, page in enumerate(self._pages):
            if not page.apply():
                self.pages_list.setCurrentRow(index)
                return False
        self.applied.emit()
        return True

    def _ok(self) -> None:
        if self.apply():
            self.accept()
