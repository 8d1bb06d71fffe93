"""`mentor-desktop chart` and `mentor-desktop report` as whole processes: every chart in every
format, the review pack, and clear messages (exit 2, no traceback) for bad input."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

MAGIC = {".png": b"\x89PNG", ".svg": b"<?xml", ".pdf": b"%PDF"}


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
    done = cli(db, "demo", "--years", "2")
    assert done.returncode == 0, done.stderr
    return db


@pytest.mark.parametrize("name", ["burnup", "progress", "follow-through", "rhythm"])
def test_chart_writes_each_format(name: str, demo_db: Path, tmp_path: Path) -> None:
    for suffix, magic in MAGIC.items():
        target = tmp_path / f"{name}{suffix}"
        done = cli(demo_db, "chart", name, "-o", str(target))
        assert done.returncode == 0, done.stderr
        assert f"Wrote the {name} chart ({suffix[1:].upper()})" in done.stdout
        assert target.read_bytes().lstrip().startswith(magic)


def test_chart_on_an_empty_database_writes_the_empty_state(tmp_path: Path) -> None:
    target = tmp_path / "empty.svg"
    done = cli(tmp_path / "empty.sqlite3", "chart", "burnup", "-o", str(target))
    assert done.returncode == 0, done.stderr
    assert "No milestones with due or done dates yet" in target.read_text()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["chart", "pie", "-o", "x.png"], "There is no chart called 'pie'"),
        (["chart", "burnup", "-o", "x.jpg"], "use a file name ending in .png, .svg, .pdf"),
        (["chart", "burnup", "-o", "x"], "(no extension)"),
        (["chart", "burnup", "-o", "missing/x.png"], "does not exist"),
        (["report", "--from", "2026-02-30", "-o", "r.pdf"], "'2026-02-30' is not a date"),
        (["report", "--to", "yesterday", "-o", "r.pdf"], "'yesterday' is not a date"),
        (["report", "--from", "2026-05-01", "--to", "2026-01-01", "-o", "r.pdf"], "swap them"),
        (["report", "-o", "r.docx"], "use a file name ending in .pdf"),
        (["report", "--to", "9999-12-31", "-o", "r.pdf"], "last possible day"),
    ],
)
def test_bad_input_is_a_clear_message_and_exit_2(
    args: list[str], message: str, demo_db: Path, tmp_path: Path
) -> None:
    args = [str(tmp_path / a) if a.startswith(("x", "r.", "missing")) else a for a in args]
    done = cli(demo_db, *args)
    assert done.returncode == 2
    assert message in done.stderr
    assert "Traceback" not in done.stderr
    # nothing written but the user folders (Matplotlib keeps its font list there)
    assert [path.name for path in tmp_path.iterdir()] in ([], ["home"])


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_report_writes_the_review_pack(demo_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "review.pdf"
    done = cli(demo_db, "report", "--reflection", "Ready for the next step.", "-o", str(target))
    assert done.returncode == 0, done.stderr
    assert "Wrote the review pack for" in done.stdout
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True).stdout
    assert "Review pack" in text and "Ready for the next step." in text
    empty = tmp_path / "empty.pdf"
    done = cli(demo_db, "report", "--from", "1990-01-01", "--to", "1990-03-31", "-o", str(empty))
    assert done.returncode == 0, done.stderr
    assert "nothing recorded in that range" in done.stdout
    text = subprocess.run(["pdftotext", str(empty), "-"], capture_output=True, text=True).stdout
    assert "There is nothing recorded between" in " ".join(text.split())


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_report_uses_the_reflection_last_written_in_the_timeline_tab(
    demo_db: Path, tmp_path: Path
) -> None:
    from mentor_desktop.app import open_services

    moved = tmp_path / "renamed.sqlite3"
    shutil.copyfile(demo_db, moved)
    engine, services = open_services(moved)
    services.timeline.save_reflection("Written in the tab before the review.")
    engine.dispose()
    moved = moved.rename(tmp_path / "moved-again.sqlite3")  # it travels with the file
    target = tmp_path / "review.pdf"
    done = cli(moved, "report", "-o", str(target))
    assert done.returncode == 0, done.stderr
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True).stdout
    assert "Written in the tab before the review." in " ".join(text.split())
    done = cli(tmp_path / "other.sqlite3", "report", "-o", str(target))
    assert done.returncode == 0, done.stderr
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True).stdout
    assert "No closing reflection was written." in " ".join(text.split())
