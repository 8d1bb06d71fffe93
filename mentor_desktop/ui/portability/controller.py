"""The File menu's Import…, Export… and Backups… commands, and the automatic backups."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from mentor_desktop.domain.errors import MentorDesktopError
from mentor_desktop.ui.bus import ChangeBus, ChangeKind
from mentor_desktop.ui.dialogs import Dialogs
from mentor_desktop.ui.tasks import BackgroundTask, run_in_background

if TYPE_CHECKING:  # the services load on first use, not at start-up
    from mentor_desktop.services.backups import BackupInfo, BackupService
    from mentor_desktop.services.portability import PortabilityService

log = logging.getLogger(__name__)


class PortabilityController(QObject):
    """Owns the three File-menu actions and opens their dialogs over `parent`.

    `portability` gives the service when first needed, so start-up does not load it.
    `flush_tabs` saves what every tab has pending and returns what could not be saved; it
    runs before a restore replaces the data, so nothing typed is lost or written over it.

    Signals:
        status_message(str): a short note for the status bar (e.g. a backup was made).
    """

    status_message = Signal(str)

    def __init__(
        self,
        portability: Callable[[], PortabilityService],
        backups: BackupService,
        bus: ChangeBus,
        dialogs: Dialogs,
        parent: QWidget,
        flush_tabs: Callable[[], list[str]] = list,
    ) -> None:
        super().__init__(parent)
        self._portability = portability
        self._backups = backups
        self._bus = bus
        self._dialogs = dialogs
        self._parent = parent
        self._flush_tabs = flush_tabs
        self.import_action = self._action("&Import…", "import", "Import another journal's entries")
        self.export_action = self._action(
            "E&xport…", "export", "Export everything as JSON or Markdown"
        )
        self.backups_action = self._action("&Backups…", "backups", "See, make and restore backups")
        self.import_action.triggered.connect(self.open_import)
        self.export_action.triggered.connect(self.open_export)
        self.backups_action.triggered.connect(self.open_backups)

    def _action(self, text: str, name: str, tip: str) -> QAction:
        action = QAction(text, self._parent)
        action.setObjectName(f"action_{name}")
        action.setStatusTip(tip)
        return action

    def actions(self) -> list[QAction]:
        return [self.import_action, self.export_action, self.backups_action]

    # ---------------------------------------------------------------- dialogs

    def open_import(self):
        from mentor_desktop.ui.portability.import_dialog import ImportDialog

        dialog = ImportDialog(self._portability(), self._parent)
        dialog.imported.connect(lambda _result: self._bus.announce(ChangeKind.JOURNAL, self))
        dialog.open()
        return dialog

    def open_export(self):
        from mentor_desktop.ui.portability.export_dialog import ExportDialog

        dialog = ExportDialog(self._portability(), self._parent, self._dialogs)
        dialog.open()
        return dialog

    def open_backups(self):
        from mentor_desktop.ui.portability.backups_dialog import BackupsDialog

        dialog = BackupsDialog(
            self._backups, self._dialogs, self._parent, before_restore=self._ready_to_replace
        )
        dialog.restored.connect(self._data_replaced)
        dialog.open()
        return dialog

    def _ready_to_replace(self) -> bool:
        """Save every tab's pending changes before a restore; refuse it if any cannot be."""
        problems = self._flush_tabs()
        if problems:
            self._dialogs.error(
                self._parent,
                "Cannot restore yet",
                "These changes could not be saved, so the backup was not restored:\n\n"
                + "\n".join(f"• {problem}" for problem in problems)
                + "\n\nCorrect them (or undo them) and restore again.",
            )
        return not problems

    def _data_replaced(self, _result: object) -> None:
        """Every tab reloads from the database (see ChangeKind.DATA_REPLACED)."""
        self._bus.announce(ChangeKind.DATA_REPLACED, self)

    # ---------------------------------------------------------------- automatic backups

    def backup_if_due(self) -> BackgroundTask:
        """The start-up backup, off the GUI thread: only if the newest is over a day old."""
        return run_in_background(
            lambda report: self._backups.backup_if_due(report),
            self._backed_up,
            lambda message: log.warning("automatic backup failed: %s", message),
            description="the automatic backup",
        )

    def _backed_up(self, info: BackupInfo | None) -> None:
        if info is not None:
            self.status_message.emit(f"Backed up to {info.path.name}")

    def backup_on_quit(self) -> None:
        """Quick and quiet: a backup when the database changed since the newest one."""
        try:
            self._backups.backup_if_changed()
        except (MentorDesktopError, OSError) as exc:
            log.warning("backup on quit failed: %s", exc)
