"""Goals: reading every goal tree and refilling the Goals tab, at 10 years and at 10x that."""

from __future__ import annotations

from datetime import date

from tests.benchmarks.common import BENCH_TODAY, Row, demo_db, median_ms, print_table


def _figures(years: int) -> list[Row]:
    from PySide6.QtWidgets import QApplication

    from mentor_desktop.app import build_services
    from mentor_desktop.storage.migrate import open_database
    from mentor_desktop.ui.bus import ChangeBus
    from mentor_desktop.ui.dialogs import Dialogs
    from mentor_desktop.ui.goals.tab import GoalsTab

    app = QApplication.instance() or QApplication([])
    engine = open_database(demo_db(years))
    goals = build_services(engine).goals
    count = len(goals.list_goals())
    tab = GoalsTab(goals, ChangeBus(), Dialogs(), today=lambda: date(2026, 11, 26))
    tab.resize(1100, 700)
    tab.show()
    app.processEvents()
    rows = [
        Row(f"{years} years ({count} goals): read all goal trees", median_ms(goals.list_goals)),
        Row(f"{years} years: refill the Goals tab (model + expanded rows)", median_ms(tab.reload)),
    ]
    tab.close()
    engine.dispose()
    return rows


def main() -> None:
    assert BENCH_TODAY.year == 2026
    print_table("Goals (median of 20)", _figures(10) + _figures(100))


if __name__ == "__main__":
    main()
