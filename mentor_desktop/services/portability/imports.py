"""Imports: a full JSON export into an empty database, and journals from other apps.

Every import is one unit of work: one that fails part-way leaves the database as it was.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mentor_desktop.domain.errors import ImportFormatError, MentorDesktopError
from mentor_desktop.services.importers import IMPORTERS
from mentor_desktop.services.importers.base import ParsedJournal
from mentor_desktop.services.importers.rules import conform
from mentor_desktop.services.portability.json_format import decode_rows, now, read_export
from mentor_desktop.services.portability.results import (
    ExportSummary,
    ImportPreview,
    ImportResult,
    PreviewRow,
    Progress,
    report,
)
from mentor_desktop.storage.repositories.portability import (
    PortabilityRepository,
    RowsRejectedError,
    entry_key,
)
from mentor_desktop.storage.uow import UnitOfWorkFactory


class Imports:
    """The import half of PortabilityService."""

    _uow: UnitOfWorkFactory

    def import_json(self, source: Path, progress: Progress | None = None) -> ExportSummary:
        """Load a JSON export into this (empty) database, every table in one transaction."""
        document = read_export(source)
        tables_in_file: dict[str, Any] = document["tables"]
        with self._uow() as uow:
            repo = PortabilityRepository(uow.session)
            if repo.has_user_data():
                raise MentorDesktopError(
                    f"Cannot import {source}: this database already has data. A full JSON "
                    "import only goes into an empty database (open a new file with --db)."
                )
            tables = repo.tables()
            known = {table.name for table in tables}
            for name in tables_in_file:
                if name not in known:
                    raise ImportFormatError(
                        source, f"it holds a table this version does not know ({name!r})."
                    )
            decoded = {
                table.name: decode_rows(source, table, tables_in_file[table.name])
                for table in tables
                if table.name in tables_in_file
            }
            try:
                counts = repo.replace_everything(decoded, progress)
            except RowsRejectedError as exc:
                raise ImportFormatError(
                    source,
                    f"its rows do not fit the database ({exc.reason}).",
                    f"table {exc.table}",
                ) from None
        report(progress, 1, 1)
        return ExportSummary(source, counts)

    # ---------------------------------------------------------------- other journals

    @staticmethod
    def read_journal(source_format: str, path: Path) -> ParsedJournal:
        """Parse another app's journal and put its entries through the journal's rules.

        Raises ImportFormatError naming the file and the entry or line; entries the rules
        clean or leave out are named in the result's `problems`.
        """
        parse = IMPORTERS.get(source_format)
        if parse is None:
            raise MentorDesktopError(
                f"Unknown import format {source_format!r}; choose one of {', '.join(IMPORTERS)}."
            )
        try:
            parsed = parse(path)
        except OSError as exc:  # a folder or file that cannot be read
            raise ImportFormatError(
                path, f"it cannot be read ({exc.strerror or exc}).", str(exc.filename or "")
            ) from exc
        except (ValueError, OverflowError, UnicodeError, RecursionError) as exc:
            # the importers name the entry for these; this only keeps a traceback away
            raise ImportFormatError(
                path, f"it holds a value that cannot be read ({exc})."
            ) from None
        return conform(parsed)

    def preview(self, parsed: ParsedJournal) -> ImportPreview:
        """Entries found, date range, tags, duplicates and problems; nothing is written."""
        parsed = conform(parsed)
        with self._uow() as uow:
            flags = _duplicate_flags(PortabilityRepository(uow.session), parsed)
        entries = parsed.entries
        tags = sorted({tag for entry in entries for tag in entry.tags}, key=str.casefold)
        dates = [entry.entry_date for entry in entries]
        return ImportPreview(
            source=parsed.source,
            path=parsed.path,
            entries_found=len(entries),
            new_entries=flags.count(False),
            duplicates=flags.count(True),
            first_date=min(dates, default=None),
            last_date=max(dates, default=None),
            tags=tuple(tags),
            problems=tuple(parsed.problems),
            rows=tuple(
                PreviewRow(e.entry_date, e.title, e.tags, e.flagged, dup)
                for e, dup in zip(entries, flags, strict=True)
            ),
            skipped=parsed.skipped,
        )

    def import_journal(
        self, parsed: ParsedJournal, progress: Progress | None = None
    ) -> ImportResult:
        """Add the entries that are not in the journal yet, all in one transaction.

        An entry counts as already there when an entry with the same date, title and body
        exists (or appeared earlier in the same file), so running an import twice adds nothing.
        Every entry goes through the journal's rules first (see `importers.rules`).
        """
        parsed = conform(parsed)
        written_at = now()
        with self._uow() as uow:
            repo = PortabilityRepository(uow.session)
            flags = _duplicate_flags(repo, parsed)
            fresh = [e for e, duplicate in zip(parsed.entries, flags, strict=True) if not duplicate]
            rows = [
                {
                    "entry_date": entry.entry_date,
                    "title": entry.title,
                    "body": entry.body,
                    "kind": "reflection",
                    "mood": None,
                    "flagged": entry.flagged,
                    "created_at": entry.created_at or written_at,
                    "updated_at": written_at,
                }
                for entry in fresh
            ]
            tags_created = (
                repo.insert_entries(rows, [entry.tags for entry in fresh], progress) if fresh else 0
            )
        return ImportResult(
            imported=len(fresh),
            duplicates=len(parsed.entries) - len(fresh),
            tags_created=tags_created,
            problems=tuple(parsed.problems),
            skipped=parsed.skipped,
        )


def _duplicate_flags(repo: PortabilityRepository, parsed: ParsedJournal) -> list[bool]:
    """For each parsed entry: is it in the journal already (or earlier in the file)?"""
    if not parsed.entries:
        return []
    dates = [entry.entry_date for entry in parsed.entries]
    seen = repo.existing_entry_keys(min(dates), max(dates))
    flags: list[bool] = []
    for entry in parsed.entries:
        key = entry_key(entry.entry_date, entry.title, entry.body)
        flags.append(key in seen)
        seen.add(key)
    return flags
