"""Privacy: opening an encrypted database beside a plain one, and search and the brief on it.

`python -m tests.benchmarks privacy` (run it under the suite lock) measures the 10-year demo
as a plain file and as an encrypted copy (made once and cached). Targets (issue 15):
opening an encrypted database costs at most 0.2 s more than a plain one; search and the
brief stay within their budgets.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from datetime import datetime
from datetime import time as clock
from pathlib import Path

from tests.benchmarks.common import (
    BENCH_TODAY,
    CACHE,
    Row,
    demo_db,
    median_ms,
    print_table,
    process_ms,
    python_cmd,
)

PASSPHRASE = "amber-violin-quietly-nine"
YEARS = 10


def _encrypted_copy(plain: Path) -> tuple[Path, str, float]:
    """The cached encrypted copy of `plain`, its recovery key and (when made now) how long
    encrypting took in seconds (0 when it came from the cache)."""
    from mentor_desktop.services.privacy import PrivacyService

    target = CACHE / f"demo-{YEARS}y-encrypted.sqlite3"
    key_file = target.with_suffix(".recovery")
    if target.exists() and key_file.exists():
        return target, key_file.read_text().strip(), 0.0
    work = target.with_suffix(".tmp")
    for leftover in CACHE.glob(work.name + "*"):
        leftover.unlink()
    shutil.copyfile(plain, work)
    start = time.perf_counter()
    result = PrivacyService(work).encrypt(PASSPHRASE, PASSPHRASE)
    took = time.perf_counter() - start
    work.rename(target)
    key_file.write_text(result.recovery_key)
    return target, result.recovery_key, took


def _open(path: Path, secret: str | None) -> None:
    """What a start does: derive the key (if encrypted), check and open the file, read."""
    from mentor_desktop.storage import cipher
    from mentor_desktop.storage.migrate import open_database

    cipher.forget_all()
    if secret is not None and cipher.unlock(path, secret) is None:
        raise SystemExit("the benchmark's passphrase does not open its database")
    engine = open_database(path)
    with engine.connect() as connection:
        connection.exec_driver_sql("SELECT count(*) FROM journal_entry").fetchone()
    engine.dispose()


def _rare_word(plain: Path) -> str:
    """A word found in two to four entries of the plain demo."""
    import sqlite3

    connection = sqlite3.connect(plain)
    try:
        connection.execute(
            "CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, journal_search, 'row')"
        )
        row = connection.execute(
            "SELECT term FROM temp.vocab WHERE doc BETWEEN 2 AND 4 AND length(term) > 6 "
            "ORDER BY term LIMIT 1"
        ).fetchone()
        return str(row[0]) if row else "delegation"
    finally:
        connection.close()


def _in_process(path: Path, secret: str | None, label: str, rare: str) -> list[Row]:
    from mentor_desktop.app import build_services
    from mentor_desktop.reports.brief import write_brief
    from mentor_desktop.storage import cipher
    from mentor_desktop.storage.migrate import open_database

    cipher.forget_all()
    if secret is not None:
        cipher.unlock(path, secret)
    engine = open_database(path)
    services = build_services(engine)
    journal = services.journal
    sessions = services.sessions.with_now(datetime.combine(BENCH_TODAY, clock(12)))
    session = sessions.next_session()
    assert session is not None
    out = Path(tempfile.mkdtemp()) / "brief.pdf"
    write_brief(sessions.brief_data(session), out)  # imports Matplotlib once
    rows = [
        Row(
            f"{label}: search, a rare word",
            median_ms(lambda: journal.search(rare, limit=50)),
            target="<= 10 ms",
        ),
        Row(
            f"{label}: search, first page of a common word",
            median_ms(lambda: journal.search("feedback", limit=50)),
            target="<= 50 ms",
        ),
        Row(
            f"{label}: brief PDF in process",
            median_ms(lambda: write_brief(sessions.brief_data(session), out), repeat=8),
            target="<= 300 ms",
        ),
    ]
    engine.dispose()
    return rows


def main() -> None:
    from mentor_desktop.storage import cipher

    plain = demo_db(YEARS)
    encrypted, recovery, took = _encrypted_copy(plain)
    start = time.perf_counter()
    cipher.derive_key(PASSPHRASE, b"\0" * 16)
    derive_ms = (time.perf_counter() - start) * 1000
    open_plain = median_ms(lambda: _open(plain, None), repeat=10)
    open_passphrase = median_ms(lambda: _open(encrypted, PASSPHRASE), repeat=10)
    open_recovery = median_ms(lambda: _open(encrypted, recovery), repeat=10)
    rows = [
        Row("deriving the key from a passphrase (scrypt, once per start)", derive_ms),
        Row(f"{YEARS} years: open + first read, plain", open_plain),
        Row(
            f"{YEARS} years: open + first read, encrypted, passphrase",
            open_passphrase,
            target=f"+{open_passphrase - open_plain:,.0f} ms (<= +200 ms)",
        ),
        Row(
            f"{YEARS} years: open + first read, encrypted, recovery key",
            open_recovery,
            target=f"+{open_recovery - open_plain:,.0f} ms",
        ),
    ]
    from mentor_desktop.storage.encryption import pages_problems

    rows.append(
        Row(
            f"{YEARS} years: whole check of the encrypted file (in the background)",
            median_ms(lambda: pages_problems(encrypted), repeat=3),
        )
    )
    if not took:
        scratch = CACHE / "scratch-privacy.sqlite3"
        for leftover in CACHE.glob(scratch.name + "*"):
            leftover.unlink()
        shutil.copyfile(plain, scratch)
        from mentor_desktop.services.privacy import PrivacyService

        start = time.perf_counter()
        PrivacyService(scratch).encrypt(PASSPHRASE, PASSPHRASE)
        took = time.perf_counter() - start
    rows.append(Row(f"{YEARS} years: encrypting (copy, check, replace)", took * 1000))
    rare = _rare_word(plain)
    rows += _in_process(plain, None, "plain", rare)
    rows += _in_process(encrypted, PASSPHRASE, "encrypted", rare)
    env = {"MENTOR_DESKTOP_PASSPHRASE": PASSPHRASE}
    search = ["-m", "mentor_desktop", "search", "feedback", "--limit", "20"]
    rows += [
        Row(
            "`mentor-desktop search` process, plain",
            process_ms(python_cmd(search[0], search[1], "--db", str(plain), *search[2:])),
        ),
        Row(
            "`mentor-desktop search` process, encrypted (passphrase)",
            process_ms(
                python_cmd(search[0], search[1], "--db", str(encrypted), *search[2:]), env=env
            ),
        ),
    ]
    print_table("Privacy: plain vs encrypted 10-year demo", rows)


if __name__ == "__main__":
    main()
