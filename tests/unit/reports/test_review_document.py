"""The review pack checked as a document: headline numbers and milestone titles in the text,
the two charts as images, a sensible page count, and an empty range that says so."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from datetime import date
from pathlib import Path

import pytest

from mentor_desktop.reports.pipeline import PageSize
from mentor_desktop.reports.review import review_html, write_review
from mentor_desktop.services.timeline import TimelineService
from mentor_desktop.storage.migrate import open_database
from mentor_desktop.storage.uow import unit_of_work_factory
from tests.factories import TODAY, write_demo_db

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="needs poppler-utils (pdftotext, pdfimages)"
)


@pytest.fixture(autouse=True)
def _qt_application(qapp):
    """The report pipeline needs a Qt application; use pytest-qt's, as every test here does."""
    return qapp


def run(*args: str) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def pages(pdf: Path) -> int:
    line = next(x for x in run("pdfinfo", str(pdf)).splitlines() if x.startswith("Pages:"))
    return int(line.split()[1])


def text_of(pdf: Path) -> str:
    """The PDF's text with ligatures (ﬂ) unfolded and white space collapsed."""
    return " ".join(unicodedata.normalize("NFKC", run("pdftotext", str(pdf), "-")).split())


@pytest.fixture(scope="module")
def timeline(tmp_path_factory: pytest.TempPathFactory):
    path = write_demo_db(tmp_path_factory.mktemp("demo") / "demo.sqlite3", years=2)
    engine = open_database(path)
    yield TimelineService(unit_of_work_factory(engine), today=lambda: TODAY)
    engine.dispose()


def test_review_pack_has_numbers_milestones_charts_and_reflection(timeline, tmp_path) -> None:
    data = timeline.review_data(reflection="I learned to plan in ranges.")
    assert data.completed and data.slips and data.feedback
    pdf = tmp_path / "review.pdf"
    count = write_review(data, pdf, PageSize.A4)
    assert count == pages(pdf)
    assert 2 <= count <= 8
    text = text_of(pdf)
    h = data.headline
    # The numbers row, then the labels row (pdftotext reads the table row by row).
    assert (
        f"In numbers {h.milestones_completed} {h.milestones_on_time} of "
        f"{h.milestones_completed} {h.goals_achieved} {h.sessions_held} "
        f"{h.commitments_kept} of {h.commitments_due} milestones completed completed on time "
        "goals achieved mentoring sessions held commitments kept on time"
    ) in text
    for milestone in data.completed:
        assert " ".join(milestone.title.split()) in text
    assert data.slips[0].subject.split()[0] in text
    assert "I learned to plan in ranges." in text
    positions = [text.index(h) for h in ("In numbers", "Milestones completed", "What slipped",
                                         "Feedback received", "Closing reflection")]  # fmt: skip
    assert positions == sorted(positions)
    assert re.search(rf"Page 1 of {count}", text)
    images = [line for line in run("pdfimages", "-list", str(pdf)).splitlines()[2:] if line]
    assert len(images) == 2  # the progress chart and the burn-up
    assert all(int(line.split()[3]) > 600 for line in images)  # width in pixels


def test_review_pack_of_an_empty_range_says_there_is_nothing(timeline, tmp_path) -> None:
    data = timeline.review_data(date(2001, 1, 1), date(2001, 6, 30))
    pdf = tmp_path / "empty.pdf"
    count = write_review(data, pdf, PageSize.LETTER)
    assert count <= 3
    text = text_of(pdf)
    assert "There is nothing recorded between 1 Jan 2001 and 30 Jun 2001" in text
    assert "No milestone was completed in this period." in text
    assert "No closing reflection was written." in text


def test_text_is_escaped(timeline) -> None:
    html = review_html(timeline.review_data(reflection="<b>bold</b> & more"))
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; more" in html


def test_review_pack_of_a_past_period_says_when_the_goals_stood(timeline) -> None:
    past = " ".join(review_html(timeline.review_data(date(2026, 1, 1), date(2026, 3, 31))).split())
    assert "As they stood on 31 Mar 2026, the end of this period" in past
    now = review_html(timeline.review_data())
    assert "As they stood on" not in now


def test_goals_past_their_target_are_marked_overdue_never_on_track(timeline) -> None:
    data = timeline.with_today(date(2028, 1, 1)).review_data()  # after every target date
    late = [g for g in data.goals.goals if g.overdue_days]
    assert late
    html = review_html(data)
    for goal in late:
        assert f"Overdue by {goal.overdue_days} day" in html
    assert all(g.pace_text != "On track" for g in late)


def test_the_first_page_names_the_person_and_their_role(timeline, tmp_path) -> None:
    from dataclasses import replace

    from mentor_desktop.domain.profile import Profile

    data = replace(timeline.review_data(), profile=Profile("Zoë Ångström", "Staff engineer"))
    pdf = tmp_path / "review.pdf"
    write_review(data, pdf, PageSize.A4)
    first_page = " ".join(run("pdftotext", "-l", "1", str(pdf), "-").split())
    assert "Review pack Zoë Ångström, Staff engineer" in first_page
