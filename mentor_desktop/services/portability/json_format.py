"""The JSON export format: the document written, and reading one back with every value and
row checked against the app's rules before anything is written."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

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
from mentor_desktop.storage.files import describe_os_error, write_text
from mentor_desktop.storage.migrate import KNOWN_REVISIONS
from mentor_desktop.storage.repositories.portability import TableShape

FORMAT_NAME = "mentor-desktop"
#: Bump when the JSON layout changes; an import refuses a newer version.
FORMAT_VERSION = 1


def now() -> datetime:
    """The current time in UTC, without tzinfo (how the database stores it)."""
    return datetime.now(UTC).replace(tzinfo=None)


def new_document(revision: str | None) -> dict[str, Any]:
    """The head of an export document; the caller fills `tables`."""
    return {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "app_version": __version__,
        "schema_revision": revision,
        "exported_at": now().isoformat(timespec="seconds"),
        "tables": {},
    }


def write_document(target: Path, text: str) -> None:
    """Write the export text to `target` through the one file writer, checked whole."""
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


def read_export(source: Path) -> dict[str, Any]:
    """The export document in `source`, its format and schema checked (ImportFormatError)."""
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


def decode_rows(source: Path, table: TableShape, data: Any) -> list[dict[str, Any]]:
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
    decoders = [table.decoders[name] for name in columns]
    rule = _ROW_RULES.get(table.name)
    rows = []
    for number, raw in enumerate(raw_rows, start=1):
        if not isinstance(raw, list) or len(raw) != len(columns):
            raise ImportFormatError(
                source, f"row {number} does not have {len(columns)} values.", where
            )
        row: dict[str, Any] = {}
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
