"""Timeline: chart data, drawing each chart, the first chart with the Matplotlib import, the
timeline's first paint and a zoom, and the review pack, on the 10-year demo database."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from tests.benchmarks.common import (
    BENCH_TODAY,
    Row,
    demo_db,
    median_ms,
    print_table,
    process_ms,
    python_cmd,
)

CHARTS = ("burnup", "progress", "follow-through", "rhythm")

FIRST_CHART = """
import sys, time
from pathlib import Path
from datetime import date
from mentor_desktop.app import open_services
engine, services = open_services(Path(sys.argv[1]))
data = services.timeline.with_today(date.fromisoformat(sys.argv[2])).chart_data("burnup")
start = time.perf_counter()
from matplotlib.backends.backend_agg import FigureCanvasAgg
from mentor_desktop.charts.catalog import draw_chart
FigureCanvasAgg(draw_chart("burnup", data)).draw()
print((time.perf_counter() - start) * 1000)
"""


def _first_chart_ms(db: Path, repeat: int = 3) -> float:
    samples = []
    for _ in range(repeat):
        done = subprocess.run(
            python_cmd("-c", FIRST_CHART, str(db), BENCH_TODAY.isoformat()),
            capture_output=True,
            text=True,
            check=True,
        )
        samples.append(float(done.stdout.strip().splitlines()[-1]))
    return sorted(samples)[len(samples) // 2]


def main() -> None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from PySide6.QtWidgets import QApplication

    from mentor_desktop.app import build_services
    from mentor_desktop.charts.catalog import draw_chart
    from mentor_desktop.reports.pipeline import write_pdf
    from mentor_desktop.reports.review import review_report
    from mentor_desktop.storage.migrate import open_database
    from mentor_desktop.ui.bus import ChangeBus
    from mentor_desktop.ui.dialogs import Dialogs
    from mentor_desktop.ui.timeline.tab import TimelineTab

    db = demo_db(10)
    app = QApplication.instance() or QApplication([])
    engine = open_database(db)
    timeline = build_services(engine).timeline.with_today(BENCH_TODAY)
    rows: list[Row] = []
    for name in CHARTS:
        loaded = median_ms(lambda n=name: timeline.chart_data(n))
        rows.append(Row(f"chart data: {name}", loaded, "ms", "<= 30 ms"))
    for name in CHARTS:
        data = timeline.chart_data(name)
        rows.append(
            Row(
                f"draw (Matplotlib imported): {name}",
                median_ms(lambda n=name, d=data: FigureCanvasAgg(draw_chart(n, d)).draw(), 5),
                "ms",
                "<= 200 ms",
            )
        )
    rows.append(Row("first chart incl. Matplotlib import (fresh process)", _first_chart_ms(db)))

    def first_paint() -> None:
        tab = TimelineTab(timeline, ChangeBus(), Dialogs())
        tab.resize(1100, 700)
        tab.show()
        tab.view.canvas.repaint()
        tab.close()
        tab.deleteLater()

    painted = median_ms(first_paint, 10)
    rows.append(Row("timeline tab: build + first paint", painted, "ms", "<= 100 ms"))
    tab = TimelineTab(timeline, ChangeBus(), Dialogs())
    tab.resize(1100, 700)
    tab.show()
    app.processEvents()
    zooms = iter(["all", "quarter", "year"] * 100)

    def zoom() -> None:
        tab.set_zoom(next(zooms))
        tab.view.canvas.repaint()

    rows.append(Row("timeline: zoom + repaint", median_ms(zoom, 30), "ms", "<= 100 ms"))
    tab.set_zoom("all")
    rows.append(Row("timeline: repaint of all ten years", median_ms(tab.view.canvas.repaint, 30)))
    tab.close()

    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "review.pdf"

        def review() -> None:
            write_pdf(review_report(timeline.review_data()), target)

        in_process = median_ms(review, 5)
        rows.append(
            Row("review pack PDF in process (charts imported)", in_process, "ms", "<= 1000 ms")
        )
        command = python_cmd("-m", "mentor_desktop", "--db", str(db), "report", "-o", str(target))
        rows.append(Row("review pack: whole `mentor-desktop report` command", process_ms(command)))
    engine.dispose()
    print_table("Timeline, charts and review pack (10-year demo, medians)", rows)


if __name__ == "__main__":
    sys.exit(main())
