"""The brief checked as a document: pages, embedded fonts, text in order, the chart as an image,
a long agenda flowing onto more pages with a visible continuation; and the .ics export."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from icalendar import Calendar

from mentor_desktop.domain.cadence import CadenceRule
from mentor_desktop.domain.models import GoalDraft, MilestoneDraft
from mentor_desktop.domain.sessions import (
    ActionItemDraft,
    ActionOwner,
    AgendaItem,
    AgendaKind,
    AgendaSource,
    SessionStatus,
)
from mentor_desktop.reports.brief import brief_html, write_brief
from mentor_desktop.reports.calendar import sessions_calendar
from mentor_desktop.reports.pipeline import MARGIN_MM, PageSize
from mentor_desktop.services.goals import GoalService
from mentor_desktop.services.sessions import SessionService
from mentor_desktop.storage.uow import unit_of_work_factory
from tests.factories import NOW, agreement_draft

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="needs poppler-utils (pdftotext, pdffonts, …)"
)
MONTHLY = CadenceRule("Session", "FREQ=MONTHLY;BYDAY=1TU", datetime(2026, 1, 6, 17), 60)
CHECK_IN = CadenceRule("Check-in", "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", datetime(2026, 1, 9, 9), 15)


@pytest.fixture(autouse=True)
def _qt_application(qapp):
    """The report pipeline needs a Qt application; use pytest-qt's, as every test here does."""
    return qapp


def run(*args: str) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def visible_text(pdf: Path, count: int) -> str:
    """The text inside each page's margins, page after page. Qt also writes the last line
    above a page's top edge into the PDF when its paragraph runs on (clipped away, so never
    seen); cropping to the margins reads what a person sees."""
    width, height = 612, 792  # Letter, in points
    margin = round(MARGIN_MM / 25.4 * 72) - 2
    return "".join(
        run(
            "pdftotext",
            "-f",
            str(page),
            "-l",
            str(page),
            "-x",
            "0",
            "-y",
            str(margin),
            "-W",
            str(width),
            "-H",
            str(height - 2 * margin),
            str(pdf),
            "-",
        )
        for page in range(1, count + 1)
    )


def pages(pdf: Path) -> int:
    line = next(x for x in run("pdfinfo", str(pdf)).splitlines() if x.startswith("Pages:"))
    return int(line.split()[1])


@pytest.fixture
def service(engine) -> SessionService:
    return SessionService(unit_of_work_factory(engine)).with_now(NOW)


@pytest.fixture
def prepared(service: SessionService, engine):
    goals = GoalService(unit_of_work_factory(engine))
    goal = goals.create_goal(GoalDraft("Lead the platform team", target_date=date(2026, 12, 1)))
    done = goals.add_milestone(goal.id, MilestoneDraft("Write the plan", date(2026, 1, 15)))
    goals.set_milestone_done(done.id, date(2026, 1, 20))
    goals.add_milestone(goal.id, MilestoneDraft("Hire a lead", date(2026, 3, 1)))
    agreement = service.save_agreement(None, agreement_draft(rules=(MONTHLY,)))
    session = service.store(service.next_session(agreement.id))
    for text, kind in (
        ("Promotion timeline and evidence", AgendaKind.TOPIC),
        ("Delegating on-call", AgendaKind.TOPIC),
        ("How did you learn to say no?", AgendaKind.QUESTION),
        ("Réunion à Zürich — naïve façade", AgendaKind.TOPIC),
    ):
        service.add_agenda_item(session, text, kind)
    service.add_action(
        session, ActionItemDraft("Send the migration proposal", due_date=date(2026, 4, 20))
    )
    service.add_action(
        session, ActionItemDraft("Introduce me to Priya", ActionOwner.MENTOR, date(2026, 4, 30))
    )
    service.update_texts(session.id, personal_update="Ran my first 10 km. Σ Ελληνικά, Кириллица.")
    return service.brief_data(service.session(session.id))


def test_brief_html_escapes_user_text(prepared) -> None:
    data = replace(
        prepared,
        agenda=(
            AgendaItem(
                1, 1, 0, AgendaKind.TOPIC, "<b>bold</b> & co", AgendaSource.OWN, None, None, False
            ),
        ),
    )
    html = brief_html(data)
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; co" in html and "<b>bold</b>" not in html


def test_brief_and_review_share_one_way_of_writing_user_text(prepared) -> None:
    from mentor_desktop.reports import brief, markup, review

    assert markup.text_html("<i>a</i> & b\nnext") == "&lt;i&gt;a&lt;/i&gt; &amp; b<br/>next"
    assert markup.empty_note("No <wins>.") == '<p class="muted">No &lt;wins&gt;.</p>'
    html = brief_html(replace(prepared, personal_update="Line <1>\nLine 2", wins=()))
    assert "<p>Line &lt;1&gt;<br/>Line 2</p>" in html
    assert markup.empty_note("No wins recorded since the last session.") in html
    for module in (brief, review):  # no private copies left to drift apart
        assert getattr(module, "_text", markup.text_html) is markup.text_html
        assert getattr(module, "_empty", markup.empty_note) is markup.empty_note


