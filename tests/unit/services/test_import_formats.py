"""Each importer on the project's own fixtures: the quirks of files those apps really write."""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest

from mentor_desktop.domain.errors import ImportFormatError
from mentor_desktop.services.importers import dayone, jrnl, rednotebook

FIXTURES = Path(__file__).parents[2] / "fixtures" / "imports"


# ---------------------------------------------------------------- jrnl


def test_jrnl_text_headers_titles_and_multi_line_bodies() -> None:
    parsed = jrnl.parse(FIXTURES / "jrnl" / "quirks.journal")
    first = parsed.entries[0]
    assert first.entry_date == date(2023, 1, 15)
    # jrnl's title: the whole first line of an entry of several lines
    assert first.title == "Planning the quarter. Wrote down three goals for the next months."
    # blank lines and bracketed lines that are not headers stay in the body
    assert first.body.startswith("First goal is about")
    assert "\n\nSecond paragraph keeps its blank line above.\n[not a header]" in first.body
    assert first.created_at is not None and first.created_at.time().isoformat() == "08:30:00"
    assert [e.title for e in parsed.entries] == [
        "Planning the quarter. Wrote down three goals for the next months.",
        "A great day!",
        "No time on this one",
        "Evening thoughts with twelve-hour time",
        "Title only, no body",
    ]


def test_jrnl_tags_with_punctuation_but_not_mail_addresses() -> None:
    entries = jrnl.parse(FIXTURES / "jrnl" / "quirks.journal").entries
    assert entries[0].tags == ("public-speaking", "c++", "work/meeting")
    assert entries[1].tags == ("career", "self-care")  # trailing '.' is not part of a tag
    assert entries[3].tags == ("reading",)  # '@reading:' -> reading


def test_jrnl_star_partial_date_twelve_hour_time_emoji_and_empty_body() -> None:
    entries = jrnl.parse(FIXTURES / "jrnl" / "quirks.journal").entries
    assert [e.flagged for e in entries] == [False, True, False, False, False]
    assert entries[1].title == "A great day!"  # the star marker is removed
    assert "🎉🚀" in entries[1].body
    assert entries[2].entry_date == date(2023, 2, 1)  # no time in the header
    assert entries[3].created_at is not None and entries[3].created_at.hour == 21
    assert entries[4].body == ""


def test_jrnl_json_export() -> None:
    entries = jrnl.parse(FIXTURES / "jrnl" / "export.json").entries
    assert [e.entry_date for e in entries] == [date(2022, 6, d) for d in (1, 2, 3)]
    assert entries[0].flagged and entries[0].tags == ("goals", "mentor")
    assert entries[0].body.endswith("emoji 😊.")
    assert entries[1].body == "" and not entries[1].tags


@pytest.mark.parametrize(
    ("content", "message", "where"),
    [
        ("Dear diary, today I...\n", "not a jrnl journal", "line 1"),
        ('{"entries": [{"creationDate": "2021-01-01T00:00:00Z"}]}', "Day One", "entry 1"),
        ('{"entries": [', "not valid JSON", "line 1"),
        ("", "no entries", ""),
    ],
)
def test_jrnl_bad_input_names_file_and_line(
    tmp_path: Path, content: str, message: str, where: str
) -> None:
    path = tmp_path / "bad.journal"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ImportFormatError, match=message) as error:
        jrnl.parse(path)
    assert str(path) in str(error.value)
    assert error.value.where == where


def test_binary_and_wrong_encoding_are_clear_errors(tmp_path: Path) -> None:
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)))
    with pytest.raises(ImportFormatError, match="binary file"):
        jrnl.parse(binary)
    latin = tmp_path / "latin1.journal"
    latin.write_bytes("[2023-01-01 10:00] Café\n\nÉté à Paris.\n".encode("latin-1"))
    with pytest.raises(ImportFormatError, match="not UTF-8") as error:
        jrnl.parse(latin)
    assert error.value.where == "line 1"
    with pytest.raises(ImportFormatError, match="does not exist"):
        jrnl.parse(tmp_path / "missing.journal")


# ---------------------------------------------------------------- Day One


def test_dayone_escapes_titles_tags_and_star() -> None:
    parsed = dayone.parse(FIXTURES / "dayone" / "Journal.json")
    berlin = parsed.entries[0]
    assert berlin.title == "Late night in Berlin"
    assert berlin.body.startswith(
        "It is already the 11th here. See https://example.org/a-b and 3 * 4 = 12!"
    )
    assert "\n\n- a list item" in berlin.body
    assert berlin.tags == ("work", "c++", "1:1 notes")
    assert berlin.flagged


