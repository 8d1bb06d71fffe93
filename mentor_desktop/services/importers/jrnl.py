"""jrnl: the plain-text journal file (`[YYYY-MM-DD HH:MM] Title` headers) and its JSON export."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time
from pathlib import Path

from mentor_desktop.domain.errors import ImportFormatError
from mentor_desktop.services.importers.base import (
    ImportedEntry,
    ParsedJournal,
    load_json,
    parse_date,
    read_text,
    unique_tags,
)

WHAT = "a jrnl journal (plain text or JSON export)"
_HEADER = re.compile(
    r"^\[(?P<date>\d{4}-\d{1,2}-\d{1,2})"
    r"(?:[ T](?P<time>\d{1,2}:\d{2})(?::\d{2})?\s*(?P<ampm>[AaPp][Mm])?)?\]"
    r"(?:[ \t]+(?P<rest>.*))?$"
)
#: jrnl's tag syntax: @ then word characters and a few joiners (c++, self-care, work/meeting).
_TAG = re.compile(r"(?<![\w@])@(\w[-+*#/\w]*)")
#: jrnl's title is the first sentence of the header line.
_SENTENCE_END = re.compile(r"(?<=[.?!])\s+")


def parse(path: Path) -> ParsedJournal:
    """Read a jrnl journal file or a jrnl JSON export (told apart by their content)."""
    text = read_text(path, WHAT)
    if text.lstrip().startswith("{"):
        return _parse_json(path, text)
    return _parse_text(path, text)


#: What reading one entry can raise besides ImportFormatError (a value out of range).
_ENTRY_ERRORS = (OverflowError, ValueError, UnicodeError)


def _local_to_utc(day: date, clock: time | None) -> datetime | None:
    """The local time as UTC; None at the ends of the calendar, where it cannot be shifted."""
    moment = datetime.combine(day, clock or time(12))
    try:
        return moment.astimezone(UTC).replace(tzinfo=None)
    except (OverflowError, ValueError):
        return None


def _parse_time(path: Path, raw: str | None, ampm: str | None, where: str) -> time | None:
    if not raw:
        return None
    hours, minutes = (int(part) for part in raw.split(":"))
    if ampm:
        if not 1 <= hours <= 12:
            raise ImportFormatError(path, f"{raw} {ampm} is not a valid time.", where)
        hours = hours % 12 + (12 if ampm.lower() == "pm" else 0)
    if hours > 23 or minutes > 59:
        raise ImportFormatError(path, f"{raw} is not a valid time.", where)
    return time(hours, minutes)


def _split_title(header_text: str) -> tuple[str, str, bool]:
    """(title, rest of the header line, starred) from the text after the date."""
    text = header_text.strip()
    starred = False
    if text == "*" or text.endswith(" *"):
        starred, text = True, text[:-1].rstrip()
    parts = _SENTENCE_END.split(text, maxsplit=1)
    title = parts[0]
    rest = parts[1] if len(parts) > 1 else ""
    return title, rest, starred


def _text_entry(header: dict, body: list[str]) -> ImportedEntry:
    """One entry of a jrnl journal file from its header fields and its body lines."""
    body_text = "\n".join([header["rest"], *body] if header["rest"] else body).strip("\n")
    body_text = "\n".join(line.rstrip() for line in body_text.split("\n"))
    title = header["title"]
    return ImportedEntry(
        entry_date=header["date"],
        title=title,
        body=body_text,
        tags=unique_tags(_TAG.findall(title) + _TAG.findall(body_text)),
        flagged=header["starred"],
        created_at=_local_to_utc(header["date"], header["time"]),
        where=header["where"],
    )


def _parse_text(path: Path, text: str) -> ParsedJournal:
    parsed = ParsedJournal(source="jrnl", path=path)
    lines = text.split("\n")
    current: dict | None = None
    body: list[str] = []

    def finish() -> None:
        if current is None:
            return
        try:
            parsed.entries.append(_text_entry(current, body))
        except _ENTRY_ERRORS as exc:
            raise ImportFormatError(
                path, f"the entry cannot be read ({exc}).", current["where"]
            ) from None

    for number, line in enumerate(lines, start=1):
        match = _HEADER.match(line)
        if match:
            where = f"line {number}"
            try:
                day = date(*(int(part) for part in match["date"].split("-")))
            except (ValueError, OverflowError):
                raise ImportFormatError(
                    path, f"{match['date']} is not a valid date.", where
                ) from None
            clock = _parse_time(path, match["time"], match["ampm"], where)
            finish()
            title, rest, starred = _split_title(match["rest"] or "")
            current = {
                "date": day,
                "time": clock,
                "title": title,
                "rest": rest,
                "starred": starred,
                "where": where,
            }
            body = []
        elif current is None:
            if line.strip():
                raise ImportFormatError(
                    path,
                    "this is not a jrnl journal: entries start with a line like "
                    "'[2024-05-01 09:30] Title'.",
                    f"line {number}",
                )
        else:
            body.append(line)
    finish()
    if not parsed.entries:
        raise ImportFormatError(path, f"no entries found; expected {WHAT}.")
    return parsed


def _parse_json(path: Path, text: str) -> ParsedJournal:
    document = load_json(path, text)
    if not isinstance(document, dict) or not isinstance(document.get("entries"), list):
        raise ImportFormatError(path, "this is not a jrnl JSON export (no list of entries).")
    parsed = ParsedJournal(source="jrnl", path=path)
    for number, raw in enumerate(document["entries"], start=1):
        where = f"entry {number}"
        try:
            parsed.entries.append(_json_entry(path, raw, where))
        except _ENTRY_ERRORS as exc:
            raise ImportFormatError(path, f"the entry cannot be read ({exc}).", where) from None
    if not parsed.entries:
        raise ImportFormatError(path, "the export holds no entries.")
    return parsed


def _json_entry(path: Path, raw: object, where: str) -> ImportedEntry:
    """One entry of a jrnl JSON export."""
    if not isinstance(raw, dict):
        raise ImportFormatError(path, "an entry must be an object.", where)
    if "creationDate" in raw and "date" not in raw:
        raise ImportFormatError(
            path, "this looks like a Day One export; import it as Day One.", where
        )
    if not isinstance(raw.get("date"), str):
        raise ImportFormatError(path, "the entry has no date.", where)
    day = parse_date(path, raw["date"], where)
    raw_time = raw.get("time")
    clock = None
    if isinstance(raw_time, str) and raw_time:
        match = re.fullmatch(r"(\d{1,2}:\d{2})(?::\d{2})?\s*([AaPp][Mm])?", raw_time.strip())
        if not match:
            raise ImportFormatError(path, f"{raw_time!r} is not a valid time.", where)
        clock = _parse_time(path, match[1], match[2], where)
    title = raw.get("title", "")
    body = raw.get("body", "")
    tags = raw.get("tags", [])
    if not isinstance(title, str) or not isinstance(body, str):
        raise ImportFormatError(path, "title and body must be text.", where)
    if not isinstance(tags, list) or not all(isinstance(tag, str) for tag in tags):
        raise ImportFormatError(path, "tags must be a list of text.", where)
    return ImportedEntry(
        entry_date=day,
        title=title.strip(),
        body=body.strip("\n"),
        tags=unique_tags(tags),
        flagged=bool(raw.get("starred", False)),
        created_at=_local_to_utc(day, clock),
        where=where,
    )
