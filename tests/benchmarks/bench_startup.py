"""Process start to main window painted on a real X screen with the Goals tab filled.

As a person sees it: Xvfb and the xcb platform, so mapping and painting the window cost what
they cost on a desktop (offscreen they cost nothing). The floor is a bare PySide6 main window
with SQLAlchemy imported, measured the same way in the same run, start for start in turn
with the app (see `_interleaved_medians`). Both print a line right after their first paint;
the time is taken when that line arrives.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time

from tests.benchmarks.common import Row, compile_bytecode, demo_db, print_table
from tests.benchmarks.screen import virtual_screen

#: Rounds of whole-process starts; each round starts the floor and both apps once.
ROUNDS = 15

FLOOR_SCRIPT = """
import sqlalchemy, sqlalchemy.orm
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
app = QApplication([])
window = QMainWindow()
window.setCentralWidget(QLabel("floor"))
window.resize(1100, 720)
def done():
    status = open("/proc/self/status").read().splitlines()
    peak = next(int(l.split()[1]) for l in status if l.startswith("VmHWM:"))
    print(f"shown | peak memory: {peak / 1024:.1f} MB", flush=True)
    window.close()
class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, done)
        return False
painted = FirstPaint(window)
window.installEventFilter(painted)
window.show()
app.exec()
"""


def _time_to_shown(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(ms until the process printed its 'shown' line, its peak RSS in MB as it reports it).

    The process reads its own peak from /proc: the kernel's rusage figure for a child keeps
    the high-water mark of the (large) benchmark process it was forked from.
    """
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


def _interleaved_medians(
    commands: list[list[str]], env: dict[str, str], rounds: int = ROUNDS
) -> list[tuple[float, float]]:
    """For each command, (median ms to shown, peak RSS in MB) over `rounds` rounds that run
    every command once in turn: a machine that speeds up or slows down during the run
    affects all of them alike."""
    for command in commands:
        _time_to_shown(command, env)  # warm the file cache
    runs: list[list[tuple[float, float]]] = [[] for _ in commands]
    for _ in range(rounds):
        for command, results in zip(commands, runs, strict=True):
            results.append(_time_to_shown(command, env))
    return [
        (statistics.median(r[0] for r in results), max(r[1] for r in results)) for results in runs
    ]


def main() -> None:
    compile_bytecode()
    app = [sys.executable, "-m", "mentor_desktop", "--quit-after-show", "--db"]
    ten, hundred = str(demo_db(10)), str(demo_db(100))
    with tempfile.TemporaryDirectory() as home, virtual_screen() as screen:
        # A first start of its own: no remembered tab or geometry, so Goals is on screen.
        env = {**screen, "XDG_CONFIG_HOME": home, "XDG_DATA_HOME": home}
        (floor_ms, floor_rss), (app_ms, app_rss), (large_ms, large_rss) = _interleaved_medians(
            [[sys.executable, "-c", FLOOR_SCRIPT], [*app, ten], [*app, hundred]], env
        )
    print_table(
        f"Start-up on a real X screen (Xvfb + xcb), median of {ROUNDS} interleaved runs",
        [
            Row("mentor-desktop, 10-year demo: start to painted window", app_ms),
            Row("floor: bare PySide6 window + SQLAlchemy, painted", floor_ms),
            Row("ratio to the floor", app_ms / floor_ms, unit="x", target="<= 1.15x"),
            Row("at 10x the data (100-year demo): start to painted", large_ms),
            Row(
                "ratio of 10x data to the 10-year figure",
                large_ms / app_ms,
                unit="x",
                target="<= 1.2x",
            ),
            Row("mentor-desktop peak RSS (10-year demo)", app_rss, unit="MB"),
            Row("at 10x the data: peak RSS", large_rss, unit="MB"),
            Row("floor peak RSS", floor_rss, unit="MB"),
        ],
    )


if __name__ == "__main__":
    main()
