"""The review pack laid out as a person reads it: no heading ends a page, feedback in labelled
fields, wins under a heading per goal."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator, Mapping
from dataclasses import replace
from datetime import date

import pytest

from mentor_desktop.domain.timeline import Evidence, FeedbackLine
from mentor_desktop.reports.pipeline import PageSize, Report, laid_out
from mentor_desktop.reports.review import (
    MAX_WINS,
    NO_GOAL,
    review_html,
    review_report,
    write_review,
)
from mentor_desktop.services.timeline import TimelineService
from mentor_desktop.storage.migrate import open_database
from mentor_desktop.storage.uow import unit_of_work_factory
from tests.factories import TODAY, write_demo_db


@pytest.fixture(autouse=True)
def _qt_application(qapp):
    return qapp


@pytest.fixture(scope="module")
def timeline(tmp_path_factory: pytest.TempPathFactory):
    path = write_demo_db(tmp_path_factory.mktemp("demo") / "demo.sqlite3", years=3)
    engine = open_database(path)
    yield TimelineService(unit_of_work_factory(engine), today=lambda: TODAY)
    engine.dispose()


def stranded_headings(report: Report, paper: PageSize) -> list[str]:
    """Headings whose text is on one page and whose first line of content on the next."""
    document = laid_out(report, paper)
    page = document.pageSize().height()
    layout = document.documentLayout()
    stranded = []
    block = document.begin()
    while block.isValid():
        following = block.next()
        if block.blockFormat().headingLevel() and following.isValid():
            heading = layout.blockBoundingRect(block)
            after = layout.blockBoundingRect(following)
            first = following.layout().lineAt(0) if following.layout().lineCount() else None
            content_bottom = after.top() + (first.y() + first.height() if first else 1)
            if int(heading.top() // page) != int((content_bottom - 0.5) // page):
                stranded.append(block.text())
        block = following
    return stranded


@pytest.mark.parametrize("filler", range(0, 60, 3))
def test_a_heading_never_ends_a_page(filler: int) -> None:
    lines = "".join(f"<p>Line {i} of what came before.</p>" for i in range(52 + filler // 3))
    html = f"<html><body>{lines}<h2>Goals</h2><p>What follows the heading.</p></body></html>"
    report = Report("Headings", html)
    assert stranded_headings(report, PageSize.A4) == []


def test_no_heading_of_the_demo_review_pack_ends_a_page(timeline) -> None:
    report = review_report(timeline.review_data(date(2025, 1, 1), TODAY))
    for paper in PageSize:
        assert stranded_headings(report, paper) == []


def test_feedback_is_printed_as_labelled_fields(timeline) -> None:
    data = timeline.review_data()
    line = FeedbackLine(date(2026, 5, 5), "Team demo", "Rushed the ending", "", "Practised twice")
    html = review_html(replace(data, feedback=(line,)))
    assert "Session of 5 May 2026" in html
    for label, value in (
        ("Situation", "Team demo"),
        ("Behaviour", "Rushed the ending"),
        ("Impact", "not recorded"),
        ("What I did with it", "Practised twice"),
    ):
        assert f'<td class="field" width="20%">{label}</td><td>' in html
        row = html.split(f">{label}</td><td>", 1)[1]
        assert value in row.split("</td>", 1)[0]


def test_wins_are_grouped_under_their_goal_and_unlinked_ones_last(timeline) -> None:
    data = timeline.review_data(date(2025, 1, 1), TODAY)
    goals = {w.goal for w in data.wins}
    assert "" in goals and len(goals - {""}) >= 2  # the demo links some wins to goals
    wins = (
        Evidence(date(2026, 1, 2), "Shipped the plan", "win", "Lead a team"),
        Evidence(date(2026, 1, 3), "Slept well", "win", ""),
        Evidence(date(2026, 1, 4), "Hired a lead", "win", "Lead a team"),
        Evidence(date(2026, 1, 5), "First talk", "win", "Speak in public"),
    )
    html = review_html(replace(data, wins=wins))
    lead = html.index("Lead a team <span")
    talk = html.index("Speak in public <span")
    loose = html.index(NO_GOAL)
    assert lead < talk < loose  # most wins first, the unlinked ones last
    assert "(2 wins)" in html and html.count("(1 win)") == 2
    assert lead < html.index("Shipped the plan") < html.index("Hired a lead") < talk
    assert loose < html.index("Slept well")
    many = tuple(Evidence(date(2026, 2, 1), f"Win {i}", "win", "") for i in range(MAX_WINS + 3))
    assert "… and 3 earlier wins in the journal." in review_html(replace(data, wins=many))


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_moving_headings_loses_nothing_at_the_end(timeline, tmp_path) -> None:
    data = timeline.review_data(reflection="The last words of the pack.")
    pdf = tmp_path / "review.pdf"
    count = write_review(data, pdf, PageSize.A4)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert f"Page {count} of {count}" in text
    assert text.index("Wins") < text.index("Closing reflection")
    assert "The last words of the pack." in text


class ImagesRecorded(Mapping[str, bytes]):
    """The charts, noting when the document first looks at them."""

    def __init__(self, images: Mapping[str, bytes], seen: list[str]) -> None:
        self._images, self._seen = images, seen

    def __getitem__(self, name: str) -> bytes:
        self._seen.append("images")
        return self._images[name]

    def __iter__(self) -> Iterator[str]:
        self._seen.append("images")
        return iter(self._images)

    def __len__(self) -> int:
        return len(self._images)


def test_the_pages_are_laid_out_before_the_charts_are_needed(timeline, tmp_path, monkeypatch):
    """A command lays the review pack out while its charts are still being drawn elsewhere:
    the layout never reads the images, painting does, and they are in the PDF."""
    from mentor_desktop.reports import pipeline

    data = timeline.review_data(date(2025, 1, 1), TODAY)
    drawn = review_report(data).images
    seen: list[str] = []
    paginate = pipeline.keep_headings_with_next
    monkeypatch.setattr(
        pipeline, "keep_headings_with_next", lambda doc: seen.append("layout") or paginate(doc)
    )
    assert laid_out(review_report(data, ImagesRecorded(drawn, seen)), PageSize.A4)
    assert seen == ["layout"]
    pdf = tmp_path / "review.pdf"
    write_review(data, pdf, PageSize.A4, ImagesRecorded(drawn, seen))
    assert seen[1:3] == ["layout", "images"]
    if shutil.which("pdfimages"):
        listed = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True)
        rows = [line.split() for line in listed.stdout.splitlines()[2:]]
        assert len(rows) == len(drawn)
        assert [row[8] for row in rows] == ["image"] * len(drawn)  # lossless, never JPEG
