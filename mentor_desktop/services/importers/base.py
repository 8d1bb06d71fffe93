"""What every importer produces: plain entries read from another journal's files."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from mentor_desktop.domain.errors import ImportFormatError

_TITLE_FROM_TEXT = 80


@dataclass(frozen=True)
class ImportedEntry:
    """One entry read from a file; `where` names its place in the file for messages."""

    entry_date: date
    title: str
    body: str
    tags: tuple[str, ...] = ()
    flagged: bool = False
    created_at: datetime | None = None  # UTC, without tzinfo
    where: str = ""


@dataclass
class ParsedJournal:
    """Everything an importer read from `path`, with what it had to skip or change.

    `checked` is set once the entries have been put through the journal's rules
    (`importers.rules.conform`); `skipped` counts the entries those rules left out.
    """

    source: str
    path: Path
    entries: list[ImportedEntry] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    skipped: int = 0
    checked: bool = False


def read_text(path: Path, what: str) -> str:
    """The UTF-8 text of `path`; a clear ImportFormatError for a binary or non-UTF-8 file."""
    if not path.exists():
        raise ImportFormatError(path, "the file does not exist.")
    if path.is_dir():
        raise ImportFormatError(path, f"it is a folder; expected {what}.")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFormatError(path, f"the file cannot be read ({exc.strerror}).") from exc
    return decode_text(path, data, what)


def decode_text(path: Path, data: bytes, what: str) -> str:
    if b"\x00" in data:
        raise ImportFormatError(path, f"it is a binary file, not {what}.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ImportFormatError(
            path,
            f"it is not UTF-8 text (byte 0x{data[exc.start]:02x} cannot be read); "
            "save it as UTF-8 and try again.",
            f"line {line}",
        ) from exc
    return text.replace("\r\n", "\n").replace("\r", "\n")


def load_json(path: Path, text: str, prefix: str = "") -> Any:
    """Parse JSON text; anything that is not plain, valid JSON is an ImportFormatError.

    Refused besides syntax errors: NaN and Infinity (not JSON), numbers too long to read,
    and nesting too deep to read.
    """
    try:
        return json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        raise ImportFormatError(
            path, f"it is not valid JSON ({exc.msg}).", f"{prefix}line {exc.lineno}"
        ) from None
    except RecursionError:
        raise ImportFormatError(path, "it is not valid JSON (nested too deeply).") from None
    except ValueError as exc:  # NaN/Infinity, or an integer of thousands of digits
        raise ImportFormatError(path, f"it is not valid JSON ({exc}).") from None


def _refuse_constant(name: str) -> None:
    raise ValueError(f"{name} is not a JSON number")


def clean_tag(raw: str) -> str:
    """A tag name from a source tag: no leading @/#, no trailing punctuation, trimmed."""
    name = raw.strip().lstrip("@#").strip()
    return re.sub(r"[.,;:!?)\]}'\"]+$", "", name)


def unique_tags(raw_tags: list[str]) -> tuple[str, ...]:
    """Cleaned tags without case-insensitive repeats, in the order first seen."""
    seen: dict[str, str] = {}
    for raw in raw_tags:
        name = clean_tag(raw)
        if name and name.casefold() not in seen:
            seen[name.casefold()] = name
    return tuple(seen.values())


def title_and_body(text: str) -> tuple[str, str]:
    """Split Markdown text into a title and a body.

    A leading heading becomes the title; otherwise a short first line does; otherwise the
    title is the start of the text and the body keeps everything.
    """
    stripped = text.strip("\n")
    first, _, rest = stripped.partition("\n")
    heading = re.match(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$", first)
    if heading:
        return heading[1], rest.strip("\n")
    if len(first.strip()) <= _TITLE_FROM_TEXT:
        return first.strip(), rest.strip("\n")
    words = first.strip()[:_TITLE_FROM_TEXT].rsplit(" ", 1)[0]
    return f"{words}…", stripped


def parse_date(path: Path, text: str, where: str) -> date:
    try:
        return date.fromisoformat(text)
    except (TypeError, ValueError):
        raise ImportFormatError(path, f"{text!r} is not a valid date.", where) from None
