"""The brief of the 10-year demo on both papers: one page each, the notes area taking the room
left, and its mini chart telling the burn-up's story (planned vs done, the axis from zero)."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from mentor_desktop.reports.brief import brief_report
from mentor_desktop.reports.pipeline import PageSize, page_count
from mentor_desktop.services.sessions import SessionService
from mentor_desktop.services.timeline import TimelineService
from mentor_desktop.storage.migrate import open_database
from mentor_desktop.storage.uow import unit_of_work_factory
from tests.factories import TODAY, write_demo_db

#: Two days of the demo: one with the next session's agenda written, one (the benchmarks')
#: where it is still empty and the brief lists suggestions instead.
DAYS = (TODAY, date(2026, 11, 26))


@pytest.fixture(scope="module", params=DAYS, ids=str)
def demo(request, tmp_path_factory: pytest.TempPathFactory):
    day = request.param
    path = write_demo_db(tmp_path_factory.mktemp("demo") / "demo.sqlite3", years=10, today=day)
    engine = open_database(path)
    uow = unit_of_work_factory(engine)
    sessions = SessionService(uow).with_now(datetime.combine(day, time(9)))
    yield sessions, TimelineService(uow, today=lambda: day), day
    engine.dispose()


@pytest.fixture(scope="module")
def brief(demo):
    sessions, _timeline, _day = demo
    session = sessions.next_session()
    assert session is not None
    return sessions.brief_data(session)


@pytest.mark.parametrize("paper", list(PageSize))
def test_the_demo_brief_is_one_page_on_a4_and_on_letter_with_room_for_notes(
    qapp, brief, paper: PageSize
) -> None:
    report = brief_report(brief, paper)
    assert page_count(report, paper) == 1
    assert report.html.count('class="ruled"') >= 3  # the growth sections leave room to write
    assert "Practice in progress" in report.html and "Opportunity deadlines" in report.html


def test_the_mini_chart_counts_what_the_burnup_counts(demo, brief) -> None:
    _sessions, timeline, day = demo
    burnup = timeline.burnup()
    now = max((p for p in burnup.points if p.day <= day), key=lambda p: p.day)
    last = brief.milestone_points[-1]
    assert (last.due, last.done) == (now.planned, now.done)
    assert last.due > last.done  # the demo has slipped milestones: the gap shows
    assert len(brief.milestone_points) == 12
    months = [p.month for p in brief.milestone_points]
    assert months == sorted(months) and len(set(months)) == 12


def test_the_mini_chart_axis_starts_at_zero_and_its_legend_gives_the_numbers(brief) -> None:
    from mentor_desktop.charts.progress import milestone_progress_figure

    figure = milestone_progress_figure(brief.milestone_points)
    (axes,) = figure.axes
    bottom, top = axes.get_ylim()
    assert bottom == 0 and top >= brief.milestone_points[-1].due
    labels = [t.get_text() for t in axes.get_legend().get_texts()]
    last = brief.milestone_points[-1]
    assert labels == [f"Planned {last.due}", f"Done {last.done}"]
