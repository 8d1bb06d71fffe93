"""The real command in a real process: version, help, demo, bad files, and the window start."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from mentor_desktop import __version__

pytestmark = pytest.mark.slow


def run(*args: str, env: dict[str, str] | None = None, timeout: float = 60):
    full_env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "mentor_desktop", *args],
        capture_output=True,
        text=True,
        env=full_env,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )


def test_version_and_help() -> None:
    version = run("--version")
    assert version.returncode == 0
    assert version.stdout.strip() == f"mentor-desktop {__version__}"
    help_text = run("--help")
    assert help_text.returncode == 0
    assert "demo" in help_text.stdout
    assert "--db PATH" in help_text.stdout


def test_demo_fills_an_empty_database_once(tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite3"
    first = run("--db", str(db), "demo", "--years", "3")
    assert first.returncode == 0, first.stderr
    assert "12 goals" in first.stdout
    again = run("--db", str(db), "demo")
    assert again.returncode == 2
    assert "already has data" in again.stderr
    assert "Traceback" not in again.stderr


def test_bad_arguments_and_bad_files_get_a_message_not_a_traceback(tmp_path: Path) -> None:
    years = run("--db", str(tmp_path / "x.sqlite3"), "demo", "--years", "ten")
    assert years.returncode == 2
    assert "expected a whole number, got 'ten'" in years.stderr
    text_file = tmp_path / "letter.txt"
    text_file.write_text("Dear diary")
    opened = run("--db", str(text_file), "demo")
    assert opened.returncode == 2
    assert f"Cannot open {text_file}" in opened.stderr
    assert "Traceback" not in opened.stderr
    assert text_file.read_text() == "Dear diary"


def test_the_window_starts_on_the_database_named_by_the_environment(tmp_path: Path) -> None:
    db = tmp_path / "env.sqlite3"
    assert run("--db", str(db), "demo", "--years", "1").returncode == 0
    started = run("--quit-after-show", env={"MENTOR_DESKTOP_DB": str(db)})
    assert started.returncode == 0, started.stderr
    assert f"shown: {db.name} |" in started.stdout
    assert "tabs: Goals" in started.stdout


def test_the_window_refuses_a_foreign_file_with_a_message(tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"\x00\x01binary junk" * 100)
    started = run("--db", str(junk), "--quit-after-show")
    assert started.returncode == 2
    assert "not a Mentor Desktop database" in started.stderr


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], False),
        (["--db", "demo"], False),
        (["--db=x.sqlite3", "--quit-after-show"], False),
        (["--db", "x", "demo"], True),
        (["search", "word"], True),
        (["-h"], True),
    ],
)
def test_only_commands_and_help_load_the_command_modules(argv, expected) -> None:
    from mentor_desktop.cli import _asks_for_command

    assert _asks_for_command(argv) is expected


@pytest.mark.parametrize(
    ("argv", "named"),
    [
        ([], (None, None)),
        (["--db", "j.sqlite3", "search", "word"], ("search", "j.sqlite3")),
        (["--db=j.sqlite3", "sessions"], ("sessions", "j.sqlite3")),
        (["--passphrase-file", "search", "brief"], ("brief", None)),
        (["--db", "x", "-h"], ("-h", "x")),
    ],
)
def test_the_command_and_its_database_are_known_before_the_parser_is_built(argv, named) -> None:
    from mentor_desktop.cli import _named_command

    assert _named_command(argv) == named


def test_a_reading_command_checks_the_file_while_it_loads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`search` begins the integrity check before its modules load, and still refuses damage."""
    from mentor_desktop import cli
    from mentor_desktop.storage import precheck
    from tests.factories import damage_page, fill_with_goals

    db = fill_with_goals(tmp_path / "j.sqlite3")
    damage_page(db, db.stat().st_size // 4096 - 2)
    steps: list[str] = []
    start_check, build_parser = precheck.start_quick_check, cli.build_parser
    monkeypatch.setattr(
        precheck, "start_quick_check", lambda path: steps.append("check") or start_check(path)
    )
    monkeypatch.setattr(cli, "build_parser", lambda *a: steps.append("parser") or build_parser(*a))
    assert cli.main(["--db", str(db), "search", "word"]) == 2
    assert steps == ["check", "parser"]
    assert "damaged" in capsys.readouterr().err


def test_sigterm_closes_the_window_the_normal_way(tmp_path: Path) -> None:
    """A log-out sends SIGTERM: the window still saves its state and the process exits 0."""
    import signal
    import time

    db = tmp_path / "term.sqlite3"
    config = tmp_path / "config"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(config),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "mentor_desktop", "--db", str(db)],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 30
    while not Path(f"{db}-wal").exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(1.0)  # the window is up and the event loop runs
    process.send_signal(signal.SIGTERM)
    _out, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    settings = (config / "mentor-desktop" / "settings.ini").read_text()
    assert "geometry" in settings


def test_the_first_screen_loads_only_what_it_shows(tmp_path: Path) -> None:
    """The first screen is read without SQLAlchemy (the database is opened the full way once
    it is painted, and this start takes the window lock and sets up the watch on other
    programs' writes as every start does); the chart library, the documents and the
    migrations wait until used."""
    db = tmp_path / "lean.sqlite3"
    assert run("--db", str(db), "demo", "--years", "1").returncode == 0
    done = subprocess.run(
        [
            sys.executable,
            "-X",
            "importtime",
            "-m",
            "mentor_desktop",
            "--db",
            str(db),
            "--quit-after-show",
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr
    loaded = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines()}
    assert "mentor_desktop.ui.goals.tab" in loaded
    unwanted = {
        "sqlalchemy",
        "mentor_desktop.domain.timeline",  # the goal tree's overdue marks need none of it
        "mentor_desktop.storage.orm",
        "matplotlib",
        "alembic",
        "mentor_desktop.reports",
        "mentor_desktop.ui.preferences.dialog",  # the registry names the pages; the dialog waits
        "mentor_desktop.ui.widgets.spelling_highlighter",  # no text field on the Goals tab
    }
    assert unwanted & loaded == set()
