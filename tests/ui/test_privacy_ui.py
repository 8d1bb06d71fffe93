"""The passphrase dialog, the window lock and Preferences > Privacy, as a person uses them."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit

from mentor_desktop.app import Services
from mentor_desktop.services.privacy import PrivacyService
from mentor_desktop.storage import cipher
from mentor_desktop.storage.migrate import open_database
from mentor_desktop.storage.reopenable import ReopenableDatabase
from mentor_desktop.ui.actions import ActionId
from mentor_desktop.ui.lock.passphrase_dialog import WRONG, PassphraseDialog
from mentor_desktop.ui.lock.window_lock import LOCKED_TITLE
from mentor_desktop.ui.lock.wiring import install_privacy
from mentor_desktop.ui.main_window import MainWindow, build_tabs
from mentor_desktop.ui.preferences.privacy_dialogs import NewPassphraseDialog, RecoveryKeyDialog
from mentor_desktop.ui.preferences.registry import PreferencesRegistry
from tests.factories import TEST_PASSPHRASE, write_demo_db

NEW = "lighthouse-copper-meadow-seven"


@pytest.fixture(autouse=True)
def _no_keys_known():
    cipher.forget_all()
    yield
    cipher.forget_all()


@pytest.fixture(scope="module")
def plain_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_demo_db(tmp_path_factory.mktemp("plain") / "demo.sqlite3", years=1)


@pytest.fixture(scope="module")
def encrypted_demo(plain_demo: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("encrypted") / "demo.sqlite3"
    shutil.copyfile(plain_demo, path)
    PrivacyService(path).encrypt(TEST_PASSPHRASE, TEST_PASSPHRASE)
    return path


@pytest.fixture
def demo(encrypted_demo: Path, tmp_path: Path) -> Path:
    path = tmp_path / "demo.sqlite3"
    shutil.copyfile(encrypted_demo, path)
    return path


def test_the_dialog_says_a_wrong_passphrase_is_wrong_as_often_as_needed(qtbot, demo) -> None:
    before = hashlib.sha256(demo.read_bytes()).hexdigest()
    dialog = PassphraseDialog(PrivacyService(demo).unlock, demo.name)
    qtbot.addWidget(dialog)
    dialog.show()
    for wrong in ("nope", "still wrong"):
        dialog.field.setText(wrong)
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
        assert dialog.isVisible() and dialog.error.text() == WRONG
        assert dialog.field.text() == ""
    assert hashlib.sha256(demo.read_bytes()).hexdigest() == before
    dialog.field.setText(TEST_PASSPHRASE)
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert cipher.key_for(demo) is not None


def _window(qtbot, demo: Path, settings, dialogs):
    PrivacyService(demo).unlock(TEST_PASSPHRASE)
    database = ReopenableDatabase(demo, open_database(demo))
    services = Services(database)
    window = MainWindow(settings, dialogs, demo)
    for tab in build_tabs(services, window.change_bus, dialogs, settings):
        window.add_tab(tab)
    qtbot.addWidget(window)
    window.set_preferences(PreferencesRegistry(window))
    service = PrivacyService(demo, list, database.release, database.reopen)
    lock = install_privacy(window, window.preferences, service, settings, dialogs)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    return window, lock, database


def _grab(window) -> QImage:
    QApplication.processEvents()
    return window.grab().toImage()


def test_the_lock_hides_every_tab_and_unlocking_returns_to_where_one_was(
    qtbot, demo, app_settings, dialogs
) -> None:
    window, lock, database = _window(qtbot, demo, app_settings, dialogs)
    title = window.windowTitle()
    locked_grabs = []
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        qtbot.wait(50)
        content = _grab(window)
        window.action_registry[ActionId.LOCK].trigger()
        assert lock.locked and window.windowTitle() == LOCKED_TITLE
        assert not window.tabs.isVisible() and not window.menuBar().isVisible()
        grab = _grab(window)
        assert grab != content
        locked_grabs.append(grab)
        screen = lock.screens()[0]
        screen.field.setText("wrong")
        screen.unlock_button.click()
        assert lock.locked and screen.error.text() == WRONG
        screen.field.setText(TEST_PASSPHRASE)
        screen.unlock_button.click()
        assert not lock.locked
        assert window.windowTitle() == title and window.tabs.currentIndex() == index
        assert window.tabs.isVisible()
    assert all(grab == locked_grabs[0] for grab in locked_grabs), "content shows through"
    database.dispose()


def test_while_locked_no_command_runs_and_open_dialogs_are_covered_too(
    qtbot, demo, app_settings, dialogs
) -> None:
    window, lock, database = _window(qtbot, demo, app_settings, dialogs)
    dialog = QDialog(window)
    dialog.setWindowTitle("Edit: a private title")
    typed = QLineEdit("half-typed private words", dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    lock.lock()
    assert dialog.isVisible() and not typed.isVisible()
    assert dialog.windowTitle() == LOCKED_TITLE
    new = window.action_registry[ActionId.NEW]
    fired = []
    new.triggered.connect(lambda: fired.append(True))
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert fired == []
    assert lock.unlock(TEST_PASSPHRASE)
    assert typed.isVisible() and typed.text() == "half-typed private words"
    assert dialog.windowTitle() == "Edit: a private title"
    database.dispose()


def test_a_new_passphrase_is_asked_twice_and_the_dialog_stays_open_until_it_is_fine(
    qtbot,
) -> None:
    dialog = NewPassphraseDialog(None, "Encrypt", "intro", plain_backups=2)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.passphrase.setText("password1")
    assert "Very weak" in dialog.strength.text()
    dialog.repeated.setText("password1")
    dialog._ok()
    assert dialog.isVisible() and dialog.errors["passphrase"].isVisible()
    dialog.passphrase.setText(NEW)
    dialog.repeated.setText(NEW + "x")
    dialog._ok()
    assert dialog.isVisible() and "differ" in dialog.errors["repeated"].text()
    assert dialog.remove_backups.isVisibleTo(dialog)
    dialog.repeated.setText(NEW)
    dialog._ok()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_changing_the_passphrase_in_the_window_shows_the_new_recovery_key_once(
    qtbot, demo, app_settings, dialogs, monkeypatch, tmp_path
) -> None:
    window, lock, database = _window(qtbot, demo, app_settings, dialogs)
    shown: list[str] = []
    sheets: list[Path] = []

    def answer_current(dialog: PassphraseDialog) -> int:
        dialog.field.setText(TEST_PASSPHRASE)
        dialog._try()
        return dialog.result()

    def answer_new(dialog: NewPassphraseDialog) -> int:
        dialog.passphrase.setText(NEW)
        dialog.repeated.setText(NEW)
        dialog._ok()
        return dialog.result()

    def note_key(dialog: RecoveryKeyDialog) -> int:
        shown.append(dialog.key.text())
        dialog._sheet()
        assert not dialog.close_button.isEnabled()  # only once it is kept
        dialog.kept.setChecked(True)
        return 1

    monkeypatch.setattr(PassphraseDialog, "exec", answer_current)
    monkeypatch.setattr(NewPassphraseDialog, "exec", answer_new)
    monkeypatch.setattr(RecoveryKeyDialog, "exec", note_key)
    from mentor_desktop.ui.preferences import privacy_flows

    sheet = tmp_path / "sheet.pdf"
    monkeypatch.setattr(privacy_flows, "ask_sheet_path", lambda *_: sheets.append(sheet) or sheet)
    page_factory = window.preferences._entries[-1].factory
    page = page_factory()
    qtbot.addWidget(page)
    page.change_button.click()
    qtbot.waitUntil(lambda: bool(shown), timeout=60000)
    assert len(shown[0].replace("-", "")) == 64 and sheet.stat().st_size > 0
    assert sheet.stat().st_mode & 0o077 == 0
    assert lock.unlock(NEW) or not lock.locked
    cipher.forget_all()
    assert PrivacyService(demo).unlock(shown[0])
    cipher.forget_all()
    assert not PrivacyService(demo).unlock(TEST_PASSPHRASE)
    assert PrivacyService(demo).unlock(NEW)
    assert window.tab_named("Goals") is not None
    database.dispose()


def test_the_window_locks_itself_after_the_idle_time(qtbot, demo, app_settings, dialogs) -> None:
    assert app_settings.lock_after_minutes(encrypted=True) == 10
    assert app_settings.lock_after_minutes(encrypted=False) == 0
    window, lock, database = _window(qtbot, demo, app_settings, dialogs)
    assert lock.idle_minutes == 10
    lock._idle.setInterval(200)  # ten minutes, shortened for the test
    lock._idle.start()
    qtbot.waitUntil(lambda: lock.locked, timeout=5000)
    assert window.windowTitle() == LOCKED_TITLE
    assert lock.unlock(TEST_PASSPHRASE)
    database.dispose()


def test_the_tray_shows_no_content_while_the_window_is_locked(
    qtbot, demo, app_settings, dialogs
) -> None:
    from mentor_desktop.ui.lock.wiring import follow_lock
    from mentor_desktop.ui.tray.icon import TrayIcon

    window, lock, database = _window(qtbot, demo, app_settings, dialogs)
    tray = TrayIcon(window)
    tray.set_tooltip("Next session: Tuesday with Dr. Amara Okafor")
    follow_lock(lock, tray.set_locked)
    lock.lock()
    assert tray.locked and "Okafor" not in tray.tooltip()  # offscreen: no tray, no tooltip
    lock.unlock(TEST_PASSPHRASE)
    assert not tray.locked
    assert "Okafor" in tray.tooltip() or not tray.available
    tray.hide()
    database.dispose()


def test_the_recovery_sheet_is_asked_for_as_every_file_to_save(qtbot, dialogs, tmp_path) -> None:
    from PySide6.QtWidgets import QWidget

    from mentor_desktop.ui.preferences.privacy_flows import ask_sheet_path

    parent = QWidget()
    qtbot.addWidget(parent)
    dialogs.save_answers.append(tmp_path / "sheets" / "kept.pdf")
    chosen = ask_sheet_path(parent, dialogs, Path("/data/mentor.sqlite3"))
    assert chosen == tmp_path / "sheets" / "kept.pdf"
    assert dialogs.save_requests[-1] == (
        "Save the recovery sheet",
        "recovery sheet",
        "mentor-recovery-sheet.pdf",
    )
