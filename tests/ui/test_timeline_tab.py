"""The Timeline tab driven like a user: zoom, scroll, filter, hover, double-click to open,
the charts page and export, and the review pack's period, reflection and PDF."""

from __future__ import annotations

import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from mentor_desktop.domain.models import GoalDraft, GoalKind
from mentor_desktop.domain.timeline import TimelineKind
from mentor_desktop.services.timeline import TimelineService
from mentor_desktop.storage.migrate import memory_engine
from mentor_desktop.storage.uow import unit_of_work_factory
from mentor_desktop.ui.bus import EXTERNAL, ChangeBus, ChangeKind, ItemKind
from mentor_desktop.ui.models.timeline_items import TimelineItemModel
from mentor_desktop.ui.timeline.tab import TimelineTab
from tests.factories import TODAY, write_sample


@pytest.fixture
def ids(engine) -> dict[str, int]:
    return write_sample(engine)


@pytest.fixture
def timeline(engine) -> TimelineService:
    return TimelineService(unit_of_work_factory(engine), today=lambda: TODAY)


def make_tab(qtbot, timeline, dialogs, answers=None, tmp_path=None):
    dialogs.save_answers.extend(tmp_path / name for name in answers or [])
    bus = ChangeBus()
    tab = TimelineTab(timeline, bus, dialogs)
    qtbot.addWidget(tab)
    tab.resize(1000, 600)
    tab.show()
    qtbot.waitExposed(tab)
    return tab, bus


