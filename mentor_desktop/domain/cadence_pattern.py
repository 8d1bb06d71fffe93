"""Cadences a person sets with words and controls, and the RFC 5545 rule each one is.

"Every 2 weeks on Thursday" and "every month on the second Tuesday" are `CadencePattern`s;
`rrule()` writes the rule text kept in the database, `pattern_of()` reads one back when the
controls can show it (None for anything richer, which stays editable as text).
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, replace
from datetime import date, datetime

from mentor_desktop.domain.cadence import MAX_INTERVAL, CadenceRule, next_occurrences
from mentor_desktop.domain.errors import ValidationError

WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
#: The weeks of the month a monthly cadence can name; -1 is the last one.
NTH_CHOICES: tuple[tuple[int, str], ...] = (
    (1, "first"),
    (2, "second"),
    (3, "third"),
    (4, "fourth"),
    (-1, "last"),
)
_BYDAY = re.compile(r"^([+-]?\d)?(MO|TU|WE|TH|FR|SA|SU)$")


class Unit(enum.StrEnum):
    WEEK = "WEEKLY"
    MONTH = "MONTHLY"

    def plural(self, count: int) -> str:
        word = "week" if self is Unit.WEEK else "month"
        return word if count == 1 else f"{word}s"


@dataclass(frozen=True)
class CadencePattern:
    """Every `interval` weeks on `weekday`, or every `interval` months on the `nth` weekday."""

    unit: Unit = Unit.MONTH
    interval: int = 1
    weekday: int = 1  # 0 = Monday
    nth: int = 1  # monthly only: 1-4, or -1 for the last

    def rrule(self) -> str:
        day = WEEKDAY_CODES[self.weekday]
        parts = [f"FREQ={self.unit.value}"]
        if self.interval != 1:
            parts.append(f"INTERVAL={self.interval}")
        parts.append(f"BYDAY={day}" if self.unit is Unit.WEEK else f"BYDAY={self.nth}{day}")
        return ";".join(parts)

    def words(self) -> str:
        """“every 2 weeks on Thursday”, “every month on the last Friday”."""
        every = (
            f"every {self.unit.plural(1)}"
            if self.interval == 1
            else f"every {self.interval} {self.unit.plural(self.interval)}"
        )
        day = WEEKDAY_NAMES[self.weekday]
        if self.unit is Unit.WEEK:
            return f"{every} on {day}"
        return f"{every} on the {dict(NTH_CHOICES)[self.nth]} {day}"


def pattern_of(text: str) -> CadencePattern | None:
    """The pattern `text` (an RRULE value) is, or None when the controls cannot show it."""
    parts: dict[str, str] = {}
    for part in text.strip().upper().removeprefix("RRULE:").split(";"):
        if not part:
            continue
        name, sep, value = part.partition("=")
        if not sep or name in parts:
            return None
        parts[name] = value
    if set(parts) - {"FREQ", "INTERVAL", "BYDAY", "WKST"} or parts.get("WKST", "MO") != "MO":
        return None
    try:
        unit = Unit(parts.get("FREQ", ""))
        interval = int(parts.get("INTERVAL", "1"))
    except ValueError:
        return None
    match = _BYDAY.match(parts.get("BYDAY", ""))
    if match is None or not 1 <= interval <= MAX_INTERVAL:
        return None
    weekday = WEEKDAY_CODES.index(match[2])
    if unit is Unit.WEEK:
        return None if match[1] else CadencePattern(unit, interval, weekday)
    nth = int(match[1]) if match[1] else 0
    if nth not in dict(NTH_CHOICES):
        return None
    return CadencePattern(unit, interval, weekday, nth)


def pattern_for_day(day: date, unit: Unit = Unit.MONTH) -> CadencePattern:
    """The pattern `day` itself falls on: its weekday (and, monthly, which one of the month)."""
    nth = (day.day - 1) // 7 + 1
    return CadencePattern(unit, 1, day.weekday(), -1 if nth > 4 else nth)


def first_session(rule: CadenceRule, on_or_after: datetime) -> datetime | None:
    """The first start the rule gives at or after `on_or_after` (None: it never gives one).

    Raises ValidationError for a rule that is not valid.
    """
    probe = replace(rule, first_start=on_or_after)
    found = next_occurrences(probe, on_or_after, 1)
    return found[0] if found else None


def upcoming(rule: CadenceRule, count: int = 5) -> list[datetime]:
    """The first `count` sessions of `rule`, from its first one (ValidationError if invalid)."""
    if count < 1:
        raise ValidationError.single("count", "Ask for at least one date.")
    return next_occurrences(rule, rule.first_start, count)
