"""`mentor-desktop search` and `mentor-desktop journal add` as a terminal user runs them."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mentor_desktop.cli import main
from mentor_desktop.storage.migrate import open_database

ROOT = Path(__file__).parents[2]


def run(monkeypatch, capsys, argv: list[str], stdin: str = "") -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def entries(db_path: Path) -> list[tuple]:
    engine = open_database(db_path)
    try:
        with engine.connect() as connection:
            return connection.exec_driver_sql(
                "SELECT entry_date, title, body, kind, flagged, tag_text FROM journal_entry"
            ).all()
    finally:
        engine.dispose()


def test_journal_add_reads_the_body_from_stdin(monkeypatch, capsys, db_path: Path) -> None:
    code, out, err = run(
        monkeypatch,
        capsys,
        ["--db", str(db_path), "journal", "add", "--title", "Standup", "--kind", "win",
         "--tag", "#team work", "--tag", "demo", "--date", "2025-06-01", "--flag"],
        "# Shipped\n\nThe demo went well — 🎉\n",
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert "Added journal entry #1 on 2025-06-01: Standup (Win) [demo, team work]" in out
    assert entries(db_path) == [
        (
            "2025-06-01",
            "Standup",
            "# Shipped\n\nThe demo went well — 🎉\n",
            "win",
            1,
            "demo, team work",
        )
    ]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--date", "31/02/2025"], "“31/02/2025” is not a date; write it as YYYY-MM-DD"),
        (["--date", "2025-02-31"], "2025-02-31 is not a day of the calendar"),
        (["--kind", "rant"], "“rant” is not a kind of entry"),
        (["--tag", "#"], "is not a tag"),
        (["--title", "x" * 400], "keep it under 300"),
    ],
)
def test_journal_add_refuses_bad_input_and_writes_nothing(
    monkeypatch, capsys, db_path: Path, extra: list[str], message: str
) -> None:
    argv = ["--db", str(db_path), "journal", "add", "--title", "T", *extra]
    code, out, err = run(monkeypatch, capsys, argv, "body")
    assert code == 2
    assert out == ""
    assert err.startswith("mentor-desktop: ")
    assert message in err
    assert "Traceback" not in err
    assert entries(db_path) == []


def test_search_prints_one_line_per_match_best_first(monkeypatch, capsys, db_path: Path) -> None:
    for title, body in [
        ("Passing mention", "A long day. Somewhere in it, delegation came up once."),
        ("Delegation", "Delegation is hard. Delegation needs trust."),
        ("Unrelated", "Nothing here."),
    ]:
        argv = ["--db", str(db_path), "journal", "add", "--title", title, "--date", "2025-01-02"]
        assert run(monkeypatch, capsys, argv, body)[0] == 0
    code, out, err = run(monkeypatch, capsys, ["--db", str(db_path), "search", "delegat*"])
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("2025-01-02  Delegation  —  ")
    assert "[Delegation]" in lines[0]
    assert lines[1].startswith("2025-01-02  Passing mention  —  ")
    argv = ["--db", str(db_path), "search", "delegation", "--limit", "1"]
    code, out, _ = run(monkeypatch, capsys, argv)
    assert len(out.splitlines()) == 1


@pytest.mark.parametrize("query", ["nothingmatches", '"', "AND", "*", "-", "🎉", "NEAR("])
def test_search_with_no_match_or_odd_input_exits_0(
    monkeypatch, capsys, db_path: Path, query: str
) -> None:
    code, out, err = run(monkeypatch, capsys, ["--db", str(db_path), "search", query])
    assert (code, out, err) == (0, "", "")


@pytest.mark.slow
def test_the_installed_command_adds_and_finds_an_entry(db_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "mentor_desktop", "--db", str(db_path)]
    added = subprocess.run(
        [*command, "journal", "add", "--title", "From the terminal"],
        input="Written at the café without opening the window.",
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=False,
    )
    assert added.returncode == 0, added.stderr
    found = subprocess.run(
        [*command, "search", "cafe"], capture_output=True, text=True, env=env, cwd=ROOT, check=False
    )
    assert found.returncode == 0, found.stderr
    assert "From the terminal" in found.stdout
    assert "[café]" in found.stdout
