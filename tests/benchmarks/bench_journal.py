"""Journal benchmark: search, opening the tab, scrolling the list, saving while typing.

`python -m tests.benchmarks journal` measures a 10-year demo journal (~3,650 entries).
`python -m tests.benchmarks.bench_journal --large` (or MENTOR_BENCH_LARGE=1) also generates
a ~50,000-entry journal (137 years of demo data, cached) and prints the same figures with
their ratio to the 10-year ones.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tests.benchmarks.common import Row, demo_db, median_ms, print_table, scratch_copy

LARGE_YEARS = 137  # ~50,000 entries
QUERIES = 20


@dataclass
class Figures:
    entries: int
    rare_ms: float
    common_ms: float
    prefix_ms: float
    tab_open_ms: float
    scroll_ms: float
    save_ms: float
    save_large_ms: float


def _pick_words(path: Path) -> tuple[list[str], list[str], int]:
    """20 words found in ~3 entries and the 20 words found in the most entries."""
    connection = sqlite3.connect(path)
    try:
        connection.execute(
            "CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, journal_search, 'row')"
        )
        rare = [
            term
            for (term,) in connection.execute(
                "SELECT term FROM temp.vocab WHERE doc BETWEEN 2 AND 4 AND length(term) > 6 "
                "ORDER BY term LIMIT ?",
                (QUERIES,),
            )
        ]
        common = [
            term
            for (term,) in connection.execute(
                "SELECT term FROM temp.vocab ORDER BY doc DESC LIMIT ?", (QUERIES,)
            )
        ]
        entries = connection.execute("SELECT count(*) FROM journal_entry").fetchone()[0]
    finally:
        connection.close()
    return rare, common, entries


def _median_over(queries: list[str], run: Callable[[str], object], rounds: int = 5) -> float:
    for query in queries:
        run(query)
    samples = []
    for _ in range(rounds):
        for query in queries:
            start = time.perf_counter()
            run(query)
            samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def measure(path: Path) -> Figures:
    from PySide6.QtWidgets import QApplication

    from mentor_desktop.app import open_services
    from mentor_desktop.ui.bus import ChangeBus
    from mentor_desktop.ui.dialogs import Dialogs
    from mentor_desktop.ui.journal.tab import JournalTab

    app = QApplication.instance() or QApplication([])
    rare, common, entries = _pick_words(path)
    engine, services = open_services(path)
    journal = services.journal
    rare_ms = _median_over(rare, lambda q: journal.search(q, limit=50))
    common_ms = _median_over(common, lambda q: journal.search(q, limit=50))
    prefixes = [word[:4] for word in common]
    prefix_ms = _median_over(prefixes, lambda q: journal.search(q, limit=50, as_you_type=True))

    def open_tab() -> None:
        tab = JournalTab(journal, ChangeBus(), Dialogs())
        tab.deleteLater()

    tab_open_ms = median_ms(open_tab, repeat=10)

    tab = JournalTab(journal, ChangeBus(), Dialogs())
    tab.resize(1300, 800)
    tab.show()
    app.processEvents()

    def scroll_all() -> None:
        tab.clear_filters()
        view = tab.view.list_view
        while True:
            view.scrollToBottom()
            app.processEvents()
            if not tab.model.canFetchMore():
                break
        assert tab.model.rowCount() == entries

    scroll_ms = median_ms(scroll_all, repeat=3)
    tab.close()
    tab.deleteLater()
    engine.dispose()

    scratch = scratch_copy(path, "journal-save")
    engine, services = open_services(scratch)
    journal = services.journal
    entry = journal.list_page(limit=1)[0]
    body = journal.get_entry(entry.id).body
    typed = iter(range(10**6))

    def save_typing() -> None:
        journal.save_text(entry.id, entry.title, body + " word" * next(typed))

    save_ms = median_ms(save_typing, repeat=60, warmup=5)
    big = "A long pasted document line.\n" * 36_000  # ~1 MB

    def save_big() -> None:
        # a different body each time, so the index really is rewritten
        journal.save_text(entry.id, "Paste", f"{next(typed)} {big}")

    save_large_ms = median_ms(save_big, repeat=5)
    engine.dispose()
    app.processEvents()
    return Figures(
        entries, rare_ms, common_ms, prefix_ms, tab_open_ms, scroll_ms, save_ms, save_large_ms
    )


def _rows(figures: Figures, base: Figures | None = None) -> list[Row]:
    def target(limit: str, value: float, base_value: float | None) -> str:
        if base_value is None:
            return limit
        return f"{value / base_value:.2f}x the 10-year figure (target <= 2x)"

    b = base
    return [
        Row(
            f"search, word in ~3 entries (median of {QUERIES} queries)",
            figures.rare_ms,
            target=target("target <= 10 ms", figures.rare_ms, b.rare_ms if b else None),
        ),
        Row(
            f"search, word in most entries, first 50 (median of {QUERIES})",
            figures.common_ms,
            target=target("target <= 50 ms", figures.common_ms, b.common_ms if b else None),
        ),
        Row(
            "search as you type, 4-letter prefix, first 50",
            figures.prefix_ms,
            target=target("", figures.prefix_ms, b.prefix_ms if b else None),
        ),
        Row(
            "open the Journal tab (first page, calendar, on this day)",
            figures.tab_open_ms,
            target=target("target <= 100 ms", figures.tab_open_ms, b.tab_open_ms if b else None),
        ),
        Row(
            f"scroll the whole list ({figures.entries:,} entries, pages of 200)",
            figures.scroll_ms,
            target="grows with the list" if b else "",
        ),
        Row(
            "  the same, per page of 200 entries",
            figures.scroll_ms / max(1, figures.entries / 200),
            target=target(
                "",
                figures.scroll_ms / (figures.entries / 200),
                b.scroll_ms / (b.entries / 200) if b else None,
            ),
        ),
        Row(
            "autosave while typing (one entry, WAL, synchronous=FULL)",
            figures.save_ms,
            target=target("", figures.save_ms, b.save_ms if b else None),
        ),
        Row(
            "autosave of a 1 MB pasted body",
            figures.save_large_ms,
            target=target("", figures.save_large_ms, b.save_large_ms if b else None),
        ),
    ]


def _demo_writer_ms() -> float:
    """Time of the journal part of `demo --years 10` (in memory)."""
    import random
    from datetime import timedelta

    from mentor_desktop.demo.context import DemoContext
    from mentor_desktop.demo.goals import write_goals_demo
    from mentor_desktop.demo.journal import write_journal_demo
    from mentor_desktop.storage.migrate import memory_engine
    from mentor_desktop.storage.uow import unit_of_work_factory
    from tests.benchmarks.common import BENCH_TODAY

    engine = memory_engine()
    ctx = DemoContext(
        rng=random.Random(7),
        today=BENCH_TODAY,
        start=BENCH_TODAY - timedelta(days=3652),
        years=10,
    )
    with unit_of_work_factory(engine)() as uow:
        write_goals_demo(uow.session, ctx)
        uow.session.flush()
        start = time.perf_counter()
        write_journal_demo(uow.session, ctx)
        elapsed = (time.perf_counter() - start) * 1000
    engine.dispose()
    return elapsed


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="bench_journal")
    parser.add_argument(
        "--large", action="store_true", help="also measure a generated ~50,000-entry journal"
    )
    args, _unknown = parser.parse_known_args(sys.argv[1:] if argv is None else argv)
    large = args.large or os.environ.get("MENTOR_BENCH_LARGE") == "1"
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    base = measure(demo_db(10))
    rows = _rows(base)
    rows.append(Row("demo journal writer, 10 years (bulk insert + one rebuild)", _demo_writer_ms()))
    print_table(f"Journal, 10-year demo ({base.entries:,} entries)", rows)
    if large:
        figures = measure(demo_db(LARGE_YEARS))
        print_table(f"Journal, large ({figures.entries:,} entries)", _rows(figures, base))


if __name__ == "__main__":
    main()
