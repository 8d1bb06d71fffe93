"""Reminders while the app runs: the controller, the tray icon, Preferences > Reminders, start
at login, and closing to the tray. The rules themselves: tests/unit/domain/test_reminders.py."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import pytest
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QSystemTrayIcon

from mentor_desktop.app import build_services
from mentor_desktop.desktop_entry import autostart_entry
from mentor_desktop.domain.cadence import CadenceRule
from mentor_desktop.domain.reminders import (
    DueAction,
    ReminderData,
    ReminderKind,
    ReminderPreferences,
)
from mentor_desktop.domain.sessions import ActionItemDraft, AgreementDraft, MentorDraft
from mentor_desktop.services.reminders import ReminderService
from mentor_desktop.ui.bus import ChangeBus, ItemKind
from mentor_desktop.ui.main_window import MainWindow, build_tabs
from mentor_desktop.ui.preferences.dialog import PreferencesDialog
from mentor_desktop.ui.preferences.reminders import RemindersPage
from mentor_desktop.ui.tray.icon import TrayIcon
from mentor_desktop.ui.tray.reminders import SHOWN_KEY, ReminderController

#: The day before the first session of the agreement below.
DAY_BEFORE = datetime(2026, 12, 7, 10, 0)


class RecordingTray(TrayIcon):
    """A tray that records what it would show, for platforms without a tray."""

    def __init__(self) -> None:
        super().__init__(None)
        self.notified: list = []
        self.tip = ""

    def notify(self, reminder) -> bool:  # type: ignore[override]
        self.notified.append(reminder)
        self._last = reminder
        return True

    def set_tooltip(self, text: str) -> None:
        self.tip = text
        super().set_tooltip(text)


@pytest.fixture
def sessions(services):
    """An agreement meeting every Tuesday at 17:00, from 1 December 2026, and the service at
    10:00 on the Monday before the second session."""
    rule = CadenceRule("Session", "FREQ=WEEKLY;BYDAY=TU", datetime(2026, 12, 1, 17), 60)
    draft = AgreementDraft(mentor=MentorDraft(name="Ada Mentor"), rules=(rule,))
    services.sessions.save_agreement(None, draft)
    return services.sessions.with_now(DAY_BEFORE)


def _controller(qtbot, sessions, app_settings, tray=None):
    bus = ChangeBus()
    tray = tray or RecordingTray()
    shown_window: list[bool] = []
    said: list[str] = []
    controller = ReminderController(
        lambda: ReminderService(sessions),
        app_settings,
        bus,
        tray,
        show_window=lambda: shown_window.append(True),
        say=said.append,
    )
    return controller, bus, tray, shown_window, said


def test_a_check_notifies_what_is_due_once_and_names_the_next_session(
    qtbot, sessions, app_settings
) -> None:
    controller, _bus, tray, _shown, _said = _controller(qtbot, sessions, app_settings)
    with qtbot.waitSignal(controller.checked, timeout=10_000):
        controller.check()
    (prep,) = tray.notified
    assert prep.kind is ReminderKind.SESSION_PREP
    assert prep.title == "Session with Ada Mentor: Tue 08 Dec at 17:00"
    assert prep.body.startswith("Prepare your agenda")
    assert tray.tip == "Mentor Desktop: next session tomorrow at 17:00 with Ada Mentor"
    assert prep.key in app_settings.state_text(SHOWN_KEY)
    with qtbot.waitSignal(controller.checked, timeout=10_000):
        controller.check()  # checked again (a change, the timer): not shown twice
    assert len(tray.notified) == 1
    assert controller.timer.isActive()  # the next look is planned


def test_clicking_a_session_reminder_opens_that_session_stored(
    qtbot, sessions, app_settings, services
) -> None:
    controller, bus, tray, shown_window, _said = _controller(qtbot, sessions, app_settings)
    with qtbot.waitSignal(controller.checked, timeout=10_000):
        controller.check()
    with qtbot.waitSignal(bus.open_requested, timeout=10_000) as opened:
        tray.reminder_clicked.emit(tray.notified[0])
    kind, session_id = opened.args
    assert kind == ItemKind.SESSION and shown_window == [True]
    assert services.sessions.session(session_id).start == datetime(2026, 12, 8, 17)


def test_clicking_an_action_reminder_opens_its_session_with_the_item_selected(
    qtbot, sessions, app_settings, engine, db_path, dialogs
) -> None:
    agreement = sessions.list_agreements()[0]
    first = sessions.store(sessions.list_sessions(agreement.id)[0])
    sessions.add_action(first, ActionItemDraft("Ask about the budget", due_date=date(2026, 12, 9)))
    due = sessions.add_action(first, ActionItemDraft("Send the draft", due_date=DAY_BEFORE.date()))
    window = MainWindow(app_settings, dialogs, db_path)
    for tab in build_tabs(build_services(engine), window.change_bus, dialogs, app_settings):
        window.add_tab(tab)
    qtbot.addWidget(window)
    window.show()
    controller, _bus, tray, shown_window, _said = _controller(qtbot, sessions, app_settings)
    controller._bus = window.change_bus
    with qtbot.waitSignal(controller.checked, timeout=10_000):
        controller.check()
    (action,) = [r for r in tray.notified if r.kind is ReminderKind.ACTION_DUE]
    assert action.body == "Send the draft"
    with qtbot.waitSignal(window.change_bus.open_requested, timeout=10_000) as opened:
        tray.reminder_clicked.emit(action)
    assert opened.args == [ItemKind.ACTION_ITEM, due.id] and shown_window == [True]
    tab = window.tab_named("Session prep")
    assert window.tabs.tabText(window.tabs.currentIndex()) == "Session prep"
    assert tab.current_session().id == first.id
    assert tab.view.pages.tabText(tab.view.pages.currentIndex()) == "After the &session"
    selected = tab.view.actions_view.selectionModel().selectedRows()
    assert [tab.action_items.item_at(i.row()).text for i in selected] == ["Send the draft"]


def test_an_action_done_before_its_reminder_is_clicked_says_so(
    qtbot, sessions, app_settings, engine, db_path, dialogs
) -> None:
    agreement = sessions.list_agreements()[0]
    first = sessions.store(sessions.list_sessions(agreement.id)[0])
    due = sessions.add_action(first, ActionItemDraft("Send the draft", due_date=DAY_BEFORE.date()))
    window = MainWindow(app_settings, dialogs, db_path)
    for tab in build_tabs(build_services(engine), window.change_bus, dialogs, app_settings):
        window.add_tab(tab)
    qtbot.addWidget(window)
    window.show()
    sessions.set_action_done(due.id, True)
    window.change_bus.open_requested.emit(ItemKind.ACTION_ITEM, due.id)
    assert window.statusBar().currentMessage() == "That action item is done or no longer there."


def test_clicking_a_deadline_reminder_opens_the_opportunity_in_growth(
    qtbot, sessions, app_settings, engine, db_path, dialogs, services
) -> None:
    from mentor_desktop.domain.growth.opportunities import OpportunityDraft
    from mentor_desktop.services.reminders import opportunity_deadlines

    services.growth.opportunities.create_opportunity(
        OpportunityDraft("Lead the pilot", deadline=date(2026, 12, 31))
    )
    talk = services.growth.opportunities.create_opportunity(
        OpportunityDraft("Conference talk proposal", deadline=date(2026, 12, 9))
    )
    window = MainWindow(app_settings, dialogs, db_path)
    for tab in build_tabs(build_services(engine), window.change_bus, dialogs, app_settings):
        window.add_tab(tab)
    qtbot.addWidget(window)
    window.show()
    tray = RecordingTray()
    controller = ReminderController(
        lambda: ReminderService(sessions, opportunity_deadlines(services.growth.opportunities)),
        app_settings,
        window.change_bus,
        tray,
        show_window=lambda: None,
        say=lambda _text: None,
    )
    with qtbot.waitSignal(controller.checked, timeout=10_000):
        controller.check()
    (deadline,) = [r for r in tray.notified if r.kind is ReminderKind.OPPORTUNITY_DEADLINE]
    assert (deadline.title, deadline.body) == (
        "Deadline in 3 days, Wed 09 Dec",
        "Conference talk proposal",
    )
    tray.reminder_clicked.emit(deadline)
    assert window.tabs.tabText(window.tabs.currentIndex()) == "Growth"
    growth = window.tab_named("Growth")
    assert growth.current_page() is growth.opportunities
    assert growth.opportunities.current_item().id == talk.id


def test_turned_off_kinds_stay_quiet(qtbot, sessions, app_settings) -> None:
    app_settings.reminders = ReminderPreferences(session_prep=False)
    controller, _bus, tray, _shown, _said = _controller(qtbot, sessions, app_settings)
    with qtbot.waitSignal(controller.checked, timeout=10_000):
        controller.check()
    assert tray.notified == []


def test_locked_notifications_and_tooltip_show_nothing_of_the_data(
    qtbot, sessions, app_settings
) -> None:
    tray = TrayIcon(None)
    controller, *_ = _controller(qtbot, sessions, app_settings, tray)
    controller.set_locked(True)
    assert tray.locked
    if not tray.available:
        assert tray.notify(_a_reminder()) is False  # no tray: nothing, and no error
        return
    tray.set_tooltip("Mentor Desktop: next session tomorrow at 17:00 with Ada Mentor")
    assert tray.tooltip() == "Mentor Desktop (locked)"


def test_the_tray_icon_shows_with_its_menu(qtbot) -> None:
    if not QSystemTrayIcon.isSystemTrayAvailable():  # asked once the QApplication exists
        # tests/e2e/test_tray.py starts a tray of its own and checks the icon there
        pytest.skip("this platform has no system tray (offscreen, or a desktop without one)")
    tray = TrayIcon(None)
    assert tray.available and tray.icon is not None and tray.icon.isVisible()
    names = [action.objectName() for action in tray.menu.actions() if action.objectName()]
    assert names == ["tray_show", "tray_quit"]
    with qtbot.waitSignal(tray.reminder_clicked, timeout=2_000):
        tray.notify(_a_reminder())
        tray.icon.messageClicked.emit()
    tray.hide()


def test_without_a_tray_there_is_no_icon_and_no_error(qtbot, monkeypatch) -> None:
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: False))
    tray = TrayIcon(None)
    assert not tray.available and tray.icon is None
    assert tray.notify(_a_reminder()) is False
    tray.set_tooltip("anything")
    assert tray.tooltip() == ""


def _a_reminder():
    from mentor_desktop.domain.reminders import planned_reminders

    data = ReminderData(actions=(DueAction(1, "Send the draft", DAY_BEFORE.date()),))
    return planned_reminders(data, ReminderPreferences())[0]


# ---------------------------------------------------------------- preferences and login


def _page(qtbot, app_settings, tmp_path: Path, tray: bool = True) -> RemindersPage:
    applied: list[bool] = []
    page = RemindersPage(
        app_settings,
        tray,
        ["/opt/mentor desktop/mentor-desktop"],
        lambda: applied.append(True),
        autostart_file=tmp_path / "autostart" / "mentor.desktop",
    )
    page.applied_calls = applied  # type: ignore[attr-defined]
    dialog = PreferencesDialog()
    dialog.add_page(page)
    qtbot.addWidget(dialog)
    page.held_by = dialog  # type: ignore[attr-defined]  # the dialog lives as long as the page
    return page


def test_reminders_page_saves_each_kind_the_time_and_the_tray_choice(
    qtbot, app_settings, tmp_path
) -> None:
    page = _page(qtbot, app_settings, tmp_path)
    assert page.session_prep.isChecked() and page.action_due.isChecked()
    page.action_due.setChecked(False)
    page.morning.setTime(page.morning.time().addSecs(45 * 60))
    page.deadline_days.setValue(5)
    page.keep_in_tray.setChecked(True)
    assert page.apply()
    prefs = app_settings.reminders
    assert (prefs.session_prep, prefs.action_due, prefs.opportunity_deadline) == (True, False, True)
    assert prefs.morning == time(9, 45) and prefs.deadline_days == 5
    assert app_settings.keep_in_tray
    assert page.applied_calls == [True]  # type: ignore[attr-defined]


def test_without_a_tray_keeping_the_window_in_it_is_not_offered(
    qtbot, app_settings, tmp_path
) -> None:
    app_settings.keep_in_tray = True
    page = _page(qtbot, app_settings, tmp_path, tray=False)
    assert not page.keep_in_tray.isEnabled() and not page.keep_in_tray.isChecked()
    assert "no tray" in page.findChild(type(page.general_error), "hint_keep_in_tray").text()


def test_start_at_login_writes_the_autostart_entry_and_removes_it(
    qtbot, app_settings, tmp_path
) -> None:
    entry = tmp_path / "autostart" / "mentor.desktop"
    page = _page(qtbot, app_settings, tmp_path)
    assert not page.autostart.isChecked()
    page.autostart.setChecked(True)
    assert page.apply()
    text = entry.read_text()
    assert text == autostart_entry(["/opt/mentor desktop/mentor-desktop"])
    assert 'Exec="/opt/mentor desktop/mentor-desktop"' in text
    reopened = _page(qtbot, app_settings, tmp_path)
    assert reopened.autostart.isChecked()
    reopened.autostart.setChecked(False)
    assert reopened.apply()
    assert not entry.exists()


def test_an_autostart_folder_that_cannot_be_written_keeps_the_page_open(
    qtbot, app_settings, tmp_path
) -> None:
    (tmp_path / "autostart").write_text("a file where the folder should be")
    page = _page(qtbot, app_settings, tmp_path)
    page.autostart.setChecked(True)
    page.session_prep.setChecked(False)
    assert not page.apply()
    assert "could not be written" in page.error_text("autostart")
    assert app_settings.reminders.session_prep  # nothing saved


# ---------------------------------------------------------------- closing to the tray


def test_closing_hides_in_the_tray_only_when_chosen(qtbot, app_settings, dialogs, db_path):
    window = MainWindow(app_settings, dialogs, db_path)
    qtbot.addWidget(window)
    window.show()
    window.keep_in_tray = lambda: True
    # a close from the window's button is spontaneous; File > Quit is not
    from_the_button = _spontaneous()
    window.closeEvent(from_the_button)
    assert not from_the_button.isAccepted() and not window.isVisible()
    window.show()
    assert window.close()  # File > Quit, the tray's Quit: closes for real
    assert not window.isVisible()


def _spontaneous() -> QCloseEvent:
    class Spontaneous(QCloseEvent):
        def spontaneous(self) -> bool:  # type: ignore[override]
            return True

    return Spontaneous()
