"""A title with bidi controls cannot pretend to be something else on paper or in a chart."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import update

from mentor_desktop.reports.pipeline import PageSize
from mentor_desktop.reports.review import write_review
from mentor_desktop.services.timeline import TimelineService
from mentor_desktop.storage.migrate import open_database
from mentor_desktop.storage.orm import GoalRow
from mentor_desktop.storage.uow import unit_of_work_factory
from tests.factories import TODAY, write_demo_db

TRICK = "Report\u202efdp.exe"
SHOWN = "Report\u2039RLO\u203afdp.exe"


@pytest.fixture
def timeline(tmp_path: Path):
    engine = open_database(write_demo_db(tmp_path / "demo.sqlite3", years=1))
    with unit_of_work_factory(engine)() as uow:
        uow.session.execute(update(GoalRow).values(title=TRICK))
    yield TimelineService(unit_of_work_factory(engine), today=lambda: TODAY)
    engine.dispose()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_the_review_pack_shows_the_marker(qapp, timeline, tmp_path: Path) -> None:
    data = timeline.review_data(reflection=f"About {TRICK}.")
    pdf = tmp_path / "review.pdf"
    write_review(data, pdf, PageSize.A4)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert SHOWN in text and f"About {SHOWN}." in text
    assert "\u202e" not in text


def test_chart_labels_show_the_marker(timeline) -> None:
    from mentor_desktop.charts.base import PRINT_PALETTE
    from mentor_desktop.charts.catalog import draw_chart

    figure = draw_chart("progress", timeline.chart_data("progress"), PRINT_PALETTE, 160, 90)
    labels = [label.get_text() for axes in figure.axes for label in axes.get_yticklabels()]
    assert labels and all("\u202e" not in label for label in labels)
    assert any("\u2039RLO\u203a" in label for label in labels)
