"""When the database is damaged: say so, and offer the newest backup that checks out."""

from __future__ import annotations

from mentor_desktop.domain.errors import DamagedDatabaseError, MentorDesktopError
from mentor_desktop.services.backups import BackupService
from mentor_desktop.ui.dialogs import Dialogs
from mentor_desktop.ui.portability.backups_dialog import describe_counts


def offer_restore(error: DamagedDatabaseError, backups: BackupService, dialogs: Dialogs) -> bool:
    """Ask before touching anything; True when the newest sound backup was put in place.

    The damaged file is moved aside (with its -wal/-shm files), never deleted or repaired.
    """
    title = "The database is damaged"
    latest = backups.latest_good_backup()
    if latest is None:
        dialogs.error(
            None,
            title,
            f"{error}\n\nThere is no sound backup in {backups.backup_dir} to restore. "
            "The file was left exactly as it is; keep a copy of it.",
        )
        return False
    question = (
        f"{error}\n\nThe newest backup that checks out is from "
        f"{latest.made_at:%Y-%m-%d %H:%M} ({describe_counts(latest)}). Restore it?\n\n"
        f"The damaged file will be kept next to it as {error.path.name}.damaged-…; "
        "nothing is deleted."
    )
    if not dialogs.confirm(None, title, question, "Restore backup"):
        return False
    try:
        backups.restore(latest.path)
    except MentorDesktopError as exc:
        dialogs.error(None, "The backup could not be restored", str(exc))
        return False
    return True
