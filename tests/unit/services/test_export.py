"""Export: a JSON document of every table that imports back identically, and Markdown."""

from __future__ import annotations

import hashlib
import json
import re
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from mentor_desktop.cli import main
from mentor_desktop.demo import DemoOptions, write_demo
from mentor_desktop.domain.errors import ImportFormatError, MentorDesktopError
from mentor_desktop.domain.journal import TemplateDraft
from mentor_desktop.services.journal import JournalService
from mentor_desktop.services.portability import FORMAT_VERSION, PortabilityService
from mentor_desktop.storage.migrate import make_engine, open_database, upgrade
from mentor_desktop.storage.orm import Base
from mentor_desktop.storage.repositories.portability import existing_tables, primary_key_order
from mentor_desktop.storage.uow import unit_of_work_factory


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 2-year demo database, written once for this module."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    engine = open_database(path)
    write_demo(engine, DemoOptions(years=2, today=date(2026, 11, 26)))
    engine.dispose()
    return path


def _all_rows(engine) -> dict[str, list[tuple]]:
    with unit_of_work_factory(engine)() as uow:
        return {
            table.name: [
                tuple(row)
                for row in uow.session.execute(
                    select(*table.columns).order_by(*primary_key_order(table))
                )
            ]
            for table in existing_tables(uow.session)
        }


def test_json_round_trip_reproduces_every_row(demo_db: Path, tmp_path: Path) -> None:
    source = open_database(demo_db)
    exported = tmp_path / "everything.json"
    summary = PortabilityService(unit_of_work_factory(source)).export_json(exported)
    original = _all_rows(source)
    source.dispose()
    assert summary.counts["journal_entry"] > 500 and summary.counts["session"] > 10
    document = json.loads(exported.read_text(encoding="utf-8"))
    assert document["format"] == "mentor-desktop"
    assert document["format_version"] == FORMAT_VERSION
    assert set(document["tables"]) == {t.name for t in Base.metadata.sorted_tables}

    target = open_database(tmp_path / "fresh.sqlite3")
    try:
        PortabilityService(unit_of_work_factory(target)).import_json(exported)
        copied = _all_rows(target)
        assert copied.keys() == original.keys()
        for name, rows in original.items():
            assert copied[name] == rows, name
        with target.connect() as connection:
            hits = connection.exec_driver_sql(
                "SELECT count(*) FROM journal_search WHERE journal_search MATCH 'mentor'"
            ).scalar()
            assert hits and hits > 0
    finally:
        target.dispose()


def test_json_import_refuses_a_database_with_data(demo_db: Path, tmp_path: Path) -> None:
    engine = open_database(demo_db)
    service = PortabilityService(unit_of_work_factory(engine))
    exported = tmp_path / "everything.json"
    service.export_json(exported)
    before = _all_rows(engine)
    with pytest.raises(MentorDesktopError, match="already has data"):
        service.import_json(exported)
    assert _all_rows(engine) == before
    engine.dispose()


def _minimal(**changes) -> dict:
    document = {
        "format": "mentor-desktop",
        "format_version": FORMAT_VERSION,
        "schema_revision": None,
        "tables": {"goal": {"columns": ["id", "title"], "rows": []}},
    }
    document.update(changes)
    return document


@pytest.mark.parametrize(
    ("document", "message"),
    [
        (_minimal(format_version=FORMAT_VERSION + 1), "newer version of Mentor Desktop"),
        (_minimal(schema_revision="9999_future"), "newer version"),
        (_minimal(format="something-else"), "not a Mentor Desktop JSON export"),
        (_minimal(tables={"hologram": {"columns": [], "rows": []}}), "does not know"),
        (
            _minimal(tables={"goal": {"columns": ["id", "title"], "rows": [[1]]}}),
            "row 1 does not have 2 values",
        ),
        (
            _minimal(tables={"goal": {"columns": ["id", "title"], "rows": [[1, "No kind"]]}}),
            "do not fit",
        ),
    ],
)
def test_bad_json_export_is_refused_and_nothing_changes(
    engine, tmp_path: Path, document: dict, message: str
) -> None:
    path = tmp_path / "export.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    service = PortabilityService(unit_of_work_factory(engine))
    before = _all_rows(engine)
    with pytest.raises(ImportFormatError, match=message) as error:
        service.import_json(path)
    assert str(path) in str(error.value)
    assert _all_rows(engine) == before


def _entry_export(**changes) -> dict:
    """An export holding one journal entry (with `changes` to its values)."""
    row = {
        "id": 1,
        "entry_date": "2024-01-01",
        "title": "A title",
        "body": "Some text",
        "kind": "win",
        "mood": None,
        "flagged": False,
        "created_at": "2024-01-01T10:00:00",
        "updated_at": "2024-01-01T10:00:00",
    }
    row.update(changes)
    table = {"columns": list(row), "rows": [list(row.values())]}
    return _minimal(tables={"journal_entry": table})