@needs_poppler
def test_normal_brief_is_one_page_with_embedded_fonts_text_and_chart(prepared, tmp_path) -> None:
    pdf = tmp_path / "brief.pdf"
    assert write_brief(prepared, pdf, PageSize.A4) == 1
    info = run("pdfinfo", str(pdf))
    assert pages(pdf) == 1 and "(A4)" in info
    fonts = run("pdffonts", str(pdf)).splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts)
    text = run("pdftotext", "-layout", str(pdf), "-")
    assert "Zoë Ångström" in text and "Principal engineer, Fjord AB" in text
    assert "Tue, 7 Apr 2026 17:00" in text
    order = [
        text.index("Promotion timeline and evidence"),
        text.index("Delegating on-call"),
        text.index("Réunion à Zürich — naïve façade"),
    ]
    assert order == sorted(order)
    assert text.index("How did you learn to say no?") > text.index("Questions for my mentor")
    assert "Send the migration proposal" in text and "20 Apr 2026" in text
    assert "Introduce me to Priya" in text and "Mentor" in text
    assert "Ελληνικά, Кириллица" in text
    images = run("pdfimages", "-list", str(pdf)).splitlines()[2:]
    assert len(images) == 1 and int(images[0].split()[3]) >= 600  # the chart, at print resolution
    png = tmp_path / "page"
    run("pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", str(pdf), str(png))
    assert (tmp_path / "page-1.png").stat().st_size > 5_000


@needs_poppler
def test_long_agenda_flows_onto_more_pages_and_nothing_is_cut(prepared, tmp_path) -> None:
    long_title = " ".join(f"word{i}" for i in range(300))  # about 2,000 characters
    items = [
        AgendaItem(
            i,
            1,
            i,
            AgendaKind.TOPIC,
            f"Agenda item number {i}",
            AgendaSource.OWN,
            None,
            None,
            False,
        )
        for i in range(200)
    ]
    items.append(
        AgendaItem(999, 1, 200, AgendaKind.TOPIC, long_title, AgendaSource.OWN, None, None, False)
    )
    agenda = tuple(items)
    pdf = tmp_path / "long.pdf"
    count = write_brief(replace(prepared, agenda=agenda), pdf, PageSize.LETTER)
    assert count == pages(pdf) and count >= 2
    assert "(letter)" in run("pdfinfo", str(pdf))
    text = visible_text(pdf, count)
    assert "Continued on page 2" in text and f"Page {count} of {count}" in text
    numbers = [int(n) for n in re.findall(r"Agenda item number (\d+)", text)]
    assert numbers == list(range(200))
    words = [w for w in text.split() if w.startswith("word")]
    assert words == [f"word{i}" for i in range(300)]


def test_calendar_export_has_rules_exceptions_and_ad_hoc_events(service: SessionService) -> None:
    agreement = service.save_agreement(None, agreement_draft(rules=(MONTHLY, CHECK_IN)))
    upcoming = [
        s for s in service.list_sessions(agreement.id) if s.label == "Session" and s.start >= NOW
    ]
    service.set_status(upcoming[0], SessionStatus.CANCELLED)
    service.move_session(upcoming[1], datetime(2026, 5, 7, 18))
    service.set_status(upcoming[3], SessionStatus.CANCELLED)
    service.add_session(agreement.id, datetime(2026, 3, 20, 12), 30, "Lunch")
    data = sessions_calendar(service.calendar_data(), NOW)
    calendar = Calendar.from_ical(data)
    events = [c for c in calendar.walk("VEVENT")]
    by_summary = {}
    for event in events:
        by_summary.setdefault(str(event["SUMMARY"]), []).append(event)
    (series,) = by_summary["Session with Zoë Ångström"]
    assert series["RRULE"].to_ical() == b"FREQ=MONTHLY;BYDAY=1TU"
    # the next occurrence (7 April) is cancelled: the series starts at the one after it
    assert series.decoded("DTSTART") == datetime(2026, 5, 5, 17)
    assert _exdates(series) == [upcoming[3].start]
    (moved,) = by_summary["Session with Zoë Ångström (moved)"]
    assert moved.decoded("RECURRENCE-ID") == datetime(2026, 5, 5, 17)
    assert moved.decoded("DTSTART") == datetime(2026, 5, 7, 18)
    assert moved["UID"] == series["UID"]
    (check_in,) = by_summary["Check-in with Zoë Ångström"]
    assert check_in.decoded("DURATION").total_seconds() == 15 * 60
    (lunch,) = by_summary["Lunch with Zoë Ångström"]
    assert lunch.decoded("DTSTART") == datetime(2026, 3, 20, 12) and "RRULE" not in lunch


def _exdates(event) -> list[datetime]:
    if "EXDATE" not in event:
        return []
    value = event["EXDATE"]
    return [d.dt for e in (value if isinstance(value, list) else [value]) for d in e.dts]


