"""The one way the app writes a document: whole or not at all, and private.

Every file the app writes (PDF, SVG, PNG, ICS, JSON, Markdown, backups) goes through here:
the content is written to a temporary file beside the target, flushed and fsynced, checked
(its size, and for a PDF that it starts with `%PDF-` and ends with `%%EOF`), made 0600 and
only then renamed over the target (and the folder fsynced). On any failure the temporary
file is removed, an older file at the target is left exactly as it was, and a
FileWriteError says what happened in words a person can act on ("the disk is full").

`private_folder` and `make_private` keep folders 0700 and files 0600 whatever the umask.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from mentor_desktop.domain.errors import FileWriteError

FILE_MODE = 0o600
FOLDER_MODE = 0o700

#: A check of a finished temporary file: raises ValueError saying what is wrong with it.
Check = Callable[[Path], None]

_REASONS: dict[int, str] = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "you are over your disk quota",
    errno.EROFS: "the disk is read-only",
    errno.EACCES: "permission was denied",
    errno.EPERM: "the operation was not permitted",
    errno.ENOENT: "its folder does not exist",
    errno.ENOTDIR: "a part of its folder path is not a folder",
    errno.EISDIR: "it is a folder",
    errno.EIO: "the disk reported an input/output error",
    errno.ENAMETOOLONG: "the file name is too long",
    errno.EFBIG: "the file is too large for this disk",
}


def describe_os_error(exc: OSError) -> str:
    """Words for what went wrong ("the disk is full"), without a path or an errno number."""
    if exc.errno in _REASONS:
        return _REASONS[exc.errno]
    return (exc.strerror or str(exc)).rstrip(".").lower() or "the system refused"


def _failure(target: Path, reason: str, kept: bool) -> FileWriteError:
    tail = " The earlier file there was kept as it was." if kept else " Nothing was written."
    return FileWriteError(target, f"{reason}.{tail}")


def check_pdf(path: Path) -> None:
    """A cheap check that `path` is a whole PDF: its header, and `%%EOF` at its end."""
    with path.open("rb") as handle:
        head = handle.read(5)
        handle.seek(0, os.SEEK_END)
        size = handle.tell()
        handle.seek(max(0, size - 1024))
        tail = handle.read()
    if head != b"%PDF-":
        raise ValueError("the PDF written is not a PDF (its header is missing)")
    if b"%%EOF" not in tail:
        raise ValueError("the PDF written is incomplete (its end is missing)")


_CHECKS_BY_SUFFIX: dict[str, Check] = {".pdf": check_pdf}


def _fsync_folder(folder: Path) -> None:
    with suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def _refuse_bad_target(target: Path) -> bool:
    """Raise when `target` cannot be replaced by a file; True when a file is there now."""
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise _failure(target, describe_os_error(exc), kept=False) from exc
    if mode is not None and stat.S_ISDIR(mode):
        raise FileWriteError(target, "it is a folder; give a file name. Nothing was written.")
    if mode is not None and not stat.S_ISREG(mode):
        raise FileWriteError(target, "it is not a regular file. Nothing was written.")
    if not target.parent.is_dir():
        raise FileWriteError(target, f"the folder {target.parent} does not exist.")
    return mode is not None


@contextmanager
def replacing(target: Path, check: Check | None = None, mode: int = FILE_MODE) -> Iterator[Path]:
    """`with replacing(target) as temp:` write the new file at `temp` (any way you like);
    when the block ends it is fsynced, checked, given `mode` and renamed over `target`.

    The check is `check`, else the one for the target's suffix (PDF), and always: the file
    is not empty. Raises FileWriteError (temporary file removed, `target` untouched) when
    the block raises OSError, the check fails or the disk refuses.
    """
    target = Path(target)
    existed = _refuse_bad_target(target)
    try:
        descriptor, name = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".partial", dir=target.parent
        )
    except OSError as exc:
        raise _failure(target, describe_os_error(exc), existed) from exc
    os.close(descriptor)
    temp = Path(name)
    try:
        try:
            yield temp
            _finish(temp, check or _CHECKS_BY_SUFFIX.get(target.suffix.lower()), mode)
            os.replace(temp, target)
        except OSError as exc:
            raise _failure(target, describe_os_error(exc), existed) from exc
        except ValueError as exc:
            raise _failure(target, str(exc), existed) from exc
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    _fsync_folder(target.parent)


def _finish(temp: Path, check: Check | None, mode: int) -> None:
    """fsync `temp` (a write that only now finds the disk full fails here), then check it."""
    with temp.open("rb+") as handle:
        handle.flush()
        os.fsync(handle.fileno())
        size = os.fstat(handle.fileno()).st_size
    if size == 0:
        raise ValueError("the file written was empty")
    if check is not None:
        check(temp)
    os.chmod(temp, mode)


def write_bytes(target: Path, data: bytes, check: Check | None = None) -> Path:
    """Write `data` to `target` whole or not at all (see `replacing`); returns `target`."""
    target = Path(target)
    with replacing(target, check) as temp, temp.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
        written = handle.tell()
    if written != len(data):  # pragma: no cover - write() raises rather than come up short
        raise _failure(target, "the file came out shorter than its content", True)
    return target


def write_text(target: Path, text: str, check: Check | None = None) -> Path:
    """Write `text` as UTF-8 to `target` whole or not at all; returns `target`."""
    return write_bytes(target, text.encode("utf-8"), check)


def write_new_file(path: Path, text: str) -> None:
    """Write a new file (it must not exist) inside a folder being built, 0600, no fsync:
    the caller syncs the whole folder once (`sync_folder`) before putting it in place."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    with os.fdopen(descriptor, "wb") as handle:
        data = text.encode("utf-8")
        handle.write(data)
    os.chmod(path, FILE_MODE)


