"""The band across the sample mentorship's window that says what it is and leads back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QPushButton, QSizePolicy, QToolBar, QWidget


class SampleBanner(QToolBar):
    """“This is a sample mentorship…” with a Back to my own data button that closes the
    sample window (the person's own window comes back as it closes).

    Signals: those of QToolBar.
    """

    def __init__(self, window: QMainWindow, parent: QWidget | None = None) -> None:
        super().__init__("Sample mentorship", parent)
        self.setObjectName("sample_banner")
        self.setMovable(False)
        self.setFloatable(False)
        self.label = QLabel(
            "This is a sample mentorship, in a file of its own: look around and change "
            "anything. Your own data is not in it and is not touched.",
            self,
        )
        self.label.setWordWrap(True)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.back_button = QPushButton("&Back to my own data", self)
        self.back_button.setObjectName("sample_back")
        self.back_button.clicked.connect(window.close)
        self.addWidget(self.label)
        self.addWidget(self.back_button)

    @classmethod
    def attach(cls, window: QMainWindow, main: QMainWindow) -> SampleBanner:
        """Put the banner on `window`; closing `window` (either way) shows `main` again."""
        banner = cls(window, window)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, banner)
        window.setWindowTitle(f"Sample mentorship — {window.windowTitle()}")
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        hooks = getattr(window, "close_hooks", None)
        if isinstance(hooks, list):
            hooks.append(main.show)
        return banner
