"""Day One: a JSON export (`Journal.json`) or the .zip that holds it (and its photos)."""

from __future__ import annotations

import re
import zipfile
import zlib
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from mentor_desktop.domain.errors import ImportFormatError
from mentor_desktop.services.importers.base import (
    ImportedEntry,
    ParsedJournal,
    decode_text,
    load_json,
    read_text,
    title_and_body,
    unique_tags,
)

WHAT = "a Day One JSON export (Journal.json or the .zip holding it)"
#: Day One escapes Markdown punctuation with a backslash (`\.`, `\/`, `\-`, ...).
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!/<>|~=:])")
_MOMENT = re.compile(r"!\[([^\]]*)\]\(dayone-moment:/+(?:photo/)?(?P<id>[0-9A-Za-z-]+)\)")
#: What reading one entry can raise besides ImportFormatError (a value out of range).
_ENTRY_ERRORS = (OverflowError, ValueError, UnicodeError)
#: What reading a member of a .zip can raise: damage, encryption, unknown compression.
_ZIP_ERRORS = (zipfile.BadZipFile, EOFError, RuntimeError, NotImplementedError, zlib.error)


def parse(path: Path) -> ParsedJournal:
    if path.suffix.lower() == ".zip" or (path.is_file() and zipfile.is_zipfile(path)):
        return _parse_zip(path)
    parsed = ParsedJournal(source="dayone", path=path)
    _parse_document(path, read_text(path, WHAT), parsed, prefix="")
    return _finish(path, parsed)


def _parse_zip(path: Path) -> ParsedJournal:
    parsed = ParsedJournal(source="dayone", path=path)
    documents: list[tuple[str, bytes]] = []
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
                try:
                    documents.append((name, archive.read(name)))
                except _ZIP_ERRORS as exc:
                    raise ImportFormatError(
                        path, f"{name} in the .zip cannot be read ({exc}).", name
                    ) from None
    except (zipfile.BadZipFile, EOFError) as exc:
        raise ImportFormatError(path, f"the .zip file is damaged ({exc}).") from None
    for name, data in documents:
        _parse_document(path, decode_text(path, data, WHAT), parsed, prefix=f"{name}, ")
    return _finish(path, parsed)


def _finish(path: Path, parsed: ParsedJournal) -> ParsedJournal:
    if not parsed.entries:
        raise ImportFormatError(path, "the export holds no entries with text.")
    return parsed


def unescape(text: str) -> str:
    """Day One's Markdown without its backslash escapes."""
    return _ESCAPE.sub(r"\1", text)


def _photo_notes(raw: dict[str, Any]) -> dict[str, str]:
    notes = {}
    for photo in raw.get("photos") or []:
        if isinstance(photo, dict) and isinstance(photo.get("identifier"), str):
            file_name = f"{photo.get('md5', photo['identifier'])}.{photo.get('type', 'jpeg')}"
            notes[photo["identifier"]] = f"*[Day One photo {file_name} — not imported]*"
    return notes


def _parse_document(path: Path, text: str, parsed: ParsedJournal, prefix: str) -> None:
    document = load_json(path, text, prefix)
    if not isinstance(document, dict) or not isinstance(document.get("entries"), list):
        raise ImportFormatError(path, "this is not a Day One export (no list of entries).")
    skipped = 0
    for number, raw in enumerate(document["entries"], start=1):
        where = f"{prefix}entry {number}"
        try:
            entry = _entry(path, raw, where, parsed)
        except _ENTRY_ERRORS as exc:
            raise ImportFormatError(path, f"the entry cannot be read ({exc}).", where) from None
        if entry is None:
            skipped += 1
        else:
            parsed.entries.append(entry)
    if skipped:
        parsed.problems.append(
            f"{prefix}{skipped} entr{'y' if skipped == 1 else 'ies'} without text skipped."
        )


def _entry(path: Path, raw: object, where: str, parsed: ParsedJournal) -> ImportedEntry | None:
    """One Day One entry; None for an entry without text."""
    if not isinstance(raw, dict):
        raise ImportFormatError(path, "an entry must be an object.", where)
    if "creationDate" not in raw:
        hint = " (this looks like a jrnl export)" if "date" in raw else ""
        raise ImportFormatError(path, f"the entry has no creationDate{hint}.", where)
    created, local_date = _moment(path, raw["creationDate"], where)
    zone_name = raw.get("timeZone")
    if isinstance(zone_name, str) and zone_name and created is not None:
        try:
            local_date = created.astimezone(ZoneInfo(zone_name)).date()
        except (ZoneInfoNotFoundError, ValueError, OSError):
            parsed.problems.append(f"{where}: unknown time zone {zone_name!r}; used UTC.")
        except OverflowError:  # at the very ends of the calendar
            parsed.problems.append(f"{where}: the time zone could not be applied; used UTC.")
    body_text = raw.get("text")
    if body_text is not None and not isinstance(body_text, str):
        raise ImportFormatError(path, "the entry text must be text.", where)
    if not body_text or not body_text.strip():
        return None
    notes = _photo_notes(raw)
    body_text = _MOMENT.sub(
        lambda m: notes.get(m["id"], f"*[Day One photo {m['id']} — not imported]*"),
        unescape(body_text),
    )
    title, body = title_and_body(body_text)
    tags = raw.get("tags") or []
    if not isinstance(tags, list) or not all(isinstance(tag, str) for tag in tags):
        raise ImportFormatError(path, "tags must be a list of text.", where)
    return ImportedEntry(
        entry_date=local_date,
        title=title,
        body=body,
        tags=unique_tags(tags),
        flagged=bool(raw.get("starred", False)),
        created_at=None if created is None else created.replace(tzinfo=None),
        where=where,
    )


def _moment(path: Path, raw: object, where: str) -> tuple[datetime | None, date]:
    """(the moment in UTC, its date) from a creationDate.

    At the very ends of the calendar, where the moment cannot be shifted to UTC, the moment
    is None and the date is the one written (the journal's date range then refuses it).
    """
    if not isinstance(raw, str):
        raise ImportFormatError(path, "creationDate must be text.", where)
    try:
        moment = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        raise ImportFormatError(path, f"{raw!r} is not a valid date and time.", where) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    try:
        utc = moment.astimezone(UTC)
    except OverflowError:
        return None, moment.date()
    return utc, utc.date()
