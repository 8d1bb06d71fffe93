"""Cadences set with words and controls: rule text both ways, and the first session."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from mentor_desktop.domain.cadence import CadenceRule
from mentor_desktop.domain.cadence_pattern import (
    CadencePattern,
    Unit,
    first_session,
    pattern_for_day,
    pattern_of,
    upcoming,
)


@pytest.mark.parametrize(
    ("pattern", "text", "words"),
    [
        (
            CadencePattern(Unit.MONTH, 1, 1, 1),
            "FREQ=MONTHLY;BYDAY=1TU",
            "every month on the first Tuesday",
        ),
        (
            CadencePattern(Unit.MONTH, 2, 4, -1),
            "FREQ=MONTHLY;INTERVAL=2;BYDAY=-1FR",
            "every 2 months on the last Friday",
        ),
        (
            CadencePattern(Unit.WEEK, 2, 3),
            "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH",
            "every 2 weeks on Thursday",
        ),
        (CadencePattern(Unit.WEEK, 1, 0), "FREQ=WEEKLY;BYDAY=MO", "every week on Monday"),
    ],
)
def test_a_pattern_is_its_rule_text_and_back(pattern, text, words) -> None:
    assert pattern.rrule() == text
    assert pattern_of(text) == pattern
    assert pattern_of(f"rrule:{text.lower()}") == pattern
    assert pattern.words() == words


@pytest.mark.parametrize(
    "text",
    [
        "FREQ=DAILY",
        "FREQ=MONTHLY;BYMONTHDAY=15",
        "FREQ=WEEKLY;BYDAY=MO,TH",
        "FREQ=MONTHLY;BYDAY=TU",
        "FREQ=MONTHLY;BYDAY=5TU",
        "FREQ=WEEKLY;BYDAY=1MO",
        "FREQ=WEEKLY;BYDAY=MO;COUNT=4",
        "FREQ=WEEKLY;INTERVAL=x;BYDAY=MO",
        "nonsense",
        "",
    ],
)
def test_rules_richer_than_the_controls_are_left_as_text(text: str) -> None:
    assert pattern_of(text) is None


def test_the_pattern_of_a_day_names_its_week_of_the_month() -> None:
    assert pattern_for_day(date(2026, 12, 8)) == CadencePattern(Unit.MONTH, 1, 1, 2)
    assert pattern_for_day(date(2026, 12, 29)) == CadencePattern(Unit.MONTH, 1, 1, -1)
    assert pattern_for_day(date(2026, 12, 3), Unit.WEEK).weekday == 3


def test_the_first_session_is_the_first_date_the_rule_gives_on_or_after_the_start() -> None:
    rule = CadenceRule("Session", "FREQ=MONTHLY;BYDAY=1TU", datetime(2026, 12, 8, 17), 60)
    # 8 December is the second Tuesday: the first first-Tuesday after it is in January
    assert first_session(rule, datetime(2026, 12, 8, 17)) == datetime(2027, 1, 5, 17)
    assert first_session(rule, datetime(2026, 12, 1, 17)) == datetime(2026, 12, 1, 17)
    assert first_session(rule, datetime(2026, 12, 2, 9, 30)) == datetime(2027, 1, 5, 9, 30)


def test_upcoming_lists_five_dates_from_the_first_session() -> None:
    rule = CadenceRule("Check-in", "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", datetime(2026, 12, 4, 9, 30))
    assert upcoming(rule) == [
        datetime(2026, 12, 4, 9, 30),
        datetime(2026, 12, 18, 9, 30),
        datetime(2027, 1, 1, 9, 30),
        datetime(2027, 1, 15, 9, 30),
        datetime(2027, 1, 29, 9, 30),
    ]
