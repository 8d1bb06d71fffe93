"""The window writes dates the way the system locale does."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import pytest
from PySide6.QtCore import QLocale

from mentor_desktop.domain import dates
from mentor_desktop.ui.locale_dates import locale_date_style


@pytest.fixture(autouse=True)
def keep_style() -> Iterator[None]:
    before = dates.current_style()
    yield
    dates.use_style(before)


def test_american_english_puts_the_month_first_and_a_twelve_hour_clock() -> None:
    american = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    dates.use_style(locale_date_style(american))
    assert dates.date_text(date(2026, 12, 1)) == "Dec 1, 2026"
    assert dates.date_time_text(datetime(2026, 12, 1, 14, 5)) == "Dec 1, 2026 2:05 PM"


def test_german_writes_its_own_month_names() -> None:
    german = QLocale(QLocale.Language.German, QLocale.Country.Germany)
    dates.use_style(locale_date_style(german))
    day = date(2026, 3, 4)
    assert dates.date_text(day) == "4. März 2026"
    assert dates.weekday_date_text(day) == german.toString(day, dates.current_style().weekday_date)
