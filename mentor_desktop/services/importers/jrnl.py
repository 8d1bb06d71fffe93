"""jrnl: the plain-text journal file (`[YYYY-MM-DD HH:MM] Title` headers) and its JSON export.

The text file is read the way jrnl reads it (see `jrnl_dates`): an entry starts wherever jrnl
starts one, is dated as jrnl dates it, and keeps jrnl's title, body, star and tags.
"""

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
from mentor_desktop.services.importers.jrnl_dates import HEADER, header_date

WHAT = "a jrnl journal (plain text or JSON export)"
#: jrnl's tags: @ or # at the start of a word, then word characters and a few joiners
#: (c++, self-care, work/meeting); a mail address is not a tag.
_TAG = re.compile(r"[@#](?<!\S[@#])(\w[-+*#/\w]*)")
#: jrnl's title is the first line, or the first sentence when the entry is one line.
_SENTENCE_END = re.compile(
    "([.!?\u2026\u203c\u203d\u2047\u2048\u2049\u22ef\ufe52\ufe57]['\u2019\"\u201d]?[\\])]*\\s+)"
    "|[\uff01\uff0e\uff1f\uff61\u3002]"
)
#: A line that looks like a header jrnl does not read as one (no space after the bracket).
_LOOKALIKE = re.compile(r"^\[([^\]]+)\](?:$|\S)", re.MULTILINE)


def parse(path: Path, now: datetime | None = None) -> ParsedJournal:
    """Read a jrnl journal file or a jrnl JSON export (told apart by their content).

    Header dates that jrnl reads relative to the day ("yesterday", "March 8") are read
    relative to `now` (default: the current time), as jrnl does when it opens the file.
    """
    text = read_text(path, WHAT)
    if text.lstrip().startswith("{"):
        return _parse_json(path, text)
    return _parse_text(path, text, now or datetime.now())


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


def split_title(text: str) -> tuple[str, str]:
    """jrnl's title and body of an entry's text: the first line when there is more than
    one, else the first sentence."""
    stripped = text.lstrip()
    newline = stripped.find("\n")
    if newline >= 0:
        cut = newline + 1 + (len(text) - len(stripped))
    else:
        sentence = _SENTENCE_END.search(text)
        if sentence is None:
            return text.strip(), ""
        cut = sentence.end()
    return text[:cut].strip(), text[cut:].strip()


def _text_entry(moment: datetime, text: str, where: str) -> ImportedEntry:
    """One entry of a jrnl journal file: its header's moment and the text after it."""
    lines = text.splitlines()
    starred = bool(lines) and lines[0].strip().endswith("*")
    if starred:
        text = lines[0].strip("\n *") + "\n" + "\n".join(lines[1:])
    title, body = split_title(text)
    clock = moment.time() if (moment.hour, moment.minute) != (0, 0) else None
    return ImportedEntry(
        entry_date=moment.date(),
        title=title,
        body=body,
        tags=unique_tags(_TAG.findall(text)),
        flagged=starred,
        created_at=_local_to_utc(moment.date(), clock),
        where=where,
    )


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _parse_text(path: Path, text: str, now: datetime) -> ParsedJournal:
    """Entries where jrnl finds them: at each `[date] ` line whose date jrnl reads."""
    parsed = ParsedJournal(source="jrnl", path=path)
    starts: list[tuple[datetime, int, int, str]] = []
    for match in HEADER.finditer(text):
        try:
            moment = header_date(match[1], now)
        except _ENTRY_ERRORS:
            moment = None
        if moment is not None:
            starts.append((moment, match.start(), match.end(), match[1]))
    if not starts:
        if text.strip():
            raise ImportFormatError(
                path,
                "this is not a jrnl journal: entries start with a line like "
                "'[2024-05-01 09:30] Title'.",
                "line 1",
            )
        raise ImportFormatError(path, f"no entries found; expected {WHAT}.")
    first = starts[0][1]
    if text[:first].strip():
        parsed.problems.append(
            f"lines 1 to {_line_of(text, first) - 1}: the text before the first entry was "
            "not imported (jrnl does not read it either)."
        )
    line, counted = 1, 0  # line numbers counted as the entries go by (one pass)
    for index, (moment, begins, text_start, blob) in enumerate(starts):
        line += text.count("\n", counted, begins)
        counted = begins
        where = f"line {line}"
        ends = starts[index + 1][1] - 1 if index + 1 < len(starts) else len(text)
        body = text[text_start:ends]
        try:
            parsed.entries.append(_text_entry(moment, body, where))
        except _ENTRY_ERRORS as exc:
            raise ImportFormatError(path, f"the entry cannot be read ({exc}).", where) from None
        _note_header(parsed, blob, moment, where)
        _note_lookalikes(parsed, body, line, now)
    return parsed


def _note_header(parsed: ParsedJournal, blob: str, moment: datetime, where: str) -> None:
    """Say so when jrnl's reading of a header is not what it shows (an impossible date)."""
    shown = re.match(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})", blob)
    if shown and (int(shown[1]), int(shown[2]), int(shown[3])) != (
        moment.year,
        moment.month,
        moment.day,
    ):
        parsed.problems.append(
            f"{where}: [{blob}] is not a real date; jrnl dates this entry "
            f"{moment:%Y-%m-%d %H:%M}, and so does the import."
        )


def _note_lookalikes(parsed: ParsedJournal, body: str, header_line: int, now: datetime) -> None:
    """Lines in an entry that look like headers jrnl does not read (no space after `]`)."""
    for match in _LOOKALIKE.finditer(body):
        try:
            looks_dated = header_date(match[1], now) is not None
        except _ENTRY_ERRORS:
            looks_dated = False
        if looks_dated:
            line = header_line + body.count("\n", 0, match.start())
            parsed.problems.append(
                f"line {line}: [{match[1]}] has no space after it, so jrnl does not start "
                "an entry there; it was kept in the text of the entry above, as jrnl keeps it."
            )


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
