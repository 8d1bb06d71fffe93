"""The jrnl importer reads a journal file the way jrnl does: the same entries, the same dates.

The expectations below were checked against jrnl 4.6 reading the same files.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from mentor_desktop.services.importers import jrnl
from mentor_desktop.services.importers.jrnl_dates import header_date

FIXTURES = Path(__file__).parents[2] / "fixtures" / "imports" / "jrnl"
#: "Now" for the dates jrnl reads relative to the day it opens the file.
NOW = datetime(2026, 12, 1, 9, 45)


def _entries(path: Path) -> list[tuple[date, str, str]]:
    return [(e.entry_date, e.title, e.body) for e in jrnl.parse(path, now=NOW).entries]


def test_short_partial_and_written_out_header_dates_start_entries_like_jrnl() -> None:
    entries = _entries(FIXTURES / "dates.journal")
    assert [(day, title) for day, title, _body in entries] == [
        (date(2024, 3, 5), "Standard header"),
        (date(2024, 3, 6), "Date only"),
        (date(2024, 3, 7), "Single digits"),
        (date(2024, 3, 8), "Written out"),
        (date(2024, 3, 8), "Day first, written out"),
        (date(2024, 3, 9), "Twelve-hour"),
        (date(2024, 3, 10), "ISO with T"),
        (date(2024, 3, 1), "Month only"),
        (date(2024, 3, 1), "Month and year"),
        (date(2024, 3, 12), "Slashes"),
        (date(2024, 3, 13), "US order"),
        (date(2024, 3, 16), "After the lookalikes"),
        (date(2026, 12, 1), "Impossible day"),  # jrnl reads "2024-02-30 10:00" as today 10:00
        (date(2024, 3, 16), "Weekday first"),
        (date(2024, 3, 17), "Seconds"),
    ]
    assert all(body.startswith("Body ") for _day, _title, body in entries)


def test_lines_jrnl_does_not_read_as_headers_stay_in_the_entry_above() -> None:
    parsed = jrnl.parse(FIXTURES / "dates.journal", now=NOW)
    us_order = next(e for e in parsed.entries if e.title == "US order")
    assert us_order.body.splitlines() == [
        "Body eleven.",
        "[1] a footnote, not an entry",
        "[Mar 14] five characters: not a header for jrnl",
        "[2024-03-15 10:00]no space after the bracket, so not a header",
        "[note to self] not a date either",
    ]
    notes = "\n".join(parsed.problems)
    assert "line 25: [2024-03-15 10:00] has no space after it" in notes
    assert "line 29: [2024-02-30 10:00] is not a real date; jrnl dates this entry" in notes


def test_times_in_headers_are_kept() -> None:
    parsed = jrnl.parse(FIXTURES / "dates.journal", now=NOW)
    by_title = {e.title: e for e in parsed.entries}
    local = {
        title: by_title[title].created_at.replace(tzinfo=__import__("datetime").UTC).astimezone()
        for title in ("Twelve-hour", "Written out", "Single digits")
    }
    assert (local["Twelve-hour"].hour, local["Twelve-hour"].minute) == (21, 30)
    assert (local["Written out"].hour, local["Written out"].minute) == (10, 15)
    assert (local["Single digits"].hour, local["Single digits"].minute) == (8, 5)


@pytest.mark.parametrize(
    ("blob", "expected"),
    [
        ("2024-03-05 09:30", datetime(2024, 3, 5, 9, 30)),
        ("2024-03-05 09:30:00 AM", datetime(2024, 3, 5, 9, 30)),  # jrnl's "%F %r"
        ("yesterday 9am", datetime(2026, 11, 30, 9, 0)),
        ("last monday", datetime(2026, 11, 23)),
        ("March 8, no year", datetime(2026, 3, 8)),
        ("March 8", datetime(2026, 3, 8)),
        ("Mar 8", None),  # six characters or fewer: a footnote for jrnl
        ("March 18", datetime(2026, 3, 18)),
        ("December 30", datetime(2025, 12, 30)),  # over four weeks ahead: last year's
        ("2023-02-03 25:00", datetime(2023, 2, 3)),
        ("1", None),
        ("note to self", None),
    ],
)
def test_header_dates_are_read_as_jrnl_reads_them(blob: str, expected: datetime | None) -> None:
    assert header_date(blob, NOW) == expected


def test_an_entry_is_never_folded_into_the_previous_one(tmp_path: Path) -> None:
    path = tmp_path / "j.journal"
    path.write_text(
        "[2024-05-01 09:30] First\none\n"
        "[May 2, 2024 18:00] Second, with a written-out date\ntwo\n"
        "[2024-5-3] Third, short date\nthree\n",
        encoding="utf-8",
    )
    assert _entries(path) == [
        (date(2024, 5, 1), "First", "one"),
        (date(2024, 5, 2), "Second, with a written-out date", "two"),
        (date(2024, 5, 3), "Third, short date", "three"),
    ]


def test_text_before_the_first_entry_is_named_not_imported(tmp_path: Path) -> None:
    path = tmp_path / "j.journal"
    path.write_text("My journal\n\n[2024-05-01 09:30] First\none\n", encoding="utf-8")
    parsed = jrnl.parse(path, now=NOW)
    assert [e.title for e in parsed.entries] == ["First"]
    assert parsed.problems == [
        "lines 1 to 2: the text before the first entry was not imported "
        "(jrnl does not read it either)."
    ]
