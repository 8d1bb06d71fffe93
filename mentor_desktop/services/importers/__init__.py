"""Readers for other journal apps' files; each returns a ParsedJournal and writes nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from mentor_desktop.services.importers import dayone, jrnl, rednotebook
from mentor_desktop.services.importers.base import ParsedJournal

#: Format name (as on the command line) -> parser.
IMPORTERS: dict[str, Callable[[Path], ParsedJournal]] = {
    "jrnl": jrnl.parse,
    "dayone": dayone.parse,
    "rednotebook": rednotebook.parse,
}

#: Format name -> what a person calls it.
FORMAT_LABELS: dict[str, str] = {
    "jrnl": "jrnl (journal file or JSON export)",
    "dayone": "Day One (JSON or .zip export)",
    "rednotebook": "RedNotebook (data folder)",
}
