"""Dates as a person reads them: the patterns and what they write."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time

import pytest

from mentor_desktop.domain import dates
from mentor_desktop.domain.dates import DateStyle, render, styles_from_long_pattern

DAY = date(2026, 12, 1)
MOMENT = datetime(2026, 12, 1, 14, 5)


@pytest.fixture(autouse=True)
def plain_style() -> Iterator[None]:
    before = dates.current_style()
    dates.use_style(DateStyle())
    yield
    dates.use_style(before)


def test_the_plain_style_writes_the_month_as_a_word() -> None:
    assert dates.date_text(DAY) == "1 Dec 2026"
    assert dates.weekday_date_text(DAY) == "Tue, 1 Dec 2026"
    assert dates.date_time_text(MOMENT) == "1 Dec 2026 14:05"
    assert dates.weekday_date_time_text(MOMENT) == "Tue, 1 Dec 2026 14:05"
    assert dates.month_text(DAY) == "Dec 2026"
    assert dates.day_month_text(DAY) == "1 Dec"
    assert dates.time_text(time(9, 30)) == "09:30"
    assert dates.date_range_text(DAY, date(2027, 1, 31)) == "1 Dec 2026 – 31 Jan 2027"


def test_no_date_is_a_dash_or_the_text_given() -> None:
    assert dates.date_text(None) == "—"
    assert dates.date_text(None, empty="no date") == "no date"
    assert dates.date_time_text(None) == "—"


def test_the_style_in_use_is_the_one_set_at_start_up() -> None:
    dates.use_style(DateStyle(date="dd/MM/yyyy"))
    assert dates.date_text(date(2027, 3, 4)) == "04/03/2027"


@pytest.mark.parametrize(
    ("pattern", "written"),
    [
        ("dd MM yy", "01 12 26"),
        ("dddd d MMMM yyyy", "Tuesday 1 December 2026"),
        ("h:mm AP", "2:05 PM"),
        ("hh:mm ap", "02:05 pm"),
        ("H:mm:ss", "14:05:00"),
        ("d 'de' MMM", "1 de Dec"),
        ("'o''clock' H", "o'clock 14"),
    ],
)
def test_every_pattern_letter_is_written(pattern: str, written: str) -> None:
    assert render(pattern, MOMENT) == written


def test_midnight_and_noon_on_a_twelve_hour_clock() -> None:
    assert render("h AP", datetime(2026, 1, 1, 0, 0)) == "12 AM"
    assert render("h AP", datetime(2026, 1, 1, 12, 0)) == "12 PM"


@pytest.mark.parametrize(
    ("long_date", "expected"),
    [
        ("dddd, d MMMM yyyy", ("d MMM yyyy", "ddd, d MMM yyyy", "MMM yyyy", "d MMM")),
        ("dddd, MMMM d, yyyy", ("MMM d, yyyy", "ddd, MMM d, yyyy", "MMM yyyy", "MMM d")),
        ("dddd, d. MMMM yyyy", ("d. MMM yyyy", "ddd, d. MMM yyyy", "MMM yyyy", "d. MMM")),
        ("yyyy年M月d日dddd", ("yyyy年M月d日", "yyyy年M月d日ddd", "yyyy年M月", "M月d日")),
        ("yyyy. MMMM d., dddd", ("yyyy. MMM d.", "yyyy. MMM d., ddd", "yyyy. MMM", "MMM d.")),
        (
            "dddd, d 'de' MMMM 'de' yyyy",
            ("d 'de' MMM 'de' yyyy", "ddd, d 'de' MMM 'de' yyyy", "MMM 'de' yyyy", "d 'de' MMM"),
        ),
    ],
)
def test_a_locale_long_date_gives_the_medium_patterns(
    long_date: str, expected: tuple[str, str, str, str]
) -> None:
    assert styles_from_long_pattern(long_date, "HH:mm")[:4] == expected


def test_a_narrow_space_in_the_time_becomes_a_plain_one() -> None:
    assert styles_from_long_pattern("dddd, MMMM d, yyyy", "h:mm\u202fAP")[4] == "h:mm AP"
