"""RedNotebook: a data folder of `YYYY-MM.txt` month files (YAML), txt2tags markup inside.

Several entries in one day are separated by a line of twenty or more `=`; each may start
with a `=== Title ===` heading. `#hashtags` become tags; other categories of a day become
tags too, with their items listed at the end of the entry.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

from mentor_desktop.domain.errors import ImportFormatError
from mentor_desktop.services.importers.base import (
    ImportedEntry,
    ParsedJournal,
    decode_text,
    title_and_body,
    unique_tags,
)

WHAT = "a RedNotebook data folder (month files named YYYY-MM.txt)"
_MONTH_FILE = re.compile(r"^(\d{4})-(\d{2})\.txt$")
_ENTRY_SEPARATOR = re.compile(r"^\s*={20,}\s*$", re.MULTILINE)
_HEADING = re.compile(r"^(\s*)(=+)\s*(.*?)\s*\2\s*$")
_NUMBERED_HEADING = re.compile(r"^(\s*)(\++)\s*(.*?)\s*\2\s*$")
_RULE = re.compile(r"^\s*[-=_]{20,}\s*$")
_NUMBERED_ITEM = re.compile(r"^(\s*)\+ ")
_IMAGE = re.compile(r'\[""(.+?)""(\.\w+)\]')
_LINK = re.compile(r"\[([^\[\]]+?)\s+((?:https?|ftp|file)://[^\s\]]+|www\.[^\s\]]+)\]")
_ITALIC = re.compile(r"(?<![:/])//(?=\S)(.+?)(?<=\S)//")
_UNDERLINE = re.compile(r"__(?=\S)(.+?)(?<=\S)__")
_STRIKE = re.compile(r"(?<!-)--(?=[^\s-])(.+?)(?<=[^\s-])--(?!-)")
#: RedNotebook's hashtags: # then a letter, then letters, digits and a few joiners.
HASHTAG = re.compile(r"(?<![\w#&/])#([^\W\d_][\w+\-]*)")
#: Values YAML reads from plain words and numbers; anything else in a text is not text.
_SCALARS = (str, int, float, date)


def parse(path: Path) -> ParsedJournal:
    """Read every month file in the folder `path` (or the one month file `path`)."""
    if not path.exists():
        raise ImportFormatError(path, "the folder does not exist.")
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if _MONTH_FILE.match(p.name))
        if not files:
            raise ImportFormatError(path, f"the folder holds no month files; expected {WHAT}.")
    elif _MONTH_FILE.match(path.name):
        files = [path]
    else:
        raise ImportFormatError(path, f"expected {WHAT}.")
    parsed = ParsedJournal(source="rednotebook", path=path)
    for month_file in files:
        _parse_month(month_file, parsed)
    if not parsed.entries:
        raise ImportFormatError(path, "the month files hold no entries with text.")
    return parsed


def _parse_month(path: Path, parsed: ParsedJournal) -> None:
    match = _MONTH_FILE.match(path.name)
    assert match is not None
    year, month = int(match[1]), int(match[2])
    try:
        text = decode_text(path, path.read_bytes(), "a RedNotebook month file")
    except OSError as exc:
        raise ImportFormatError(path, f"the file cannot be read ({exc.strerror}).") from exc
    import yaml  # only when RedNotebook files are read

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's loader when present
    try:
        days = yaml.load(text, Loader=loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "not valid YAML"
        raise ImportFormatError(
            path, f"this is not a RedNotebook month file ({problem}).", where
        ) from None
    if days is None:
        return
    if not isinstance(days, dict):
        raise ImportFormatError(path, "this is not a RedNotebook month file (no days in it).")
    for day_number, content in sorted(days.items(), key=lambda item: str(item[0])):
        where = f"day {day_number}"
        if not isinstance(day_number, int) or isinstance(day_number, bool):
            raise ImportFormatError(path, f"{day_number!r} is not a day of the month.", where)
        try:
            day = date(year, month, day_number)
        except (ValueError, OverflowError):
            raise ImportFormatError(
                path, f"{year}-{month:02d}-{day_number} is not a valid date.", where
            ) from None
        if not isinstance(content, dict):
            raise ImportFormatError(path, "a day must hold a text and categories.", where)
        _parse_day(path, day, content, where, parsed)


def _text_of(path: Path, value: Any, what: str, where: str) -> str:
    """A YAML value that should be text: plain words and numbers are, anything else is an error."""
    if not isinstance(value, _SCALARS):
        raise ImportFormatError(path, f"{what} must be text.", where)
    return str(value)


def _category_items(path: Path, name: str, items: Any, where: str) -> list[str]:
    """The entries of one category of a day: a mapping of texts (as RedNotebook writes it),
    a list of texts, or one text."""
    if items is None:
        return []
    values = list(items) if isinstance(items, dict | list) else [items]
    what = f"the category {name!r}"
    return [_text_of(path, value, what, where) for value in values if value not in (None, "")]


def _parse_day(
    path: Path, day: date, content: dict[str, Any], where: str, parsed: ParsedJournal
) -> None:
    raw_text = _text_of(path, content.get("text") or "", "the day's text", where)
    category_tags: list[str] = []
    category_lines: list[str] = []
    for key, items in content.items():
        if key == "text":
            continue
        name = _text_of(path, "" if key is None else key, "a category name", where)
        category_tags.append(name)
        values = _category_items(path, name, items, where)
        category_lines.extend(f"- **{name}**: {value}" for value in values)
    chunks = [chunk.strip("\n") for chunk in _ENTRY_SEPARATOR.split(raw_text)]
    chunks = [chunk for chunk in chunks if chunk.strip()]
    if not chunks and category_lines:
        chunks = [""]
    for index, chunk in enumerate(chunks):
        last = index == len(chunks) - 1
        markdown = txt2tags_to_markdown(chunk)
        if markdown.strip():
            title, body = title_and_body(markdown)
        else:  # a day with categories only
            title, body = ", ".join(category_tags), ""
        if last and category_lines:
            body = "\n\n".join(part for part in (body, "\n".join(category_lines)) if part)
        label = where if len(chunks) == 1 else f"{where}, entry {index + 1}"
        parsed.entries.append(
            ImportedEntry(
                entry_date=day,
                title=title,
                body=body,
                tags=unique_tags(HASHTAG.findall(chunk) + (category_tags if last else [])),
                where=f"{path.name}, {label}",
            )
        )


def txt2tags_to_markdown(text: str) -> str:
    """RedNotebook's txt2tags markup as Markdown: headings, lists, emphasis, links, images."""
    lines = []
    for line in text.split("\n"):
        heading = _HEADING.match(line) or _NUMBERED_HEADING.match(line)
        if _RULE.match(line):
            lines.append("---")
            continue
        if heading and heading[3] and len(heading[2]) <= 6:
            lines.append(f"{'#' * len(heading[2])} {heading[3]}")
            continue
        line = _NUMBERED_ITEM.sub(r"\g<1>1. ", line)
        line = _IMAGE.sub(r"![](\1\2)", line)
        line = _LINK.sub(r"[\1](\2)", line)
        line = _ITALIC.sub(r"*\1*", line)
        line = _UNDERLINE.sub(r"*\1*", line)
        line = _STRIKE.sub(r"~~\1~~", line)
        lines.append(line)
    return "\n".join(lines)
