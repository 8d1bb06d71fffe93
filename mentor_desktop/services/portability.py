"""Export everything (JSON, Markdown) and import it back or from other journal apps.

Every operation is one unit of work: an import that fails part-way leaves the database
exactly as it was.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.exc import IntegrityError, StatementError
from sqlalchemy.orm import Session

from mentor_desktop import __version__
from mentor_desktop.domain.errors import (
    FileWriteError,
    ImportFormatError,
    MentorDesktopError,
    ValidationError,
)
from mentor_desktop.domain.journal import (
    FIRST_ENTRY_DATE,
    EntryDraft,
    EntryKind,
    TemplateDraft,
    normalize_tag,
    validate_entry,
    validate_template,
)
from mentor_desktop.services.importers import IMPORTERS
from mentor_desktop.services.importers.base import ParsedJournal
from mentor_desktop.services.importers.rules import conform
from mentor_desktop.storage.files import describe_os_error, make_private, sync_folder, write_text
from mentor_desktop.storage.migrate import KNOWN_REVISIONS, stored_revision
from mentor_desktop.storage.repositories import portability as repo
from mentor_desktop.storage.uow import UnitOfWorkFactory

FORMAT_NAME = "mentor-desktop"
#: Bump when the JSON layout changes; an import refuses a newer version.
FORMAT_VERSION = 1

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    counts: dict[str, int]


@dataclass(frozen=True)
class PreviewRow:
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
    imported: int
    duplicates: int
    tags_created: int
    problems: tuple[str, ...]
    #: Entries the journal's rules left out (each named in `problems`).
    skipped: int = 0


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _report(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total)


@contextmanager
def _bulk_load(session: Session) -> Iterator[None]:
    """Write many journal entries, then index them once (where the app has a search index).

    Uses `search_index_suspended` when the search module has it (no row-by-row indexing),
    else lets the triggers index and rebuilds at the end.
    """
    try:
        from mentor_desktop.storage import search
    except ImportError:  # pragma: no cover - search arrives with the journal
        yield
        return
    suspended = getattr(search, "search_index_suspended", None)
    if suspended is not None:
        with suspended(session):
            yield
    else:
        yield
        search.rebuild_search_index(session)


class PortabilityService:
    """Whole-database export and import, and imports from other journal apps."""

    def __init__(self, uow_factory: UnitOfWorkFactory) -> None:
        self._uow = uow_factory

    # ---------------------------------------------------------------- JSON

    def export_json(self, target: Path, progress: Progress | None = None) -> ExportSummary:
        """Write every table as one JSON document (written aside, then renamed into place)."""
        with self._uow() as uow:
            tables = repo.existing_tables(uow.session)
            revision = stored_revision(uow.session.get_bind())
            document: dict[str, Any] = {
                "format": FORMAT_NAME,
                "format_version": FORMAT_VERSION,
                "app_version": __version__,
                "schema_revision": revision,
                "exported_at": _now().isoformat(timespec="seconds"),
                "tables": {},
            }
            counts = {}
            for index, table in enumerate(tables):
                columns = [column.name for column in table.columns]
                rows = [
                    [repo.encode_value(value) for value in row]
                    for row in repo.read_table(uow.session, table)
                ]
                document["tables"][table.name] = {"columns": columns, "rows": rows}
                counts[table.name] = len(rows)
                _report(progress, index + 1, len(tables) + 1)
        _write_atomically(target, json.dumps(document, ensure_ascii=False, indent=1))
        _report(progress, len(tables) + 1, len(tables) + 1)
        return ExportSummary(target, counts)

    def import_json(self, source: Path, progress: Progress | None = None) -> ExportSummary:
        """Load a JSON export into this (empty) database, every table in one transaction."""
        document = _read_export(source)
        tables_in_file: dict[str, Any] = document["tables"]
        counts: dict[str, int] = {}
        with self._uow() as uow:
            session = uow.session
            if repo.has_user_data(session):
                raise MentorDesktopError(
                    f"Cannot import {source}: this database already has data. A full JSON "
                    "import only goes into an empty database (open a new file with --db)."
                )
            tables = repo.existing_tables(session)
            known = {table.name: table for table in tables}
            for name in tables_in_file:
                if name not in known:
                    raise ImportFormatError(
                        source, f"it holds a table this version does not know ({name!r})."
                    )
            decoded = {
                table.name: _decode_rows(source, table, tables_in_file[table.name])
                for table in tables
                if table.name in tables_in_file
            }
            with _bulk_load(session):
                repo.clear_tables(session, tables)
                for index, table in enumerate(tables):
                    rows = decoded.get(table.name)
                    if rows is not None:
                        try:
                            repo.insert_rows(session, table, rows)
                            session.flush()
                        except (IntegrityError, StatementError) as exc:
                            raise ImportFormatError(
                                source,
                                f"its rows do not fit the database ({exc.orig or exc}).",
                                f"table {table.name}",
                            ) from None
                        counts[table.name] = len(rows)
                    _report(progress, index + 1, len(tables) + 1)
        _report(progress, 1, 1)
        return ExportSummary(source, counts)

    # ---------------------------------------------------------------- Markdown

    def export_markdown(self, folder: Path, progress: Progress | None = None) -> ExportSummary:
        """A folder a person can read without the app: journal/ (one file per entry with YAML
        front matter), goals.md and, when there are sessions, sessions.md."""
        from mentor_desktop.services import markdown_export

        if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
            raise MentorDesktopError(
                f"Cannot export to {folder}: choose a new or empty folder "
                "(nothing in an existing folder is overwritten)."
            )
        partial = folder.with_name(folder.name + ".partial")
        shutil.rmtree(partial, ignore_errors=True)
        try:
            with self._uow() as uow:
                counts = markdown_export.write_folder(uow.session, partial, progress)
            sync_folder(partial)
            if folder.exists():
                folder.rmdir()
            os.replace(partial, folder)
            make_private(folder)
        except OSError as exc:
            shutil.rmtree(partial, ignore_errors=True)
            reason = exc.reason if isinstance(exc, FileWriteError) else describe_os_error(exc)
            raise FileWriteError(folder, f"{reason.rstrip('.')}. Nothing was written.") from exc
        except BaseException:
            shutil.rmtree(partial, ignore_errors=True)
            raise
        return ExportSummary(folder, counts)

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
            flags = self._duplicate_flags(uow.session, parsed)
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
        now = _now()
        with self._uow() as uow:
            session = uow.session
            flags = self._duplicate_flags(session, parsed)
            fresh = [e for e, duplicate in zip(parsed.entries, flags, strict=True) if not duplicate]
            rows = [
                {
                    "entry_date": entry.entry_date,
                    "title": entry.title,
                    "body": entry.body,
                    "kind": "reflection",
                    "mood": None,
                    "flagged": entry.flagged,
                    "created_at": entry.created_at or now,
                    "updated_at": now,
                }
                for entry in fresh
            ]
            if fresh:
                with _bulk_load(session):
                    tags_created = repo.insert_entries(
                        session, rows, [entry.tags for entry in fresh], progress
                    )
            else:
                tags_created = 0
        return ImportResult(
            imported=len(fresh),
            duplicates=len(parsed.entries) - len(fresh),
            tags_created=tags_created,
            problems=tuple(parsed.problems),
            skipped=parsed.skipped,
        )

    @staticmethod
    def _duplicate_flags(session: Session, parsed: ParsedJournal) -> list[bool]:
        if not parsed.entries:
            return []
        dates = [entry.entry_date for entry in parsed.entries]
        seen = repo.existing_entry_keys(session, min(dates), max(dates))
        flags = []
        for entry in parsed.entries:
            key = repo.entry_key(entry.entry_date, entry.title, entry.body)
            flags.append(key in seen)
            seen.add(key)
        return flags

    def has_user_data(self) -> bool:
        with self._uow() as uow:
            return repo.has_user_data(uow.session)

    def table_counts(self) -> dict[str, int]:
        """Rows per table (for checks and summaries)."""
        from sqlalchemy import func

        with self._uow() as uow:
            return {
                table.name: uow.session.scalar(select(func.count()).select_from(table)) or 0
                for table in repo.existing_tables(uow.session)
            }


def _write_atomically(target: Path, text: str) -> None:
    if target.is_dir():
        raise MentorDesktopError(f"Cannot export to {target}: it is a folder; give a file name.")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise FileWriteError(target, f"{describe_os_error(exc)}.") from exc
    write_text(target, text, check=_check_json)


def _check_json(path: Path) -> None:
    with path.open("rb") as handle:
        handle.seek(-1, os.SEEK_END)
        if handle.read(1) != b"}":
            raise ValueError("the export written is incomplete")


def _read_export(source: Path) -> dict[str, Any]:
    from mentor_desktop.services.importers.base import load_json, read_text

    document = load_json(source, read_text(source, "a Mentor Desktop JSON export"))
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise ImportFormatError(source, "it is not a Mentor Desktop JSON export.")
    version = document.get("format_version")
    if not isinstance(version, int):
        raise ImportFormatError(source, "it has no format version.")
    if version > FORMAT_VERSION:
        raise ImportFormatError(
            source,
            f"it was written by a newer version of Mentor Desktop (format {version}; this "
            f"version reads up to {FORMAT_VERSION}). Update the app to import it.",
        )
    revision = document.get("schema_revision")
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise ImportFormatError(
            source,
            f"it was written by a newer version of Mentor Desktop (schema {revision}). "
            "Update the app to import it.",
        )
    if not isinstance(document.get("tables"), dict):
        raise ImportFormatError(source, "it holds no tables.")
    return document


def _decode_rows(source: Path, table: Table, data: Any) -> list[dict[str, Any]]:
    """The rows of one table of an export, each value checked against its column and each
    row against the app's own rules for it; anything else is an ImportFormatError."""
    where = f"table {table.name}"
    if not isinstance(data, dict) or not isinstance(data.get("columns"), list):
        raise ImportFormatError(source, "the table has no column list.", where)
    columns = data["columns"]
    if not all(isinstance(name, str) for name in columns):
        raise ImportFormatError(source, "column names must be text.", where)
    unknown = [name for name in columns if name not in table.columns]
    if unknown:
        raise ImportFormatError(source, f"unknown columns {unknown}.", where)
    if len(set(columns)) != len(columns):
        raise ImportFormatError(source, "a column is named twice.", where)
    raw_rows = data.get("rows", [])
    if not isinstance(raw_rows, list):
        raise ImportFormatError(source, "the rows must be a list.", where)
    decoders = [repo.decoder_for(table, name) for name in columns]
    rule = _ROW_RULES.get(table.name)
    rows = []
    for number, raw in enumerate(raw_rows, start=1):
        if not isinstance(raw, list) or len(raw) != len(columns):
            raise ImportFormatError(
                source, f"row {number} does not have {len(columns)} values.", where
            )
        row = {}
        for name, decode, value in zip(columns, decoders, raw, strict=True):
            try:
                row[name] = decode(value)
            except (TypeError, ValueError, OverflowError) as exc:
                raise ImportFormatError(
                    source, f"row {number} has a bad value in {name!r} ({exc}).", where
                ) from None
        if rule is not None and (problem := rule(row)):
            raise ImportFormatError(
                source, f"row {number} breaks the app's rules: {problem}", where
            )
        rows.append(row)
    return rows


