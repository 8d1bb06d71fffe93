"""The sample mentorship: two years of made-up data in a file of its own, never mixed into
the person's database, rewritten fresh each time it is opened.

The command line writes it (`mentor-desktop --db FILE demo`), so the sample data stays with
the command line and the tests, out of the app's own code paths.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from mentor_desktop.domain.errors import MentorDesktopError

SAMPLE_FILENAME = "sample-mentorship.sqlite3"
SAMPLE_YEARS = 2
_SIDECARS = ("-wal", "-shm", "-journal")
#: Writing two years takes a few seconds; give up (and say so) well after that.
TIMEOUT_S = 120


def write_sample(path: Path) -> Path:
    """Write a fresh sample mentorship to `path` and return it.

    It is built beside the target and renamed into place once complete, so a failure leaves
    any earlier sample as it was. Raises MentorDesktopError when it cannot be written.
    """
    building = path.with_name(path.name + ".building")
    for leftover in (building, *(building.with_name(building.name + s) for s in _SIDECARS)):
        leftover.unlink(missing_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith("MENTOR_DESKTOP_")}
    command = [sys.executable, "-m", "mentor_desktop", "--db", str(building), "demo"]
    try:
        done = subprocess.run(
            [*command, "--years", str(SAMPLE_YEARS)],
            capture_output=True,
            text=True,
            env=env,
            timeout=TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise MentorDesktopError(f"The sample could not be written ({exc}).") from exc
    if done.returncode != 0 or not building.exists():
        reason = (done.stderr or done.stdout).strip().splitlines()
        raise MentorDesktopError(
            "The sample could not be written" + (f": {reason[-1]}" if reason else ".")
        )
    for sidecar in _SIDECARS:
        path.with_name(path.name + sidecar).unlink(missing_ok=True)
        building.with_name(building.name + sidecar).unlink(missing_ok=True)
    os.replace(building, path)
    return path
