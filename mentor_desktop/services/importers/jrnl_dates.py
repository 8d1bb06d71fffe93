"""Header dates of a jrnl journal file, read the way jrnl itself reads them.

jrnl starts an entry at every line that begins with `[something] ` (a space after the
bracket) when `something` is a date it understands. It first tries its configured time
format; failing that, anything longer than six characters goes to python-dateutil (a
date with a year: "March 8, 2024", "2024-03", "03/13/2024") and, when that finds no year or
no date at all, to parsedatetime ("March 8", "9:30 PM", "yesterday"), relative to the
moment the file is read. A date without a time is at midnight; a date without a year that
would fall more than four weeks ahead is taken from the year before. Six characters or fewer
("[1] ", "[Mar 8] ") are footnotes, not dates. Anything else stays in the entry's text.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from functools import cache
from typing import Any

#: Where jrnl sees a possible entry header: a line starting with `[…] `.
HEADER = re.compile(r"^\[([^\]]+)\] ", re.MULTILINE)
#: The time formats jrnl writes (its default over the years), tried before anything fuzzy.
WRITTEN_FORMATS = ("%Y-%m-%d %H:%M", "%Y-%m-%d %I:%M:%S %p", "%Y-%m-%d %H:%M:%S")
#: jrnl's own format, read without strptime (a journal has thousands of headers).
_WRITTEN = re.compile(r"(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})")
#: jrnl's stand-in year: a date parsed with it had no year of its own.
_NO_YEAR = 9999
_FOOTNOTE_LENGTH = 6
_AHEAD = timedelta(days=28)


def header_date(blob: str, now: datetime) -> datetime | None:
    """The moment jrnl gives an entry whose header holds `blob`, or None when jrnl does not
    read `blob` as a date (so the line stays in the previous entry's text)."""
    written = _WRITTEN.fullmatch(blob)
    if written:
        try:
            year, month, day, hour, minute = (int(part) for part in written.groups())
            return datetime(year, month, day, hour, minute)
        except ValueError:
            pass  # 2024-02-30: jrnl goes on to its fuzzy reading
    for fmt in WRITTEN_FORMATS:
        try:
            return datetime.strptime(blob, fmt)
        except ValueError:
            continue
    if len(blob) <= _FOOTNOTE_LENGTH:
        return None
    with_year = _with_year(blob)
    if with_year is not None:
        return with_year
    return _natural(blob, now)


def _with_year(blob: str) -> datetime | None:
    """python-dateutil's reading, when it finds a year; None otherwise."""
    from dateutil.parser import ParserError
    from dateutil.parser import parse as parse_date

    try:
        found = parse_date(blob, default=datetime(_NO_YEAR, 1, 1))
    except (ParserError, ValueError, OverflowError, TypeError):
        return None
    if found.year == _NO_YEAR:
        return None
    return datetime(*found.timetuple()[:5])


@cache
def _calendar() -> Any:
    """parsedatetime set up as jrnl sets it up (built once: it is slow to make)."""
    import parsedatetime

    constants = parsedatetime.Constants(usePyICU=False)
    constants.DOWParseStyle = -1  # "Monday": today or the last Monday
    return parsedatetime.Calendar(constants, version=parsedatetime.VERSION_CONTEXT_STYLE)


def _natural(blob: str, now: datetime) -> datetime | None:
    """parsedatetime's reading relative to `now`, as jrnl configures it."""
    try:
        found, context = _calendar().parse(blob, sourceTime=now.timetuple())
    except (ValueError, OverflowError, TypeError):
        return None
    if not context.hasDate and not context.hasTime:
        return _year_only(blob)
    try:
        if context.hasDate and not context.hasTime:
            moment = datetime(*found[:3])
        else:
            moment = datetime(*found[:5])
    except (ValueError, OverflowError):
        return None
    if moment - now > _AHEAD:
        moment = _year_before(moment)
    return moment


def _year_only(blob: str) -> datetime | None:
    try:
        return datetime(int(blob), 1, 1)
    except (ValueError, OverflowError):
        return None


def _year_before(moment: datetime) -> datetime:
    try:
        return moment.replace(year=moment.year - 1)
    except ValueError:  # 29 February
        return moment.replace(year=moment.year - 1, day=28)