def _journal_entry_problem(row: dict[str, Any]) -> str:
    """What is wrong with an exported journal entry, by the rules of the entry editor."""
    kind = row.get("kind", EntryKind.REFLECTION.value)
    draft = EntryDraft(
        entry_date=row.get("entry_date") or FIRST_ENTRY_DATE,
        title=row.get("title") or "",
        body=row.get("body") or "",
        kind=EntryKind(kind) if kind in set(EntryKind) else kind,
        mood=row.get("mood"),
    )
    try:
        validate_entry(draft)
    except ValidationError as exc:
        return " ".join(exc.errors.values())
    return ""


def _tag_problem(row: dict[str, Any]) -> str:
    name = row.get("name")
    if name is None:
        return ""
    try:
        if normalize_tag(name) == name:
            return ""
    except ValidationError as exc:
        return str(exc)
    return f"the tag “{name}” is not written the way the journal stores tags."


def _template_problem(row: dict[str, Any]) -> str:
    kind = row.get("kind")
    draft = TemplateDraft(
        name=row.get("name") or "",
        body=row.get("body") or "",
        kind=EntryKind(kind) if kind in set(EntryKind) else None,
    )
    try:
        validate_template(draft)
    except ValidationError as exc:
        return " ".join(exc.errors.values())
    return ""


#: Table name -> the app's rules for one of its rows (an empty text when the row keeps them).
_ROW_RULES: dict[str, Callable[[dict[str, Any]], str]] = {
    "journal_entry": _journal_entry_problem,
    "tag": _tag_problem,
    "journal_template": _template_problem,
}
