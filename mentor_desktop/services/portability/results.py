"""What export and import operations answer: summaries, previews, results."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

#: Called with (done, total) as an operation goes on.
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ExportSummary:
    """Where an export or a full import went, and its rows per table (or kind)."""

    path: Path
    counts: dict[str, int]


@dataclass(frozen=True)
class PreviewRow:
    """One entry of an import preview; `duplicate` when the journal has it already."""

    entry_date: date
    title: str
    tags: tuple[str, ...]
    flagged: bool
    duplicate: bool


@dataclass(frozen=True)
class ImportPreview:
    """What an import would do, before it does it."""

    source: str
    path: Path
    entries_found: int
    new_entries: int
    duplicates: int
    first_date: date | None
    last_date: date | None
    tags: tuple[str, ...]
    problems: tuple[str, ...]
    rows: tuple[PreviewRow, ...]
    #: Entries the journal's rules left out (each named in `problems`).
    skipped: int = 0


@dataclass(frozen=True)
class ImportResult:
    """What an import of another app's journal did."""

    imported: int
    duplicates: int
    tags_created: int
    problems: tuple[str, ...]
    #: Entries the journal's rules left out (each named in `problems`).
    skipped: int = 0


def report(progress: Progress | None, done: int, total: int) -> None:
    """Tell `progress` (when there is one) how far an operation got."""
    if progress is not None:
        progress(done, total)
