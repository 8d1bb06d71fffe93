"""Calendar periods the charts count in: months, quarters, ISO weeks (starting on Monday)."""

from __future__ import annotations

from datetime import date, timedelta

#: Dates further away than this are shown as "far future" instead of stretching a chart.
FAR_FUTURE_YEARS = 30


def month_start(day: date) -> date:
    return date(day.year, day.month, 1)


def next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def quarter_start(day: date) -> date:
    return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def quarter_label(day: date) -> str:
    return f"{day.year} Q{(day.month - 1) // 3 + 1}"


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())
