"""The date style of the system locale, read once when the window starts."""

from __future__ import annotations

from PySide6.QtCore import QLocale

from mentor_desktop.domain.dates import DateStyle, styles_from_long_pattern, use_style


def locale_date_style(locale: QLocale) -> DateStyle:
    """The patterns and month and day names `locale` writes dates with."""
    date, weekday_date, month, day_month, time = styles_from_long_pattern(
        locale.dateFormat(QLocale.FormatType.LongFormat),
        locale.timeFormat(QLocale.FormatType.ShortFormat),
    )
    long_, short = QLocale.FormatType.LongFormat, QLocale.FormatType.ShortFormat
    return DateStyle(
        date=date,
        weekday_date=weekday_date,
        month=month,
        day_month=day_month,
        time=time,
        months=tuple(locale.monthName(m, long_) for m in range(1, 13)),
        short_months=tuple(locale.monthName(m, short) for m in range(1, 13)),
        days=tuple(locale.dayName(d, long_) for d in range(1, 8)),
        short_days=tuple(locale.dayName(d, short) for d in range(1, 8)),
        am=locale.amText(),
        pm=locale.pmText(),
    )


def use_system_dates() -> None:
    """Write every date of this run the way the system locale does."""
    use_style(locale_date_style(QLocale.system()))
