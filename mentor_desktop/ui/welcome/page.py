"""The welcome page shown instead of the tabs while the database is empty."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCommandLinkButton, QHBoxLayout, QLabel, QVBoxLayout, QWidget


class WelcomePage(QWidget):
    """Three ways to begin, each a large button with a line saying what it does.

    Signals:
        start_own(): the person wants to set up their own mentorship.
        try_sample(): the person wants to look around a sample mentorship first.
        import_journal(): the person wants to bring in a journal they already keep.
    """

    start_own = Signal()
    try_sample = Signal()
    import_journal = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome_page")
        title = QLabel("Welcome to Mentor Desktop", self)
        title.setObjectName("welcome_title")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(
            "Run your own mentorship: goals broken into milestones, a learning journal, "
            "preparation for each session with your mentor and a timeline of your progress. "
            "Everything stays in one file on this computer.",
            self,
        )
        intro.setWordWrap(True)
        self.start_button = self._choice(
            "&Start my own",
            "A short set-up: your name, your first mentor and how often you meet, your first "
            "goal. Two minutes; you can change all of it later.",
            "welcome_start",
        )
        self.sample_button = self._choice(
            "&Try the sample mentorship",
            "Look around two years of a made-up mentorship. It is kept in a separate file and "
            "never mixed with your own data; close it to come back here.",
            "welcome_sample",
        )
        self.import_button = self._choice(
            "&Import a journal",
            "Bring in the journal you already keep: jrnl, Day One (JSON export) or RedNotebook.",
            "welcome_import",
        )
        self.status_label = QLabel(self)
        self.status_label.setObjectName("welcome_status")
        self.status_label.setWordWrap(True)
        self.start_button.clicked.connect(self.start_own)
        self.sample_button.clicked.connect(self.try_sample)
        self.import_button.clicked.connect(self.import_journal)

        column = QWidget(self)
        column.setMinimumWidth(420)
        column.setMaximumWidth(640)
        column_layout = QVBoxLayout(column)
        column_layout.addWidget(title)
        column_layout.addWidget(intro)
        column_layout.addSpacing(12)
        for button in (self.start_button, self.sample_button, self.import_button):
            column_layout.addWidget(button)
        column_layout.addWidget(self.status_label)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column, 4)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        self.start_button.setFocus()

    def _choice(self, text: str, description: str, name: str) -> QCommandLinkButton:
        button = QCommandLinkButton(text, description, self)
        button.setObjectName(name)
        button.setAccessibleName(text.replace("&", ""))
        button.setAccessibleDescription(description)
        return button
