"""The journal's own rules applied to imported entries, as if each had been typed in the app.

What can be cleaned is cleaned and noted (line breaks and control characters in a title
become spaces, NUL characters leave the text, a tag holding commas becomes several tags, a
title or tag that is too long is shortened); an entry that still breaks a rule (its date is
outside the dates the editor offers, its text is over the length limit) is skipped and the
reason noted. Text that is not valid Unicode (a lone surrogate from a JSON escape) means the
file is damaged: the whole file is refused, naming the entry.
"""

from __future__ import annotations

import re
from dataclasses import replace

from mentor_desktop.domain.errors import ImportFormatError, ValidationError
from mentor_desktop.domain.journal import (
    FIRST_ENTRY_DATE,
    LAST_ENTRY_DATE,
    MAX_TAG,
    MAX_TAGS,
    MAX_TITLE,
    EntryDraft,
    normalize_tag,
    validate_entry,
)
from mentor_desktop.services.importers.base import ImportedEntry, ParsedJournal

#: What the title rule refuses (tabs are allowed), as runs to turn into one space.
_TITLE_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f]+")
_TAG_CONTROL = re.compile(r"[\x00-\x1f]+")
_SPACES = re.compile(r"\s+")


def conform(parsed: ParsedJournal) -> ParsedJournal:
    """`parsed` with every entry cleaned or skipped by the journal's rules, each change noted.

    Raises ImportFormatError (naming the entry) when an entry's text is not valid Unicode.
    Running it again on its own result changes nothing.
    """
    if parsed.checked:
        return parsed
    entries: list[ImportedEntry] = []
    problems = list(parsed.problems)
    skipped = parsed.skipped
    for entry in parsed.entries:
        notes: list[str] = []
        cleaned = conform_entry(parsed, entry, notes)
        prefix = f"{entry.where}: " if entry.where else ""
        problems.extend(prefix + note for note in notes)
        if cleaned is None:
            skipped += 1
        else:
            entries.append(cleaned)
    return replace(parsed, entries=entries, problems=problems, skipped=skipped, checked=True)


def conform_entry(
    parsed: ParsedJournal, entry: ImportedEntry, notes: list[str]
) -> ImportedEntry | None:
    """The entry as the journal would store it, or None (with the reason in `notes`)."""
    _require_valid_unicode(parsed, entry)
    title = _TITLE_CONTROL.sub(" ", entry.title).strip()
    if _TITLE_CONTROL.search(entry.title):
        notes.append("line breaks and control characters in the title became spaces.")
    body = entry.body
    if "\x00" in body:
        body = body.replace("\x00", "")
        notes.append("NUL characters were removed from the text.")
    if len(title) > MAX_TITLE:
        body = f"{title}\n\n{body}" if body else title
        title = title[: MAX_TITLE - 1].rstrip() + "…"
        notes.append(
            f"the title is longer than {MAX_TITLE} characters: it was shortened and the "
            "whole title starts the text."
        )
    if not FIRST_ENTRY_DATE <= entry.entry_date <= LAST_ENTRY_DATE:
        notes.append(
            f"skipped: its date {entry.entry_date.isoformat()} is outside the dates the journal "
            f"supports ({FIRST_ENTRY_DATE.isoformat()} to {LAST_ENTRY_DATE.isoformat()})."
        )
        return None
    tags = conform_tags(entry.tags, notes)
    try:
        draft = validate_entry(
            EntryDraft(entry.entry_date, title, body, flagged=entry.flagged, tags=tags)
        )
    except ValidationError as exc:
        notes.append(f"skipped: {' '.join(exc.errors.values())}")
        return None
    return replace(entry, title=draft.title, body=draft.body, tags=draft.tags)


def conform_tags(raw_tags: tuple[str, ...], notes: list[str]) -> tuple[str, ...]:
    """Tags as the journal's tag field would store them: split at commas, spaces made one,
    no control characters, at most MAX_TAG characters each and MAX_TAGS in all."""
    names: dict[str, str] = {}
    for raw in raw_tags:
        pieces = []
        for piece in _TAG_CONTROL.sub(" ", raw).split(","):
            name = _SPACES.sub(" ", piece).strip().lstrip("#").strip()
            if not name:
                continue
            if len(name) > MAX_TAG:
                name = name[:MAX_TAG].rstrip()
                notes.append(f"the tag “{name[:30]}…” was shortened to {MAX_TAG} characters.")
            try:
                name = normalize_tag(name)
            except ValidationError as exc:  # not expected after the cleaning above
                notes.append(f"a tag was left out: {exc}")
                continue
            pieces.append(name)
        if len(pieces) > 1 or _TAG_CONTROL.search(raw):
            shown = repr(raw)[1:-1]  # line breaks and control characters made visible
            became = ", ".join(f"“{name}”" for name in pieces) or "nothing (left out)"
            notes.append(f"the tag “{shown}” became {became}.")
        for name in pieces:
            names.setdefault(name.casefold(), name)
    tags = tuple(names.values())
    if len(tags) > MAX_TAGS:
        left_out = tags[MAX_TAGS:]
        notes.append(f"an entry can have at most {MAX_TAGS} tags; left out: {', '.join(left_out)}.")
        tags = tags[:MAX_TAGS]
    return tags


def _require_valid_unicode(parsed: ParsedJournal, entry: ImportedEntry) -> None:
    fields = [("title", entry.title), ("text", entry.body)]
    fields += [("tag", tag) for tag in entry.tags]
    for what, text in fields:
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise ImportFormatError(
                parsed.path,
                f"the {what} holds a broken character (U+{ord(text[exc.start]):04X}, half of "
                "a pair that is not valid text); the file is damaged. Fix or remove that "
                "character and import again.",
                entry.where,
            ) from None
