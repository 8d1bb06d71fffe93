"""`mentor-desktop demo`, then `brief` and `sessions --ics` as whole processes."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from icalendar import Calendar

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils"),
]


def cli(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("DISPLAY", None)
    return subprocess.run(
        [sys.executable, "-m", "mentor_desktop", "--db", str(db), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    done = cli(db, "demo")
    assert done.returncode == 0, done.stderr
    assert "sessions" in done.stdout and "action items" in done.stdout
    return db


def test_brief_of_the_next_demo_session_is_one_page(demo_db: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "x.pdf"
    done = cli(demo_db, "brief", "-o", str(pdf), "--page-size", "a4")
    assert done.returncode == 0, done.stderr
    assert "(1 page)" in done.stdout
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert "Pages:           1" in info
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    assert all(line.split()[-5] == "yes" for line in fonts.splitlines()[2:])
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    for expected in ("Dr. Amara Okafor", "Agenda", "Promotion timeline", "Open commitments"):
        assert expected in text
    images = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True)
    assert len(images.stdout.splitlines()) == 3  # header, rule, the chart


def test_brief_errors_are_messages_not_tracebacks(demo_db: Path, tmp_path: Path) -> None:
    missing = cli(demo_db, "brief", "--session", "99999", "-o", str(tmp_path / "x.pdf"))
    assert missing.returncode == 2 and "Session #99999 does not exist" in missing.stderr
    assert "Traceback" not in missing.stderr
    folder = cli(demo_db, "brief", "-o", str(tmp_path / "nope" / "x.pdf"))
    assert folder.returncode == 2 and "does not exist" in folder.stderr
    empty = cli(tmp_path / "empty.sqlite3", "brief", "-o", str(tmp_path / "x.pdf"))
    assert empty.returncode == 2 and "no upcoming session" in empty.stderr


def test_sessions_export_as_ics(demo_db: Path, tmp_path: Path) -> None:
    ics = tmp_path / "sessions.ics"
    done = cli(demo_db, "sessions", "--ics", "-o", str(ics))
    assert done.returncode == 0, done.stderr
    calendar = Calendar.from_ical(ics.read_bytes())
    summaries = sorted(str(e["SUMMARY"]) for e in calendar.walk("VEVENT") if "RRULE" in e)
    assert summaries == ["Check-in with Dr. Amara Okafor", "Session with Dr. Amara Okafor"]
    listing = cli(demo_db, "sessions", "--limit", "3")
    assert listing.returncode == 0 and "Done" in listing.stdout and "Planned" in listing.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--days", "99999999"), "argument --days: expected a number from 1 to 3660"),
        (("--days", "0"), "argument --days: expected a number from 1 to 3660"),
        (("--limit", "-3"), "argument --limit: expected a number of at least 1"),
        (("--limit", "many"), "argument --limit: expected a whole number"),
    ],
)
def test_sessions_rejects_numbers_out_of_range(
    demo_db: Path, args: tuple[str, ...], message: str
) -> None:
    done = cli(demo_db, "sessions", *args)
    assert done.returncode == 2 and message in done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""


def test_sessions_lists_as_far_ahead_as_asked(demo_db: Path) -> None:
    done = cli(demo_db, "sessions", "--days", "3660", "--limit", "1000")
    assert done.returncode == 0, done.stderr
    years = {line.split()[1][:4] for line in done.stdout.splitlines() if line[:5].strip()}
    assert len(years) >= 9


def cli_loading(db: Path, *args: str) -> tuple[str, list[str]]:
    """What the command printed, and the modules it loaded in the order they were loaded
    (its chart helper's come after the fork)."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "mentor_desktop", "--db", str(db), *args],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout, [line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines()]


@pytest.mark.parametrize("command", ["brief", "report"])
def test_the_chart_helper_forks_before_the_database_code_loads(
    demo_db: Path, tmp_path: Path, command: str
) -> None:
    """The helper imports Matplotlib while the command reads: forked after the database
    code, it would start its work that much later."""
    _printed, loaded = cli_loading(demo_db, command, "-o", str(tmp_path / f"{command}.pdf"))
    fork = loaded.index("mentor_desktop.charts.helper_process")
    assert not [name for name in loaded[:fork] if name.startswith("sqlalchemy")]
    assert any(name.startswith("matplotlib") for name in loaded[fork:])


def test_the_review_pack_is_read_without_the_database_library(
    demo_db: Path, tmp_path: Path
) -> None:
    printed, loaded = cli_loading(demo_db, "report", "-o", str(tmp_path / "review.pdf"))
    assert "Wrote the review pack for" in printed
    assert "mentor_desktop.services.review_reads" in loaded
    assert not [name for name in loaded if name.startswith("sqlalchemy")]


@pytest.mark.parametrize(
    ("command", "shown"),
    [
        (["sessions", "--days", "30"], " min  "),
        (["practice"], "  "),
        (["skills"], " gap "),
        (["opportunities"], " impact "),
    ],
    ids=lambda value: value[0] if isinstance(value, list) else None,
)
def test_the_listings_are_read_without_the_database_library(
    demo_db: Path, command: list[str], shown: str
) -> None:
    printed, loaded = cli_loading(demo_db, *command)
    assert shown in printed and len(printed.splitlines()) > 1
    assert not [name for name in loaded if name.startswith(("sqlalchemy", "PySide6"))]


@pytest.mark.parametrize("which", [[], ["--session", "1"]], ids=["next", "by id"])
def test_the_brief_is_read_without_the_database_library(
    demo_db: Path, tmp_path: Path, which: list[str]
) -> None:
    pdf = tmp_path / "brief.pdf"
    printed, loaded = cli_loading(demo_db, "brief", *which, "-o", str(pdf))
    assert "Wrote the brief for" in printed
    assert "mentor_desktop.services.brief_reads" in loaded
    assert not [name for name in loaded if name.startswith("sqlalchemy")]
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "Session brief" in text and "Dr. Amara Okafor" in text
