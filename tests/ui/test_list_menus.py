"""Right-click menus on the lists: the commands of the list's buttons, then Undo and Redo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from mentor_desktop.app import open_services
from mentor_desktop.app_window import build_window
from mentor_desktop.services.backups import BackupService
from mentor_desktop.ui.widgets.context_menu import menu_texts
from tests.factories import write_demo_db


@pytest.fixture
def window(qtbot, tmp_path, app_settings, dialogs):
    db_path = write_demo_db(tmp_path / "demo.sqlite3", years=1)
    engine, services = open_services(db_path)
    window, _ = build_window(
        services, BackupService(db_path, tmp_path / "backups"), app_settings, dialogs, db_path
    )
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        QApplication.processEvents()
    yield window
    window.close()
    engine.dispose()


def _menu_on_first_row(menu, view):
    return menu.menu_at(view.visualRect(view.model().index(0, 0)).center())


def _enabled(menu) -> dict[str, bool]:
    return {a.text().replace("&", ""): a.isEnabled() for a in menu.actions() if a.text()}


def test_the_agenda_menu_removes_the_clicked_item(qtbot, window) -> None:
    window.tabs.setCurrentIndex(2)
    view = window.tab_named("Session prep").view
    agenda = view.agenda_view
    qtbot.keyClicks(view.new_item_edit, "Ask about the reorganisation")
    qtbot.mouseClick(view.add_item_button, Qt.MouseButton.LeftButton)
    before = agenda.model().rowCount()
    assert before > 0
    first = agenda.model().index(0, 2).data()
    menu = _menu_on_first_row(view.menus[2], agenda)
    assert menu_texts(menu)[:3] == ["Up", "Down", "Remove"]
    assert menu_texts(menu)[-2:] == ["Undo Add agenda item", "Redo"]
    next(a for a in menu.actions() if a.text() == "Remove").trigger()
    assert agenda.model().rowCount() == before - 1
    assert first not in [agenda.model().index(r, 2).data() for r in range(before - 1)]


def test_the_session_list_menu_offers_the_session_commands(window) -> None:
    view = window.tab_named("Session prep").view
    menu = _menu_on_first_row(view.menus[0], view.sessions_view)
    assert menu_texts(menu)[:4] == ["Add session…", "Move…", "Cancel session", "Mark done"]
    assert view.sessions_view.currentIndex().row() == 0
    enabled = _enabled(menu)
    assert enabled["Move…"] == view.move_session_button.isEnabled()


def test_the_journal_and_growth_lists_have_their_commands(window) -> None:
    journal = window.tab_named("Journal").view
    menu = _menu_on_first_row(journal.list_menu, journal.list_view)
    assert menu_texts(menu)[:2] == ["New entry", "Delete"]
    assert _enabled(menu)["Delete"]  # the clicked entry is open, so it can be deleted

    window.tabs.setCurrentIndex(3)
    practice = window.tab_named("Growth").practice
    menu = _menu_on_first_row(practice.table_menu, practice.table)
    texts = menu_texts(menu)
    assert {"New practice…", "Edit…", "Status…", "Delete"} <= set(texts)
    assert _enabled(menu)["Edit…"]