@pytest.mark.parametrize(
    ("document", "message"),
    [
        (_entry_export(title="two\nlines"), "row 1 breaks the app's rules: The title cannot"),
        (_entry_export(body="nul \x00"), "NUL character"),
        (_entry_export(body="x" * 2_000_001), "the limit for one entry is 2,000,000"),
        (_entry_export(entry_date="0001-01-01"), "0001-01-01 is out of range"),
        (_entry_export(mood=99), "Mood is a number from 1 to 5"),
        (_entry_export(kind="bogus"), "is not a kind of entry"),
        (_entry_export(id=2**70), "bad value in 'id' (the number is too large)"),
        (_entry_export(mood=1.5), "bad value in 'mood' (expected a whole number"),
        (_entry_export(body="half \ud800 a pair"), "broken character (U+D800)"),
        (_entry_export(body={"a": 1}), "bad value in 'body' (expected text, found dict)"),
        (_entry_export(flagged="false"), "bad value in 'flagged' (expected true or false"),
        (_entry_export(created_at=5), "expected a date and time as text"),
        (_entry_export(mood=float("nan")), "NaN is not a JSON number"),
        (
            _minimal(tables={"tag": {"columns": ["id", "name"], "rows": [[1, "a, b"]]}}),
            "cannot contain a comma",
        ),
        (
            _minimal(tables={"tag": {"columns": ["id", "name"], "rows": [[1, "x\ny"]]}}),
            "is not written the way the journal stores tags",
        ),
        (_minimal(tables={"goal": {"columns": [["id"], "title"], "rows": []}}), "must be text"),
        (_minimal(tables={"goal": {"columns": ["id", "id"], "rows": []}}), "named twice"),
        (_minimal(tables={"goal": {"columns": ["id"], "rows": {"1": [1]}}}), "must be a list"),
    ],
)
def test_hostile_json_export_names_table_and_row_and_changes_nothing(
    engine, db_path: Path, tmp_path: Path, document: dict, message: str
) -> None:
    path = tmp_path / "export.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    before = _all_rows(engine)
    with pytest.raises(ImportFormatError, match=re.escape(message)) as error:
        PortabilityService(unit_of_work_factory(engine)).import_json(path)
    assert str(path) in str(error.value)
    assert error.value.where.startswith("table ") or "JSON" in error.value.reason
    assert _all_rows(engine) == before


