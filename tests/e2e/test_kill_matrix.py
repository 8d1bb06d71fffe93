"""The kill -9 matrix: type steadily into each kind of text field, SIGKILL the app, and check
that at most the last 2 seconds of typing are lost. Prints a row per field."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.e2e.field_typist import FIELDS
from tests.e2e.journal_typist import word
from tests.factories import write_demo_db

pytestmark = pytest.mark.slow
ROOT = Path(__file__).parents[2]
#: Steady typing before the kill (long enough for many saves, short enough for CI).
TYPE_SECONDS = 12.0
#: The promise: a crash loses at most this much typing.
MAY_LOSE = 2.0

#: field -> the query reading what the database holds of it (? is the record's id)
STORED = {
    "journal body": "SELECT body FROM journal_entry WHERE id = ?",
    # a planned occurrence gets its row when first typed into: found by what was typed
    "session notes": "SELECT notes FROM session WHERE notes LIKE 'w0000%'",
    "session takeaways": "SELECT takeaways FROM session WHERE takeaways LIKE 'w0000%'",
    "personal update": ("SELECT personal_update FROM session WHERE personal_update LIKE 'w0000%'"),
    "review reflection": "SELECT text FROM review_reflection WHERE id = 1 OR ? IS NULL",
    "goal why (dialog draft)": "",  # read from the draft the dialog keeps (see _stored)
}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_demo_db(tmp_path_factory.mktemp("demo") / "demo.sqlite3", years=1)


def _type_then_kill(field: str, db: Path, settings: Path) -> tuple[str, list, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    progress: list[tuple[float, int]] = []
    with subprocess.Popen(
        [sys.executable, "-m", "tests.e2e.field_typist", field, str(db), str(settings)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    ) as process:
        try:
            assert process.stdout is not None
            ready = process.stdout.readline().split()
            assert ready and ready[0] == "ready", f"the {field} typist did not start"
            record = ready[1]
            started = time.time()
            while time.time() - started < TYPE_SECONDS:
                line = process.stdout.readline()
                if not line:
                    break
                stamp, count = line.split()
                progress.append((float(stamp), int(count)))
            os.kill(process.pid, signal.SIGKILL)
            killed_at = time.time()
            process.wait(timeout=10)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
    return record, progress, killed_at


def _stored(field: str, db: Path, record: int | None) -> str:
    """What survived the kill: the field in the database, or the dialog's draft."""
    if not STORED[field]:
        from mentor_desktop.paths import data_dir

        drafts = [json.loads(p.read_text()) for p in (data_dir() / "drafts").rglob("*.json")]
        return next((d["fields"]["why"] for d in drafts if "why" in d["fields"]), "")
    raw = sqlite3.connect(db)
    try:
        query = STORED[field]
        row = raw.execute(query, (record,) if "?" in query else ()).fetchone()
    finally:
        raw.close()
    return row[0] if row else ""


#: Fields whose text is not on the shared autosave yet (being moved to it): measured, and
#: expected to lose more than the promise until they are.
NOT_ON_AUTOSAVE_YET: set[str] = set()


def _cases() -> list:
    return [
        pytest.param(
            field,
            marks=pytest.mark.xfail(reason="not on the shared autosave yet", strict=False),
        )
        if field in NOT_ON_AUTOSAVE_YET
        else field
        for field in FIELDS
    ]


@pytest.mark.parametrize("field", _cases())
def test_kill_while_typing_loses_at_most_two_seconds(
    field: str, demo: Path, tmp_path: Path, capsys
) -> None:
    db = tmp_path / "mentor.sqlite3"
    db.write_bytes(demo.read_bytes())
    record, progress, killed_at = _type_then_kill(field, db, tmp_path / "s.ini")
    stored = _stored(field, db, None if record == "None" else int(record))
    saved = 0
    while word(saved) in stored:
        saved += 1
    typed_for = progress[-1][0] - progress[0][0] if progress else 0.0
    last_saved_at = next((stamp for stamp, count in progress if count >= saved), progress[0][0])
    lost = killed_at - last_saved_at if saved < progress[-1][1] else 0.0
    with capsys.disabled():
        print(f"\nkill -9 | {field:<18} | typed {typed_for:5.1f} s | lost {lost:4.2f} s")
    assert stored.startswith("".join(word(i) for i in range(saved)))
    assert lost <= MAY_LOSE, f"{field}: {lost:.2f} s of typing lost"
