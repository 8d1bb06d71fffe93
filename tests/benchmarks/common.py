"""Shared benchmark helpers: cached demo databases, medians, and a printed table."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

CACHE = Path(os.environ.get("MENTOR_BENCH_CACHE", Path(__file__).parents[2] / ".bench-cache"))
#: Benchmarks use a fixed "today" so that numbers compare across days.
BENCH_TODAY = date(2026, 11, 26)


@dataclass(frozen=True)
class Row:
    """One line of a benchmark table."""

    what: str
    value: float
    unit: str = "ms"
    target: str = ""

    def line(self) -> str:
        value = f"{self.value:,.1f} {self.unit}" if self.unit else f"{self.value:,.2f}"
        return f"{self.what:<58} {value:>14}   {self.target}"


def demo_db(years: int = 10) -> Path:
    """A demo database of `years` years, written once and kept in the cache folder.

    Its name carries the schema revision, so a new table (and the demo data that fills it)
    gets a new database instead of an upgraded old one.
    """
    from mentor_desktop.storage.migrate import HEAD_REVISION

    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"demo-{years}y-{HEAD_REVISION}.sqlite3"
    if not path.exists():
        from mentor_desktop.demo import DemoOptions, write_demo
        from mentor_desktop.storage.migrate import open_database

        tmp = path.with_suffix(".tmp")
        for leftover in CACHE.glob(tmp.name + "*"):
            leftover.unlink()
        engine = open_database(tmp)
        write_demo(engine, DemoOptions(years=years, today=BENCH_TODAY))
        with engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        engine.dispose()
        tmp.rename(path)
    return path


def scratch_copy(source: Path, name: str) -> Path:
    """A fresh copy of `source` that a benchmark may change."""
    target = CACHE / f"scratch-{name}.sqlite3"
    for leftover in CACHE.glob(target.name + "*"):
        leftover.unlink()
    shutil.copyfile(source, target)
    return target


def median_ms(fn: Callable[[], object], repeat: int = 20, warmup: int = 1) -> float:
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def process_ms(args: list[str], repeat: int = 5, env: dict[str, str] | None = None) -> float:
    """Median wall time of a whole process, in ms."""
    samples = []
    full_env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(args, check=True, env=full_env, capture_output=True)
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def compile_bytecode() -> None:
    """Write the app's .pyc files, as an install does: a measured process should not compile
    sources (this environment may set PYTHONDONTWRITEBYTECODE, which would leave them
    uncompiled; jrnl, the peer, is installed with its bytecode)."""
    import compileall

    import mentor_desktop

    compileall.compile_dir(Path(mentor_desktop.__file__).parent, quiet=1)


def python_cmd(*args: str) -> list[str]:
    return [sys.executable, *args]


def print_table(title: str, rows: list[Row]) -> None:
    print(f"\n{title}")
    print("-" * 90)
    for row in rows:
        print(row.line())
