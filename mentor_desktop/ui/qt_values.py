"""Qt's dates and times as Python's, typed (Qt's own `toPython` is declared to return object)."""

from __future__ import annotations

from datetime import date, datetime, time

from PySide6.QtCore import QDate, QDateTime, QTime


def to_date(day: QDate) -> date:
    """`day` as a `date`."""
    value = day.toPython()
    if not isinstance(value, date):
        raise TypeError(f"{day!r} is not a valid date")
    return value


def to_time(moment: QTime) -> time:
    """`moment` as a `time`."""
    value = moment.toPython()
    if not isinstance(value, time):
        raise TypeError(f"{moment!r} is not a valid time")
    return value


def to_datetime(moment: QDateTime) -> datetime:
    """`moment` as a naive local `datetime`."""
    value = moment.toPython()
    if not isinstance(value, datetime):
        raise TypeError(f"{moment!r} is not a valid date and time")
    return value


def qt_datetime(moment: datetime) -> QDateTime:
    """A naive local `moment` as a QDateTime (to the millisecond)."""
    return QDateTime(
        QDate(moment.year, moment.month, moment.day),
        QTime(moment.hour, moment.minute, moment.second, moment.microsecond // 1000),
    )
