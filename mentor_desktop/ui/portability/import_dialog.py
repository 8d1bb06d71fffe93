"""File > Import…: choose another journal's files, preview what they hold, import them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mentor_desktop.domain.dates import date_text
from mentor_desktop.services.importers import FORMAT_LABELS
from mentor_desktop.services.portability import ImportPreview, ImportResult, PortabilityService
from mentor_desktop.ui.models.import_preview import ImportPreviewModel
from mentor_desktop.ui.portability.path_field import PathField, PathMode
from mentor_desktop.ui.tasks import run_in_background
from mentor_desktop.ui.theme import show_as_error

_FILTERS = {
    "jrnl": "jrnl journals (*.txt *.journal *.json);;All files (*)",
    "dayone": "Day One exports (*.json *.zip);;All files (*)",
}


class ImportDialog(QDialog):
    """Preview first (entries, date range, tags, duplicates, problems), then import.

    Signals:
        imported(object): an ImportResult, after entries were added in one transaction.
    """

    imported = Signal(object)

    def __init__(self, service: PortabilityService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import from another journal")
        self.resize(760, 560)
        self._service = service
        self._parsed = None
        self._busy = False

        self.format_combo = QComboBox(self)
        self.format_combo.setAccessibleName("Format")
        for key, label in FORMAT_LABELS.items():
            self.format_combo.addItem(label, key)
        self.path_field = PathField("File or folder", self)
        form = QFormLayout()
        form.addRow("&Format:", self.format_combo)
        form.addRow("F&ile or folder:", self.path_field)

        self.preview_button = QPushButton("&Preview", self)
        self.summary = QLabel("Choose a file, then Preview to see what it holds.", self)
        self.summary.setWordWrap(True)
        self.summary.setObjectName("import_summary")
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setObjectName("import_error")
        show_as_error(self.error)
        self.error.setVisible(False)
        self.model = ImportPreviewModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName("Entries found")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName("Import progress")
        self.progress.setVisible(False)
        self.import_button = QPushButton("&Import", self)
        self.import_button.setEnabled(False)
        self.close_button = QPushButton("&Close", self)

        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.progress)
        layout.addLayout(buttons)

        self.format_combo.currentIndexChanged.connect(self._format_changed)
        self.path_field.edit.textChanged.connect(self._forget_preview)
        self.preview_button.clicked.connect(self.start_preview)
        self.import_button.clicked.connect(self.start_import)
        self.close_button.clicked.connect(self.reject)
        self._format_changed()

    # ---------------------------------------------------------------- state

    def source_format(self) -> str:
        return str(self.format_combo.currentData())

    def _format_changed(self) -> None:
        key = self.source_format()
        self.path_field.mode = PathMode.FOLDER if key == "rednotebook" else PathMode.OPEN_FILE
        self.path_field.file_filter = _FILTERS.get(key, "")
        self._forget_preview()

    def _forget_preview(self) -> None:
        self._parsed = None
        self.model.set_rows(())
        self.import_button.setEnabled(False)
        self._show_error("")

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.preview_button, self.format_combo, self.path_field, self.close_button):
            widget.setEnabled(not busy)
        if busy:
            self.import_button.setEnabled(False)

    # ---------------------------------------------------------------- preview

    def start_preview(self) -> None:
        text = self.path_field.text()
        if not text:
            self._show_error("Choose the file or folder to import.")
            self.path_field.edit.setFocus()
            return
        path = Path(text).expanduser()
        source_format = self.source_format()
        service = self._service

        def work(_report):
            parsed = service.read_journal(source_format, path)
            return parsed, service.preview(parsed)

        self._forget_preview()
        self._set_busy(True)
        self.summary.setText(f"Reading {path}…")
        run_in_background(
            work, self._previewed, self._preview_failed, description="reading an import"
        )

    def _previewed(self, outcome) -> None:
        parsed, preview = outcome
        self._set_busy(False)
        self._parsed = parsed
        self.model.set_rows(preview.rows)
        self.table.resizeColumnToContents(0)
        self.summary.setText(describe_preview(preview))
        self._show_error("")
        self.import_button.setEnabled(preview.new_entries > 0)

    def _preview_failed(self, message: str) -> None:
        self._set_busy(False)
        self.summary.setText("Nothing was imported.")
        self._show_error(message)

    # ---------------------------------------------------------------- import

    def start_import(self) -> None:
        if self._parsed is None or self._busy:
            return
        parsed, service = self._parsed, self._service
        self._set_busy(True)
        self.progress.setVisible(True)
        self.progress.setRange(0, max(1, len(parsed.entries)))
        self.progress.setValue(0)
        run_in_background(
            lambda report: service.import_journal(parsed, report),
            self._imported,
            self._import_failed,
            self._on_progress,
            description="importing entries",
        )

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)

    def _imported(self, result: ImportResult) -> None:
        self._set_busy(False)
        self.progress.setValue(self.progress.maximum())
        self._parsed = None
        self.summary.setText(
            f"Imported {result.imported:,} entries ({result.duplicates:,} were already in the "
            f"journal, {result.tags_created:,} new tags)."
        )
        self.imported.emit(result)

    def _import_failed(self, message: str) -> None:
        self._set_busy(False)
        self.progress.setVisible(False)
        self.import_button.setEnabled(self._parsed is not None)
        self._show_error(f"{message}\nNothing was imported.")

    def reject(self) -> None:
        if not self._busy:  # an import in progress finishes (or fails) as a whole first
            super().reject()


def describe_preview(preview: ImportPreview) -> str:
    span = (
        f"from {date_text(preview.first_date)} to {date_text(preview.last_date)}"
        if preview.first_date
        else "undated"
    )
    lines = [
        f"{preview.entries_found:,} entries found in {preview.path.name}, {span}.",
        f"New: {preview.new_entries:,}. Already in the journal: {preview.duplicates:,}.",
        f"Tags: {', '.join(preview.tags) if preview.tags else 'none'}.",
    ]
    lines += [f"Note: {problem}" for problem in preview.problems]
    return "\n".join(lines)
