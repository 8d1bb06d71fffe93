"""Growth: opening the Growth tab, saving a debrief, the skills chart, and the brief, on the
10-year demo with its growth data.

Targets (issue 12): Growth tab open <= 100 ms, a debrief save <= 50 ms, skills chart data
<= 30 ms and a draw <= 200 ms, the brief still <= 300 ms in process and one page.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from tests.benchmarks.common import (
    BENCH_TODAY,
    Row,
    demo_db,
    median_ms,
    print_table,
    scratch_copy,
)


def _figures(years: int) -> list[Row]:
    from PySide6.QtWidgets import QApplication

    from mentor_desktop.app import build_services
    from mentor_desktop.storage.migrate import open_database
    from mentor_desktop.ui.bus import ChangeBus
    from mentor_desktop.ui.dialogs import Dialogs

    app = QApplication.instance() or QApplication([])
    engine = open_database(scratch_copy(demo_db(years), "growth"))
    services = build_services(engine)
    growth = services.growth
    counts = growth.counts()
    rows: list[Row] = []

    # As in the app: the tab's modules are imported after start-up (the warm-up), so the
    # first visit builds the three pages and reads their rows.
    start = time.perf_counter()
    from mentor_desktop.ui.growth.tab import GrowthTab

    imported = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    tab = GrowthTab(growth, ChangeBus(), Dialogs(), today=lambda: BENCH_TODAY)
    tab.resize(1280, 660)
    tab.show()
    app.processEvents()
    first = (time.perf_counter() - start) * 1000
    label = (
        f"{years} years ({counts['practice']} practice, {counts['skill']} skills, "
        f"{counts['opportunity']} opportunities)"
    )
    rows.append(Row(f"{years} years: import the Growth tab's modules (warm-up)", imported))
    rows.append(Row(f"{label}: first visit", first, target="<= 100 ms"))

    def reopen() -> None:
        again = GrowthTab(growth, ChangeBus(), Dialogs(), today=lambda: BENCH_TODAY)
        again.resize(1280, 660)
        again.show()
        app.processEvents()
        again.close()
        again.deleteLater()

    rows.append(
        Row(f"{years} years: open the Growth tab again", median_ms(reopen), target="<= 100 ms")
    )
    done = next(p for p in growth.practice.list_practice() if p.status.is_finished)
    texts = iter(range(10_000))

    def save_debrief() -> None:
        growth.practice.save_text(done.id, "lessons", f"A lesson, take {next(texts)}")

    rows.append(
        Row(f"{years} years: save a debrief answer", median_ms(save_debrief), target="<= 50 ms")
    )
    rows.append(
        Row(
            f"{years} years: skills chart data",
            median_ms(growth.skills_chart_data),
            target="<= 30 ms",
        )
    )
    from mentor_desktop.charts.base import render_png
    from mentor_desktop.charts.catalog import draw_chart

    data = growth.skills_chart_data()
    draw_chart("skills", data)  # imports Matplotlib once

    def draw() -> None:
        render_png(draw_chart("skills", data), dpi=100)

    rows.append(
        Row(
            f"{years} years: skills chart drawn (PNG, 100 dpi)",
            median_ms(draw, repeat=10),
            target="<= 200 ms",
        )
    )
    rows += _brief_rows(services, years)
    tab.close()
    engine.dispose()
    return rows


def _brief_rows(services, years: int) -> list[Row]:
    from mentor_desktop.reports.brief import write_brief

    sessions = services.sessions
    session = sessions.next_session()
    if session is None:
        return [Row(f"{years} years: no next session for the brief", 0.0)]
    out = Path(tempfile.mkdtemp()) / "brief.pdf"
    pages = write_brief(sessions.brief_data(session), out)
    ms = median_ms(lambda: write_brief(sessions.brief_data(session), out), repeat=10)
    return [
        Row(
            f"{years} years: brief PDF in process ({pages} page{'s' if pages != 1 else ''})",
            ms,
            target="<= 300 ms, 1 page",
        ),
    ]


def main() -> None:
    print_table("Growth (medians)", _figures(10))


if __name__ == "__main__":
    main()
