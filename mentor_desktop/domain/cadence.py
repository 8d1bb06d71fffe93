"""Session cadence as RFC 5545 recurrence rules; dates come from `dateutil.rrule`, never by hand.

A cadence is one or more rules, each with its first session (DTSTART, a wall-clock time
without a zone, so "17:00" stays 17:00 across daylight-saving changes) and a length in
minutes: "a 60-minute session on the first Tuesday of each month, plus a 15-minute check-in
every other Friday" is two rules.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from dateutil.rrule import DAILY, MONTHLY, WEEKLY, YEARLY, rrule, rrulestr

from mentor_desktop.domain.dates import date_text
from mentor_desktop.domain.errors import ValidationError

_T = TypeVar("_T")

MAX_LABEL = 100
MIN_MINUTES = 5
MAX_MINUTES = 8 * 60
_ALLOWED_FREQ = {DAILY: "daily", WEEKLY: "weekly", MONTHLY: "monthly", YEARLY: "yearly"}
_DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_ORDINALS = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth"}
#: The largest INTERVAL accepted (every 1000 days, weeks, months or years).
MAX_INTERVAL = 1000
#: Parts whose values count from 1 (or back from -1): 0 names no day or week at all.
_NO_ZERO = ("BYMONTHDAY", "BYYEARDAY", "BYWEEKNO")


@dataclass(frozen=True, slots=True)
class CadenceRule:
    """One recurring slot: `rrule` is the RFC 5545 RRULE value (without the `RRULE:` prefix)."""

    label: str
    rrule: str
    first_start: datetime
    duration_minutes: int = 60
    id: int | None = None


def normalise_rrule(text: str) -> str:
    """`text` without an `RRULE:` prefix, upper-cased and stripped."""
    value = " ".join(text.split()).strip()
    if value.upper().startswith("RRULE:"):
        value = value[6:]
    return value.upper()


@dataclass(frozen=True)
class RuleParts:
    """What dateutil parsed out of a rule. It keeps these in private attributes, which its
    type stubs do not name; `rule_parts` reads them in this one place."""

    freq: int
    count: int | None
    interval: int
    byhour: tuple[int, ...] | None
    byminute: tuple[int, ...] | None
    bysecond: tuple[int, ...] | None
    bynweekday: tuple[tuple[int, int], ...] | None
    byweekday: tuple[int, ...] | None
    bymonthday: tuple[int, ...] | None
    bynmonthday: tuple[int, ...] | None


def rule_parts(parsed: rrule) -> RuleParts:
    state = vars(parsed)
    return RuleParts(**{name: state[f"_{name}"] for name in RuleParts.__dataclass_fields__})


def parse_rule(rule: CadenceRule) -> rrule:
    """The dateutil rule for `rule`; raises ValidationError naming what is wrong."""
    text = normalise_rrule(rule.rrule)
    if not text:
        raise ValidationError.single("rrule", "The cadence rule is empty.")
    if "DTSTART" in text or "\n" in rule.rrule.strip():
        raise ValidationError.single(
            "rrule", "Give only the RRULE part (for example FREQ=MONTHLY;BYDAY=1TU)."
        )
    try:
        parsed = rrulestr(f"RRULE:{text}", dtstart=rule.first_start.replace(tzinfo=None))
    except (ValueError, TypeError) as exc:
        raise ValidationError.single(
            "rrule", f"“{rule.rrule.strip()}” is not a valid recurrence rule ({exc})."
        ) from None
    if not isinstance(parsed, rrule):
        raise ValidationError.single("rrule", "Give a single recurrence rule.")
    parts = rule_parts(parsed)
    if parts.freq not in _ALLOWED_FREQ:
        raise ValidationError.single(
            "rrule", "Sessions can repeat daily, weekly, monthly or yearly, not more often."
        )
    if parts.count == 0:
        raise ValidationError.single("rrule", "COUNT must be at least 1.")
    if not 1 <= parts.interval <= MAX_INTERVAL:
        raise ValidationError.single(
            "rrule", f"INTERVAL must be a whole number from 1 to {MAX_INTERVAL}."
        )
    for part in text.split(";"):
        name, _, values = part.partition("=")
        if name in _NO_ZERO and any(v.strip() in ("0", "+0", "-0") for v in values.split(",")):
            raise ValidationError.single("rrule", f"{name}=0 names no day; count from 1 or -1.")
    start = rule.first_start
    for name, chosen, expected in (
        ("BYHOUR", parts.byhour, start.hour),
        ("BYMINUTE", parts.byminute, start.minute),
        ("BYSECOND", parts.bysecond, start.second),
    ):
        if chosen is not None and set(chosen) != {expected}:
            raise ValidationError.single(
                "rrule",
                f"{name} cannot be used: every session starts at the time of the first one "
                f"({start:%H:%M}); add another rule for another time of day.",
            )
    return parsed


def _computed(rule: CadenceRule, compute: Callable[[rrule], _T]) -> _T:
    """`compute(parsed rule)`, with dates dateutil cannot make reported as a ValidationError."""
    parsed = parse_rule(rule)
    try:
        return compute(parsed)
    except (ValueError, OverflowError) as exc:
        raise ValidationError.single(
            "rrule", f"“{rule.rrule.strip()}” gives dates that cannot be computed ({exc})."
        ) from None


def validate_rule(rule: CadenceRule) -> dict[str, str]:
    """Field name -> message for everything wrong with `rule` (empty when it is fine)."""
    errors: dict[str, str] = {}
    if not rule.label.strip():
        errors["label"] = "Give the session a name, for example “Session” or “Check-in”."
    elif len(rule.label) > MAX_LABEL:
        errors["label"] = f"Keep the session name under {MAX_LABEL} characters."
    if not MIN_MINUTES <= rule.duration_minutes <= MAX_MINUTES:
        errors["duration_minutes"] = (
            f"A session lasts between {MIN_MINUTES} and {MAX_MINUTES} minutes, "
            f"not {rule.duration_minutes}."
        )
    first = rule.first_start.replace(tzinfo=None)
    try:
        found = _computed(rule, lambda parsed: parsed.after(first, inc=True))
    except ValidationError as exc:
        errors.update(exc.errors)
    else:
        if found is None:
            errors["rrule"] = "This rule never produces a session."
    return errors


def occurrences(rule: CadenceRule, start: datetime, end: datetime) -> list[datetime]:
    """The rule's session starts with `start <= t < end` (wall-clock, no time zone).

    Raises ValidationError for a rule that is not valid (a stored one from an older version).
    """
    found = _computed(rule, lambda parsed: parsed.between(start, end, inc=True))
    return [t for t in found if t < end]


def next_occurrences(rule: CadenceRule, after: datetime, count: int) -> list[datetime]:
    """Up to `count` session starts at or after `after` (ValidationError: see `occurrences`)."""
    return _computed(rule, lambda parsed: list(parsed.xafter(after, count=count, inc=True)))


def merged_occurrences(
    rules: Iterable[CadenceRule], start: datetime, end: datetime
) -> list[tuple[datetime, CadenceRule]]:
    """Every rule's session starts in `[start, end)`, in time order."""
    merged = [(moment, rule) for rule in rules for moment in occurrences(rule, start, end)]
    merged.sort(key=lambda item: (item[0], item[1].label))
    return merged


