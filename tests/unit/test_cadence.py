"""Cadence rules: RFC 5545 RRULEs computed with dateutil, validated with clear messages."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo

import pytest

from mentor_desktop.domain.cadence import (
    CadenceRule,
    describe,
    merged_occurrences,
    next_occurrences,
    occurrences,
    validate_rule,
)

MONTHLY_FIRST_TUESDAY = CadenceRule(
    "Session", "FREQ=MONTHLY;BYDAY=1TU", datetime(2026, 1, 6, 17), 60
)
FORTNIGHTLY_FRIDAY = CadenceRule(
    "Check-in", "RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", datetime(2026, 1, 9, 9, 30), 15
)


def test_first_tuesday_of_each_month() -> None:
    found = occurrences(MONTHLY_FIRST_TUESDAY, datetime(2026, 1, 1), datetime(2026, 7, 1))
    assert [d.date() for d in found] == [
        date(2026, 1, 6),
        date(2026, 2, 3),
        date(2026, 3, 3),
        date(2026, 4, 7),
        date(2026, 5, 5),
        date(2026, 6, 2),
    ]
    assert all(d.weekday() == 1 and d.day <= 7 and d.hour == 17 for d in found)


def test_every_other_friday_skips_the_weeks_between() -> None:
    found = occurrences(FORTNIGHTLY_FRIDAY, datetime(2026, 1, 1), datetime(2026, 3, 1))
    assert [d.date() for d in found] == [
        date(2026, 1, 9),
        date(2026, 1, 23),
        date(2026, 2, 6),
        date(2026, 2, 20),
    ]
    assert {b - a for a, b in pairwise(found)} == {timedelta(days=14)}


def test_two_rules_merge_in_time_order() -> None:
    merged = merged_occurrences(
        [MONTHLY_FIRST_TUESDAY, FORTNIGHTLY_FRIDAY], datetime(2026, 1, 1), datetime(2026, 2, 1)
    )
    assert [(d.day, rule.label) for d, rule in merged] == [
        (6, "Session"),
        (9, "Check-in"),
        (23, "Check-in"),
    ]


def test_last_day_of_month_follows_short_months_and_leap_years() -> None:
    rule = CadenceRule("Review", "FREQ=MONTHLY;BYMONTHDAY=-1", datetime(2027, 12, 31, 16), 30)
    found = occurrences(rule, datetime(2027, 12, 1), datetime(2028, 5, 1))
    assert [d.date() for d in found] == [
        date(2027, 12, 31),
        date(2028, 1, 31),
        date(2028, 2, 29),
        date(2028, 3, 31),
        date(2028, 4, 30),
    ]


def test_day_31_is_skipped_in_months_without_one_as_rfc_5545_says() -> None:
    rule = CadenceRule("Session", "FREQ=MONTHLY;BYMONTHDAY=31", datetime(2026, 1, 31, 10), 60)
    found = occurrences(rule, datetime(2026, 1, 1), datetime(2026, 6, 1))
    assert [d.month for d in found] == [1, 3, 5]


def test_wall_clock_time_stays_put_across_a_daylight_saving_change() -> None:
    # Europe/Berlin moves its clocks on Sunday 29 March 2026.
    rule = CadenceRule("Session", "FREQ=WEEKLY;BYDAY=TU", datetime(2026, 3, 17, 17), 60)
    found = occurrences(rule, datetime(2026, 3, 17), datetime(2026, 4, 8))
    assert [(d.day, d.hour, d.minute) for d in found] == [
        (17, 17, 0),
        (24, 17, 0),
        (31, 17, 0),
        (7, 17, 0),
    ]
    berlin = ZoneInfo("Europe/Berlin")
    offsets = [d.replace(tzinfo=berlin).utcoffset() for d in found]
    assert offsets[1] == timedelta(hours=1) and offsets[2] == timedelta(hours=2)


def test_next_occurrences_counts_from_a_moment() -> None:
    found = next_occurrences(MONTHLY_FIRST_TUESDAY, datetime(2026, 2, 3, 17, 1), 2)
    assert [d.date() for d in found] == [date(2026, 3, 3), date(2026, 4, 7)]


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "empty"),
        ("FREQ=SOMETIMES", "not a valid recurrence rule"),
        ("FREQ=MONTHLY;BYDAY=1XX", "not a valid recurrence rule"),
        ("FREQ=HOURLY", "not more often"),
        ("FREQ=MONTHLY;UNTIL=20200101", "never produces"),
        ("DTSTART:20260101T100000\nRRULE:FREQ=DAILY", "only the RRULE part"),
    ],
)
def test_invalid_rules_get_a_message_naming_the_problem(text: str, fragment: str) -> None:
    errors = validate_rule(CadenceRule("Session", text, datetime(2026, 1, 6, 17), 60))
    assert fragment in errors["rrule"]


def test_label_and_length_are_checked() -> None:
    errors = validate_rule(CadenceRule(" ", "FREQ=WEEKLY", datetime(2026, 1, 6, 17), 0))
    assert set(errors) == {"label", "duration_minutes"}
    assert validate_rule(MONTHLY_FIRST_TUESDAY) == {}


def test_describe_reads_like_a_sentence() -> None:
    assert describe(MONTHLY_FIRST_TUESDAY).startswith(
        "60-minute Session, monthly on the first Tuesday at 17:00"
    )
    assert describe(FORTNIGHTLY_FRIDAY).startswith(
        "15-minute Check-in, every other week on Fridays"
    )
