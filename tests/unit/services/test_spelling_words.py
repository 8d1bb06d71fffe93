"""The personal word list: written whole, read leniently, a failed write changes nothing."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from mentor_desktop.domain.errors import FileWriteError
from mentor_desktop.services.spelling_words import PersonalWords
from mentor_desktop.storage import files


def test_words_are_added_one_a_line_and_junk_is_left_out(tmp_path: Path) -> None:
    words = PersonalWords(tmp_path / "data" / "dictionary.txt")
    assert words.load() == set()
    for word in ("Zorblat", "Priyanka", "  ", "x" * 200, "Zorblat"):
        words.add(word)
    assert words.path.read_text(encoding="utf-8") == "Priyanka\nZorblat\n"
    words.path.write_bytes(b"Kwame\n\xff\xfe broken\n")
    assert words.load() == set()  # not UTF-8: read as empty, never a crash


def test_a_write_that_fails_leaves_the_list_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    words = PersonalWords(tmp_path / "dictionary.txt")
    words.add("Priyanka")

    def disk_full(_source: object, _target: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files.os, "replace", disk_full)
    with pytest.raises(FileWriteError):
        words.add("Kwame")
    assert words.path.read_text(encoding="utf-8") == "Priyanka\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dictionary.txt"]
