"""When the database cannot be opened: say why, and offer the newest backup that checks out.

Offered for a file that is damaged (or truncated), not a database at all, or another
program's database; never for one that is read-only, a folder or newer than the app.
"""

from __future__ import annotations

from mentor_desktop.domain.dates import date_time_text
from mentor_desktop.domain.errors import DatabaseOpenError, MentorDesktopError
from mentor_desktop.services.backups import BackupService, aside_label
from mentor_desktop.ui.dialogs import Dialogs
from mentor_desktop.ui.portability.backups_dialog import describe_counts

_TITLES = {
    "damaged": "The database is damaged",
    "not-a-database": "The database file is not a database",
    "other-program": "The database file belongs to another program",
}


def offer_restore(error: DatabaseOpenError, backups: BackupService, dialogs: Dialogs) -> bool:
    """Ask before touching anything; True when the newest sound backup was put in place.

    The file that could not be opened is moved aside (with its -wal/-shm files), never
    deleted or repaired. False, with nothing shown, for an error a restore does not solve.
    """
    label = aside_label(error)
    if label is None:
        return False
    title = _TITLES[label]
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
        f"{date_time_text(latest.made_at)} ({describe_counts(latest)}). Restore it?\n\n"
        f"The file that could not be opened will be kept next to it as "
        f"{error.path.name}.{label}-…; nothing is deleted."
    )
    if not dialogs.confirm(None, title, question, "Restore backup"):
        return False
    try:
        backups.restore(latest.path)
    except MentorDesktopError as exc:
        dialogs.error(None, "The backup could not be restored", str(exc))
        return False
    return True