def test_hostile_json_export_on_the_command_line_is_exit_2_without_traceback(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "export.json"
    path.write_text(json.dumps(_entry_export(id=2**70, body="\ud800")), encoding="utf-8")
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()
    assert main(["--db", str(db_path), "import", "--format", "json", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path} (table journal_entry): row 1 has a bad value" in err
    assert "Traceback" not in err
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before


def _goal_export(tmp_path: Path) -> Path:
    path = tmp_path / "goals.json"
    goal = {
        "columns": ["id", "title", "kind", "status", "created_at", "updated_at"],
        "rows": [[1, "Speak up", "career", "active", "2024-01-01T10:00:00", "2024-01-01T10:00:00"]],
    }
    path.write_text(json.dumps(_minimal(tables={"goal": goal})), encoding="utf-8")
    return path


@pytest.mark.parametrize("change", ["add", "edit"])
def test_json_import_keeps_writing_prompts_the_user_added_or_edited(
    engine, tmp_path: Path, change: str
) -> None:
    journal = JournalService(unit_of_work_factory(engine))
    first = journal.templates()[0]
    if change == "add":
        journal.add_template(TemplateDraft("My prompt", "## What did I try?"))
    else:
        journal.update_template(first.id, TemplateDraft(first.name, "## Mine", first.kind))
    prompts = journal.templates()
    with pytest.raises(MentorDesktopError, match="already has data"):
        PortabilityService(unit_of_work_factory(engine)).import_json(_goal_export(tmp_path))
    assert journal.templates() == prompts


def test_json_import_goes_into_a_database_with_only_the_default_prompts(
    engine, tmp_path: Path
) -> None:
    journal = JournalService(unit_of_work_factory(engine))
    journal.delete_template(journal.templates()[0].id)  # fewer defaults is still no user data
    service = PortabilityService(unit_of_work_factory(engine))
    assert not service.has_user_data()
    assert service.import_json(_goal_export(tmp_path)).counts == {"goal": 1}
    assert service.has_user_data()


def test_markdown_export_is_readable_without_the_app(demo_db: Path, tmp_path: Path) -> None:
    engine = open_database(demo_db)
    folder = tmp_path / "export"
    summary = PortabilityService(unit_of_work_factory(engine)).export_markdown(folder)
    engine.dispose()
    files = sorted((folder / "journal").rglob("*.md"))
    assert len(files) == summary.counts["entries"] > 500
    text = files[0].read_text(encoding="utf-8")
    front = re.match(r"^---\n(.*?)\n---\n\n# ([^\n]+)\n", text, re.S)
    assert front is not None
    import yaml

    meta = yaml.safe_load(front[1])
    assert set(meta) == {"date", "title", "kind", "mood", "flagged", "tags", "goals", "milestones"}
    assert isinstance(meta["date"], date) and meta["title"] == front[2]
    assert files[0].name.startswith(meta["date"].isoformat())
    assert (folder / "goals.md").read_text(encoding="utf-8").startswith("# Goals\n")
    sessions = (folder / "sessions.md").read_text(encoding="utf-8")
    assert sessions.startswith("# Sessions\n") and "### Agenda" in sessions
    assert not list(tmp_path.glob("*.partial"))


def test_markdown_export_writes_the_growth_loop(demo_db: Path, tmp_path: Path) -> None:
    engine = open_database(demo_db)
    folder = tmp_path / "export"
    summary = PortabilityService(unit_of_work_factory(engine)).export_markdown(folder)
    with engine.connect() as connection:
        rows = {
            table: connection.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar_one()
            for table in ("practice", "skill", "opportunity")
        }
        skill = connection.exec_driver_sql("SELECT name FROM skill LIMIT 1").scalar_one()
    engine.dispose()
    growth = (folder / "growth.md").read_text(encoding="utf-8")
    assert growth.startswith("# Growth\n")
    assert "## Practice" in growth and "## Skills" in growth and "## Opportunities" in growth
    assert skill in growth
    assert summary.counts["growth items"] == sum(rows.values()) > 0
    assert (folder / "growth.md").stat().st_mode & 0o777 == 0o600


def test_markdown_export_refuses_a_folder_with_files(engine, tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "keep.txt").write_text("mine")
    with pytest.raises(MentorDesktopError, match="new or empty folder"):
        PortabilityService(unit_of_work_factory(engine)).export_markdown(folder)
    assert [p.name for p in folder.iterdir()] == ["keep.txt"]


def test_export_works_before_the_sessions_tables_exist(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "old.sqlite3")
    upgrade(engine, "0002_journal")
    service = PortabilityService(unit_of_work_factory(engine))
    service.export_markdown(tmp_path / "md")
    assert not (tmp_path / "md" / "sessions.md").exists()
    assert not (tmp_path / "md" / "growth.md").exists()
    assert (tmp_path / "md" / "goals.md").exists()
    summary = service.export_json(tmp_path / "old.json")
    assert "session" not in summary.counts and "journal_entry" in summary.counts
    engine.dispose()


def test_export_and_import_commands(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "all.json"
    assert main(["--db", str(demo_db), "export", "--format", "json", "-o", str(out)]) == 0
    assert "journal_entry" in capsys.readouterr().out
    fresh = tmp_path / "fresh.sqlite3"
    assert main(["--db", str(fresh), "import", "--format", "json", str(out)]) == 0
    assert main(["--db", str(fresh), "import", "--format", "json", str(out)]) == 2
    assert "already has data" in capsys.readouterr().err
    folder = tmp_path / "md"
    assert main(["--db", str(fresh), "export", "--format", "markdown", "-o", str(folder)]) == 0
    assert (folder / "sessions.md").exists()


def test_every_table_of_the_database_is_exported(engine, tmp_path: Path) -> None:
    """A table added by a later migration joins the export (it needs its ORM class)."""
    with engine.connect() as connection:
        rows = connection.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table'"
        ).all()
    virtual = [name for name, sql in rows if sql and sql.upper().startswith("CREATE VIRTUAL")]
    expected = {
        name
        for name, _sql in rows
        if name != "alembic_version"
        and not name.startswith("sqlite_")
        and not any(name == v or name.startswith(f"{v}_") for v in virtual)
    }
    summary = PortabilityService(unit_of_work_factory(engine)).export_json(tmp_path / "a.json")
    assert set(summary.counts) == expected


def test_markdown_export_gives_every_entry_its_own_file(engine, tmp_path: Path) -> None:
    """A fallback name (title plus id) that another entry's title already took is not
    reused, and names differing only in case count as the same name."""
    entries = [
        (1, "Foo 12", "first"),  # its name is the fallback name of entry 12 below
        (5, "Foo", "second"),
        (12, "Foo", "third"),
        (13, "PLAN", "fourth"),
        (14, "plan", "fifth"),
        (20, "Plan 14", "sixth"),
    ]
    with engine.begin() as connection:
        for entry_id, title, body in entries:
            connection.exec_driver_sql(
                "INSERT INTO journal_entry (id, entry_date, title, body, kind, mood, flagged, "
                "created_at, updated_at) VALUES (?, '2024-03-01', ?, ?, 'win', NULL, 0, "
                "'2024-03-01 10:00:00', '2024-03-01 10:00:00')",
                (entry_id, title, body),
            )
    folder = tmp_path / "md"
    summary = PortabilityService(unit_of_work_factory(engine)).export_markdown(folder)
    assert summary.counts["entries"] == len(entries)
    files = sorted((folder / "journal" / "2024").glob("*.md"))
    names = [path.name for path in files]
    assert len({name.casefold() for name in names}) == len(entries)
    bodies = sorted(path.read_text(encoding="utf-8").rstrip().rsplit("\n", 1)[-1] for path in files)
    assert bodies == sorted(body for _id, _title, body in entries)
    assert "2024-03-01-foo-12-2.md" in names
