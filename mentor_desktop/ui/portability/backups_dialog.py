"""File > Backups…: the backups with their date and counts; back up now or restore one."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mentor_desktop.domain.dates import date_time_text
from mentor_desktop.services.backups import BackupInfo, BackupService, RestoreResult
from mentor_desktop.ui.dialogs import Dialogs
from mentor_desktop.ui.models.backup_table import BackupTableModel
from mentor_desktop.ui.tasks import run_in_background


def describe_counts(info: BackupInfo) -> str:
    return ", ".join(f"{value:,} {name}" for name, value in info.counts.items()) or "no data"


class BackupsDialog(QDialog):
    """Lists the backups (each checked off the GUI thread) and restores one after asking.

    Signals:
        restored(object): a RestoreResult; the database now holds the backup's data.
    """

    restored = Signal(object)

    def __init__(
        self,
        service: BackupService,
        dialogs: Dialogs,
        parent: QWidget | None = None,
        before_restore: Callable[[], bool] = lambda: True,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Backups")
        self.resize(760, 420)
        self._service = service
        self._dialogs = dialogs
        self._busy = False
        #: Saves pending changes right before a restore; False stops the restore.
        self._before_restore = before_restore
        self.model = BackupTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName("Backups")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.status = QLabel(f"Backups are kept in {service.backup_dir}.", self)
        self.status.setWordWrap(True)
        self.status.setObjectName("backups_status")
        self.backup_button = QPushButton("&Back up now", self)
        self.restore_button = QPushButton("&Restore…", self)
        self.restore_button.setEnabled(False)
        self.close_button = QPushButton("&Close", self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_button)
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.restore_selected)
        self.close_button.clicked.connect(self.reject)
        self.reload()

    def selected_backup(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _selection_changed(self) -> None:
        info = self.selected_backup()
        self.restore_button.setEnabled(info is not None and info.ok and not self._busy)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.backup_button.setEnabled(not busy)
        self.close_button.setEnabled(not busy)
        self._selection_changed()

    def _failed(self, message: str) -> None:
        self._set_busy(False)
        self.status.setText(message)

    # ---------------------------------------------------------------- work

    def reload(self) -> None:
        self._set_busy(True)
        self.status.setText("Checking the backups…")
        run_in_background(
            lambda _report: self._service.list_backups(),
            self._loaded,
            self._failed,
            description="listing backups",
        )

    def _loaded(self, backups: list[BackupInfo]) -> None:
        self.model.set_rows(backups)
        self.table.resizeColumnsToContents()
        self._set_busy(False)
        damaged = sum(not info.ok for info in backups)
        noun = "backup" if len(backups) == 1 else "backups"
        text = f"{len(backups)} {noun} in {self._service.backup_dir}."
        if damaged:
            text += f" {damaged} could not be read and cannot be restored."
        self.status.setText(text if backups else f"No backups yet in {self._service.backup_dir}.")

    def back_up_now(self) -> None:
        self._set_busy(True)
        self.status.setText("Backing up…")
        run_in_background(
            lambda report: self._service.backup_now(report),
            lambda _info: self.reload(),
            self._failed,
            description="backing up",
        )

    def restore_selected(self) -> None:
        info = self.selected_backup()
        if info is None or not info.ok or self._busy:
            return
        question = (
            f"Replace everything in this database with the backup from "
            f"{date_time_text(info.made_at)} ({describe_counts(info)})?\n\n"
            "The data you have now is kept aside as a backup first, so this can be undone "
            "by restoring that one."
        )
        if not self._dialogs.confirm(self, "Restore backup", question, "Restore"):
            return
        if not self._before_restore():
            return
        self._set_busy(True)
        self.status.setText("Restoring…")
        run_in_background(
            lambda _report: self._service.restore(info.path),
            self._restored,
            self._failed,
            description="restoring a backup",
        )

    def _restored(self, result: RestoreResult) -> None:
        kept = (
            f" The data it replaced was kept as {result.kept_aside.name}."
            if result.kept_aside
            else ""
        )
        self._dialogs.info(
            self,
            "Backup restored",
            f"Restored the backup from {date_time_text(result.restored.made_at)}.{kept}",
        )
        self.restored.emit(result)
        self.reload()

    def reject(self) -> None:
        if not self._busy:
            super().reject()
