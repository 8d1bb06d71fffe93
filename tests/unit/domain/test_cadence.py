"""Cadence rules: RFC 5545 RRULEs computed with dateutil, validated with clear messages."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from itertools import pairwise

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
        ("FREQ=WEEKLY;INTERVAL=0", "INTERVAL must be a whole number from 1 to 1000"),
        ("FREQ=WEEKLY;INTERVAL=-1", "INTERVAL must be a whole number from 1 to 1000"),
        ("FREQ=WEEKLY;INTERVAL=99999999999", "INTERVAL must be a whole number from 1 to 1000"),
        ("FREQ=WEEKLY;BYHOUR=9,17", "BYHOUR cannot be used"),
        ("FREQ=WEEKLY;BYDAY=TU;BYHOUR=0,1,2;BYMINUTE=0,30", "BYHOUR cannot be used"),
        ("FREQ=WEEKLY;BYMINUTE=0,30", "BYMINUTE cannot be used"),
        ("FREQ=DAILY;BYSECOND=1", "BYSECOND cannot be used"),
        ("FREQ=MONTHLY;BYMONTHDAY=0", "BYMONTHDAY=0 names no day"),
        ("FREQ=MONTHLY;BYMONTHDAY=1,0", "BYMONTHDAY=0 names no day"),
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


def test_a_time_part_that_matches_the_first_session_is_accepted() -> None:
    rule = CadenceRule("Session", "FREQ=WEEKLY;BYHOUR=17;BYMINUTE=0", datetime(2026, 1, 6, 17), 60)
    assert validate_rule(rule) == {}
    found = occurrences(rule, datetime(2026, 1, 1), datetime(2026, 1, 21))
    assert found == [datetime(2026, 1, 6, 17), datetime(2026, 1, 13, 17), datetime(2026, 1, 20, 17)]


def test_rules_that_cannot_be_computed_raise_a_validation_error_not_a_crash() -> None:
    from mentor_desktop.domain.errors import ValidationError

    broken = CadenceRule("Session", "FREQ=WEEKLY;INTERVAL=-1", datetime(2026, 1, 6, 17), 60)
    with pytest.raises(ValidationError):
        occurrences(broken, datetime(2026, 1, 1), datetime(2026, 3, 1))
    with pytest.raises(ValidationError):
        next_occurrences(broken, datetime(2026, 1, 1), 3)
    assert describe(broken).endswith("(not a valid rule)")


@pytest.mark.parametrize(
    ("byday", "words"),
    [
        ("-1FR", "the last Friday"),
        ("-2FR", "the second to last Friday"),
        ("-5MO", "the fifth to last Monday"),
        ("2TH", "the second Thursday"),
    ],
)
def test_describe_names_ordinals_counted_from_the_end(byday: str, words: str) -> None:
    rule = CadenceRule("Session", f"FREQ=MONTHLY;BYDAY={byday}", datetime(2026, 1, 30, 17), 60)
    assert f"monthly on {words} at 17:00" in describe(rule)


def test_describe_names_ordinals_of_the_year_with_the_right_suffix() -> None:
    texts = {
        n: describe(CadenceRule("S", f"FREQ=YEARLY;BYDAY={n}MO", datetime(2026, 1, 5, 9), 60))
        for n in (11, 21, 22, 23, -12)
    }
    assert "the 11th Monday" in texts[11] and "the 21st Monday" in texts[21]
    assert "the 22nd Monday" in texts[22] and "the 23rd Monday" in texts[23]
    assert "the 12th to last Monday" in texts[-12]
