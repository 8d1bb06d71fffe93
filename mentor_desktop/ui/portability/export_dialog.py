"""File > Export…: everything as one JSON file, or a folder of Markdown files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mentor_desktop.services.portability import ExportSummary, PortabilityService
from mentor_desktop.ui.dialogs import Dialogs
from mentor_desktop.ui.portability.path_field import PathField, PathMode
from mentor_desktop.ui.tasks import run_in_background

FORMATS = {
    "json": "Everything as one JSON file (imports back into Mentor Desktop)",
    "markdown": "A folder of Markdown files (readable without the app)",
}

#: Said before every export: the database may be encrypted, the export never is.
PLAIN_TEXT_NOTE = (
    "The export is written as plain text: anyone who can read it can read your entries, "
    "even when the database itself is encrypted."
)


class ExportDialog(QDialog):
    """Choose a format and a place; the export runs off the GUI thread with a progress bar.

    Signals:
        exported(object): an ExportSummary, once the file or folder is complete.
    """

    exported = Signal(object)

    def __init__(
        self,
        service: PortabilityService,
        parent: QWidget | None = None,
        dialogs: Dialogs | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export")
        self.setMinimumWidth(560)
        self._service = service
        self._busy = False
        self.format_combo = QComboBox(self)
        self.format_combo.setAccessibleName("Format")
        for key, label in FORMATS.items():
            self.format_combo.addItem(label, key)
        self.path_field = PathField("Export to", self, dialogs, kind="export")
        self.path_field.suggested_name = "mentor-desktop-export.json"
        form = QFormLayout()
        form.addRow("&Format:", self.format_combo)
        form.addRow("&Export to:", self.path_field)
        self.plain_note = QLabel(PLAIN_TEXT_NOTE, self)
        self.plain_note.setObjectName("export_plain_text_note")
        self.plain_note.setWordWrap(True)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setObjectName("export_status")
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName("Export progress")
        self.progress.setVisible(False)
        self.export_button = QPushButton("&Export", self)
        self.export_button.setDefault(True)
        self.close_button = QPushButton("&Close", self)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.plain_note)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addLayout(buttons)
        self.format_combo.currentIndexChanged.connect(self._format_changed)
        self.export_button.clicked.connect(self.start_export)
        self.close_button.clicked.connect(self.reject)
        self._format_changed()

    def export_format(self) -> str:
        return str(self.format_combo.currentData())

    def _format_changed(self) -> None:
        markdown = self.export_format() == "markdown"
        self.path_field.mode = PathMode.FOLDER if markdown else PathMode.SAVE_FILE
        self.path_field.file_filter = "" if markdown else "JSON (*.json)"
        self.status.setText(
            "Choose a new or empty folder." if markdown else "Choose where to save the file."
        )

    def start_export(self) -> None:
        text = self.path_field.text()
        if not text:
            self.status.setText("Choose where to export to first.")
            self.path_field.edit.setFocus()
            return
        target = Path(text).expanduser()
        service = self._service
        if self.export_format() == "markdown":
            work = lambda report: service.export_markdown(target, report)  # noqa: E731
        else:
            work = lambda report: service.export_json(target, report)  # noqa: E731
        self._set_busy(True)
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        self.status.setText(f"Exporting to {target}…")
        run_in_background(
            work, self._finished, self._failed, self._on_progress, description="exporting"
        )

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.export_button, self.close_button, self.format_combo, self.path_field):
            widget.setEnabled(not busy)

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)

    def _finished(self, summary: ExportSummary) -> None:
        self._set_busy(False)
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        counts = ", ".join(f"{n:,} {name}" for name, n in summary.counts.items() if n)
        self.status.setText(f"Exported to {summary.path}: {counts or 'no data'}.")
        self.exported.emit(summary)

    def _failed(self, message: str) -> None:
        self._set_busy(False)
        self.progress.setVisible(False)
        self.status.setText(message)

    def reject(self) -> None:
        if not self._busy:
            super().reject()
