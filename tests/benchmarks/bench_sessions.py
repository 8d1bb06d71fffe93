"""Sessions: agenda suggestions, the brief PDF in process, and `mentor-desktop brief` as a process.

Targets (issue 4): suggestions <= 50 ms, brief <= 300 ms in process once Matplotlib is
imported, <= 2 s for the whole command.
"""

from __future__ import annotations

import tempfile
import time
from datetime import datetime
from datetime import time as clock
from pathlib import Path

from tests.benchmarks.common import (
    BENCH_TODAY,
    Row,
    demo_db,
    median_ms,
    print_table,
    process_ms,
    python_cmd,
    scratch_copy,
)


def _service(years: int):
    from sqlalchemy import func, select

    from mentor_desktop.services.sessions import SessionService
    from mentor_desktop.storage.migrate import open_database
    from mentor_desktop.storage.orm import SessionRow
    from mentor_desktop.storage.uow import unit_of_work_factory

    path = demo_db(years)
    engine = open_database(path)
    uow = unit_of_work_factory(engine)
    with uow() as work:
        if not work.session.scalar(select(func.count()).select_from(SessionRow)):
            raise SystemExit(
                f"{path} was written before the demo had sessions; delete it and run again."
            )
    service = SessionService(uow).with_now(datetime.combine(BENCH_TODAY, clock(12)))
    return engine, service, path


def _figures(years: int, with_brief: bool) -> list[Row]:
    engine, service, path = _service(years)
    session = service.next_session()
    assert session is not None
    suggestions = service.suggestions(session)
    rows = [
        Row(
            f"{years} years: agenda suggestions ({len(suggestions)} found)",
            median_ms(lambda: service.suggestions(session)),
            target="<= 50 ms",
        ),
        Row(
            f"{years} years: brief data (goals, agenda, commitments)",
            median_ms(lambda: service.brief_data(session)),
        ),
    ]
    if with_brief:
        from mentor_desktop.reports.brief import write_brief
        from mentor_desktop.reports.pipeline import ensure_gui_application

        ensure_gui_application()
        out = Path(tempfile.mkdtemp()) / "brief.pdf"
        start = time.perf_counter()
        write_brief(service.brief_data(session), out)  # imports Matplotlib
        first = (time.perf_counter() - start) * 1000
        rows.append(Row(f"{years} years: first brief PDF (imports Matplotlib)", first))
        rows.append(
            Row(
                f"{years} years: brief PDF in process, Matplotlib loaded",
                median_ms(lambda: write_brief(service.brief_data(session), out), repeat=10),
                target="<= 300 ms",
            )
        )
        scratch = scratch_copy(path, "sessions-brief")
        rows.append(
            Row(
                f"{years} years: `mentor-desktop brief` whole process",
                process_ms(
                    python_cmd(
                        "-m", "mentor_desktop", "--db", str(scratch), "brief", "-o", str(out)
                    )
                ),
                target="<= 2,000 ms",
            )
        )
    engine.dispose()
    return rows


def main() -> None:
    print_table(
        "Sessions (median of 20; PDF median of 10; process median of 5)",
        _figures(10, True) + _figures(100, False),
    )


if __name__ == "__main__":
    main()
