"""Export: a JSON document of every table that imports back identically, and Markdown."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from mentor_desktop.cli import main
from mentor_desktop.domain.errors import ImportFormatError, MentorDesktopError
from mentor_desktop.services.demo import DemoOptions, write_demo
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
