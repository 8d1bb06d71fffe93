"""The personal word list: words a person added to the dictionary, one a line.

Kept as a UTF-8 text file in the data folder, written whole by the one file writer, so a
crash mid-write leaves the previous list.
"""

from __future__ import annotations

from pathlib import Path

from mentor_desktop.domain.errors import FileWriteError
from mentor_desktop.storage.files import describe_os_error, private_folder, write_text

#: The longest word kept (anything longer is not a word).
MAX_WORD = 100


class PersonalWords:
    """The words in `path` (the file need not exist yet)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self) -> set[str]:
        """The words kept (none when the file is missing or cannot be read)."""
        try:
            text = self.path.read_text(encoding="utf-8")
        except (OSError, UnicodeError):
            return set()
        return {line.strip() for line in text.splitlines() if 0 < len(line.strip()) <= MAX_WORD}

    def add(self, word: str) -> None:
        """Keep `word` too; raises FileWriteError when the list cannot be written."""
        word = word.strip()
        if not word or len(word) > MAX_WORD or "\n" in word:
            return
        words = self.load() | {word}
        try:
            private_folder(self.path.parent)
        except OSError as exc:
            raise FileWriteError(self.path, describe_os_error(exc)) from exc
        write_text(self.path, "".join(f"{each}\n" for each in sorted(words)))
