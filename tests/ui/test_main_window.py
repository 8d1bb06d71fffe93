"""The main window: title, menus, undo routed to the current tab, remembered geometry, themes."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from mentor_desktop.app import build_services
from mentor_desktop.domain.models import GoalDraft, GoalStatus
from mentor_desktop.settings import AppSettings, Theme
from mentor_desktop.ui.main_window import MainWindow, build_tabs
from mentor_desktop.ui.theme import is_dark


def _window(qtbot, engine, db_path: Path, settings: AppSettings, dialogs) -> MainWindow:
    window = MainWindow(settings, dialogs, db_path)
    for tab in build_tabs(build_services(engine), window.change_bus, dialogs, settings):
        window.add_tab(tab)
    window.restore_state()
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def window(qtbot, engine, db_path, app_settings, dialogs) -> MainWindow:
    return _window(qtbot, engine, db_path, app_settings, dialogs)


def test_title_tabs_and_menus(window: MainWindow) -> None:
    # the desktop appends the application's name; the title itself names the file once
    assert window.windowTitle() == window.db_path.name
    assert window.tabs.tabText(0) == "Goals"
    menus = [action.text().replace("&", "") for action in window.menuBar().actions()]
    assert menus[:2] == ["File", "Edit"]
    assert menus[-2:] == ["View", "Help"]


def test_standard_shortcuts(window: MainWindow) -> None:
    assert QKeySequence(QKeySequence.StandardKey.Undo) in window.undo_action.shortcuts()
    assert QKeySequence("Ctrl+Shift+Z") in window.redo_action.shortcuts()
    new = window.findChild(type(window.undo_action), "action_new")
    assert QKeySequence(QKeySequence.StandardKey.New) in new.shortcuts()


def test_edit_undo_acts_on_the_current_tabs_history(window, engine) -> None:
    goals_tab = window.tab_named("Goals")
    services = build_services(engine)
    goal = services.goals.create_goal(GoalDraft("Temporary"))
    goals_tab.reload()
    goals_tab.select(("goal", goal.id))
    goals_tab.delete_selected()
    assert services.goals.list_goals() == []
    assert window.undo_action.isEnabled()
    assert "Delete goal" in window.undo_action.text()
    window.undo_action.trigger()
    assert [g.title for g in services.goals.list_goals()] == ["Temporary"]
    window.redo_action.trigger()
    assert services.goals.list_goals() == []


def test_about_names_the_version_licence_and_data_file_and_opens_its_folder(
    qtbot, window, db_path, monkeypatch
) -> None:
    from mentor_desktop.ui.help import about

    opened = []
    monkeypatch.setattr(about.QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    window.findChild(type(window.undo_action), "action_about").trigger()
    dialog = window.findChild(about.AboutDialog)
    assert dialog is not None and dialog.isVisible()
    text = dialog.text.text()
    assert str(db_path) in text and "Licence: GPL-3.0-or-later" in text
    assert "Mentor Desktop 0." in dialog.findChild(type(dialog.text)).text()
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert [url.toLocalFile() for url in opened] == [str(db_path.parent)]


def test_help_user_guide_shows_the_readme_sections_rendered(window) -> None:
    from mentor_desktop.ui.help.guide import UserGuideDialog

    window.findChild(type(window.undo_action), "action_user_guide").trigger()
    guide = window.findChild(UserGuideDialog)
    titles = [guide.contents.item(i).text() for i in range(guide.contents.count())]
    assert titles[0] == "Introduction" and {"Quick start", "Your data", "Journal"} <= set(titles)
    assert "Development" not in titles
    guide.contents.setCurrentRow(titles.index("Journal"))
    assert guide.page.toPlainText().startswith("Journal")  # the heading, rendered: no "##"
    assert "##" not in guide.page.toPlainText()


def test_geometry_and_filters_are_remembered(qtbot, engine, db_path, app_settings, dialogs):
    first = _window(qtbot, engine, db_path, app_settings, dialogs)
    # the test screen is 800x600 and the window at least MIN_TABS_WIDTH wide, so only the
    # height is free to differ from the default
    first.resize(first.width(), 430)
    first.tab_named("Goals").view.status_filter.setCurrentIndex(2)
    first.close()
    second = _window(qtbot, engine, db_path, app_settings, dialogs)
    assert second.height() == 430
    assert second.tab_named("Goals").view.status_filter.currentIndex() == 2


def test_dark_theme_is_applied_and_remembered(window: MainWindow, app_settings) -> None:
    window.findChild(type(window.undo_action), "action_theme_dark").trigger()
    assert is_dark(QApplication.instance().palette())
    assert app_settings.theme is Theme.DARK
    window.findChild(type(window.undo_action), "action_theme_light").trigger()
    assert not is_dark(QApplication.instance().palette())


def test_open_requested_switches_to_the_goals_tab_and_selects_the_milestone(
    window: MainWindow, engine
) -> None:
    from datetime import date

    from mentor_desktop.domain.models import MilestoneDraft
    from mentor_desktop.ui.bus import ItemKind

    services = build_services(engine)
    goal = services.goals.create_goal(GoalDraft("Paused", status=GoalStatus.PAUSED))
    milestone = services.goals.add_milestone(goal.id, MilestoneDraft("First", date(2020, 1, 1)))
    goals_tab = window.tab_named("Goals")
    goals_tab.view.status_filter.setCurrentIndex(goals_tab.view.status_filter.findData("active"))
    window.tabs.setCurrentIndex(window.tabs.count() - 1)
    window.change_bus.open_requested.emit(ItemKind.MILESTONE, milestone.id)
    assert window.tabs.tabText(window.tabs.currentIndex()) == "Goals"
    assert goals_tab.current_item().title == "First"
    assert goals_tab.view.status_filter.currentIndex() == 0


def test_each_waiting_tab_announces_what_its_built_tab_opens(window: MainWindow) -> None:
    for page in window.tab_pages():
        assert page.opens() == window.tab_named(page.title).opens(), page.title


def test_open_requested_shows_the_first_recorded_session(window: MainWindow, engine) -> None:
    from mentor_desktop.demo import DemoOptions, write_demo
    from mentor_desktop.ui.bus import ItemKind

    write_demo(engine, DemoOptions(years=1))
    sessions = build_services(engine).sessions
    agreement = sessions.list_agreements()[0]
    first = next(s for s in sessions.list_sessions(agreement.id) if s.is_stored)
    window.change_bus.open_requested.emit(ItemKind.SESSION, first.id)
    assert window.tabs.tabText(window.tabs.currentIndex()) == "Session prep"
    assert window.tab_named("Session prep").current_session().id == first.id


def test_closing_with_text_that_cannot_be_saved_asks_and_can_keep_editing(
    qtbot, window: MainWindow, dialogs, engine, monkeypatch
) -> None:
    from mentor_desktop.services.journal import StorageFailedError

    window.tabs.setCurrentIndex(1)
    journal_tab = window.tab_named("Journal")
    journal_tab.new_item()
    entry_id = journal_tab.editor.entry_id

    def locked(*_args: object) -> None:
        raise StorageFailedError("save the text", "the database is busy")

    monkeypatch.setattr(journal_tab.journal, "save_text", locked)
    qtbot.keyClicks(journal_tab.view.editor.title_edit, "Unsaved thought")
    hooks: list[str] = []
    window.close_hooks.append(lambda: hooks.append("backup"))
    dialogs.confirm_answers.append(False)  # keep editing
    assert not window.close()
    assert window.isVisible() and hooks == []
    assert "Unsaved thought" in dialogs.asked[-1] and "busy" in dialogs.asked[-1]
    monkeypatch.undo()  # the database is free again: closing saves and asks nothing
    assert window.close()
    assert hooks == ["backup"]
    assert build_services(engine).journal.get_entry(entry_id).title == "Unsaved thought"


def test_closing_without_saving_when_the_user_chooses_it(
    qtbot, window: MainWindow, dialogs, engine, monkeypatch
) -> None:
    from mentor_desktop.services.journal import StorageFailedError

    window.tabs.setCurrentIndex(1)
    journal_tab = window.tab_named("Journal")
    journal_tab.new_item()
    entry_id = journal_tab.editor.entry_id

    def locked(*_args: object) -> None:
        raise StorageFailedError("save the text", "the database is busy")

    monkeypatch.setattr(journal_tab.journal, "save_text", locked)
    qtbot.keyClicks(journal_tab.view.editor.title_edit, "Lost")
    dialogs.confirm_answers.append(True)  # close without saving
    assert window.close()
    assert build_services(engine).journal.get_entry(entry_id).title == ""


def test_after_start_the_waiting_tabs_are_warmed_up_but_not_built(qtbot, window) -> None:
    from mentor_desktop.app_window import warm_up as _warm_up
    from mentor_desktop.ui.widgets.lazy_tab import LazyTab

    waiting = [tab for tab in window.tab_pages() if isinstance(tab, LazyTab) and not tab.is_built]
    assert waiting
    warmed: list[str] = []
    for tab in waiting:
        original = tab._warm
        assert original is not None, f"{tab.title} has nothing to warm up"
        tab._warm = lambda tab=tab, original=original: (warmed.append(tab.title), original())
    _warm_up(window)
    qtbot.waitUntil(lambda: len(warmed) == len(waiting), timeout=5000)
    assert sorted(warmed) == sorted(tab.title for tab in waiting)
    assert not any(tab.is_built for tab in waiting)
    waiting[0].warm_up()  # once only
    assert len(warmed) == len(waiting)


def test_after_start_a_database_read_without_sqlalchemy_is_opened(qtbot, window, tmp_path) -> None:
    from mentor_desktop.app_window import warm_up as _warm_up
    from mentor_desktop.storage.reopenable import ReopenableDatabase

    database = ReopenableDatabase(window.db_path, None)
    _warm_up(window, database)  # in short steps, the window answering in between
    qtbot.waitUntil(lambda: database.is_open, timeout=5000)
    database.dispose()
    replaced = tmp_path / "replaced.sqlite3"  # another program wrote over it since the start
    replaced.write_bytes(b"not a database any more " * 100)
    broken = ReopenableDatabase(replaced, None)
    _warm_up(window, broken)
    qtbot.waitUntil(
        lambda: window.statusBar().currentMessage().startswith("The database could not be opened:")
    )
    assert not broken.is_open


def test_the_watch_on_other_programs_writes_waits_for_the_database_to_open(
    qtbot, window, engine
) -> None:
    from mentor_desktop.app_window import one_window, warm_up
    from mentor_desktop.storage.reopenable import ReopenableDatabase
    from mentor_desktop.ui.bus import EXTERNAL
    from mentor_desktop.ui.single_window import WindowLock

    database = ReopenableDatabase(window.db_path, None)  # the first screen was read without it
    lock = WindowLock(window.db_path, window)
    assert lock.try_lock()
    watch = one_window(lock, window, database)
    assert not database.is_open  # so the first paint does not wait for SQLAlchemy
    announced: list[str] = []
    window.change_bus.changed.connect(
        lambda change: announced.append(change.kind) if change.origin is EXTERNAL else None
    )
    started: list[bool] = []
    warm_up(window, database, lambda: (watch.start(), started.append(database.is_open)))
    qtbot.waitUntil(lambda: started == [True], timeout=5000)  # right after the open step
    build_services(engine).goals.create_goal(GoalDraft("Written by another program"))
    qtbot.waitUntil(lambda: "goals" in announced, timeout=5000)
    watch.close()
    lock.release()
    database.dispose()


def test_a_window_answers_second_starts_once_it_is_painted(qtbot, window) -> None:
    from mentor_desktop.app_window import one_window
    from mentor_desktop.storage.reopenable import ReopenableDatabase
    from mentor_desktop.ui.single_window import WindowLock, ask_first_window

    window.hide()
    lock = WindowLock(window.db_path, window)
    assert lock.try_lock()
    database = ReopenableDatabase(window.db_path, None)
    one_window(lock, window, database)
    qtbot.wait(50)  # the event loop runs, the window is not painted
    assert not ask_first_window(window.db_path, wait_ms=100)  # so it does not listen yet
    raised: list[bool] = []
    lock.raise_requested.connect(lambda: raised.append(True))
    window.show()
    qtbot.waitUntil(lambda: ask_first_window(window.db_path, wait_ms=200), timeout=5000)
    qtbot.waitUntil(lambda: bool(raised))
    lock.listen()  # a second call (the timer for a window never painted) changes nothing
    assert ask_first_window(window.db_path, wait_ms=200)
    lock.release()
    database.dispose()
