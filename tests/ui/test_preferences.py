"""Edit > Preferences…: pages listed beside the page shown; General keeps name, theme, paper
and backups; bad input keeps the dialog open with the reason under its field."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit

from mentor_desktop.app import build_services
from mentor_desktop.app_window import preferences_registry
from mentor_desktop.domain.profile import Profile
from mentor_desktop.services.backups import BackupService
from mentor_desktop.settings import Theme
from mentor_desktop.ui.main_window import MainWindow
from mentor_desktop.ui.preferences.dialog import PreferencesDialog
from mentor_desktop.ui.preferences.general import GeneralPage
from mentor_desktop.ui.preferences.page import PreferencesPage
from mentor_desktop.ui.theme import apply_theme, is_dark


@pytest.fixture
def window(qtbot, db_path, app_settings, dialogs):
    window = MainWindow(app_settings, dialogs, db_path)
    qtbot.addWidget(window)
    yield window
    apply_theme(QApplication.instance(), Theme.LIGHT)


@pytest.fixture
def backups(db_path: Path, tmp_path: Path) -> BackupService:
    return BackupService(db_path, tmp_path / "backups")


@pytest.fixture
def opened(qtbot, window, engine, backups, app_settings):
    """Edit > Preferences… triggered on a window built as the app builds it."""
    window.set_preferences(
        preferences_registry(build_services(engine), backups, app_settings, window)
    )
    edit_menu = window.edit_menu
    action = next(a for a in edit_menu.actions() if a.objectName() == "action_preferences")
    action.trigger()
    dialog = window.findChild(PreferencesDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.addWidget(dialog)
    return dialog


def _ok(dialog: PreferencesDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_general_page_saves_my_profile_in_the_database(qtbot, opened, engine) -> None:
    assert [opened.pages_list.item(i).text() for i in range(opened.pages_list.count())] == [
        "General",
        "Writing",
    ]
    page = opened.page("General")
    assert isinstance(page, GeneralPage)
    qtbot.keyClicks(page.name_edit, "  Ada Lovelace ")
    qtbot.keyClicks(page.role_edit, "Analyst")
    qtbot.keyClicks(page.organisation_edit, "Engines Ltd")
    _ok(opened)
    assert not opened.isVisible()
    assert build_services(engine).profile.profile() == Profile(
        "Ada Lovelace", "Analyst", "Engines Ltd"
    )


def test_reopened_preferences_show_what_was_saved(qtbot, window, opened, engine) -> None:
    build_services(engine).profile.save(Profile("Grace", "Admiral", "Navy"))
    opened.reject()
    window.preferences.action.trigger()
    again = [d for d in window.findChildren(PreferencesDialog) if d.isVisible()][-1]
    qtbot.addWidget(again)
    page = again.page("General")
    assert (page.name_edit.text(), page.role_edit.text()) == ("Grace", "Admiral")


def test_theme_paper_and_backups_apply_at_once(opened, app_settings, backups, tmp_path) -> None:
    page = opened.page("General")
    page.theme_combo.setCurrentIndex(page.theme_combo.findData("dark"))
    page.paper_combo.setCurrentIndex(page.paper_combo.findData("letter"))
    folder = tmp_path / "elsewhere" / "backups"
    page.backup_folder.edit.setText(str(folder))
    page.keep_spin.setValue(30)
    opened.buttons.button(QDialogButtonBox.StandardButton.Apply).click()
    assert opened.isVisible()  # Apply keeps it open
    assert is_dark(QApplication.instance().palette())
    assert app_settings.theme is Theme.DARK
    assert app_settings.paper_size == "letter"
    assert app_settings.backup_dir == folder
    assert (backups.backup_dir, backups.keep_daily) == (folder, 30)
    window = opened.parent()
    assert window.findChild(type(window.preferences.action), "action_theme_dark").isChecked()


def test_a_backup_folder_that_is_a_file_keeps_the_dialog_open(qtbot, opened, tmp_path) -> None:
    page = opened.page("General")
    a_file = tmp_path / "not-a-folder"
    a_file.write_text("x", encoding="utf-8")
    page.backup_folder.edit.setText(str(a_file))
    _ok(opened)
    assert opened.isVisible()
    assert "is a file; choose a folder" in page.error_text("backup_folder")
    page.backup_folder.edit.clear()
    _ok(opened)
    assert not opened.isVisible()


def test_a_refusing_page_is_shown_and_nothing_closes(qtbot) -> None:
    class Refusing(PreferencesPage):
        title = "Privacy"

        def __init__(self) -> None:
            super().__init__()
            self.field = QLineEdit(self)
            self.add_row("field", "Field:", self.field)
            self.finish()

        def apply(self) -> bool:
            if not self.field.text():
                self.show_errors({"field": "Type something."})
                return False
            self.show_errors({})
            return True

    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    dialog.add_page(PreferencesPage())
    refusing = Refusing()
    dialog.add_page(refusing)
    dialog.show()
    assert dialog.pages_list.currentRow() == 0
    _ok(dialog)
    assert dialog.isVisible()
    assert dialog.pages_list.currentRow() == 1
    assert refusing.error_text("field") == "Type something."
    qtbot.keyClicks(refusing.field, "ok")
    qtbot.keyClick(refusing.field, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert refusing.error_text("field") == ""
