"""Importing other journals: preview, one transaction, no duplicates, flags and tags."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import select

from mentor_desktop.cli import main
from mentor_desktop.domain.errors import ImportFormatError, MentorDesktopError
from mentor_desktop.services.portability import PortabilityService
from mentor_desktop.storage.orm import JournalEntryRow, TagRow
from mentor_desktop.storage.uow import unit_of_work_factory

FIXTURES = Path(__file__).parents[1] / "fixtures" / "imports"
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
