"""The learning journal: entries, filters, search hits, writing prompts and their rules."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field
from datetime import date, datetime

from mentor_desktop.domain.errors import ValidationError

MAX_TITLE = 300
#: A body may hold a long paste (a 1 MB document is fine); beyond this it is refused.
MAX_BODY = 2_000_000
MAX_TAG = 100
MAX_TAGS = 50
MAX_TEMPLATE_NAME = 100
MAX_TEMPLATE_BODY = 20_000
#: The dates an entry may have (the editor's date field offers exactly these).
FIRST_ENTRY_DATE = date(1900, 1, 1)
LAST_ENTRY_DATE = date(2999, 12, 31)


class EntryKind(enum.StrEnum):
    REFLECTION = "reflection"
    WIN = "win"
    SETBACK = "setback"
    INSIGHT = "insight"
    FEEDBACK = "feedback"

    @property
    def label(self) -> str:
        return "Feedback received" if self is EntryKind.FEEDBACK else self.value.capitalize()


MOOD_LABELS = {1: "1 · low", 2: "2", 3: "3 · okay", 4: "4", 5: "5 · great"}


@dataclass(frozen=True, slots=True)
class EntryDraft:
    """Everything a user edits about an entry."""

    entry_date: date
    title: str = ""
    body: str = ""
    kind: EntryKind = EntryKind.REFLECTION
    mood: int | None = None
    flagged: bool = False
    tags: tuple[str, ...] = ()
    goal_ids: tuple[int, ...] = ()
    milestone_ids: tuple[int, ...] = ()
    practice_ids: tuple[int, ...] = ()
    opportunity_ids: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class JournalEntry:
    id: int
    entry_date: date
    title: str
    body: str
    kind: EntryKind
    mood: int | None
    flagged: bool
    tags: tuple[str, ...]
    goal_ids: tuple[int, ...]
    milestone_ids: tuple[int, ...]
    created_at: datetime
    updated_at: datetime
    practice_ids: tuple[int, ...] = ()
    opportunity_ids: tuple[int, ...] = ()

    def draft(self) -> EntryDraft:
        return EntryDraft(
            self.entry_date,
            self.title,
            self.body,
            self.kind,
            self.mood,
            self.flagged,
            self.tags,
            self.goal_ids,
            self.milestone_ids,
            self.practice_ids,
            self.opportunity_ids,
        )


@dataclass(frozen=True, slots=True)
class EntrySummary:
    """One line of the entry list: never the whole body."""

    id: int
    entry_date: date
    title: str
    kind: EntryKind
    tags: tuple[str, ...]
    first_line: str
    flagged: bool
    mood: int | None = None
    #: Search only: the best matching passage, matches wrapped in HIGHLIGHT_START/END.
    snippet: str = ""

    @property
    def display_title(self) -> str:
        return self.title or self.first_line or "(untitled)"


def summarize(entry: JournalEntry) -> EntrySummary:
    """The list line of an entry."""
    return EntrySummary(
        id=entry.id,
        entry_date=entry.entry_date,
        title=entry.title,
        kind=entry.kind,
        tags=entry.tags,
        first_line=first_line(entry.body[:400]),
        flagged=entry.flagged,
        mood=entry.mood,
    )


#: Marks around a matching word in `EntrySummary.snippet` (control characters never typed).
HIGHLIGHT_START = "\x02"
HIGHLIGHT_END = "\x03"


@dataclass(frozen=True, slots=True)
class EntryFilter:
    """Which entries the list shows; empty fields do not narrow it."""

    kinds: tuple[EntryKind, ...] = ()
    tag: str | None = None
    goal_id: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    flagged_only: bool = False
    #: Words to search for; empty lists every entry newest first.
    text: str = ""

    @property
    def is_empty(self) -> bool:
        return self == EntryFilter()


#: The filter that shows every entry.
NO_FILTER = EntryFilter()


@dataclass(frozen=True, slots=True)
class PageCursor:
    """Where the next page of the newest-first list starts (after this date and id)."""

    entry_date: date
    entry_id: int


@dataclass(frozen=True, slots=True)
class TemplateDraft:
    name: str
    body: str
    kind: EntryKind | None = None


@dataclass(frozen=True, slots=True)
class PromptTemplate:
    """A writing prompt; `kind` None means it fits every kind of entry."""

    id: int
    name: str
    body: str
    kind: EntryKind | None
    is_default: bool
    position: int

    def draft(self) -> TemplateDraft:
        return TemplateDraft(self.name, self.body, self.kind)


@dataclass(frozen=True, slots=True)
class TagCount:
    name: str
    count: int


@dataclass(frozen=True, slots=True)
class DayCount:
    day: date
    count: int


@dataclass(frozen=True, slots=True)
class JournalStats:
    entries: int
    tags: int
    flagged: int = 0
    kinds: dict[EntryKind, int] = field(default_factory=dict)


# ---------------------------------------------------------------- rules

_SPACES = re.compile(r"\s+")


def normalize_tag(text: str) -> str:
    """A tag as stored: leading '#' dropped, runs of spaces made one. Raises ValidationError."""
    name = _SPACES.sub(" ", text.strip().lstrip("#").strip())
    if not name:
        raise ValidationError.single("tags", f"“{text.strip()}” is not a tag: it has no letters.")
    if "," in name:
        raise ValidationError.single("tags", f"The tag “{name}” cannot contain a comma.")
    if len(name) > MAX_TAG:
        raise ValidationError.single(
            "tags", f"The tag “{name[:30]}…” is {len(name)} characters; keep it under {MAX_TAG}."
        )
    if any(ord(ch) < 32 for ch in name):
        raise ValidationError.single("tags", "A tag cannot contain control characters.")
    return name


def parse_tags(text: str) -> tuple[str, ...]:
    """Tags typed as "a, b, #c" -> ("a", "b", "c"), without duplicates (case ignored)."""
    return normalize_tags(part for part in text.split(",") if part.strip())


def normalize_tags(names: object) -> tuple[str, ...]:
    result: list[str] = []
    seen: set[str] = set()
    for raw in names:  # type: ignore[attr-defined]
        name = normalize_tag(str(raw))
        if name.casefold() not in seen:
            seen.add(name.casefold())
            result.append(name)
    if len(result) > MAX_TAGS:
        raise ValidationError.single("tags", f"An entry can have at most {MAX_TAGS} tags.")
    return tuple(result)


def parse_entry_date(text: str) -> date:
    """A date typed as YYYY-MM-DD; anything else raises ValidationError naming the text."""
    value = text.strip()
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValidationError.single(
            "entry_date", f"“{value}” is not a date; write it as YYYY-MM-DD, e.g. 2025-02-28."
        )
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValidationError.single(
            "entry_date", f"{value} is not a day of the calendar (check the month and day)."
        ) from None


def text_errors(title: str, body: str) -> dict[str, str]:
    errors: dict[str, str] = {}
    if len(title) > MAX_TITLE:
        errors["title"] = f"The title is {len(title):,} characters long; keep it under {MAX_TITLE}."
    elif any(ord(ch) < 32 and ch != "\t" for ch in title):
        errors["title"] = "The title cannot contain line breaks or control characters."
    if len(body) > MAX_BODY:
        errors["body"] = (
            f"The text is {len(body):,} characters long; the limit for one entry is "
            f"{MAX_BODY:,}. Split it into several entries."
        )
    elif "\x00" in body:
        errors["body"] = "The text contains a NUL character, which cannot be stored."
    return errors


def validate_text(title: str, body: str) -> None:
    if errors := text_errors(title, body):
        raise ValidationError(errors)


def validate_entry(draft: EntryDraft) -> EntryDraft:
    """Raise ValidationError unless valid; returns the draft with its tags normalized."""
    errors = text_errors(draft.title, draft.body)
    if draft.mood is not None and not 1 <= draft.mood <= 5:
        errors["mood"] = f"Mood is a number from 1 to 5, not {draft.mood}."
    if not isinstance(draft.kind, EntryKind):
        errors["kind"] = f"“{draft.kind}” is not a kind of entry."
    if not FIRST_ENTRY_DATE <= draft.entry_date <= LAST_ENTRY_DATE:
        errors["entry_date"] = f"{draft.entry_date.isoformat()} is out of range."
    try:
        tags = normalize_tags(draft.tags)
    except ValidationError as exc:
        errors.update(exc.errors)
        tags = ()
    if errors:
        raise ValidationError(errors)
    return EntryDraft(
        draft.entry_date,
        draft.title.strip(),
        draft.body,
        draft.kind,
        draft.mood,
        draft.flagged,
        tags,
        tuple(dict.fromkeys(draft.goal_ids)),
        tuple(dict.fromkeys(draft.milestone_ids)),
        tuple(dict.fromkeys(draft.practice_ids)),
        tuple(dict.fromkeys(draft.opportunity_ids)),
    )


def parse_kind(text: str) -> EntryKind:
    value = text.strip().lower()
    for kind in EntryKind:
        if value in (kind.value, kind.label.lower()):
            return kind
    names = ", ".join(k.value for k in EntryKind)
    raise ValidationError.single("kind", f"“{text}” is not a kind of entry; use one of {names}.")


def validate_template(draft: TemplateDraft) -> None:
    errors: dict[str, str] = {}
    if not draft.name.strip():
        errors["name"] = "The template needs a name."
    elif len(draft.name) > MAX_TEMPLATE_NAME:
        errors["name"] = f"Keep the template name under {MAX_TEMPLATE_NAME} characters."
    elif any(ord(ch) < 32 for ch in draft.name):
        errors["name"] = "The name cannot contain line breaks or control characters."
    if len(draft.body) > MAX_TEMPLATE_BODY:
        errors["body"] = f"Keep the template under {MAX_TEMPLATE_BODY:,} characters."
    if errors:
        raise ValidationError(errors)


def first_line(body: str, limit: int = 120) -> str:
    """The first line of prose, without Markdown marks; a heading only if there is no prose."""
    heading = ""
    for line in body.splitlines():
        stripped = line.strip()
        text = stripped.lstrip("#>*-+ ").strip()
        if not text:
            continue
        if not stripped.startswith("#"):
            return text[:limit]
        heading = heading or text[:limit]
    return heading
