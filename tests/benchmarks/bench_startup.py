"""Process start to main window shown with the Goals tab filled, against a bare Qt window.

The floor is a bare PySide6 main window with SQLAlchemy imported, measured in the same run.
Both print a line once the window is shown; the time is taken when that line arrives.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from tests.benchmarks.common import Row, demo_db, print_table

FLOOR_SCRIPT = """
import sqlalchemy, sqlalchemy.orm
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
app = QApplication([])
window = QMainWindow()
window.setCentralWidget(QLabel("floor"))
window.resize(1100, 720)
window.show()
def done():
    status = open("/proc/self/status").read().splitlines()
    peak = next(int(l.split()[1]) for l in status if l.startswith("VmHWM:"))
    print(f"shown | peak memory: {peak / 1024:.1f} MB", flush=True)
    window.close()
QTimer.singleShot(0, done)
app.exec()
"""


def _time_to_shown(args: list[str]) -> tuple[float, float]:
    """(ms until the process printed its 'shown' line, its peak RSS in MB as it reports it).

    The process reads its own peak from /proc: the kernel's rusage figure for a child keeps
    the high-water mark of the (large) benchmark process it was forked from.
    """
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    start = time.perf_counter()
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    assert process.stdout is not None
    shown_ms, peak_mb = float("nan"), float("nan")
    for line in process.stdout:
        if line.startswith(b"shown"):
            shown_ms = (time.perf_counter() - start) * 1000
            peak_mb = float(line.split(b"peak memory:")[1].split()[0])
            break
    process.stdout.read()
    process.wait()
    return shown_ms, peak_mb


def _median_run(args: list[str], runs: int = 5) -> tuple[float, float]:
    _time_to_shown(args)  # warm the file cache
    results = [_time_to_shown(args) for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def _compile_bytecode() -> None:
    """Write the app's .pyc files, as an install does: a start should not compile sources
    (this environment may set PYTHONDONTWRITEBYTECODE, which would leave them uncompiled)."""
    import compileall

    import mentor_desktop

    compileall.compile_dir(Path(mentor_desktop.__file__).parent, quiet=1)


def main() -> None:
    _compile_bytecode()
    db = demo_db(10)
    app_ms, app_rss = _median_run(
        [sys.executable, "-m", "mentor_desktop", "--db", str(db), "--quit-after-show"]
    )
    large_ms, large_rss = _median_run(
        [sys.executable, "-m", "mentor_desktop", "--db", str(demo_db(100)), "--quit-after-show"]
    )
    floor_ms, floor_rss = _median_run([sys.executable, "-c", FLOOR_SCRIPT])
    print_table(
        "Start-up (10-year demo database, median of 5 whole-process runs)",
        [
            Row("mentor-desktop: start to window shown with goals", app_ms, target="<= 500 ms"),
            Row("floor: bare PySide6 window + SQLAlchemy imported", floor_ms),
            Row("ratio to the floor", app_ms / floor_ms, unit="x", target="<= 1.15x"),
            Row("mentor-desktop peak RSS", app_rss, unit="MB", target="<= 150 MB"),
            Row("at 10x the data (100-year demo): start to window", large_ms, target="<= 2x"),
            Row("at 10x the data: peak RSS", large_rss, unit="MB"),
            Row("floor peak RSS", floor_rss, unit="MB"),
        ],
    )


if __name__ == "__main__":
    main()
