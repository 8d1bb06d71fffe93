"""Day One: a JSON export (`Journal.json`) or the .zip that holds it (and its photos)."""

from __future__ import annotations

import json
import re
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from mentor_desktop.domain.errors import ImportFormatError
from mentor_desktop.services.importers.base import (
    ImportedEntry,
    ParsedJournal,
    decode_text,
    read_text,
    title_and_body,
    unique_tags,
)

WHAT = "a Day One JSON export (Journal.json or the .zip holding it)"
#: Day One escapes Markdown punctuation with a backslash (`\.`, `\/`, `\-`, ...).
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!/<>|~=:])")
_MOMENT = re.compile(r"!\[([^\]]*)\]\(dayone-moment:/+(?:photo/)?(?P<id>[0-9A-Za-z-]+)\)")


def parse(path: Path) -> ParsedJournal:
    if path.suffix.lower() == ".zip" or (path.is_file() and zipfile.is_zipfile(path)):
        return _parse_zip(path)
    parsed = ParsedJournal(source="dayone", path=path)
    _parse_document(path, read_text(path, WHAT), parsed, prefix="")
    return _finish(path, parsed)


def _parse_zip(path: Path) -> ParsedJournal:
    parsed = ParsedJournal(source="dayone", path=path)
    try:
        with zipfile.ZipFile(path) as archive:
            names = [
                name
                for name in archive.namelist()
                if name.lower().endswith(".json") and "/" not in name.strip("/")
            ]
            if not names:
                raise ImportFormatError(path, "the .zip holds no Day One journal (.json) file.")
            for name in sorted(names):
                text = decode_text(path, archive.read(name), WHAT)
                _parse_document(path, text, parsed, prefix=f"{name}, ")
    except (zipfile.BadZipFile, EOFError) as exc:
        raise ImportFormatError(path, f"the .zip file is damaged ({exc}).") from None
    return _finish(path, parsed)


def _finish(path: Path, parsed: ParsedJournal) -> ParsedJournal:
    if not parsed.entries:
        raise ImportFormatError(path, "the export holds no entries with text.")
    return parsed


def unescape(text: str) -> str:
    """Day One's Markdown without its backslash escapes."""
    return _ESCAPE.sub(r"\1", text)


def _photo_notes(raw: dict) -> dict[str, str]:
    notes = {}
    for photo in raw.get("photos") or []:
        if isinstance(photo, dict) and isinstance(photo.get("identifier"), str):
            file_name = f"{photo.get('md5', photo['identifier'])}.{photo.get('type', 'jpeg')}"
            notes[photo["identifier"]] = f"*[Day One photo {file_name} — not imported]*"
    return notes


def _parse_document(path: Path, text: str, parsed: ParsedJournal, prefix: str) -> None:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFormatError(
            path, f"it is not valid JSON ({exc.msg}).", f"{prefix}line {exc.lineno}"
        ) from None
    if not isinstance(document, dict) or not isinstance(document.get("entries"), list):
        raise ImportFormatError(path, "this is not a Day One export (no list of entries).")
    skipped = 0
    for number, raw in enumerate(document["entries"], start=1):
        where = f"{prefix}entry {number}"
        if not isinstance(raw, dict):
            raise ImportFormatError(path, "an entry must be an object.", where)
        if "creationDate" not in raw:
            hint = " (this looks like a jrnl export)" if "date" in raw else ""
            raise ImportFormatError(path, f"the entry has no creationDate{hint}.", where)
        created = _utc(path, raw["creationDate"], where)
        local_date = created.date()
        zone_name = raw.get("timeZone")
        if isinstance(zone_name, str) and zone_name:
            try:
                local_date = created.astimezone(ZoneInfo(zone_name)).date()
            except (ZoneInfoNotFoundError, ValueError):
                parsed.problems.append(f"{where}: unknown time zone {zone_name!r}; used UTC.")
        body_text = raw.get("text")
        if body_text is not None and not isinstance(body_text, str):
            raise ImportFormatError(path, "the entry text must be text.", where)
        if not body_text or not body_text.strip():
            skipped += 1
            continue
        notes = _photo_notes(raw)
        body_text = _MOMENT.sub(
            lambda m, notes=notes: notes.get(
                m["id"], f"*[Day One photo {m['id']} — not imported]*"
            ),
            unescape(body_text),
        )
        title, body = title_and_body(body_text)
        tags = raw.get("tags") or []
        if not isinstance(tags, list) or not all(isinstance(tag, str) for tag in tags):
            raise ImportFormatError(path, "tags must be a list of text.", where)
        parsed.entries.append(
            ImportedEntry(
                entry_date=local_date,
                title=title,
                body=body,
                tags=unique_tags(tags),
                flagged=bool(raw.get("starred", False)),
                created_at=created.replace(tzinfo=None),
                where=where,
            )
        )
    if skipped:
        parsed.problems.append(
            f"{prefix}{skipped} entr{'y' if skipped == 1 else 'ies'} without text skipped."
        )


def _utc(path: Path, raw: object, where: str) -> datetime:
    if not isinstance(raw, str):
        raise ImportFormatError(path, "creationDate must be text.", where)
    try:
        moment = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        raise ImportFormatError(path, f"{raw!r} is not a valid date and time.", where) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)