def test_dayone_dates_are_taken_in_the_entry_time_zone() -> None:
    entries = dayone.parse(FIXTURES / "dayone" / "Journal.json").entries
    assert entries[0].entry_date == date(2021, 5, 11)  # 23:30 UTC is past midnight in Berlin
    assert entries[0].created_at == datetime(2021, 5, 10, 23, 30)  # stored in UTC
    assert entries[1].entry_date == date(2021, 5, 11)  # 03:00 UTC is still the 11th in L.A.
    assert entries[1].title.endswith("🌅")


def test_dayone_photos_noted_empty_entries_skipped_unknown_zone_reported() -> None:
    parsed = dayone.parse(FIXTURES / "dayone" / "Journal.json")
    assert "Day One photo 0123456789abcdef0123456789abcdef.jpeg" in parsed.entries[0].body
    assert "dayone-moment" not in parsed.entries[0].body
    assert len(parsed.entries) == 3
    assert "2 entries without text skipped." in parsed.problems
    assert any("Mars/Olympus_Mons" in p and "entry 5" in p for p in parsed.problems)


def test_dayone_zip_with_journal_json(tmp_path: Path) -> None:
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        handle.write(FIXTURES / "dayone" / "Journal.json", "Journal.json")
        handle.writestr("photos/0123456789abcdef0123456789abcdef.jpeg", b"\xff\xd8")
    parsed = dayone.parse(archive)
    assert parsed.entries[0].title == "Late night in Berlin"
    assert parsed.entries[0].where == "Journal.json, entry 1"


def test_dayone_bad_zip_and_wrong_format(tmp_path: Path) -> None:
    broken = tmp_path / "export.zip"
    broken.write_bytes(b"PK\x03\x04 this is not really a zip")
    with pytest.raises(ImportFormatError, match="damaged"):
        dayone.parse(broken)
    jrnl_json = FIXTURES / "jrnl" / "export.json"
    with pytest.raises(ImportFormatError, match="jrnl") as error:
        dayone.parse(jrnl_json)
    assert error.value.where == "entry 1"


# ---------------------------------------------------------------- RedNotebook


def test_rednotebook_days_split_into_entries() -> None:
    parsed = rednotebook.parse(FIXTURES / "rednotebook")
    by_date = [(e.entry_date, e.title) for e in parsed.entries]
    assert by_date == [
        (date(2024, 3, 1), by_date[0][1]),
        (date(2024, 3, 2), "Multiple entries"),
        (date(2024, 3, 2), "Work"),
        (date(2024, 3, 2), "Family"),
        (date(2024, 3, 9), "Ideas"),
        (date(2024, 4, 30), "Last day of April."),
    ]


def test_rednotebook_markup_becomes_markdown() -> None:
    first = rednotebook.parse(FIXTURES / "rednotebook").entries[0]
    assert first.title.startswith("Hello! A first day with some *italic* and **bold** text")
    assert "- a list item\n1. a numbered item" in first.body
    assert "[the docs](https://example.org/docs)" in first.body
    assert "![](/home/me/photo.jpg)" in first.body


def test_rednotebook_hashtags_and_categories_become_tags() -> None:
    entries = rednotebook.parse(FIXTURES / "rednotebook").entries
    assert entries[0].tags == ("first-day", "c++")
    assert entries[2].tags == ("work",)
    assert entries[3].tags == ("family", "Sport")
    assert entries[3].body.endswith("- **Sport**: Ran 5 km")
    assert "~~struck~~" in entries[3].body and "👪" in entries[3].body
    assert entries[5].tags == ("tag_with_underscore",)  # '# heading' is not a tag


def test_rednotebook_bad_input(tmp_path: Path) -> None:
    with pytest.raises(ImportFormatError, match="no month files"):
        rednotebook.parse(tmp_path)
    with pytest.raises(ImportFormatError, match="does not exist"):
        rednotebook.parse(tmp_path / "nowhere")
    month = tmp_path / "2024-02.txt"
    month.write_text("30:\n  text: 'February has no 30th'\n", encoding="utf-8")
    with pytest.raises(ImportFormatError, match="2024-02-30 is not a valid date") as error:
        rednotebook.parse(tmp_path)
    assert error.value.where == "day 30"
    month.write_text("1:\n  text: 'unclosed\n2: [\n", encoding="utf-8")
    with pytest.raises(ImportFormatError, match="not a RedNotebook month file") as error:
        rednotebook.parse(tmp_path)
    assert error.value.where.startswith("line ")


def test_unreadable_month_file_is_named(tmp_path: Path) -> None:
    (tmp_path / "2024-05.txt").mkdir()  # a folder where a month file should be
    with pytest.raises(ImportFormatError, match="cannot be read") as error:
        rednotebook.parse(tmp_path)
    assert "2024-05.txt" in str(error.value)
