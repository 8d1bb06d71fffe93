"""Automatic and manual backups in rotation, and restoring one after checking it.

Backups live in `paths.data_dir()/backups` as `<db stem>-YYYYMMDD-HHMMSS.sqlite3`; of the
backups that check out sound, the newest one and the newest of each of the last 7 days,
4 weeks and 12 months (that have backups) are kept. A backup that does not check out is
never counted nor deleted by the rotation; a new one that fails its check stops the
rotation and is reported. Before a restore, a sound current database is kept aside as
`<db stem>-before-restore-YYYYMMDD-HHMMSS.sqlite3` (never rotated away); a current file
that is damaged, not a database or another program's is moved aside next to itself.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable, Hashable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from pathlib import Path

from mentor_desktop.domain.errors import (
    DamagedDatabaseError,
    DatabaseOpenError,
    ForeignDatabaseError,
    ImportFormatError,
    MentorDesktopError,
    NotADatabaseError,
)
from mentor_desktop.storage.backup import (
    BackupCheck,
    Progress,
    SchemaUpgradeError,
    backup_database,
    check_backup,
    copy_into,
    upgrade_schema,
)
from mentor_desktop.storage.engine import read_stored_revision
from mentor_desktop.storage.files import make_private, private_folder
from mentor_desktop.storage.migrate import HEAD_REVISION, KNOWN_REVISIONS

KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_MONTHLY = 12
#: An automatic backup on start is made when the newest one is older than this.
BACKUP_INTERVAL = timedelta(days=1)
_STAMP = "%Y%m%d-%H%M%S"
_SIDECARS = ("-wal", "-shm", "-journal")
#: A current file that cannot be opened is moved aside as `<name>.<label>-<stamp>`.
ASIDE_LABELS: tuple[tuple[type[DatabaseOpenError], str], ...] = (
    (DamagedDatabaseError, "damaged"),
    (NotADatabaseError, "not-a-database"),
    (ForeignDatabaseError, "other-program"),
)


def aside_label(error: DatabaseOpenError) -> str | None:
    """The label a file refused with `error` is moved aside under; None when a restore
    cannot replace it (a folder, a read-only or unreadable file)."""
    if not error.path.is_file():
        return None  # a folder, a FIFO, a device: a restore never moves those
    for kind, label in ASIDE_LABELS:
        if isinstance(error, kind):
            return label
    return None


Clock = Callable[[], datetime]


@dataclass(frozen=True)
class BackupInfo:
    """One backup file; `problem` is empty when the file checked out sound."""

    path: Path
    made_at: datetime
    kind: str  # "automatic" or "before restore"
    size: int
    counts: dict[str, int] = field(default_factory=dict)
    revision: str | None = None
    problem: str = ""

    @property
    def ok(self) -> bool:
        return not self.problem


@dataclass(frozen=True)
class RestoreResult:
    restored: BackupInfo
    #: Where the database that was replaced now is (None when there was none).
    kept_aside: Path | None


def backups_to_keep(
    times: Iterable[datetime],
    daily: int = KEEP_DAILY,
    weekly: int = KEEP_WEEKLY,
    monthly: int = KEEP_MONTHLY,
) -> set[datetime]:
    """The newest time in each of the last `daily` days, `weekly` ISO weeks and `monthly`
    months that have any (the usual grandfather-father-son rotation)."""
    newest_first = sorted(set(times), reverse=True)
    keep: set[datetime] = set()
    periods: list[tuple[Callable[[datetime], Hashable], int]] = [
        (lambda t: t.date(), daily),
        (lambda t: t.isocalendar()[:2], weekly),
        (lambda t: (t.year, t.month), monthly),
    ]
    for period_of, count in periods:
        seen: set[Hashable] = set()
        for moment in newest_first:
            if len(seen) >= count:
                break
            period = period_of(moment)
            if period not in seen:
                seen.add(period)
                keep.add(moment)
    return keep


class BackupService:
    """Backups of the database at `db_path`, kept in `backup_dir`."""

    def __init__(
        self,
        db_path: Path,
        backup_dir: Path,
        clock: Clock = datetime.now,
        keep_daily: int = KEEP_DAILY,
    ) -> None:
        self.db_path = db_path
        self.backup_dir = backup_dir
        #: How many days keep their newest backup (Preferences can change it).
        self.keep_daily = keep_daily
        self._clock = clock
        stem = re.escape(db_path.stem)
        self._pattern = re.compile(
            rf"^{stem}-(?P<aside>before-restore-)?(?P<stamp>\d{{8}}-\d{{6}})(?:-\d+)?\.sqlite3$"
        )
        #: Check results by (path, size, mtime): a backup file is never written again, so
        #: the backup on quit only checks the one it has just made.
        self._checked: dict[tuple[Path, int, int], BackupInfo] = {}

    # ---------------------------------------------------------------- making

    def backup_now(self, progress: Progress | None = None) -> BackupInfo:
        """Make a backup into the rotation folder, then drop those the rotation no longer keeps.

        When the new backup does not check out, nothing is rotated: it is renamed out of the
        rotation (`….sqlite3.failed`) and a MentorDesktopError says so.
        """
        target = self._new_name("")
        backup_database(self.db_path, target, progress)
        info = self._describe(target, check=True)
        if not info.ok:
            failed = target.with_name(target.name + ".failed")
            os.replace(target, failed)
            raise MentorDesktopError(
                f"The new backup of {self.db_path} did not check out ({info.problem}), so no "
                f"older backup was deleted. It was kept as {failed}; the database itself was "
                "not changed. Check the disk, then back up again."
            )
        self.rotate()
        return info

    def backup_to(self, target: Path, progress: Progress | None = None) -> BackupInfo:
        """Make a backup at a place the user chose (outside the rotation)."""
        if target.resolve() == self.db_path.resolve():
            raise MentorDesktopError(f"{target} is the database itself; choose another file.")
        if target.is_dir():
            raise MentorDesktopError(f"{target} is a folder; give a file name for the backup.")
        backup_database(self.db_path, target, progress)
        info = self._describe(target, check=True, kind="manual")
        if not info.ok:
            raise MentorDesktopError(
                f"The backup written to {target} did not check out ({info.problem}); "
                "do not rely on it. The database itself was not changed."
            )
        return info

    def backup_due(self) -> bool:
        """True when there is no automatic backup yet or the newest is over a day old."""
        latest = self._automatic()
        return not latest or self._clock() - latest[0].made_at >= BACKUP_INTERVAL

    def backup_if_due(self, progress: Progress | None = None) -> BackupInfo | None:
        """The start-up backup: only when the newest is over a day old."""
        if not self.db_path.exists() or not self.backup_due():
            return None
        return self.backup_now(progress)

    def backup_if_changed(self) -> BackupInfo | None:
        """The backup on quit: only when the database changed since the newest backup."""
        if not self.db_path.exists():
            return None
        latest = self._automatic()
        if latest:
            changed = max(
                (p.stat().st_mtime for p in self._with_sidecars(self.db_path) if p.exists()),
                default=0.0,
            )
            if changed <= latest[0].path.stat().st_mtime:
                return None
        return self.backup_now()

    def rotate(self) -> list[Path]:
        """Delete the automatic backups the rotation does not keep; returns what was deleted.

        Each backup is checked first. Only sound ones count and only sound ones are deleted:
        the newest sound backup is always kept, and the daily, weekly and monthly keeps are
        chosen among sound ones, so a damaged backup never pushes out a good one. Damaged
        backups stay where they are (listed as damaged) for the person to look at.
        """
        sound = [
            checked
            for info in self._automatic()
            if (checked := self._describe(info.path, check=True)).ok
        ]
        if not sound:
            return []
        keep = backups_to_keep((info.made_at for info in sound), daily=self.keep_daily)
        keep.add(max(info.made_at for info in sound))
        removed = []
        for info in sound:
            if info.made_at not in keep:
                info.path.unlink(missing_ok=True)
                removed.append(info.path)
        return removed

    # ---------------------------------------------------------------- listing

    def protect(self) -> None:
        """Make the backup folder 0700 and every file in it 0600 (an earlier version, or
        another umask, may have left them readable by others)."""
        if not self.backup_dir.is_dir():
            return
        make_private(self.backup_dir)
        for path in self.backup_dir.iterdir():
            make_private(path)

    def list_backups(self, check: bool = True) -> list[BackupInfo]:
        """Every backup of this database in the backup folder, newest first.

        With `check`, each is opened read-only, checked (`PRAGMA quick_check`) and counted.
        """
        if not self.backup_dir.is_dir():
            return []
        found = []
        for path in self.backup_dir.iterdir():
            match = self._pattern.match(path.name)
            if match:
                kind = "before restore" if match["aside"] else "automatic"
                found.append(self._describe(path, check=check, kind=kind))
        return sorted(found, key=lambda info: (info.made_at, info.path.name), reverse=True)

    def latest_good_backup(self) -> BackupInfo | None:
        """The newest backup that checks out sound (damaged ones are skipped)."""
        for info in self.list_backups(check=False):
            checked = self._describe(info.path, check=True, kind=info.kind)
            if checked.ok:
                return checked
        return None

    # ---------------------------------------------------------------- restoring

    def restore(self, source: Path) -> RestoreResult:
        """Check `source`, keep the current database aside, and put `source` in its place.

        A backup of an older schema is first brought up to date in a temporary copy, so the
        database only ever holds the old or the new data at the current schema. A sound
        current database is copied aside with the backup API and then overwritten in one
        step (safe while the app has it open). A current file that is damaged (or
        truncated), not a database, or another program's database is moved aside as it is,
        with its -wal/-shm files, never deleted. Raises ImportFormatError (nothing changed)
        for a bad `source`, and the DatabaseOpenError of a current file that cannot be
        replaced (a folder, read-only).
        """
        checked = check_backup(source)
        if checked.revision is not None and checked.revision not in KNOWN_REVISIONS:
            raise ImportFormatError(
                source,
                f"it was made by a newer version of Mentor Desktop (schema {checked.revision}).",
            )
        if self.db_path.exists() and source.resolve() == self.db_path.resolve():
            raise MentorDesktopError(f"{source} is the database itself, not a backup.")
        info = self._info_from_check(source, checked, kind="restored")
        unusable = self._unusable_label()
        with self._up_to_date(source, checked.revision) as ready:
            aside: Path | None = None
            if unusable is not None:
                aside = self._move_aside(unusable)
                backup_database(ready, self.db_path)
            elif self.db_path.exists() and self.db_path.stat().st_size > 0:
                aside = self._new_name("before-restore-")
                backup_database(self.db_path, aside)
                copy_into(ready, self.db_path)
            else:
                backup_database(ready, self.db_path)
        return RestoreResult(restored=info, kept_aside=aside)

    def _unusable_label(self) -> str | None:
        """How the current file is moved aside before a restore; None when it is sound,
        empty or missing. Raises its error when a restore cannot replace it."""
        try:
            read_stored_revision(self.db_path)
        except DatabaseOpenError as exc:
            label = aside_label(exc)
            if label is None:
                raise
            return label
        return None

    @contextmanager
    def _up_to_date(self, source: Path, revision: str | None) -> Iterator[Path]:
        """`source` itself when it has the current schema, else an upgraded temporary copy."""
        if revision == HEAD_REVISION:
            yield source
            return
        private_folder(self.backup_dir)
        with tempfile.TemporaryDirectory(prefix=".restoring-", dir=self.backup_dir) as folder:
            copy = Path(folder) / source.name
            backup_database(source, copy)
            try:
                upgrade_schema(copy)
            except SchemaUpgradeError as exc:
                raise ImportFormatError(
                    source, f"it could not be brought up to this version's schema ({exc})."
                ) from exc
            yield copy

    def _move_aside(self, label: str) -> Path:
        stamp = self._clock().strftime(_STAMP)
        aside = self.db_path.with_name(f"{self.db_path.name}.{label}-{stamp}")
        number = 2
        while aside.exists():
            aside = self.db_path.with_name(f"{self.db_path.name}.{label}-{stamp}-{number}")
            number += 1
        for original in self._with_sidecars(self.db_path):
            if original.exists():
                suffix = original.name[len(self.db_path.name) :]
                moved = aside.with_name(aside.name + suffix)
                os.replace(original, moved)
                make_private(moved)
        return aside

    # ---------------------------------------------------------------- helpers

    def _automatic(self) -> list[BackupInfo]:
        return [info for info in self.list_backups(check=False) if info.kind == "automatic"]

    def _new_name(self, prefix: str) -> Path:
        private_folder(self.backup_dir)
        base = f"{self.db_path.stem}-{prefix}{self._clock().strftime(_STAMP)}"
        target = self.backup_dir / f"{base}.sqlite3"
        number = 2
        while target.exists():
            target = self.backup_dir / f"{base}-{number}.sqlite3"
            number += 1
        return target

    def _made_at(self, path: Path) -> datetime:
        match = self._pattern.match(path.name)
        if match:
            return datetime.strptime(match["stamp"], _STAMP)
        return datetime.fromtimestamp(path.stat().st_mtime)

    def _describe(self, path: Path, check: bool, kind: str = "automatic") -> BackupInfo:
        if not check:
            return BackupInfo(path, self._made_at(path), kind, path.stat().st_size)
        stat = path.stat()
        key = (path, stat.st_size, stat.st_mtime_ns)
        if key in self._checked:
            return replace(self._checked[key], kind=kind)
        try:
            checked = check_backup(path)
        except (ImportFormatError, DatabaseOpenError, OSError) as exc:
            reason = exc.reason if isinstance(exc, ImportFormatError) else str(exc)
            info = BackupInfo(path, self._made_at(path), kind, stat.st_size, problem=reason)
        else:
            info = self._info_from_check(path, checked, kind)
        self._checked[key] = info
        return info

    def _info_from_check(self, path: Path, checked: BackupCheck, kind: str) -> BackupInfo:
        return BackupInfo(
            path=path,
            made_at=self._made_at(path),
            kind=kind,
            size=path.stat().st_size,
            counts=checked.counts,
            revision=checked.revision,
        )

    @staticmethod
    def _with_sidecars(path: Path) -> list[Path]:
        return [path, *(path.with_name(path.name + suffix) for suffix in _SIDECARS)]