def _ordinal(n: int) -> str:
    """“first”, “fifth”, “last”, “second to last”, “10th to last”, “23rd”…"""
    if n < 0:
        return "last" if n == -1 else f"{_ordinal(-n)} to last"
    if n in _ORDINALS:
        return _ORDINALS[n]
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def describe(rule: CadenceRule) -> str:
    """A readable sentence: “60-minute Session, monthly on the first Tuesday at 17:00, …”."""
    try:
        parsed = parse_rule(rule)
    except ValidationError:
        return f"{rule.label}: {rule.rrule} (not a valid rule)"
    parts = rule_parts(parsed)
    freq = _ALLOWED_FREQ[parts.freq]
    interval = parts.interval
    unit = {"daily": "day", "weekly": "week", "monthly": "month", "yearly": "year"}[freq]
    if interval == 1:
        every = freq
    elif interval == 2:
        every = f"every other {unit}"
    else:
        every = f"every {interval} {unit}s"
    days = ""
    if parts.bynweekday:
        days = " and ".join(f"the {_ordinal(n)} {_DAY_NAMES[d]}" for d, n in parts.bynweekday)
    elif parts.byweekday and freq != "daily":
        days = " and ".join(f"{_DAY_NAMES[d]}s" for d in sorted(parts.byweekday))
    elif parts.bymonthday and freq == "monthly":
        days = "day " + ", ".join(str(d) for d in sorted(parts.bymonthday))
    elif parts.bynmonthday:
        days = (
            "the last day"
            if -1 in parts.bynmonthday
            else "day " + ", ".join(str(d) for d in parts.bynmonthday)
        )
    when = f" on {days}" if days else ""
    return (
        f"{rule.duration_minutes}-minute {rule.label}, {every}{when} "
        f"at {rule.first_start:%H:%M}, from {date_text(rule.first_start)}"
    )
