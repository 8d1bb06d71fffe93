"""Data safety and portability: importing a 10-year jrnl journal, exporting the 10-year demo
database to JSON and Markdown, and a backup. Reports; never fails on a timing.

Targets (issue): import <= 3 s, JSON export <= 2 s, backup <= 0.5 s. For scale, jrnl itself
takes ~0.74 s to export such a journal to JSON.
"""

from __future__ import annotations

import shutil
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from tests.benchmarks.common import CACHE, Row, demo_db, print_table
from tests.factories import write_jrnl_journal


def _empty_db(folder: Path, name: str) -> Path:
    from mentor_desktop.storage.migrate import open_database

    path = folder / f"{name}.sqlite3"
    open_database(path).dispose()
    return path


def _timed(fn: Callable[[], object], repeat: int, setup: Callable[[], None] | None = None) -> float:
    samples = []
    for _ in range(repeat):
        if setup is not None:
            setup()
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def _same_rows(first, second) -> tuple[int, int]:
    """How many tables hold exactly the same rows in both databases, and how many there are."""
    from sqlalchemy import select

    from mentor_desktop.storage.repositories.portability import (
        existing_tables,
        primary_key_order,
    )
    from mentor_desktop.storage.uow import unit_of_work_factory

    def rows(engine) -> dict[str, list[tuple]]:
        with unit_of_work_factory(engine)() as uow:
            return {
                t.name: [
                    tuple(r)
                    for r in uow.session.execute(select(*t.columns).order_by(*primary_key_order(t)))
                ]
                for t in existing_tables(uow.session)
            }

    a, b = rows(first), rows(second)
    return sum(a[name] == b.get(name) for name in a), len(a)


def main() -> None:
    from mentor_desktop.services.backups import BackupService
    from mentor_desktop.services.portability import PortabilityService
    from mentor_desktop.storage.engine import quick_check
    from mentor_desktop.storage.migrate import open_database
    from mentor_desktop.storage.uow import unit_of_work_factory

    CACHE.mkdir(parents=True, exist_ok=True)
    journal = CACHE / "jrnl-10y.journal"
    if not journal.exists():
        write_jrnl_journal(journal, entries=3650, words_per_entry=227)
    words = len(journal.read_text(encoding="utf-8").split())
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(dir=CACHE) as scratch:
        folder = Path(scratch)

        # import into an empty database, each run on a fresh one
        state: dict = {}
        counter = iter(range(1000))

        def fresh_import_db() -> None:
            if "engine" in state:
                state["engine"].dispose()
            path = _empty_db(folder, f"import-{next(counter)}")
            state["engine"] = open_database(path)
            state["service"] = PortabilityService(unit_of_work_factory(state["engine"]))

        def do_import() -> None:
            service = state["service"]
            result = service.import_journal(service.read_journal("jrnl", journal))
            assert result.imported == 3650

        import_ms = _timed(do_import, repeat=3, setup=fresh_import_db)
        service = state["service"]
        parse_ms = _timed(lambda: service.read_journal("jrnl", journal), repeat=3)
        parsed = service.read_journal("jrnl", journal)
        preview_ms = _timed(lambda: service.preview(parsed), repeat=3)
        again_ms = _timed(lambda: service.import_journal(parsed), repeat=3)
        state["engine"].dispose()
        rows += [
            Row(
                f"import jrnl: 3,650 entries, {words:,} words (parse + write)",
                import_ms,
                target="<= 3000 ms",
            ),
            Row("  of which parsing the file", parse_ms),
            Row("preview of the same file (duplicates check)", preview_ms),
            Row("import the same file again (all duplicates)", again_ms),
        ]

        # exports and a backup of the 10-year demo
        demo = folder / "demo.sqlite3"
        shutil.copyfile(demo_db(10), demo)
        engine = open_database(demo)
        service = PortabilityService(unit_of_work_factory(engine))
        out = folder / "export.json"
        json_ms = _timed(lambda: service.export_json(out), repeat=5)
        size_mb = out.stat().st_size / 1_048_576
        md_ms = _timed(lambda: service.export_markdown(folder / f"md-{next(counter)}"), repeat=3)
        counts = service.table_counts()

        def fresh_json_target() -> None:
            if "json" in state:
                state["json"][0].dispose()
            path = _empty_db(folder, f"json-{next(counter)}")
            e = open_database(path)
            state["json"] = (e, PortabilityService(unit_of_work_factory(e)))

        json_in_ms = _timed(lambda: state["json"][1].import_json(out), 3, fresh_json_target)
        identical, tables = _same_rows(engine, state["json"][0])
        state["json"][0].dispose()
        backups = BackupService(demo, folder / "backups")
        backup_ms = _timed(lambda: backups.backup_to(folder / "b.sqlite3"), repeat=5)
        engine.dispose()
        connection = sqlite3.connect(f"{demo.resolve().as_uri()}?mode=ro", uri=True)
        check_ms = _timed(lambda: quick_check(connection), repeat=5)
        connection.close()
        db_mb = demo.stat().st_size / 1_048_576
        entries = counts.get("journal_entry", 0)
        rows += [
            Row(
                f"export JSON, 10-year demo ({entries:,} entries, {size_mb:.1f} MB)",
                json_ms,
                target="<= 2000 ms",
            ),
            Row("export Markdown folder, 10-year demo", md_ms),
            Row("import that JSON into an empty database", json_in_ms),
            Row(
                "  tables with identical rows after the round trip",
                identical,
                "",
                target=f"of {tables}",
            ),
            Row(
                f"backup (online backup API) of the 10-year demo ({db_mb:.1f} MB)",
                backup_ms,
                target="<= 500 ms",
            ),
            Row("PRAGMA quick_check on open, 10-year demo", check_ms),
        ]
    print_table("Portability (10 years)", rows)


if __name__ == "__main__":
    main()