def sync_folder(folder: Path) -> None:
    """fsync every file and folder under `folder` (a folder written with `write_new_file`)."""
    for root, _dirs, files in os.walk(folder):
        for name in files:
            descriptor = os.open(os.path.join(root, name), os.O_RDONLY)
            try:
                os.fsync(descriptor)
            finally:
                os.close(descriptor)
        _fsync_folder(Path(root))


def private_folder(folder: Path) -> Path:
    """Create `folder` (and its parents) if needed and make it 0700; returns it."""
    folder.mkdir(parents=True, exist_ok=True)
    make_private(folder)
    return folder


def make_private(path: Path) -> None:
    """Folder 0700, file 0600 (when it is ours to change; other kinds are left alone)."""
    with suppress(OSError):
        mode = path.stat().st_mode
        if stat.S_ISDIR(mode):
            wanted = FOLDER_MODE
        elif stat.S_ISREG(mode):
            wanted = FILE_MODE
        else:
            return
        if stat.S_IMODE(mode) != wanted:
            os.chmod(path, wanted)


def new_folders_private(folder: Path) -> Path:
    """Create `folder` and any missing parents as 0700; folders already there are left as
    they are (a database in /tmp must not change /tmp)."""
    missing = []
    current = folder
    while not current.exists() and current != current.parent:
        missing.append(current)
        current = current.parent
    for path in reversed(missing):
        path.mkdir(mode=FOLDER_MODE, exist_ok=True)
        make_private(path)
    return folder


def create_private_file(path: Path) -> None:
    """Create `path` empty and 0600 if it does not exist (SQLite then keeps that mode for
    the database and gives its -wal, -shm and -journal files the same one)."""
    with suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))


def special_file_kind(path: Path) -> str | None:
    """What `path` is when it exists but is not a regular file ("a folder", "a named pipe
    (FIFO)", "a socket", "a device"); None for a regular or missing file. Never opens it, so
    a FIFO cannot block."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return None
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


#: Below this much free space a disk counts as full (SQLite needs a few pages to open).
FULL_BELOW = 256 * 1024


def disk_is_full(folder: Path) -> bool:
    """True when the file system holding `folder` has (almost) no space left for us."""
    try:
        facts = os.statvfs(folder)
    except (OSError, AttributeError):
        return False
    return facts.f_bavail * facts.f_frsize < FULL_BELOW
