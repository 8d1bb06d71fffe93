"""The frozen bundle (`make package` -> dist/mentor-desktop/) does what the installed app does.

Runs the bundle's own executable, never this checkout's Python: the version, a demo database
(every Alembic migration), the window under Xvfb and a second start handing over to it, the
brief and the review pack as PDFs with their charts, search, a backup and the list of
backups, and the bundle's size. CI builds the bundle first (.ci/run); elsewhere the tests
are skipped until `make package` has run.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import time
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from mentor_desktop.ui.single_window import lock_path

pytestmark = pytest.mark.slow

ROOT = Path(__file__).parents[2]
BUNDLE = ROOT / "dist" / "mentor-desktop"
EXECUTABLE = BUNDLE / ("mentor-desktop.exe" if os.name == "nt" else "mentor-desktop")
#: The unpacked size the bundle must stay under (DESIGN: aim for 250 MB).
SIZE_BUDGET_MB = 250


@pytest.fixture(scope="module", autouse=True)
def _built() -> None:
    if not EXECUTABLE.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"{EXECUTABLE} is missing: .ci/run builds it with `make package`")
        pytest.skip("no bundle yet: run `make package` first")


def run(*args: str, timeout: float = 120, **env: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [str(EXECUTABLE), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **env},
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("bundle") / "demo.sqlite3"
    result = run("--db", str(db), "demo", "--years", "2")
    assert result.returncode == 0, result.stderr
    assert "8 goals" in result.stdout
    return db


@pytest.fixture(scope="module")
def xvfb_display() -> Iterator[str]:
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb is not installed")
    number = 150 + os.getpid() % 50
    server = subprocess.Popen(
        ["Xvfb", f":{number}", "-screen", "0", "1280x720x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    socket = Path(f"/tmp/.X11-unix/X{number}")
    for _ in range(100):
        if socket.exists() or server.poll() is not None:
            break
        time.sleep(0.1)
    assert socket.exists(), "Xvfb did not start"
    yield f":{number}"
    server.terminate()
    server.wait(timeout=10)


def _pdf_images(path: Path) -> int:
    listing = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, text=True)
    return len(listing.stdout.splitlines()) - 2  # two header lines


def test_version_is_the_project_version() -> None:
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "version"
    ]
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"mentor-desktop {version}"


def test_the_window_opens_on_a_demo_database_under_xvfb(demo_db: Path, xvfb_display: str) -> None:
    result = run(
        "--db", str(demo_db), "--quit-after-show", QT_QPA_PLATFORM="xcb", DISPLAY=xvfb_display
    )
    assert result.returncode == 0, result.stderr
    assert f"shown: {demo_db.name} |" in result.stdout
    assert "tabs: Goals, Journal, Session prep" in result.stdout


def test_a_second_start_brings_the_first_window_forward(
    demo_db: Path, xvfb_display: str, tmp_path: Path
) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "DISPLAY": xvfb_display}
    env |= {"XDG_CONFIG_HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path)}
    log = tmp_path / "first.log"
    with log.open("w") as output:
        first = subprocess.Popen(
            [str(EXECUTABLE), "--db", str(demo_db)], env=env, stdout=output, stderr=output
        )
        try:
            deadline = time.monotonic() + 60
            while not lock_path(demo_db).exists() and time.monotonic() < deadline:
                time.sleep(0.2)  # the first window is still starting
            again = run("--db", str(demo_db), "--quit-after-show", **env)
            assert again.returncode == 0, again.stderr
            assert "brought that window to the front" in again.stdout
        finally:
            first.terminate()
            first.wait(timeout=60)
    assert "Traceback" not in log.read_text()


@pytest.mark.skipif(shutil.which("pdfimages") is None, reason="poppler-utils is not installed")
def test_brief_and_review_pack_are_pdfs_with_charts(demo_db: Path, tmp_path: Path) -> None:
    brief, review = tmp_path / "brief.pdf", tmp_path / "review.pdf"
    made = run("--db", str(demo_db), "brief", "-o", str(brief))
    assert made.returncode == 0, made.stderr
    made = run("--db", str(demo_db), "report", "-o", str(review))
    assert made.returncode == 0, made.stderr
    assert brief.read_bytes().startswith(b"%PDF") and review.read_bytes().startswith(b"%PDF")
    assert _pdf_images(brief) >= 1  # the milestone progress chart
    assert _pdf_images(review) >= 2  # burn-up and progress by goal
    for pdf, title in ((brief, "Session brief"), (review, "Review pack")):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True)
        assert text.stdout.startswith(title)


def test_search_finds_journal_entries(demo_db: Path) -> None:
    result = run("--db", str(demo_db), "search", "feedback", "--limit", "3")
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.strip().splitlines()) == 3
    assert "feedback" in result.stdout.lower()


def test_backup_is_made_and_listed(demo_db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.sqlite3"
    made = run("--db", str(demo_db), "backup", "-o", str(copy))
    assert made.returncode == 0, made.stderr
    assert copy.stat().st_size > 0
    rotated = run("--db", str(demo_db), "backup")
    assert rotated.returncode == 0, rotated.stderr
    listed = run("--db", str(demo_db), "backups")
    assert listed.returncode == 0, listed.stderr
    # The demo's history ends today, so how many entries it writes depends on the hour.
    with sqlite3.connect(f"{demo_db.as_uri()}?mode=ro", uri=True) as connection:
        (entries,) = connection.execute("SELECT count(*) FROM journal_entry").fetchone()
    assert entries > 0 and f"{entries} entries" in listed.stdout


def test_bundle_fits_its_size_budget() -> None:
    size = sum(p.stat().st_size for p in BUNDLE.rglob("*") if p.is_file() and not p.is_symlink())
    assert size / 1e6 <= SIZE_BUDGET_MB, f"{size / 1e6:.0f} MB"
    internal = BUNDLE / "_internal"
    assert not list(internal.rglob("*tkinter*")), "tkinter is left out"
    assert (internal / "mentor_desktop" / "icons" / "app-256.png").is_file()
    assert (internal / "mentor_desktop" / "reports" / "templates").is_dir()
