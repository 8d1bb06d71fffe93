"""A first start: an empty database opens on the welcome page; each way in leads to the tabs."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QTabWidget, QWidget, QWizard

from mentor_desktop.app import open_services
from mentor_desktop.app_window import build_window
from mentor_desktop.domain.journal import EntryDraft
from mentor_desktop.domain.profile import Profile
from mentor_desktop.services.backups import BackupService
from mentor_desktop.ui.welcome.controller import WelcomeController
from mentor_desktop.ui.welcome.page import WelcomePage
from tests.factories import write_demo_db


@pytest.fixture
def opened(qtbot, db_path: Path, app_settings, dialogs):
    """The window as the app builds it, on a new (empty) database."""
    engine, services = open_services(db_path)
    window, _ = build_window(
        services, BackupService(db_path, db_path.parent / "b"), app_settings, dialogs, db_path
    )
    qtbot.addWidget(window)
    window.show()
    yield window, services
    engine.dispose()


def _welcome(window) -> WelcomeController:
    assert isinstance(window.welcome, WelcomeController)
    return window.welcome


def test_an_empty_database_opens_on_the_welcome_page(opened) -> None:
    window, _ = opened
    page = window.findChild(WelcomePage)
    assert page is not None and page.isVisible()
    assert not window.tabs.isVisible()
    assert "Welcome to Mentor Desktop" in page.findChild(QWidget, "welcome_title").text()
    assert [b.text() for b in (page.start_button, page.sample_button, page.import_button)] == [
        "&Start my own",
        "&Try the sample mentorship",
        "&Import a journal",
    ]


def test_a_database_with_data_opens_on_the_tabs(qtbot, tmp_path, app_settings, dialogs) -> None:
    path = write_demo_db(tmp_path / "demo.sqlite3", years=1)
    engine, services = open_services(path)
    window, _ = build_window(
        services, BackupService(path, tmp_path / "b"), app_settings, dialogs, path
    )
    qtbot.addWidget(window)
    window.show()
    assert window.welcome is None and window.findChild(WelcomePage) is None
    assert window.tabs.isVisible()
    engine.dispose()


def test_start_my_own_sets_up_me_my_mentor_our_rhythm_and_a_goal(qtbot, opened) -> None:
    window, services = opened
    welcome = _welcome(window)
    qtbot.mouseClick(welcome.page.start_button, Qt.MouseButton.LeftButton)
    wizard = welcome.wizard
    assert wizard is not None and wizard.isVisible()
    me, mentor, goal = wizard.pages
    wizard.next()
    assert wizard.currentPage() is me  # a name is needed first
    assert me.errors["profile.name"].text() == "Your name, as it should appear on the brief."
    qtbot.keyClicks(wizard.name_edit, "Ada Lovelace")
    qtbot.keyClicks(wizard.role_edit, "Analyst")
    wizard.next()
    assert wizard.currentPage() is mentor
    wizard.next()
    assert wizard.currentPage() is mentor
    assert mentor.errors["mentor.name"].text() == "The mentor needs a name."
    qtbot.keyClicks(wizard.mentor_edit, "Charles Babbage")
    assert "First session:" in wizard.rhythm.first_label.text()
    wizard.next()
    assert wizard.currentPage() is goal
    qtbot.keyClicks(wizard.goal_edit, "Publish the notes")
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert not wizard.isVisible()
    assert services.profile.profile() == Profile("Ada Lovelace", "Analyst", "")
    (agreement,) = services.sessions.list_agreements()
    assert agreement.mentor.name == "Charles Babbage" and len(agreement.rules) == 1
    assert [g.title for g in services.goals.list_goals()] == ["Publish the notes"]
    assert window.findChild(WelcomePage).isHidden() or not welcome.showing()
    tabs = window.findChild(QTabWidget, "main_tabs")
    assert tabs.isVisible() and tabs.tabText(tabs.currentIndex()) == "Session prep"


def test_the_sample_opens_in_its_own_file_and_window_with_a_way_back(qtbot, opened) -> None:
    window, services = opened
    welcome = _welcome(window)
    welcome.page.sample_button.click()
    task = welcome.sample_task
    with qtbot.waitSignal(task.signals.finished, timeout=60_000):
        pass
    sample = next(w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not window)
    assert sample.windowTitle().startswith("Sample mentorship — sample-mentorship.sqlite3")
    assert not window.isVisible()
    assert sample.tabs.isVisible() and sample.findChild(WelcomePage) is None
    assert services.first_start.is_empty()  # nothing of the sample reached my database
    qtbot.mouseClick(sample.findChild(QWidget, "sample_back"), Qt.MouseButton.LeftButton)
    assert window.isVisible() and welcome.showing()
    assert not sample.isVisible()


def test_import_leads_to_the_journal_once_entries_arrived(qtbot, opened) -> None:
    window, services = opened
    dialogs: list[QDialog] = []

    def open_import() -> QDialog:
        dialog = QDialog(window)
        dialogs.append(dialog)
        dialog.open()
        return dialog

    welcome = WelcomeController(
        services.first_start, window, window.tabs, window.change_bus, open_import, lambda: None
    )
    welcome.show()
    welcome.page.import_button.click()
    dialogs[0].reject()  # nothing imported: the welcome page stays
    assert welcome.showing()
    welcome.page.import_button.click()
    services.journal.create_entry(EntryDraft(date(2026, 3, 1), "Imported"))
    dialogs[1].accept()
    assert not welcome.showing()
    assert window.tabs.tabText(window.tabs.currentIndex()) == "Journal"


def test_an_entry_added_from_the_command_line_leads_to_the_journal(qtbot, opened) -> None:
    from mentor_desktop.ui.bus import EXTERNAL, ChangeKind

    window, services = opened
    services.journal.create_entry(EntryDraft(date(2026, 3, 2), "From the shell", "x"))
    window.change_bus.announce(ChangeKind.JOURNAL, EXTERNAL)  # as the watch announces it
    assert not _welcome(window).showing()
    assert window.tabs.tabText(window.tabs.currentIndex()) == "Journal"
