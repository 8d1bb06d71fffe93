"""The one file writer: whole or not at all, private, and clear about a full disk."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from mentor_desktop.domain.errors import FileWriteError
from mentor_desktop.storage.files import (
    check_pdf,
    make_private,
    private_folder,
    replacing,
    write_bytes,
    write_text,
)


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".partial"))


def test_a_new_file_is_written_whole_and_private(tmp_path: Path, umask_022) -> None:
    target = write_text(tmp_path / "notes.md", "# Hello\n")
    assert target.read_text(encoding="utf-8") == "# Hello\n"
    assert _mode(target) == 0o600
    assert _leftovers(tmp_path) == []


def test_an_older_file_is_replaced_in_one_step(tmp_path: Path) -> None:
    target = tmp_path / "cal.ics"
    target.write_bytes(b"old")
    os.chmod(target, 0o644)
    write_bytes(target, b"new content")
    assert target.read_bytes() == b"new content"
    assert _mode(target) == 0o600


def test_a_full_disk_keeps_the_older_file_and_says_so(full_disk) -> None:
    target = full_disk.root / "review.pdf"
    target.write_bytes(b"%PDF-1.4 the older review pack %%EOF")
    full_disk.fill()
    with pytest.raises(FileWriteError) as caught:
        write_bytes(target, b"%PDF-1.4 " + b"x" * 300_000 + b" %%EOF")
    message = str(caught.value)
    assert message.startswith(f"Cannot write {target}: the disk is full.")
    assert "earlier file there was kept" in message
    assert target.read_bytes() == b"%PDF-1.4 the older review pack %%EOF"
    assert _leftovers(full_disk.root) == []


def test_a_disk_that_fills_up_while_writing_leaves_nothing(full_disk) -> None:
    full_disk.fill(leave=64 * 1024)
    target = full_disk.root / "all.json"
    with pytest.raises(FileWriteError, match=r"the disk is full\. Nothing was written"):
        write_text(target, "{" + " " * 400_000 + "}")
    assert not target.exists()
    assert _leftovers(full_disk.root) == []
    full_disk.free()
    write_text(target, "{}")  # with room again, the same call works
    assert target.read_text() == "{}"


def test_a_folder_or_a_missing_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "folder.pdf").mkdir()
    with pytest.raises(FileWriteError, match="it is a folder"):
        write_bytes(tmp_path / "folder.pdf", b"%PDF-")
    with pytest.raises(FileWriteError, match="does not exist"):
        write_bytes(tmp_path / "nowhere" / "x.png", b"png")


def test_a_read_only_folder_is_named_as_such(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root writes into read-only folders")
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    with pytest.raises(FileWriteError, match="permission was denied"):
        write_bytes(folder / "x.svg", b"<svg/>")


def test_an_incomplete_pdf_is_never_put_in_place(tmp_path: Path) -> None:
    target = tmp_path / "brief.pdf"
    target.write_bytes(b"%PDF-1.7 older %%EOF")
    with pytest.raises(FileWriteError, match="PDF written is incomplete"):
        write_bytes(target, b"%PDF-1.7 cut short")
    with pytest.raises(FileWriteError, match="empty"):
        write_bytes(target, b"")
    assert target.read_bytes() == b"%PDF-1.7 older %%EOF"
    assert _leftovers(tmp_path) == []


def test_check_pdf_accepts_a_whole_pdf(tmp_path: Path) -> None:
    path = tmp_path / "ok.pdf"
    path.write_bytes(b"%PDF-1.4\n...\n%%EOF\n")
    check_pdf(path)


def test_a_failing_writer_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "chart.png"
    with pytest.raises(FileWriteError, match="input/output error"), replacing(target) as temp:
        temp.write_bytes(b"half")
        raise OSError(5, "Input/output error")
    assert not target.exists()
    assert _leftovers(tmp_path) == []


def test_private_folder_and_make_private(tmp_path: Path, umask_022) -> None:
    folder = private_folder(tmp_path / "a" / "data")
    assert _mode(folder) == 0o700
    loose = folder / "loose.sqlite3"
    loose.write_text("x")
    os.chmod(loose, 0o666)
    make_private(loose)
    assert _mode(loose) == 0o600
    make_private(tmp_path / "missing")  # nothing to do, no error
