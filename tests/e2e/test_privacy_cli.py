"""`encrypt`, `change-passphrase` and `decrypt` as whole processes, and a kill mid-encrypt."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.factories import TEST_PASSPHRASE, all_rows, write_demo_db

pytestmark = pytest.mark.slow


def cli(db: Path, *args: str, env: dict[str, str] | None = None, **kwargs):
    full_env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    full_env.pop("MENTOR_DESKTOP_PASSPHRASE", None)
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "mentor_desktop", "--db", str(db), *args],
        capture_output=True,
        text=True,
        env=full_env,
        timeout=300,
        stdin=subprocess.DEVNULL,
        **kwargs,
    )


def secret_file(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def plain_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_demo_db(tmp_path_factory.mktemp("plain") / "demo.sqlite3", years=2)


@pytest.fixture
def demo(plain_demo: Path, tmp_path: Path) -> Path:
    path = tmp_path / "demo.sqlite3"
    path.write_bytes(plain_demo.read_bytes())
    return path


def test_the_commands_encrypt_open_with_either_secret_change_and_decrypt(demo, tmp_path):
    rows = all_rows(demo)
    passphrase = secret_file(tmp_path, "pass", TEST_PASSPHRASE)
    done = cli(demo, "encrypt", "--new-passphrase-file", str(passphrase))
    assert done.returncode == 0, done.stderr
    assert TEST_PASSPHRASE not in done.stdout + done.stderr
    recovery = done.stdout.split("Recovery key:")[1].split()[0]
    assert "nobody can open the database" in done.stdout

    no_secret = cli(demo, "search", "feedback")
    assert no_secret.returncode == 2 and "--passphrase-file" in no_secret.stderr
    wrong = cli(demo, "--passphrase-file", str(secret_file(tmp_path, "w", "wrong")), "search", "x")
    assert wrong.returncode == 2 and "wrong" in wrong.stderr
    by_env = cli(demo, "search", "feedback", env={"MENTOR_DESKTOP_PASSPHRASE": recovery})
    assert by_env.returncode == 0 and "feedback" in by_env.stdout.lower()
    by_file = cli(demo, "--passphrase-file", str(passphrase), "sessions", "--limit", "1")
    assert by_file.returncode == 0, by_file.stderr

    new = secret_file(tmp_path, "new", "lighthouse-copper-meadow-seven")
    key_file = secret_file(tmp_path, "rk", recovery)
    changed = cli(demo, "--passphrase-file", str(key_file), "change-passphrase",
                  "--new-passphrase-file", str(new))  # fmt: skip
    assert changed.returncode == 0, changed.stderr
    assert "Recovery key:" in changed.stdout and recovery not in changed.stdout
    old = cli(demo, "--passphrase-file", str(key_file), "search", "feedback")
    assert old.returncode == 2

    export = cli(demo, "--passphrase-file", str(new), "export", "--format", "json", "-o",
                 str(tmp_path / "out.json"))  # fmt: skip
    assert "plain text" in export.stderr
    decrypted = cli(demo, "--passphrase-file", str(new), "decrypt")
    assert decrypted.returncode == 0, decrypted.stderr
    assert all_rows(demo) == rows


def test_a_kill_in_the_middle_of_encrypting_leaves_the_original_usable(demo, tmp_path):
    before = hashlib.sha256(demo.read_bytes()).hexdigest()
    rows = all_rows(demo)
    passphrase = secret_file(tmp_path, "pass", TEST_PASSPHRASE)
    copy = demo.with_name(demo.name + ".rekeying")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-m", "mentor_desktop", "--db", str(demo), "encrypt",
               "--new-passphrase-file", str(passphrase)]  # fmt: skip
    process = subprocess.Popen(
        command,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while not copy.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    assert copy.exists(), "the copy never appeared"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert hashlib.sha256(demo.read_bytes()).hexdigest() == before
    assert all_rows(demo) == rows
    listed = cli(demo, "search", "feedback", "--limit", "1")
    assert listed.returncode == 0 and listed.stdout
    again = cli(demo, "encrypt", "--new-passphrase-file", str(passphrase))
    assert again.returncode == 0, again.stderr  # the stale copy is simply replaced
    assert not copy.exists()
