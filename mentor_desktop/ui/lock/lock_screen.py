"""What a locked window shows: a passphrase field and an Unlock button, nothing else."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mentor_desktop.ui.lock.passphrase_dialog import secret_field
from mentor_desktop.ui.theme import show_as_error


class LockScreen(QWidget):
    """Covers a whole window (its own background) with the unlock form in the middle.

    With `needs_secret` False (a plain database) there is only the Unlock button.

    Signals:
        unlock_requested(str): the person asked to unlock with this passphrase ("" when
            no passphrase is needed).
    """

    unlock_requested = Signal(str)

    def __init__(self, parent: QWidget, needs_secret: bool) -> None:
        super().__init__(parent)
        self.setObjectName("lock_screen")
        self.setAutoFillBackground(True)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.needs_secret = needs_secret
        box = QFrame(self)
        box.setObjectName("lock_box")
        form = QVBoxLayout(box)
        title = QLabel("<b>Mentor Desktop is locked</b>", box)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        form.addWidget(title)
        self.field = secret_field(box, "lock_passphrase")
        self.field.returnPressed.connect(self._request)
        self.field.setVisible(needs_secret)
        if needs_secret:
            prompt = QLabel("Type the passphrase (or the recovery key) to go on.", box)
        else:
            prompt = QLabel(
                "This database has no passphrase; encrypt it in Preferences > Privacy to "
                "ask for one here.",
                box,
            )
        prompt.setWordWrap(True)
        prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        form.addWidget(prompt)
        form.addWidget(self.field)
        self.error = QLabel(box)
        self.error.setObjectName("lock_error")
        self.error.setWordWrap(True)
        self.error.setVisible(False)
        show_as_error(self.error)
        form.addWidget(self.error)
        self.unlock_button = QPushButton("&Unlock", box)
        self.unlock_button.setObjectName("unlock_button")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self._request)
        form.addWidget(self.unlock_button, 0, Qt.AlignmentFlag.AlignCenter)
        box.setMaximumWidth(440)
        grid = QGridLayout(self)
        grid.addWidget(box, 0, 0, Qt.AlignmentFlag.AlignCenter)

    def focus_field(self) -> None:
        (self.field if self.needs_secret else self.unlock_button).setFocus()

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))
        self.field.clear()
        self.focus_field()

    def _request(self) -> None:
        secret = self.field.text()
        if self.needs_secret and not secret:
            self.show_error("Type the passphrase, or the recovery key.")
            return
        self.unlock_requested.emit(secret)
