"""Encrypt, change the passphrase, decrypt: the steps a person goes through in the window.

Each flow asks what it needs (the current passphrase again before a change or decrypting,
a new one twice), saves every tab's pending text, then runs the operation off the GUI
thread behind a modal progress dialog, and finally shows the recovery key once.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from mentor_desktop.services.privacy import PrivacyResult, PrivacyService
from mentor_desktop.ui.dialogs import Dialogs
from mentor_desktop.ui.lock.passphrase_dialog import PassphraseDialog
from mentor_desktop.ui.lock.window_lock import WindowLock
from mentor_desktop.ui.preferences.privacy_dialogs import NewPassphraseDialog, RecoveryKeyDialog
from mentor_desktop.ui.tasks import run_in_background


def ask_sheet_path(parent: QWidget, dialogs: Dialogs, db_path: Path) -> Path | None:
    """Where to save the recovery sheet, asked as every file to save is asked for."""
    return dialogs.ask_save_path(
        parent,
        "Save the recovery sheet",
        "recovery sheet",
        f"{db_path.stem}-recovery-sheet.pdf",
        "PDF (*.pdf)",
    )


class PrivacyFlows(QObject):
    """The flows behind the Privacy page's buttons.

    Signals:
        changed(): the database was encrypted, re-keyed or decrypted (pages refresh).
        status_message(str): a line for the status bar.
    """

    changed = Signal()
    status_message = Signal(str)

    def __init__(
        self,
        service: PrivacyService,
        dialogs: Dialogs,
        window_lock: WindowLock | None,
        flush_tabs: Callable[[], list[str]],
        parent: QWidget,
        sheet_path: Callable[[QWidget], Path | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self._dialogs = dialogs
        self._lock = window_lock
        self._flush = flush_tabs
        self._sheet_path = sheet_path or (
            lambda widget: ask_sheet_path(widget, dialogs, service.db_path)
        )
        self.busy = False

    # ---------------------------------------------------------------- flows

    def encrypt(self, parent: QWidget) -> None:
        plain = self._plain_backups()
        dialog = NewPassphraseDialog(
            parent,
            "Encrypt the database",
            "Choose a passphrase: a few unusual words you will remember. You will get a "
            "recovery key too. Without the passphrase and without the recovery key nobody "
            "can open the database again.",
            plain_backups=plain,
        )
        if dialog.exec() != NewPassphraseDialog.DialogCode.Accepted:
            dialog.forget()
            return
        passphrase, repeated = dialog.values()
        remove = dialog.remove_backups.isChecked()
        dialog.forget()
        self._run(
            parent,
            "Encrypting the database",
            lambda step: self.service.encrypt(passphrase, repeated, remove, step),
            "The database is now encrypted.",
        )

    def change_passphrase(self, parent: QWidget) -> None:
        if not self._confirm_current(parent, "change the passphrase"):
            return
        dialog = NewPassphraseDialog(
            parent,
            "Change the passphrase",
            "Choose the new passphrase. The database and its backups are encrypted again "
            "with it; the old passphrase and the old recovery key stop working.",
        )
        if dialog.exec() != NewPassphraseDialog.DialogCode.Accepted:
            dialog.forget()
            return
        passphrase, repeated = dialog.values()
        dialog.forget()
        self._run(
            parent,
            "Changing the passphrase",
            lambda step: self.service.change_passphrase(passphrase, repeated, step),
            "The passphrase was changed.",
        )

    def decrypt(self, parent: QWidget) -> None:
        if not self._dialogs.confirm(
            parent,
            "Decrypt the database?",
            "The database and its backups will be written back as plain files: anyone who "
            "can read them (or a copy of them) can read your entries.",
            "Decrypt",
            "Keep it encrypted",
        ):
            return
        if not self._confirm_current(parent, "decrypt it"):
            return
        self._run(parent, "Decrypting the database", self.service.decrypt, "")

    # ---------------------------------------------------------------- steps

    def _confirm_current(self, parent: QWidget, what: str) -> bool:
        dialog = PassphraseDialog(
            self.service.check_secret,
            self.service.db_path.name,
            parent,
            question=f"To {what}, type the current passphrase (or the recovery key) first.",
            accept_text="&Continue",
            reject_text="Cancel",
        )
        return dialog.exec() == PassphraseDialog.DialogCode.Accepted

    def _plain_backups(self) -> int:
        try:
            return self.service.plain_backup_count()
        except OSError:
            return 0

    def _run(
        self,
        parent: QWidget,
        title: str,
        work: Callable[[Callable[[str], None]], PrivacyResult],
        headline: str,
    ) -> None:
        problems = self._flush()
        if problems:
            self._dialogs.error(
                parent,
                title,
                "Some changes could not be saved, so nothing was done:\n\n"
                + "\n".join(f"• {problem}" for problem in problems),
            )
            return
        progress = QProgressDialog(title + "…", "", 0, 0, parent)
        progress.setObjectName("privacy_progress")
        progress.setWindowTitle(title)
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.show()
        self.busy = True
        steps = _StepRelay(progress)

        def finished(result: PrivacyResult) -> None:
            self.busy = False
            progress.close()
            self._finished(parent, result, headline)

        def failed(message: str) -> None:
            self.busy = False
            progress.close()
            self._dialogs.error(parent, title, f"{message}\n\nThe database was not changed.")
            self.changed.emit()

        run_in_background(
            lambda _report: work(steps.text.emit),
            on_finished=finished,
            on_failed=failed,
            description=title.lower(),
        )

    def _finished(self, parent: QWidget, result: PrivacyResult, headline: str) -> None:
        encrypted = self.service.is_encrypted()
        if self._lock is not None:
            self._lock.set_check(self.service.check_secret if encrypted else None)
        self.changed.emit()
        notes = [f"{path.name}: {reason}" for path, reason in result.backups_failed]
        if result.recovery_key:
            RecoveryKeyDialog(
                parent,
                result.recovery_key,
                lambda: self._write_sheet(parent, result.recovery_key),
                headline,
            ).exec()
            self.status_message.emit(headline)
        else:
            self.status_message.emit("The database is a plain file again.")
        if notes:
            self._dialogs.info(parent, "Some backups were left as they were", "\n".join(notes))

    def _write_sheet(self, parent: QWidget, recovery_key: str) -> Path | None:
        from mentor_desktop.reports.recovery_sheet import write_recovery_sheet

        path = self._sheet_path(parent)
        if path is None:
            return None
        write_recovery_sheet(recovery_key, self.service.db_path, path, date.today())
        return path


class _StepRelay(QObject):
    """Carries step texts from the worker to the progress dialog (queued to the GUI thread).

    Signals: text(str).
    """

    text = Signal(str)

    def __init__(self, progress: QProgressDialog) -> None:
        super().__init__(progress)
        self.text.connect(progress.setLabelText)
