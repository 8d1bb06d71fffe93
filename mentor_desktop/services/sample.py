"""The sample mentorship: two years of made-up data in a file of its own, never mixed into
the person's database, rewritten fresh each time it is opened."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from mentor_desktop.demo import DemoOptions, write_demo
from mentor_desktop.storage.migrate import open_database

SAMPLE_FILENAME = "sample-mentorship.sqlite3"
SAMPLE_YEARS = 2
_SIDECARS = ("-wal", "-shm", "-journal")


def write_sample(path: Path, today: date | None = None) -> Path:
    """Write a fresh sample mentorship to `path` and return it.

    It is built beside the target and renamed into place once complete, so a failure leaves
    any earlier sample as it was.
    """
    building = path.with_name(path.name + ".building")
    for leftover in (building, *(building.with_name(building.name + s) for s in _SIDECARS)):
        leftover.unlink(missing_ok=True)
    engine = open_database(building)
    try:
        write_demo(engine, DemoOptions(years=SAMPLE_YEARS, today=today))
        with engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        engine.dispose()
    for sidecar in _SIDECARS:
        path.with_name(path.name + sidecar).unlink(missing_ok=True)
        building.with_name(building.name + sidecar).unlink(missing_ok=True)
    os.replace(building, path)
    return path
