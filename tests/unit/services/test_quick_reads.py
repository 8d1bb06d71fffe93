"""The quick read path of the `search` command answers as the journal service does."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from mentor_desktop.domain.errors import DamagedDatabaseError
from mentor_desktop.domain.journal import EntryDraft, EntryKind
from mentor_desktop.services.quick_reads import NeedsFullOpen, search_journal
from mentor_desktop.storage.migrate import KNOWN_REVISIONS, open_database
from tests.factories import damage_page

WORDS = [
    "delegation",
    "feedback",
    "café",
    "mentor",
    "roadmap",
    "listening",
    "negotiation",
    "budget",
]


@pytest.fixture
def written(services, db_path: Path) -> Path:
    """A journal of 120 entries whose words overlap, so ranking and snippets matter."""
    for number in range(120):
        words = [WORDS[(number + k) % len(WORDS)] for k in range(1 + number % 5)]
        services.journal.create_entry(
            EntryDraft(
                date(2024, 1, 1) + timedelta(days=number),
                f"Entry {number} about {words[0]}",
                " ".join(words * 3) + (" rare-word" if number == 77 else ""),
                EntryKind.WIN if number % 3 == 0 else EntryKind.REFLECTION,
                tags=(words[-1],),
            )
        )
    return db_path


@pytest.mark.parametrize(
    "query",
    [
        "delegation",
        "cafe",
        "mentor roadmap",
        '"feedback café"',
        "budg*",
        "listening OR budget",
        "mentor -budget",
        "rare",
        "nothing-like-this",
        "  ",
        "NOT",
    ],
)
def test_answers_match_the_journal_service(written: Path, services, query: str) -> None:
    expected = services.journal.search(query, limit=25)
    assert search_journal(written, query, 25) == expected


def test_a_missing_file_or_an_older_schema_needs_the_full_open(tmp_path: Path) -> None:
    with pytest.raises(NeedsFullOpen):
        search_journal(tmp_path / "new.sqlite3", "mentor", 5)
    older = tmp_path / "older.sqlite3"
    open_database(older).dispose()
    engine = open_database(older)
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "UPDATE alembic_version SET version_num = ?", (KNOWN_REVISIONS[-2],)
        )
    engine.dispose()
    with pytest.raises(NeedsFullOpen):
        search_journal(older, "mentor", 5)


def test_a_damaged_file_is_refused_as_on_open(written: Path) -> None:
    engine = open_database(written)
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    damage_page(written, written.stat().st_size // 4096 - 2)
    with pytest.raises(DamagedDatabaseError):
        search_journal(written, "mentor", 5)


@pytest.mark.slow
def test_the_search_command_loads_neither_sqlalchemy_nor_qt(written: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-X",
            "importtime",
            "-m",
            "mentor_desktop",
            "--db",
            str(written),
            "search",
            "delegation",
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=True,
    )
    assert "Entry" in done.stdout
    loaded = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines()}
    assert not {"sqlalchemy", "PySide6", "alembic"} & loaded
