"""Peak memory after visiting every tab (and every page of the Timeline tab), in a fresh process."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.benchmarks.common import Row, demo_db, print_table

VISIT_SCRIPT = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from mentor_desktop.app import open_services
from mentor_desktop.settings import AppSettings
from mentor_desktop.ui.dialogs import Dialogs
from mentor_desktop.ui.main_window import MainWindow, build_tabs

app = QApplication([])
db = Path(sys.argv[1])
_engine, services = open_services(db)
settings = AppSettings(Path(sys.argv[2]))
window = MainWindow(settings, Dialogs(), db)
for tab in build_tabs(services, window.change_bus, window.dialogs, settings):
    window.add_tab(tab)
window.resize(1280, 800)
window.show()
for index in range(window.tabs.count()):
    window.tabs.setCurrentIndex(index)
    app.processEvents()
timeline = window.tab_named("Timeline")
for page in range(timeline.view.pages.count()):
    timeline.view.pages.setCurrentIndex(page)
    for _ in range(20):
        app.processEvents()
status = open("/proc/self/status").read().splitlines()
print(next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")) / 1024)
"""


def _peak_mb(years: int) -> float:
    settings = demo_db(years).with_suffix(".memory-settings.ini")
    done = subprocess.run(
        [sys.executable, "-c", VISIT_SCRIPT, str(demo_db(years)), str(settings)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    return float(done.stdout.strip().splitlines()[-1])


def main() -> None:
    print_table(
        "Memory (peak RSS of a fresh process)",
        [
            Row("10 years: after visiting every tab and page", _peak_mb(10), "MB", "<= 250 MB"),
            Row("100 years: after visiting every tab and page", _peak_mb(100), "MB", "<= 2x"),
        ],
    )


if __name__ == "__main__":
    main()
