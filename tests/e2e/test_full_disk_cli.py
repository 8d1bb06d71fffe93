"""Every command that writes a document, on a really full disk: a one-line message, a
non-zero exit, no traceback, no partial file, and an older file left as it was."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.factories import write_demo_db

pytestmark = pytest.mark.slow

#: (command, output file name or folder): each writes its output into the full disk.
COMMANDS = [
    (("report", "-o"), "review.pdf"),
    (("brief", "-o"), "brief.pdf"),
    (("chart", "burnup", "-o"), "burnup.svg"),
    (("chart", "rhythm", "-o"), "rhythm.png"),
    (("chart", "progress", "-o"), "progress.pdf"),
    (("sessions", "--ics", "-o"), "sessions.ics"),
    (("export", "--format", "json", "-o"), "all.json"),
    (("export", "--format", "markdown", "-o"), "notes"),
    (("backup", "-o"), "copy.sqlite3"),
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
    return write_demo_db(tmp_path_factory.mktemp("demo") / "demo.sqlite3", years=2)


@pytest.mark.parametrize(
    ("command", "name"), COMMANDS, ids=lambda v: "-".join(v) if isinstance(v, tuple) else v
)
def test_a_full_disk_is_a_message_and_the_older_file_stays(
    demo_db: Path, full_disk, command: tuple[str, ...], name: str
) -> None:
    target = full_disk.root / name
    older = b"the older file, which must survive"
    if "." in name:
        target.write_bytes(older)
    full_disk.fill()
    done = cli(demo_db, *command, str(target))
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith(f"mentor-desktop: Cannot write {target}: the disk is full.")
    if "." in name:
        assert target.read_bytes() == older
        assert "earlier file there was kept" in lines[0]
    else:
        assert not target.exists()
    left = sorted(p.name for p in full_disk.root.iterdir() if p.name != ".filler")
    assert left == ([name] if "." in name else [])


def test_with_room_the_same_commands_write_whole_private_files(
    demo_db: Path, tmp_path: Path
) -> None:
    old = os.umask(0o022)
    try:
        for command, name in COMMANDS:
            target = tmp_path / name
            done = cli(demo_db, *command, str(target))
            assert done.returncode == 0, done.stderr
            assert target.stat().st_mode & 0o077 == 0, name
    finally:
        os.umask(old)
    assert (tmp_path / "brief.pdf").read_bytes().startswith(b"%PDF-")
    assert sorted(p.name for p in tmp_path.iterdir() if "partial" in p.name) == []
