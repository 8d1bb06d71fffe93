"""The dialogs of Preferences > Privacy: a new passphrase (twice, strength shown) and the
recovery key (shown once: copy it, save the one-page recovery sheet)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mentor_desktop.domain.errors import ValidationError
from mentor_desktop.services.passphrase import check_new_passphrase, strength
from mentor_desktop.services.privacy import NO_WAY_BACK
from mentor_desktop.ui.lock.passphrase_dialog import secret_field
from mentor_desktop.ui.theme import show_as_error


def _error_label(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setVisible(False)
    show_as_error(label)
    return label


class NewPassphraseDialog(QDialog):
    """Asks for a new passphrase twice and shows how strong it is; OK stays open (with the
    reason under the field) until the passphrase is acceptable and typed the same twice.

    With `plain_backups` > 0 it also asks whether the plain backups are encrypted or deleted.

    Signals: those of QDialog.
    """

    def __init__(
        self, parent: QWidget | None, title: str, intro: str, plain_backups: int = 0
    ) -> None:
        super().__init__(parent)
        self.setObjectName("new_passphrase_dialog")
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        text = QLabel(intro, self)
        text.setWordWrap(True)
        layout.addWidget(text)
        form = QFormLayout()
        self.passphrase = secret_field(self, "new_passphrase")
        self.passphrase.setAccessibleName("New passphrase")
        self.repeated = secret_field(self, "repeated_passphrase")
        self.repeated.setAccessibleName("The same passphrase again")
        self.meter = QProgressBar(self)
        self.meter.setObjectName("strength_meter")
        self.meter.setRange(0, 4)
        self.meter.setTextVisible(False)
        self.meter.setMaximumHeight(8)
        self.meter.setAccessibleName("Passphrase strength")
        self.strength = QLabel(self)
        self.strength.setObjectName("strength_label")
        self.strength.setWordWrap(True)
        self.errors = {
            "passphrase": _error_label(self, "error_passphrase"),
            "repeated": _error_label(self, "error_repeated"),
        }
        form.addRow("&Passphrase:", self.passphrase)
        form.addRow("", self.meter)
        form.addRow("", self.strength)
        form.addRow("", self.errors["passphrase"])
        form.addRow("&Again:", self.repeated)
        form.addRow("", self.errors["repeated"])
        layout.addLayout(form)
        self.show_secret = QCheckBox("&Show what I type", self)
        self.show_secret.toggled.connect(self._show)
        layout.addWidget(self.show_secret)
        self.remove_backups = QCheckBox(
            f"&Delete the {plain_backups} plain backup(s) instead of encrypting them", self
        )
        self.remove_backups.setObjectName("remove_plain_backups")
        self.remove_backups.setVisible(plain_backups > 0)
        layout.addWidget(self.remove_backups)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._ok)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.passphrase.textChanged.connect(self._rate)
        self._rate("")
        self.setMinimumWidth(520)

    def _show(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.passphrase.setEchoMode(mode)
        self.repeated.setEchoMode(mode)

    def _rate(self, text: str) -> None:
        found = strength(text)
        self.meter.setValue(found.score if text else 0)
        self.strength.setText(f"<b>{found.label}</b>. {found.advice}".strip())

    def _ok(self) -> None:
        try:
            check_new_passphrase(self.passphrase.text(), self.repeated.text())
        except ValidationError as exc:
            for name, label in self.errors.items():
                label.setText(exc.errors.get(name, ""))
                label.setVisible(name in exc.errors)
            self.adjustSize()
            return
        self.accept()

    def values(self) -> tuple[str, str]:
        return self.passphrase.text(), self.repeated.text()

    def forget(self) -> None:
        self.passphrase.clear()
        self.repeated.clear()


class RecoveryKeyDialog(QDialog):
    """Shows the recovery key once: copy it, save the recovery sheet, and confirm it is
    kept safe before closing.

    `save_sheet()` asks where to write the sheet and writes it (returns the path, or None).

    Signals: those of QDialog.
    """

    def __init__(
        self,
        parent: QWidget | None,
        recovery_key: str,
        save_sheet: Callable[[], Path | None],
        headline: str,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recovery_key_dialog")
        self.setWindowTitle("Your recovery key")
        self._save_sheet = save_sheet
        layout = QVBoxLayout(self)
        top = QLabel(
            f"<b>{headline}</b><br>This recovery key opens the database without the "
            "passphrase. It is shown only now.",
            self,
        )
        top.setWordWrap(True)
        layout.addWidget(top)
        self.key = QLineEdit(recovery_key, self)
        self.key.setObjectName("recovery_key")
        self.key.setReadOnly(True)
        self.key.setAccessibleName("Recovery key")
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(max(mono.pointSizeF(), 10.0) * 1.15)
        mono.setWeight(QFont.Weight.Bold)
        self.key.setFont(mono)
        self.key.setMinimumWidth(self.key.fontMetrics().horizontalAdvance(recovery_key) + 24)
        layout.addWidget(self.key)
        row = QHBoxLayout()
        self.copy_button = QPushButton("&Copy", self)
        self.copy_button.clicked.connect(self._copy)
        self.sheet_button = QPushButton("Save the recovery &sheet (PDF)…", self)
        self.sheet_button.clicked.connect(self._sheet)
        row.addWidget(self.copy_button)
        row.addWidget(self.sheet_button)
        row.addStretch(1)
        layout.addLayout(row)
        warning = QLabel(f"<b>{NO_WAY_BACK}</b>", self)
        warning.setObjectName("no_way_back")
        warning.setWordWrap(True)
        layout.addWidget(warning)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.kept = QCheckBox("I have &kept the recovery key somewhere safe", self)
        self.kept.setObjectName("recovery_key_kept")
        layout.addWidget(self.kept)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setEnabled(False)
        self.kept.toggled.connect(self.close_button.setEnabled)
        self.buttons.rejected.connect(self._close)
        layout.addWidget(self.buttons)

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.key.text())
        self.note.setText("Copied. Paste it into your password manager, then clear the clipboard.")

    def _sheet(self) -> None:
        try:
            path = self._save_sheet()
        except OSError as exc:
            self.note.setText(f"The sheet could not be written ({exc}).")
            return
        if path is not None:
            self.note.setText(f"Saved {path}. Print it, keep it safe, then delete the file.")

    def _close(self) -> None:
        if self.kept.isChecked():
            self.accept()

    def reject(self) -> None:  # Escape: only once the key is kept
        if self.kept.isChecked():
            super().reject()