def choose(qtbot, combo, text: str) -> None:
    """Pick `text` with the keyboard: Home, then Down until it is current."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentText() == text:
            break
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == text


def window_days(tab) -> int:
    start, end = tab.model.window
    return (end - start).days + 1


def test_model_passes_the_model_tester_and_follows_window_and_filter(
    qtmodeltester, timeline, ids
) -> None:
    model = TimelineItemModel()
    model.set_items(timeline.timeline_items())
    qtmodeltester.check(model)
    model.set_window(date(2026, 3, 15), date(2026, 4, 15))
    qtmodeltester.check(model)
    shown = {(i.kind, i.id) for i in model.items()}
    assert (TimelineKind.MILESTONE, ids["outline"]) in shown  # slipped from 1 March
    assert (TimelineKind.MILESTONE, ids["submit"]) not in shown
    assert (TimelineKind.SESSION, ids["cancelled"]) in shown
    model.set_filter("personal", None)
    kinds = {(i.kind, i.goal_kind) for i in model.items() if i.kind is not TimelineKind.SESSION}
    assert kinds == {(TimelineKind.GOAL, "personal")}
    row = model.row_of(TimelineKind.GOAL, ids["run"])
    assert model.index(row, 1).data() == "Run a half marathon"
    assert "Personal · Achieved" in model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)


def test_zoom_changes_the_window_and_keeps_today_in_view(qtbot, timeline, dialogs, ids) -> None:
    tab, _bus = make_tab(qtbot, timeline, dialogs)
    assert window_days(tab) == 366
    start, end = tab.model.window
    assert start <= TODAY <= end
    choose(qtbot, tab.view.zoom_combo, "Quarter")
    assert window_days(tab) == 92
    start, end = tab.model.window
    assert start <= TODAY <= end
    assert tab.view.range_label.text() == f"{start.day} {start:%b %Y} – {end.day} {end:%b %Y}"
    choose(qtbot, tab.view.zoom_combo, "All")
    start, end = tab.model.window
    assert start <= date(2025, 9, 1) and end >= date(2026, 12, 31)
    assert not tab.view.time_scrollbar.isEnabled()
    titles = {i.title for i in tab.model.items()}
    assert {"Outline the talk", "Submit the proposal", "Race day"} <= titles


def test_zooming_in_keeps_today_in_view_after_the_last_item(qtbot, engine, dialogs, ids) -> None:
    later = date(2027, 3, 1)  # after every item (the last ends on 31 Dec 2026)
    timeline = TimelineService(unit_of_work_factory(engine), today=lambda: later)
    tab, _bus = make_tab(qtbot, timeline, dialogs)
    for zoom in ("Year", "Quarter", "All", "Quarter"):
        choose(qtbot, tab.view.zoom_combo, zoom)
        start, end = tab.model.window
        assert start <= later <= end, zoom
        if zoom == "Quarter":
            middle = start + (end - start) / 2
            assert abs((middle - later).days) <= 1


def test_a_milestone_due_decades_away_does_not_stretch_all_of_time(
    qtbot, timeline, dialogs, ids, engine
) -> None:
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "UPDATE milestone SET due_date = '2199-01-01' WHERE id = ?", (ids["submit"],)
        )
    tab, _bus = make_tab(qtbot, timeline, dialogs)
    choose(qtbot, tab.view.zoom_combo, "All")
    start, end = tab.model.window
    assert end <= TODAY + timedelta(days=366 * 31)
    assert start <= date(2025, 9, 1)
    assert any(i.title == "Speak at a conference" for i in tab.model.items())


def test_scrolling_moves_the_window(qtbot, timeline, dialogs, ids) -> None:
    tab, _bus = make_tab(qtbot, timeline, dialogs)
    choose(qtbot, tab.view.zoom_combo, "Quarter")
    before = tab.model.window
    tab.view.canvas.setFocus()
    qtbot.keyClick(tab.view.canvas, Qt.Key.Key_Left)
    after = tab.model.window
    assert after[0] < before[0] and window_days(tab) == 92
    tab.view.time_scrollbar.setValue(0)
    first, _ = tab.model.window
    assert first <= date(2025, 9, 1)  # the earliest goal starts inside the first window
    qtbot.mouseClick(tab.view.today_button, Qt.MouseButton.LeftButton)
    start, end = tab.model.window
    assert start <= TODAY <= end


def test_filters_by_goal_kind_and_status(qtbot, timeline, dialogs, ids) -> None:
    tab, _bus = make_tab(qtbot, timeline, dialogs)
    choose(qtbot, tab.view.zoom_combo, "All")
    goals = lambda: {i.title for i in tab.model.items() if i.kind is TimelineKind.GOAL}  # noqa: E731
    assert goals() == {"Speak at a conference", "Run a half marathon"}
    choose(qtbot, tab.view.kind_filter, "Career")
    assert goals() == {"Speak at a conference"}
    milestones = {i.title for i in tab.model.items() if i.kind is TimelineKind.MILESTONE}
    assert milestones == {"Outline the talk", "Submit the proposal"}
    choose(qtbot, tab.view.kind_filter, "All kinds")
    choose(qtbot, tab.view.status_filter, "Achieved")
    assert goals() == {"Run a half marathon"}
    assert tab.view.canvas.lane_count() == 1
    # Sessions stay on the timeline whatever the goal filter.
    assert any(i.kind is TimelineKind.SESSION for i in tab.model.items())


def test_double_click_asks_to_open_the_item_in_its_tab(qtbot, timeline, dialogs, ids) -> None:
    tab, bus = make_tab(qtbot, timeline, dialogs)
    canvas = tab.view.canvas
    for kind, key, item_kind in (
        (TimelineKind.MILESTONE, "submit", ItemKind.MILESTONE),
        (TimelineKind.SESSION, "held", ItemKind.SESSION),
        (TimelineKind.GOAL, "talk", ItemKind.GOAL),
    ):
        if kind is TimelineKind.SESSION:
            choose(qtbot, tab.view.zoom_combo, "All")
        centre = canvas.centre_of(kind, ids[key])
        assert centre is not None
        if kind is TimelineKind.GOAL:  # away from the milestone markers on the bar
            bar = next(
                s.rect for s in canvas.shapes() if s.item.kind is kind and s.item.id == ids[key]
            )
            centre = bar.topLeft() + (bar.bottomLeft() - bar.topLeft()) / 2
            centre.setX(bar.left() + 4)
        with qtbot.waitSignal(bus.open_requested) as signal:
            qtbot.mouseDClick(canvas, Qt.MouseButton.LeftButton, pos=centre.toPoint())
        assert signal.args == [item_kind, ids[key]]


def test_keyboard_chooses_an_item_and_enter_opens_it(qtbot, timeline, dialogs, ids) -> None:
    tab, bus = make_tab(qtbot, timeline, dialogs)
    choose(qtbot, tab.view.zoom_combo, "All")
    canvas = tab.view.canvas
    canvas.setFocus()
    messages: list[str] = []
    tab.status_message.connect(messages.append)
    qtbot.keyClick(canvas, Qt.Key.Key_Down)
    first = canvas.current_item()
    assert first is not None and first.kind is TimelineKind.SESSION  # the top lane
    assert messages[-1].startswith("Session: Session")
    for _ in range(3):  # the other three sessions, then the first goal's bar
        qtbot.keyClick(canvas, Qt.Key.Key_Down)
    assert canvas.current_item().kind is TimelineKind.SESSION
    qtbot.keyClick(canvas, Qt.Key.Key_Down)
    chosen = canvas.current_item()
    assert chosen is not None and chosen.kind is TimelineKind.GOAL
    assert chosen.title == "Speak at a conference"
    assert canvas.accessibleDescription().startswith("Goal: Speak at a conference")
    with qtbot.waitSignal(bus.open_requested) as signal:
        qtbot.keyClick(canvas, Qt.Key.Key_Return)
    assert signal.args == [ItemKind.GOAL, ids["talk"]]


def test_hover_shows_the_details_of_a_slipped_milestone(qtbot, timeline, dialogs, ids) -> None:
    tab, _bus = make_tab(qtbot, timeline, dialogs)
    canvas = tab.view.canvas
    point = canvas.centre_of(TimelineKind.MILESTONE, ids["outline"]).toPoint()
    event = QHelpEvent(QEvent.Type.ToolTip, point, canvas.mapToGlobal(point))
    QApplication.sendEvent(canvas, event)
    qtbot.waitUntil(QToolTip.isVisible)
    text = QToolTip.text()
    assert "Milestone: Outline the talk" in text
    assert "First planned for 1 Mar 2026 (+50 days)" in text
    assert "Done 25 Apr 2026" in text
    QToolTip.hideText()


def test_hover_on_an_overdue_goal_says_by_how_many_days(qtbot, services, dialogs, timeline) -> None:
    today = date.today()  # the tab counts overdue days from the real today
    late = services.goals.create_goal(
        GoalDraft(
            "Ship the migration",
            GoalKind.CAREER,
            start_date=today - timedelta(days=100),
            target_date=today - timedelta(days=20),
        )
    )
    tab, _bus = make_tab(qtbot, timeline, dialogs)
    choose(qtbot, tab.view.zoom_combo, "All")
    canvas = tab.view.canvas
    point = canvas.centre_of(TimelineKind.GOAL, late.id).toPoint()
    QApplication.sendEvent(
        canvas, QHelpEvent(QEvent.Type.ToolTip, point, canvas.mapToGlobal(point))
    )
    qtbot.waitUntil(QToolTip.isVisible)
    assert "Goal: Ship the migration" in QToolTip.text()
    assert "Overdue by 20 days" in QToolTip.text()
    QToolTip.hideText()


def test_the_window_opens_a_goal_double_clicked_on_the_timeline(
    qtbot, services, dialogs, app_settings, db_path, ids
) -> None:
    from mentor_desktop.ui.main_window import MainWindow, build_tabs

    window = MainWindow(app_settings, dialogs, db_path)
    qtbot.addWidget(window)
    for tab in build_tabs(services, window.change_bus, dialogs, app_settings):
        window.add_tab(tab)
    assert [t.title for t in window.tab_pages()][-1] == "Timeline"
    names = [a.objectName() for a in window.file_menu.actions()]
    assert "action_preview_review" in names and "action_save_review" in names
    assert not window.tab_pages()[-1].is_built  # the tab is built when first shown
    window.show()
    window.tabs.setCurrentIndex(3)
    timeline_tab = window.tab_named("Timeline")
    choose(qtbot, timeline_tab.view.zoom_combo, "All")
    canvas = timeline_tab.view.canvas
    point = canvas.centre_of(TimelineKind.MILESTONE, ids["race"]).toPoint()
    qtbot.mouseDClick(canvas, Qt.MouseButton.LeftButton, pos=point)
    assert window.tabs.currentIndex() == 0
    goals_tab = window.tab_named("Goals")
    assert goals_tab.current_item().title == "Race day"
    assert goals_tab.current_goal().title == "Run a half marathon"


def test_charts_page_draws_the_chosen_chart_and_exports_it(
    qtbot, timeline, dialogs, ids, tmp_path
) -> None:
    tab, bus = make_tab(
        qtbot, timeline, dialogs, answers=["burnup.svg", "rhythm.png", "x.jpg"], tmp_path=tmp_path
    )
    assert tab.chart_canvas() is None  # nothing is drawn until the page is shown
    tab.view.pages.setCurrentWidget(tab.view.charts_page)
    canvas = tab.chart_canvas()
    assert canvas is not None and canvas.accessibleName() == "Milestone burn-up"
    assert canvas.figure.axes[0].get_title(loc="left") == "Milestone burn-up"
    choose(qtbot, tab.view.chart_combo, "Journal rhythm")
    assert tab.chart_canvas() is not canvas
    assert tab.chart_canvas().figure.axes[0].get_title(loc="left").startswith("Journal rhythm")
    choose(qtbot, tab.view.chart_combo, "Milestone burn-up")
    qtbot.mouseClick(tab.view.export_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "burnup.svg").read_text().lstrip().startswith("<?xml")
    choose(qtbot, tab.view.chart_combo, "Journal rhythm")
    qtbot.mouseClick(tab.view.export_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "rhythm.png").read_bytes().startswith(b"\x89PNG")
    qtbot.mouseClick(tab.view.export_button, Qt.MouseButton.LeftButton)
    assert not (tmp_path / "x.jpg").exists()
    assert "use a file name ending in .png, .svg, .pdf" in dialogs.errors[-1]
    assert {kind for _title, kind, _name in dialogs.save_requests} == {"chart"}
    # A change elsewhere redraws the chart on screen.
    shown = tab.chart_canvas()
    bus.announce(ChangeKind.JOURNAL, EXTERNAL)
    assert tab.chart_canvas() is not shown


def test_dark_palette_reaches_the_chart(qtbot, timeline, dialogs, ids) -> None:
    from mentor_desktop.ui.theme import dark_palette

    tab, _bus = make_tab(qtbot, timeline, dialogs)
    tab.view.pages.setCurrentWidget(tab.view.charts_page)
    light = tab.chart_canvas().figure.get_facecolor()[:3]
    tab.setPalette(dark_palette())  # what switching to the dark theme does to every widget
    qtbot.waitUntil(
        lambda: (
            tab.chart_canvas().figure.get_facecolor()[:3]
            == pytest.approx((0x2B / 255, 0x2D / 255, 0x30 / 255))
        )
    )
    assert light != tab.chart_canvas().figure.get_facecolor()[:3]


def test_review_pack_period_reflection_and_pdf(qtbot, timeline, dialogs, ids, tmp_path) -> None:
    tab, _bus = make_tab(qtbot, timeline, dialogs, ["pack.pdf"], tmp_path)
    v = tab.view
    tab.view.pages.setCurrentWidget(v.review_page)
    assert v.review_from.date().toPython() == date(2025, 12, 15)
    assert v.review_to.date().toPython() == TODAY
    v.review_from.setDate(v.review_to.date().addDays(1))
    assert v.range_error.isVisible() and "is after the last" in v.range_error.text()
    assert not v.save_button.isEnabled()
    v.review_from.setDate(v.review_to.date().addMonths(-6))
    assert not v.range_error.isVisible() and v.save_button.isEnabled()
    v.reflection.setFocus()
    qtbot.keyClicks(v.reflection, "I learned to plan in ranges.")
    qtbot.waitUntil(lambda: timeline.reflection() == "I learned to plan in ranges.")
    messages: list[str] = []
    tab.status_message.connect(messages.append)
    qtbot.mouseClick(v.save_button, Qt.MouseButton.LeftButton)
    assert messages == ["Preparing the review pack…"]
    assert not v.save_button.isEnabled()  # while the charts are drawn off the GUI thread
    qtbot.waitUntil(lambda: len(messages) == 2, timeout=20_000)
    assert messages[1].startswith(f"Saved the review pack to {tmp_path / 'pack.pdf'}")
    assert (tmp_path / "pack.pdf").read_bytes().startswith(b"%PDF")
    assert v.save_button.isEnabled()
    assert [kind for _title, kind, _name in dialogs.save_requests] == ["review pack"]
    qtbot.mouseClick(v.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.preview is not None and tab.preview.isVisible(), timeout=20_000)
    assert "Review pack" in tab.preview.windowTitle()
    tab.preview.close()
    again, _ = make_tab(qtbot, timeline, dialogs)
    assert again.view.reflection.toPlainText() == "I learned to plan in ranges."
    other = TimelineService(unit_of_work_factory(memory_engine()), today=lambda: TODAY)
    third, _ = make_tab(qtbot, other, dialogs)
    assert third.view.reflection.toPlainText() == ""  # another database has its own


def test_reflection_is_saved_on_flush_refused_when_too_long_and_reloaded(
    qtbot, timeline, dialogs, engine
) -> None:
    from mentor_desktop.services.timeline import MAX_REFLECTION

    tab, bus = make_tab(qtbot, timeline, dialogs)
    v = tab.view
    v.pages.setCurrentWidget(v.review_page)
    v.reflection.setFocus()
    qtbot.keyClicks(v.reflection, "Closing words")
    assert tab.flush()  # the window closing saves at once, without waiting for the timer
    assert timeline.reflection() == "Closing words"
    # a pasted transcript: lines of words (one endless word would only test Qt's line layout)
    v.reflection.setPlainText(("a line of pasted words\n" * 50_000)[: MAX_REFLECTION + 1])
    assert not tab.flush()
    assert v.reflection_error.isVisible() and "keep it to 1,000,000" in v.reflection_error.text()
    assert timeline.reflection() == "Closing words"
    assert tab.unsaved_work().startswith("Timeline: the closing reflection (The reflection is")
    assert len(v.reflection.toPlainText()) == MAX_REFLECTION + 1  # still there to shorten
    v.reflection.setPlainText("Shorter")
    assert tab.flush() and not v.reflection_error.isVisible() and tab.unsaved_work() == ""
    with engine.begin() as connection:  # a restore or an import replaced the data
        connection.exec_driver_sql("UPDATE review_reflection SET text = 'From the backup'")
    bus.announce(ChangeKind.DATA_REPLACED, EXTERNAL)
    assert v.reflection.toPlainText() == "From the backup"
    assert tab.flush() and timeline.reflection() == "From the backup"


def test_the_tab_reloads_when_goals_change(qtbot, timeline, dialogs, ids, engine) -> None:
    tab, bus = make_tab(qtbot, timeline, dialogs)
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "UPDATE milestone SET due_date = ? WHERE id = ?",
            ((TODAY + timedelta(days=3)).isoformat(), ids["submit"]),
        )
    bus.announce(ChangeKind.GOALS, EXTERNAL)
    item = next(
        i for i in tab.model.items() if i.id == ids["submit"] and i.kind.value == "milestone"
    )
    assert item.start == TODAY + timedelta(days=3)


def test_constructing_the_tab_does_not_import_matplotlib(tmp_path: Path, db_path) -> None:
    import subprocess

    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from mentor_desktop.app import open_services\n"
        "from mentor_desktop.ui.bus import ChangeBus\n"
        "from mentor_desktop.ui.dialogs import Dialogs\n"
        "from mentor_desktop.ui.timeline.tab import TimelineTab\n"
        "app = QApplication([])\n"
        f"engine, services = open_services(Path({str(db_path)!r}))\n"
        "tab = TimelineTab(services.timeline, ChangeBus(), Dialogs())\n"
        "tab.show(); app.processEvents()\n"
        "print('matplotlib' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_zoom_page_and_chart_are_remembered(qtbot, timeline, dialogs, ids, app_settings) -> None:
    tab, _bus = make_tab(qtbot, timeline, dialogs)
    choose(qtbot, tab.view.zoom_combo, "Quarter")
    choose(qtbot, tab.view.chart_combo, "Follow-through")
    tab.view.pages.setCurrentWidget(tab.view.charts_page)
    tab.save_state(app_settings)
    again, _ = make_tab(qtbot, timeline, dialogs)
    again.restore_state(app_settings)
    assert again.view.zoom_combo.currentText() == "Quarter" and window_days(again) == 92
    assert again.view.pages.currentWidget() is again.view.charts_page
    assert again.chart_canvas().accessibleName() == "Follow-through"


def test_print_sends_the_review_pack_to_the_chosen_printer(
    qtbot, timeline, dialogs, ids, tmp_path, monkeypatch
) -> None:
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QDialog

    import mentor_desktop.ui.report_jobs as tab_module

    class PrintToFile:
        """The print dialog, answered with "Print" to a PDF file."""

        def __init__(self, printer: QPrinter, _parent) -> None:
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(tmp_path / "printed.pdf"))

        def exec(self) -> QDialog.DialogCode:
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr(tab_module, "QPrintDialog", PrintToFile)
    tab, _bus = make_tab(qtbot, timeline, dialogs)
    messages: list[str] = []
    tab.status_message.connect(messages.append)
    assert tab.print_document()
    qtbot.waitUntil(  # the job loads Matplotlib first, as the brief's does
        lambda: any(m.startswith("Printed the review pack") for m in messages), timeout=20_000
    )
    assert (tmp_path / "printed.pdf").read_bytes().startswith(b"%PDF")
    tab.hide()  # another tab is current: File > Print looks elsewhere
    assert not tab.print_document()


def test_a_goal_without_dates_shows_its_dated_milestones(qtbot, timeline, dialogs, ids, engine):
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO milestone (goal_id, title, due_date, notes, position, created_at, "
            "updated_at) VALUES (?, 'Pick a date', '2026-06-01', '', 0, '2026-01-01', "
            "'2026-01-01')",
            (ids["undated"],),
        )
    tab, _bus = make_tab(qtbot, timeline, dialogs)
    items = tab.model.items()
    assert not [i for i in items if i.kind is TimelineKind.GOAL and i.id == ids["undated"]]
    (milestone,) = [i for i in items if i.title == "Pick a date"]
    assert milestone.detail == "Someday"
    assert tab.view.canvas.lane_count() == 3
    tab.view.canvas.grab()  # paints the lane without a bar


def test_chart_and_review_pack_on_a_full_disk_say_so(
    qtbot, timeline, dialogs, ids, full_disk
) -> None:
    tab, _bus = make_tab(
        qtbot, timeline, dialogs, answers=["burnup.png", "review.pdf"], tmp_path=full_disk.root
    )
    (full_disk.root / "burnup.png").write_bytes(b"older chart")
    full_disk.fill()
    tab.view.pages.setCurrentWidget(tab.view.charts_page)
    qtbot.mouseClick(tab.view.export_button, Qt.MouseButton.LeftButton)
    assert "burnup.png: the disk is full. The earlier file there was kept" in dialogs.errors[0]
    assert (full_disk.root / "burnup.png").read_bytes() == b"older chart"
    tab.save_review_pdf()
    qtbot.waitUntil(lambda: len(dialogs.errors) == 2, timeout=20_000)
    assert dialogs.errors[1].endswith("review.pdf: the disk is full. Nothing was written.")
    assert sorted(p.name for p in full_disk.root.iterdir()) == [".filler", "burnup.png"]


def test_a_change_to_some_sessions_reads_only_those_again(
    qtbot, timeline, dialogs, ids, engine
) -> None:
    tab, bus = make_tab(qtbot, timeline, dialogs)
    with engine.begin() as connection:
        (cancelled,) = connection.exec_driver_sql(
            "SELECT id FROM session WHERE status = 'cancelled'"
        ).one()
        connection.exec_driver_sql("UPDATE session SET status = 'done' WHERE id = ?", (cancelled,))
        # not announced: a change the tab is not told about stays unseen
        connection.exec_driver_sql("UPDATE goal SET title = 'Renamed' WHERE id = ?", (ids["talk"],))
    bus.announce(ChangeKind.SESSIONS, EXTERNAL, ids=(cancelled,))
    items = tab.model.items()
    (session,) = [i for i in items if i.kind is TimelineKind.SESSION and i.id == cancelled]
    assert session.status == "done" and session.done
    assert "Renamed" not in [i.title for i in items]
    # the tab's own announcements (it makes none today) would be ignored
    bus.announce(ChangeKind.GOALS, tab)
    assert "Renamed" not in [i.title for i in tab.model.items()]
    bus.announce(ChangeKind.GOALS, EXTERNAL)
    assert "Renamed" in [i.title for i in tab.model.items()]