def test_calendar_keeps_a_session_moved_off_a_past_occurrence(service: SessionService) -> None:
    agreement = service.save_agreement(None, agreement_draft(rules=(CHECK_IN,)))
    listed = service.list_sessions(agreement.id)
    (missed,) = [s for s in listed if s.start == datetime(2026, 3, 6, 9)]  # before NOW
    moved = service.move_session(missed, datetime(2026, 3, 12, 11))
    (following,) = [s for s in listed if s.start == datetime(2026, 3, 20, 9)]
    service.set_status(following, SessionStatus.CANCELLED)
    calendar = Calendar.from_ical(sessions_calendar(service.calendar_data(), NOW))
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    single = events[f"session-{moved.id}@mentor-desktop.invalid"]
    assert single.decoded("DTSTART") == datetime(2026, 3, 12, 11) and "RRULE" not in single
    assert "RECURRENCE-ID" not in single and "(moved)" in str(single["SUMMARY"])
    series = events[f"rule-{agreement.rules[0].id}@mentor-desktop.invalid"]
    # the cancelled 20 March is not the series' first date: it starts at the next one kept
    assert series.decoded("DTSTART") == datetime(2026, 4, 3, 9)
    assert series.decoded("DTSTART") not in _exdates(series)


def test_calendar_keeps_wall_clock_times_across_a_daylight_saving_change(
    engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    from dateutil.rrule import rrulestr

    # Europe/Berlin moves its clocks forward on Sunday 29 March 2026: 17:00 stays 17:00.
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    try:
        now = datetime(2026, 3, 20, 9)
        service = SessionService(unit_of_work_factory(engine)).with_now(now)
        weekly = CadenceRule("Session", "FREQ=WEEKLY;BYDAY=TU", datetime(2026, 3, 3, 17), 60)
        agreement = service.save_agreement(None, agreement_draft(rules=(weekly,)))
        after_change = [
            s for s in service.list_sessions(agreement.id) if s.start == datetime(2026, 4, 7, 17)
        ]
        service.move_session(after_change[0], datetime(2026, 4, 8, 17, 30))
        data = sessions_calendar(service.calendar_data(), now)
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
    assert b"TZID" not in data and b"DTSTART:20260324T170000\r\n" in data  # floating time
    calendar = Calendar.from_ical(data)
    (series,) = [e for e in calendar.walk("VEVENT") if "RRULE" in e]
    start = series.decoded("DTSTART")
    assert start == datetime(2026, 3, 24, 17) and start.tzinfo is None
    expanded = rrulestr(series["RRULE"].to_ical().decode(), dtstart=start)
    assert expanded.between(datetime(2026, 3, 20), datetime(2026, 4, 15)) == [
        datetime(2026, 3, 24, 17),
        datetime(2026, 3, 31, 17),
        datetime(2026, 4, 7, 17),
        datetime(2026, 4, 14, 17),
    ]
    (moved,) = [e for e in calendar.walk("VEVENT") if "RECURRENCE-ID" in e]
    assert moved.decoded("RECURRENCE-ID") == datetime(2026, 4, 7, 17)
    assert moved.decoded("DTSTART") == datetime(2026, 4, 8, 17, 30)


def test_paper_follows_the_locale() -> None:
    from PySide6.QtCore import QLocale

    from mentor_desktop.reports.pipeline import locale_page_size

    assert locale_page_size(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)) is (
        PageSize.LETTER
    )
    assert (
        locale_page_size(QLocale(QLocale.Language.German, QLocale.Country.Germany)) is PageSize.A4
    )
    assert locale_page_size(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)) is (
        PageSize.A4
    )


@needs_poppler
def test_an_unprepared_session_shows_suggestions(service: SessionService, tmp_path) -> None:
    agreement = service.save_agreement(None, agreement_draft(rules=(MONTHLY,)))
    upcoming = service.next_session(agreement.id)
    service.add_action(
        service.store(upcoming), ActionItemDraft("Book the offsite", due_date=date(2026, 4, 7))
    )
    data = service.brief_data(upcoming)
    assert data.agenda == () and [s.text for s in data.suggested] == ["Book the offsite"]
    pdf = tmp_path / "empty.pdf"
    write_brief(data, pdf, PageSize.A4)
    text = run("pdftotext", str(pdf), "-")
    assert "Nothing on the agenda yet; suggested:" in text and "Book the offsite" in text


def test_a_commitment_made_again_is_listed_once_and_notes_take_the_free_space(prepared) -> None:
    again = replace(prepared.commitments[0], id=99, due_date=date(2026, 5, 20))
    data = replace(prepared, commitments=(*prepared.commitments, again), milestone_points=())
    html = brief_html(data)
    assert html.count("Send the migration proposal") == 1
    assert "2 open" in html
    assert "Notes during the session" in html and html.count('class="ruled"') == 9
    assert "chart:milestones" not in html  # no milestones: a line of text, not an empty chart
    assert "The milestone chart appears once your goals have dated milestones." in html


def test_the_brief_names_whose_it_is(prepared) -> None:
    from mentor_desktop.domain.profile import Profile

    html = brief_html(replace(prepared, profile=Profile("Ada Lovelace", "Analyst")))
    assert "<b>Ada Lovelace, Analyst</b> with <b>" in html
    assert "With <b>" in brief_html(prepared)  # no profile yet: just the mentor
