"""Importing other journals: preview, one transaction, no duplicates, flags and tags."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest
from sqlalchemy import select

from mentor_desktop.cli import main
from mentor_desktop.domain.errors import ImportFormatError, MentorDesktopError
from mentor_desktop.domain.journal import MAX_BODY, MAX_TAG, MAX_TAGS, MAX_TITLE, validate_entry
from mentor_desktop.services.journal import JournalService
from mentor_desktop.services.portability import PortabilityService
from mentor_desktop.storage.migrate import open_database
from mentor_desktop.storage.orm import JournalEntryRow, TagRow
from mentor_desktop.storage.uow import unit_of_work_factory

FIXTURES = Path(__file__).parents[2] / "fixtures" / "imports"
SOURCES = [
    ("jrnl", FIXTURES / "jrnl" / "quirks.journal", 5),
    ("jrnl", FIXTURES / "jrnl" / "export.json", 3),
    ("dayone", FIXTURES / "dayone" / "Journal.json", 3),
    ("rednotebook", FIXTURES / "rednotebook", 6),
]


@pytest.fixture
def portability(engine) -> PortabilityService:
    return PortabilityService(unit_of_work_factory(engine))


def _entries(engine) -> list[tuple]:
    with unit_of_work_factory(engine)() as uow:
        rows = uow.session.scalars(select(JournalEntryRow).order_by(JournalEntryRow.id)).all()
        return [(r.entry_date, r.title, r.flagged, tuple(t.name for t in r.tags)) for r in rows]


def _search(engine, word: str) -> list[int]:
    with engine.connect() as connection:
        return [
            row[0]
            for row in connection.exec_driver_sql(
                "SELECT rowid FROM journal_search WHERE journal_search MATCH ?", (word,)
            )
        ]


@pytest.mark.parametrize(("source_format", "path", "count"), SOURCES)
def test_import_twice_creates_no_duplicates(
    portability: PortabilityService, engine, source_format: str, path: Path, count: int
) -> None:
    parsed = portability.read_journal(source_format, path)
    preview = portability.preview(parsed)
    assert (preview.entries_found, preview.new_entries, preview.duplicates) == (count, count, 0)
    assert _entries(engine) == []  # a preview writes nothing
    first = portability.import_journal(parsed)
    assert first.imported == count
    second = portability.import_journal(portability.read_journal(source_format, path))
    assert (second.imported, second.duplicates) == (0, count)
    assert len(_entries(engine)) == count
    again = portability.preview(portability.read_journal(source_format, path))
    assert again.duplicates == count and all(row.duplicate for row in again.rows)


def test_preview_reports_range_tags_duplicates_and_problems(
    portability: PortabilityService,
) -> None:
    parsed = portability.read_journal("dayone", FIXTURES / "dayone" / "Journal.json")
    preview = portability.preview(parsed)
    assert str(preview.first_date) == "2021-05-11" and str(preview.last_date) == "2021-05-15"
    assert preview.tags == ("1:1 notes", "c++", "work")
    assert "2 entries without text skipped." in preview.problems
    portability.import_journal(parsed)
    jrnl_text = portability.read_journal("jrnl", FIXTURES / "jrnl" / "quirks.journal")
    assert portability.preview(jrnl_text).duplicates == 0


def test_starred_become_flagged_and_source_tags_become_tags(
    portability: PortabilityService, engine
) -> None:
    portability.import_journal(portability.read_journal("jrnl", FIXTURES / "jrnl" / "export.json"))
    entries = _entries(engine)
    assert entries[0][1:] == ("Talked with my mentor!", True, ("goals", "mentor"))
    assert entries[2][2:] == (False, ("mentor",))
    with unit_of_work_factory(engine)() as uow:
        assert sorted(uow.session.scalars(select(TagRow.name))) == ["goals", "mentor"]


def test_existing_tags_are_reused_whatever_their_case(
    portability: PortabilityService, engine
) -> None:
    with unit_of_work_factory(engine)() as uow:
        uow.session.add(TagRow(name="Mentor"))
    result = portability.import_journal(
        portability.read_journal("jrnl", FIXTURES / "jrnl" / "export.json")
    )
    assert result.tags_created == 1  # only "goals"
    with unit_of_work_factory(engine)() as uow:
        assert sorted(uow.session.scalars(select(TagRow.name))) == ["Mentor", "goals"]


def test_imported_entries_are_found_by_search(portability: PortabilityService, engine) -> None:
    portability.import_journal(portability.read_journal("rednotebook", FIXTURES / "rednotebook"))
    assert len(_search(engine, "struck")) == 1
    assert len(_search(engine, "family")) == 1


def test_failed_import_leaves_the_database_as_it_was(
    portability: PortabilityService, engine, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    portability.import_journal(portability.read_journal("jrnl", FIXTURES / "jrnl" / "export.json"))
    before = _entries(engine)
    parsed = portability.read_journal("jrnl", FIXTURES / "jrnl" / "quirks.journal")

    def fail_halfway(done: int, total: int) -> None:
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        portability.import_journal(parsed, progress=fail_halfway)
    assert _entries(engine) == before
    # the search index and its triggers came back with the rollback
    assert portability.import_journal(parsed).imported == 5
    assert len(_search(engine, "promotion")) == 1


@pytest.mark.parametrize(
    ("source_format", "name", "content", "message"),
    [
        ("jrnl", "wrong.journal", '{"metadata": {}, "entries": []}', "no entries"),
        ("dayone", "Journal.json", "[2024-01-01 10:00] jrnl text", "not valid JSON"),
        ("rednotebook", "2024-01.txt", "- just\n- a list\n", "not a RedNotebook month file"),
        ("jrnl", "missing.journal", None, "does not exist"),
        ("jrnl", "binary.journal", b"\x00\x01\x02", "binary file"),
        ("jrnl", "cp1252.journal", "[2023-01-01 10:00] Caf\xe9".encode("cp1252"), "not UTF-8"),
    ],
)
def test_command_line_bad_input_names_the_file_and_changes_nothing(
    db_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    source_format: str,
    name: str,
    content: str | bytes | None,
    message: str,
) -> None:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_text(content, encoding="utf-8")
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()
    code = main(["--db", str(db_path), "import", "--format", source_format, str(path)])
    err = capsys.readouterr().err
    assert code == 2
    assert message in err and str(path) in err and "Traceback" not in err
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before


def test_command_line_import_prints_a_preview_and_a_summary(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [
        "--db",
        str(db_path),
        "import",
        "--format",
        "rednotebook",
        str(FIXTURES / "rednotebook"),
    ]
    assert main([*args, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "6 entries from 2024-03-01 to 2024-04-30" in out and "Dry run" in out
    assert main(args) == 0
    assert "Imported 6 entries" in capsys.readouterr().out
    assert main(args) == 0
    assert "Imported 0 entries (6 already there" in capsys.readouterr().out


def test_unknown_format_is_refused(portability: PortabilityService) -> None:
    with pytest.raises(MentorDesktopError, match="Unknown import format"):
        portability.read_journal("evernote", FIXTURES)
    with pytest.raises(ImportFormatError):
        portability.read_journal("jrnl", FIXTURES / "rednotebook" / "2024-03.txt")


# ---------------------------------------------------------------- the journal's rules


def _write_jrnl_json(path: Path, entries: list[dict]) -> Path:
    path.write_text(json.dumps({"entries": entries}), encoding="utf-8")
    return path


def test_imported_entries_are_cleaned_by_the_journal_rules(
    portability: PortabilityService, engine, tmp_path: Path
) -> None:
    source = _write_jrnl_json(
        tmp_path / "ctrl.json",
        [
            {
                "date": "2024-01-01",
                "title": "line1\nline2\u0001",
                "body": "nul \u0000 here",
                "tags": ["a, b", "x\ny", "#c"],
            }
        ],
    )
    preview = portability.preview(portability.read_journal("jrnl", source))
    assert preview.tags == ("a", "b", "c", "x y")
    assert preview.rows[0].title == "line1 line2"
    notes = "\n".join(preview.problems)
    assert "entry 1: line breaks and control characters in the title became spaces." in notes
    assert "entry 1: NUL characters were removed from the text." in notes
    assert "entry 1: the tag “a, b” became “a”, “b”." in notes
    assert "entry 1: the tag “x\\ny” became “x y”." in notes
    portability.import_journal(portability.read_journal("jrnl", source))
    with unit_of_work_factory(engine)() as uow:
        row = uow.session.scalars(select(JournalEntryRow)).one()
        stored = (row.title, row.body, sorted(t.name for t in row.tags), row.tag_text)
    assert stored[:3] == ("line1 line2", "nul  here", ["a", "b", "c", "x y"])
    assert sorted(stored[3].split(", ")) == stored[2]  # the searched tag text splits back
    # the entry keeps every rule, so saving it from the editor works
    journal = JournalService(unit_of_work_factory(engine))
    entry = journal.get_entry(row.id)
    assert validate_entry(entry.draft()).tags == entry.tags
    assert journal.update_entry(row.id, entry.draft()).title == "line1 line2"


def test_entries_the_rules_cannot_clean_are_skipped_and_named(
    portability: PortabilityService, engine, tmp_path: Path
) -> None:
    long_title = "word " * 80  # 400 characters
    source = _write_jrnl_json(
        tmp_path / "edges.json",
        [
            {"date": "1899-12-31", "title": "too old", "body": "x"},
            {"date": "2024-05-01", "title": long_title, "body": "kept"},
            {"date": "3000-01-01", "title": "too new", "body": "x"},
            {"date": "2024-05-02", "title": "huge", "body": "y" * (MAX_BODY + 1)},
            {"date": "1900-01-01", "title": "first day", "tags": [f"t{n}" for n in range(55)]},
            {"date": "2999-12-31", "title": "last day", "tags": ["z" * 120]},
        ],
    )
    parsed = portability.read_journal("jrnl", source)
    preview = portability.preview(parsed)
    assert (preview.entries_found, preview.skipped) == (3, 3)
    assert (str(preview.first_date), str(preview.last_date)) == ("1900-01-01", "2999-12-31")
    notes = "\n".join(preview.problems)
    assert "entry 1: skipped: its date 1899-12-31 is outside the dates" in notes
    assert "entry 3: skipped: its date 3000-01-01" in notes
    assert "entry 4: skipped: The text is 2,000,001 characters long" in notes
    assert "entry 2: the title is longer than 300 characters" in notes
    assert f"entry 5: an entry can have at most {MAX_TAGS} tags; left out: t50" in notes
    assert "entry 6: the tag “zzzzz" in notes
    result = portability.import_journal(parsed)
    assert (result.imported, result.skipped) == (3, 3)
    with unit_of_work_factory(engine)() as uow:
        rows = uow.session.scalars(select(JournalEntryRow).order_by(JournalEntryRow.id)).all()
        shortened, first, last = rows
        assert len(shortened.title) == MAX_TITLE and shortened.title.endswith("…")
        assert shortened.body == f"{long_title.strip()}\n\nkept"  # nothing of the title lost
        assert len(first.tags) == MAX_TAGS
        assert [len(t.name) for t in last.tags] == [MAX_TAG]


HOSTILE_FILES = [
    # (format, file name, content, message in the error, where)
    (
        "jrnl",
        "surrogate.json",
        '{"entries":[{"date":"2024-01-01","title":"x","body":"a \\ud800"}]}',
        "broken character (U+D800",
        "entry 1",
    ),
    (
        "jrnl",
        "tag.json",
        '{"entries":[{"date":"2024-01-01","title":"x","tags":["\\udfff"]}]}',
        "the tag holds a broken character",
        "entry 1",
    ),
    (
        "dayone",
        "Journal.json",
        '{"entries":[{"creationDate":"2024-01-01T10:00:00Z","text":"ok"},'
        '{"creationDate":"2024-01-02T10:00:00Z","text":"Title \\ud83d"}]}',
        "broken character",
        "entry 2",
    ),
    (
        "jrnl",
        "deep.json",
        '{"entries":' + "[" * 100_000 + "]" * 100_000 + "}",
        "nested too deeply",
        "",
    ),
    (
        "jrnl",
        "digits.json",
        '{"entries":[{"date":"2024-01-01","starred":' + "9" * 5000 + "}]}",
        "not valid JSON",
        "",
    ),
    (
        "dayone",
        "nan.json",
        '{"entries":[{"creationDate":"2024-01-01T10:00:00Z","text":NaN}]}',
        "NaN is not a JSON number",
        "",
    ),
    ("rednotebook", "2024-01.txt", "1: {text: [1, 2]}\n", "the day's text must be text", "day 1"),
    (
        "rednotebook",
        "2024-02.txt",
        "99999999999999999999: {text: hi}\n",
        "not a valid date",
        "day 99999999999999999999",
    ),
    ("rednotebook", "2024-03.txt", "true: {text: hi}\n", "not a day of the month", "day True"),
    (
        "rednotebook",
        "2024-04.txt",
        "a: &a [x, x, x]\nb: &b [*a, *a, *a]\n1: {text: hi, Cat: [*b, *b, *b]}\n",
        "the category 'Cat' must be text",
        "day 1",
    ),
]


@pytest.mark.parametrize(("source_format", "name", "content", "message", "where"), HOSTILE_FILES)
def test_hostile_but_well_formed_files_name_the_entry_and_change_nothing(
    db_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    source_format: str,
    name: str,
    content: str,
    message: str,
    where: str,
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    target = tmp_path if source_format == "rednotebook" else path
    engine = open_database(db_path)
    with pytest.raises(ImportFormatError, match=re.escape(message)) as error:
        PortabilityService(unit_of_work_factory(engine)).read_journal(source_format, target)
    engine.dispose()
    assert error.value.where == where and str(path) in str(error.value)
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()
    code = main(["--db", str(db_path), "import", "--format", source_format, str(target)])
    err = capsys.readouterr().err
    assert code == 2 and message in err and str(path) in err and "Traceback" not in err
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before


@pytest.mark.parametrize(
    ("source_format", "name", "content", "note"),
    [
        ("jrnl", "old.journal", "[0001-01-01 00:00] old\nbody\n", "line 1: skipped: its date"),
        ("jrnl", "late.journal", "[9999-12-31 23:59] late\n", "line 1: skipped: its date"),
        (
            "dayone",
            "Journal.json",
            '{"entries":[{"creationDate":"9999-12-31T23:00:00-05:00","text":"hi"}]}',
            "entry 1: skipped: its date 9999-12-31",
        ),
        (
            "dayone",
            "Journal.json",
            '{"entries":[{"creationDate":"0001-01-01T00:00:00+05:00","text":"hi"}]}',
            "entry 1: skipped: its date 0001-01-01",
        ),
        (
            "dayone",
            "Journal.json",
            '{"entries":[{"creationDate":"2024-01-01T10:00:00Z","timeZone":"America","text":"hi"}]}',
            "entry 1: unknown time zone 'America'; used UTC.",
        ),
    ],
)
def test_dates_at_the_ends_of_the_calendar_and_odd_zones_are_noted(
    db_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    source_format: str,
    name: str,
    content: str,
    note: str,
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    code = main(["--db", str(db_path), "import", "--format", source_format, str(path)])
    captured = capsys.readouterr()
    assert code == 0 and "Traceback" not in captured.err
    assert f"note: {note}" in captured.out
