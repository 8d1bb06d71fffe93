"""Dates as a person reads them: one format across lists, dialogs, documents and charts.

The patterns use the locale pattern letters (d dd ddd dddd, M MM MMM MMMM, yy yyyy,
H HH h hh, m mm, s ss, AP ap; text in single quotes is literal). They are chosen once at
start-up with `use_style` (the window reads them from the system locale); until then a
plain English style is used. Machine-facing text (file names, exports, rules) stays ISO and
never comes here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import lru_cache

_EN_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_EN_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class DateStyle:
    """The patterns and names dates are written with.

    `date` is a medium date with the month as a word ("1 Dec 2026"), `weekday_date` the
    same with the day of the week, `month` a month and year, `time` hours and minutes.
    Month names run January..December, day names Monday..Sunday.
    """

    date: str = "d MMM yyyy"
    weekday_date: str = "ddd, d MMM yyyy"
    month: str = "MMM yyyy"
    day_month: str = "d MMM"
    time: str = "HH:mm"
    months: tuple[str, ...] = _EN_MONTHS
    short_months: tuple[str, ...] = tuple(m[:3] for m in _EN_MONTHS)
    days: tuple[str, ...] = _EN_DAYS
    short_days: tuple[str, ...] = tuple(d[:3] for d in _EN_DAYS)
    am: str = "AM"
    pm: str = "PM"


_style = DateStyle()


def use_style(style: DateStyle) -> None:
    """Write every later date with `style` (called once, at start-up)."""
    global _style
    _style = style


def current_style() -> DateStyle:
    """The style dates are written with now."""
    return _style


def date_text(day: date | None, empty: str = "—") -> str:
    """A day, e.g. "1 Dec 2026"; `empty` when there is none."""
    return empty if day is None else render(_style.date, day)


def weekday_date_text(day: date | None, empty: str = "—") -> str:
    """A day with its weekday, e.g. "Tue, 1 Dec 2026"."""
    return empty if day is None else render(_style.weekday_date, day)


def date_time_text(moment: datetime | None, empty: str = "—") -> str:
    """A day and a time, e.g. "1 Dec 2026 14:00"."""
    if moment is None:
        return empty
    return f"{render(_style.date, moment)} {render(_style.time, moment)}"


def weekday_date_time_text(moment: datetime | None, empty: str = "—") -> str:
    """A day with its weekday and a time, e.g. "Tue, 1 Dec 2026 14:00"."""
    if moment is None:
        return empty
    return f"{render(_style.weekday_date, moment)} {render(_style.time, moment)}"


def time_text(moment: datetime | time) -> str:
    """Hours and minutes, e.g. "14:00" (or "2:00 PM" where the locale writes so)."""
    return render(_style.time, moment)


def month_text(day: date) -> str:
    """A month and year, e.g. "Dec 2026"."""
    return render(_style.month, day)


def day_month_text(day: date) -> str:
    """A day without its year, e.g. "1 Dec" (for dates near today, such as a moved session)."""
    return render(_style.day_month, day)


def date_range_text(start: date, end: date) -> str:
    """Two days, e.g. "1 Dec 2026 – 31 Dec 2026"."""
    return f"{date_text(start)} – {date_text(end)}"


def date_pattern() -> str:
    """The pattern of `date_text`, for a field where a day is typed or picked."""
    return _style.date


def time_pattern() -> str:
    """The pattern of `time_text`, for a field where a time is typed."""
    return _style.time


def date_time_pattern() -> str:
    """The pattern of `date_time_text`, for a field where a day and time are typed."""
    return f"{_style.date} {_style.time}"


_TOKEN = re.compile(r"'(?:[^']|'')*'|d{1,4}|M{1,4}|y{4}|y{2}|[Hh]{1,2}|m{1,2}|s{1,2}|AP|ap|Ap|A|a")


def render(pattern: str, value: date | datetime | time, style: DateStyle | None = None) -> str:
    """`value` written with `pattern` and the names of `style` (the current one by default).

    Lists write the same days over and over, so answers are remembered (a few thousand)."""
    return _render(pattern, value, style or _style)


@lru_cache(maxsize=4096)
def _render(pattern: str, value: date | datetime | time, names: DateStyle) -> str:
    twelve_hour = re.search(r"AP|ap|Ap|A|a", _unquoted(pattern)) is not None
    out: list[str] = []
    pos = 0
    for match in _TOKEN.finditer(pattern):
        out.append(pattern[pos : match.start()])
        out.append(_field(match.group(), value, names, twelve_hour))
        pos = match.end()
    out.append(pattern[pos:])
    return "".join(out)


def _unquoted(pattern: str) -> str:
    return re.sub(r"'(?:[^']|'')*'", "", pattern)


def _field(token: str, value: date | datetime | time, s: DateStyle, twelve: bool) -> str:
    if token.startswith("'"):
        return token[1:-1].replace("''", "'") if token != "''" else "'"
    if isinstance(value, date):
        day_fields = {
            "d": str(value.day), "dd": f"{value.day:02d}",
            "ddd": s.short_days[value.weekday()], "dddd": s.days[value.weekday()],
            "M": str(value.month), "MM": f"{value.month:02d}",
            "MMM": s.short_months[value.month - 1], "MMMM": s.months[value.month - 1],
            "yy": f"{value.year % 100:02d}", "yyyy": f"{value.year:04d}",
        }  # fmt: skip
        if token in day_fields:
            return day_fields[token]
    if isinstance(value, datetime | time):
        hour = value.hour % 12 or 12 if twelve else value.hour
        time_fields = {
            "H": str(value.hour), "HH": f"{value.hour:02d}",
            "h": str(hour), "hh": f"{hour:02d}",
            "m": str(value.minute), "mm": f"{value.minute:02d}",
            "s": str(value.second), "ss": f"{value.second:02d}",
        }  # fmt: skip
        if token in time_fields:
            return time_fields[token]
        if token.lower() in ("ap", "a"):
            text = s.am if value.hour < 12 else s.pm
            return {"AP": text.upper(), "A": text.upper(), "ap": text.lower()}.get(token, text)
    return ""


def styles_from_long_pattern(long_date: str, short_time: str) -> tuple[str, str, str, str, str]:
    """The date, weekday date, month, day-month and time patterns that a locale's long date
    pattern (e.g. "dddd, MMMM d, yyyy") and short time pattern give: month names shortened,
    the weekday dropped (or shortened, for the weekday date), the day or year dropped."""
    short_months = re.sub(r"M{4}", "MMM", long_date)
    weekday_date = _tidy(re.sub(r"d{4}", "ddd", short_months))
    plain = _tidy(_drop(short_months, r"d{4}"))
    month = _tidy(_drop(plain, r"(?<!d)d{1,2}(?!d)"))
    day_month = _tidy(_drop(plain, r"y{2,4}"))
    return plain, weekday_date, month, day_month, _tidy(short_time.replace("\u202f", " "))


def _drop(pattern: str, token: str) -> str:
    """`pattern` without `token` and the text after it up to the next field (at the end,
    with the spaces and commas before it)."""
    match = re.search(rf"{token}(?:[^A-Za-z']|'[^']*')*", pattern)
    if match is None:
        return pattern
    start = match.start()
    if match.end() == len(pattern):
        start = len(re.sub(r"(?:[\s,\u060c]|'[^']*')*$", "", pattern[:start]))
    return pattern[:start] + pattern[match.end() :]


def _tidy(pattern: str) -> str:
    return re.sub(r"\s{2,}", " ", pattern).strip(" ,\u060c")
