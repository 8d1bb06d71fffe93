"""File > Import…, Export… and Backups…, the damaged-database offer, and background tasks."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QMainWindow

from mentor_desktop.domain.errors import DamagedDatabaseError, MentorDesktopError
from mentor_desktop.services.backups import BackupService
from mentor_desktop.services.portability import PortabilityService
from mentor_desktop.storage.migrate import open_database
from mentor_desktop.storage.uow import unit_of_work_factory
from mentor_desktop.ui.bus import EXTERNAL, ChangeBus, ChangeKind
from mentor_desktop.ui.main_window import MainWindow
from mentor_desktop.ui.models.backup_table import BackupTableModel
from mentor_desktop.ui.models.import_preview import ImportPreviewModel
from mentor_desktop.ui.portability.backups_dialog import BackupsDialog
from mentor_desktop.ui.portability.controller import PortabilityController
from mentor_desktop.ui.portability.export_dialog import ExportDialog
from mentor_desktop.ui.portability.import_dialog import ImportDialog
from mentor_desktop.ui.portability.recovery import offer_restore
from mentor_desktop.ui.tasks import run_in_background

FIXTURES = Path(__file__).parents[1] / "fixtures" / "imports"
WAIT = 15000


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 3, 1, 9)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def portability(engine) -> PortabilityService:
    return PortabilityService(unit_of_work_factory(engine))


@pytest.fixture
def backups(db_path: Path, engine, tmp_path: Path) -> BackupService:
    return BackupService(db_path, tmp_path / "backups", Clock())


def _titles(db_path: Path) -> list[str]:
    connection = sqlite3.connect(db_path)
    try:
        return [r[0] for r in connection.execute("SELECT title FROM journal_entry ORDER BY id")]
    finally:
        connection.close()


def _add_goal(db_path: Path, title: str) -> None:
    with sqlite3.connect(db_path) as connection:
        connection.execute(
            "INSERT INTO goal (title, kind, status, why, success_measure, position, created_at,"
            " updated_at) VALUES (?, 'career', 'active', '', '', 0, '2026-01-01', '2026-01-01')",
            (title,),
        )
    connection.close()


# ---------------------------------------------------------------- background tasks


def test_background_task_reports_progress_and_result_on_the_gui_thread(qtbot) -> None:
    seen: list[object] = []
    results: list[int] = []
    gui_thread = threading.get_ident()

    def work(report):
        report(1, 2)
        report(2, 2)
        return threading.get_ident()

    run_in_background(
        work,
        on_finished=results.append,
        on_progress=lambda done, total: seen.append((done, total, threading.get_ident())),
    )
    qtbot.waitUntil(lambda: len(results) == 1, timeout=WAIT)
    assert results[0] != gui_thread  # the work ran elsewhere
    assert [(d, t) for d, t, _ in seen] == [(1, 2), (2, 2)]  # progress came before the end
    assert {thread for *_, thread in seen} == {gui_thread}  # slots ran on the GUI thread


def test_background_task_failures_become_messages(qtbot) -> None:
    def clear(_report):
        raise MentorDesktopError("the file is not a journal")

    def bug(_report):
        raise KeyError("oops")

    failed: list[str] = []
    run_in_background(clear, on_failed=failed.append)
    qtbot.waitUntil(lambda: len(failed) == 1, timeout=WAIT)
    run_in_background(bug, on_failed=failed.append, description="testing")
    qtbot.waitUntil(lambda: len(failed) == 2, timeout=WAIT)
    assert failed[0] == "the file is not a journal"
    assert failed[1].startswith("Unexpected error while testing")


# ---------------------------------------------------------------- models


def test_models_pass_the_model_tester(qtmodeltester, portability, backups, db_path) -> None:
    preview = portability.preview(portability.read_journal("rednotebook", FIXTURES / "rednotebook"))
    preview_model = ImportPreviewModel()
    preview_model.set_rows(preview.rows)
    qtmodeltester.check(preview_model)
    assert preview_model.rowCount() == 6
    backups.backup_now()
    table = BackupTableModel()
    table.set_rows(backups.list_backups())
    qtmodeltester.check(table)
    assert table.data(table.index(0, 6)) == "OK"


# ---------------------------------------------------------------- import


def test_import_dialog_previews_then_imports(qtbot, portability, db_path) -> None:
    dialog = ImportDialog(portability)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("jrnl"))
    qtbot.keyClicks(dialog.path_field.edit, str(FIXTURES / "jrnl" / "quirks.journal"))
    assert not dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=WAIT)
    assert "5 entries found in quirks.journal, from 15 Jan 2023 to 3 Feb 2023" in (
        dialog.summary.text()
    )
    assert "c++" in dialog.summary.text()
    assert dialog.model.rowCount() == 5
    assert _titles(db_path) == []  # the preview wrote nothing
    with qtbot.waitSignal(dialog.imported, timeout=WAIT) as blocker:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0].imported == 5
    assert dialog.progress.isVisible() and dialog.progress.value() == dialog.progress.maximum()
    assert "Imported 5 entries" in dialog.summary.text()
    assert len(_titles(db_path)) == 5
    assert not dialog.import_button.isEnabled()
    # a second preview shows them all as already there
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Already in the journal: 5" in dialog.summary.text(), timeout=WAIT)
    assert not dialog.import_button.isEnabled()
    assert dialog.model.data(dialog.model.index(0, 4)) == "already there"


def test_import_dialog_shows_a_bad_file_and_imports_nothing(
    qtbot, portability, db_path, tmp_path
) -> None:
    bad = tmp_path / "photo.journal"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    dialog = ImportDialog(portability)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert "Choose the file or folder" in dialog.error.text()
    qtbot.keyClicks(dialog.path_field.edit, str(bad))
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=WAIT)
    assert str(bad) in dialog.error.text() and "binary file" in dialog.error.text()
    assert not dialog.import_button.isEnabled()
    assert _titles(db_path) == []


# ---------------------------------------------------------------- export


@pytest.mark.parametrize("export_format", ["json", "markdown"])
def test_export_dialog_writes_the_export(qtbot, portability, tmp_path, export_format) -> None:
    portability.import_journal(portability.read_journal("jrnl", FIXTURES / "jrnl" / "export.json"))
    dialog = ExportDialog(portability)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(export_format))
    target = tmp_path / ("all.json" if export_format == "json" else "notes")
    qtbot.keyClicks(dialog.path_field.edit, str(target))
    with qtbot.waitSignal(dialog.exported, timeout=WAIT):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert "Exported to" in dialog.status.text() and "3 " in dialog.status.text()
    if export_format == "json":
        assert len(json.loads(target.read_text())["tables"]["journal_entry"]["rows"]) == 3
    else:
        assert len(list((target / "journal").rglob("*.md"))) == 3


def test_export_dialog_reports_a_folder_that_is_not_empty(qtbot, portability, tmp_path) -> None:
    folder = tmp_path / "full"
    folder.mkdir()
    (folder / "mine.txt").write_text("keep")
    dialog = ExportDialog(portability)
    qtbot.addWidget(dialog)
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("markdown"))
    qtbot.keyClicks(dialog.path_field.edit, str(folder))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "new or empty folder" in dialog.status.text(), timeout=WAIT)
    assert dialog.export_button.isEnabled()
    assert [p.name for p in folder.iterdir()] == ["mine.txt"]


# ---------------------------------------------------------------- backups


def _open_backups_dialog(qtbot, backups, dialogs, rows: int) -> BackupsDialog:
    dialog = BackupsDialog(backups, dialogs)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == rows and dialog.close_button.isEnabled())
    return dialog


def test_backups_dialog_lists_and_restores_after_confirmation(
    qtbot, backups, dialogs, db_path
) -> None:
    _add_goal(db_path, "Kept goal")
    first = backups.backup_now()
    backups._clock.now += timedelta(days=1)  # type: ignore[attr-defined]
    _add_goal(db_path, "Later goal")
    backups.backup_now()
    dialog = _open_backups_dialog(qtbot, backups, dialogs, rows=2)
    assert dialog.model.data(dialog.model.index(1, 0)) == (
        f"{first.made_at.day} {first.made_at:%b %Y %H:%M}"
    )
    assert dialog.model.data(dialog.model.index(1, 3)) == "1"
    assert dialog.model.data(dialog.model.index(0, 3)) == "2"
    assert not dialog.restore_button.isEnabled()
    dialog.table.selectRow(1)
    dialogs.confirm_answers.append(False)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert "2 goals" not in dialogs.asked[-1] and "1 goals" in dialogs.asked[-1]
    with sqlite3.connect(db_path) as connection:
        assert connection.execute("SELECT count(*) FROM goal").fetchone()[0] == 2
    connection.close()
    dialogs.confirm_answers.append(True)
    with qtbot.waitSignal(dialog.restored, timeout=WAIT):
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    with sqlite3.connect(db_path) as connection:
        titles = [r[0] for r in connection.execute("SELECT title FROM goal")]
    connection.close()
    assert titles == ["Kept goal"]
    assert "Restored the backup" in dialogs.infos[-1]
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 3)  # + the data kept aside
    kinds = {dialog.model.data(dialog.model.index(r, 1)) for r in range(3)}
    assert "before restore" in kinds


def test_back_up_now_button(qtbot, backups, dialogs) -> None:
    dialog = _open_backups_dialog(qtbot, backups, dialogs, rows=0)
    assert "No backups yet" in dialog.status.text()
    qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=WAIT)
    assert dialog.model.data(dialog.model.index(0, 6)) == "OK"


# ---------------------------------------------------------------- damaged database


def _damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[-4096:-3000] = b"\x00" * 1096
    path.write_bytes(bytes(data))


def test_damaged_database_offers_the_latest_good_backup(backups, dialogs, db_path) -> None:
    _add_goal(db_path, "Safe")
    backups.backup_now()
    _damage(db_path)
    with pytest.raises(DamagedDatabaseError) as error:
        open_database(db_path)
    damaged = db_path.read_bytes()
    dialogs.confirm_answers.append(False)
    assert not offer_restore(error.value, backups, dialogs)
    assert db_path.read_bytes() == damaged  # nothing moved without asking
    assert "damaged" in dialogs.asked[-1] and "Restore it?" in dialogs.asked[-1]
    dialogs.confirm_answers.append(True)
    assert offer_restore(error.value, backups, dialogs)
    engine = open_database(db_path)
    with engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT title FROM goal").scalar() == "Safe"
    engine.dispose()
    kept = list(db_path.parent.glob(db_path.name + ".damaged-*"))
    assert [p.read_bytes() for p in kept if not p.name.endswith(("-wal", "-shm"))] == [damaged]


def test_damaged_database_without_backups_is_left_alone(backups, dialogs, db_path) -> None:
    _add_goal(db_path, "Lost")
    _damage(db_path)
    with pytest.raises(DamagedDatabaseError) as error:
        open_database(db_path)
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()
    assert not offer_restore(error.value, backups, dialogs)
    assert "no sound backup" in dialogs.errors[-1]
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before


# ---------------------------------------------------------------- the window


def test_file_menu_commands_and_backup_on_quit(
    qtbot, portability, backups, dialogs, app_settings, db_path
) -> None:
    window = MainWindow(app_settings, dialogs, db_path)
    qtbot.addWidget(window)
    changes: list[str] = []
    window.change_bus.changed.connect(lambda change: changes.append(change.kind))
    controller = PortabilityController(
        lambda: portability, backups, window.change_bus, dialogs, window
    )
    window.add_file_actions(controller.actions())
    window.close_hooks.append(controller.backup_on_quit)
    texts = [a.text().replace("&", "") for a in window.file_menu.actions() if a.text()]
    assert texts.index("Import…") < texts.index("Export…") < texts.index("Backups…")
    assert texts.index("Backups…") < texts.index("Quit")
    window.show()
    window.file_menu.actions()  # the menu is built
    dialog = controller.open_import()
    assert isinstance(dialog, ImportDialog) and dialog.isVisible()
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("dayone"))
    qtbot.keyClicks(dialog.path_field.edit, str(FIXTURES / "dayone" / "Journal.json"))
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.import_button.isEnabled, timeout=WAIT)
    with qtbot.waitSignal(dialog.imported, timeout=WAIT):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert changes == [ChangeKind.JOURNAL]
    dialog.reject()
    assert backups.list_backups(check=False) == []
    window.close()
    made = backups.list_backups()
    assert len(made) == 1 and made[0].counts["entries"] == 3


def test_start_up_backup_runs_in_the_background_when_due(
    qtbot, portability, backups, dialogs
) -> None:
    parent = QMainWindow()
    qtbot.addWidget(parent)
    controller = PortabilityController(lambda: portability, backups, ChangeBus(), dialogs, parent)
    with qtbot.waitSignal(controller.status_message, timeout=WAIT) as blocker:
        controller.backup_if_due()
    assert "Backed up to" in blocker.args[0]
    controller.backup_if_due()  # not due any more: nothing made
    assert QThreadPool.globalInstance().waitForDone(WAIT)
    assert len(backups.list_backups(check=False)) == 1


# ---------------------------------------------------------------- restoring with work open


def _window_with_journal(qtbot, services, backups, dialogs, app_settings, db_path):
    from mentor_desktop.ui.journal.tab import JournalTab

    window = MainWindow(app_settings, dialogs, db_path)
    qtbot.addWidget(window)
    tab = JournalTab(services.journal, window.change_bus, dialogs)
    window.add_tab(tab)
    controller = PortabilityController(
        lambda: PortabilityService(services.journal._uow),  # type: ignore[attr-defined]
        backups,
        window.change_bus,
        dialogs,
        window,
        flush_tabs=window.flush_tabs,
    )
    window.show()
    return window, tab, controller


def _restore_oldest(qtbot, controller, dialogs) -> BackupsDialog:
    dialog = controller.open_backups()
    qtbot.waitUntil(lambda: dialog.model.rowCount() >= 1 and dialog.close_button.isEnabled())
    dialog.table.selectRow(dialog.model.rowCount() - 1)
    dialogs.confirm_answers.append(True)
    return dialog


def _body(db_path: Path, entry_id: int) -> str | None:
    connection = sqlite3.connect(db_path)
    try:
        row = connection.execute("SELECT body FROM journal_entry WHERE id = ?", (entry_id,))
        found = row.fetchone()
        return found[0] if found else None
    finally:
        connection.close()


def test_restore_saves_the_open_entry_first_and_never_writes_it_over_the_backup(
    qtbot, services, backups, dialogs, app_settings, db_path
) -> None:
    from mentor_desktop.domain.journal import EntryDraft

    entry = services.journal.create_entry(
        EntryDraft(datetime(2026, 2, 1).date(), "Plan", "restored text")
    )
    backups.backup_now()
    backups._clock.now += timedelta(days=1)  # type: ignore[attr-defined]
    window, tab, controller = _window_with_journal(
        qtbot, services, backups, dialogs, app_settings, db_path
    )
    assert tab.editor.entry_id == entry.id
    body = tab.view.editor.body_edit
    body.moveCursor(body.textCursor().MoveOperation.End)
    qtbot.keyClicks(body, " typed later")  # waiting for the autosave timer
    changes: list[str] = []
    window.change_bus.changed.connect(lambda change: changes.append(change.kind))
    dialog = _restore_oldest(qtbot, controller, dialogs)
    with qtbot.waitSignal(dialog.restored, timeout=WAIT):
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert changes == [ChangeKind.DATA_REPLACED]
    # what was typed went into the data kept aside, not over the restored backup
    kept = next(b for b in backups.list_backups() if b.kind == "before restore")
    assert _body(kept.path, entry.id) == "restored text typed later"
    assert _body(db_path, entry.id) == "restored text"
    assert body.toPlainText() == "restored text"
    assert tab.flush()
    tab.view.search_edit.setText("restored")
    tab.apply_filters()
    assert _body(db_path, entry.id) == "restored text"
    assert not tab.editor.timer.isActive()
    dialog.reject()


def test_restore_waits_while_the_open_entry_cannot_be_saved(
    qtbot, services, backups, dialogs, app_settings, db_path, monkeypatch
) -> None:
    from mentor_desktop.domain.journal import EntryDraft
    from mentor_desktop.services.journal import StorageFailedError

    entry = services.journal.create_entry(EntryDraft(datetime(2026, 2, 1).date(), "Plan", "old"))
    backups.backup_now()
    _window, tab, controller = _window_with_journal(
        qtbot, services, backups, dialogs, app_settings, db_path
    )

    def locked(*_args: object) -> None:
        raise StorageFailedError("save the text", "the database is busy")

    monkeypatch.setattr(services.journal, "save_text", locked)
    qtbot.keyClicks(tab.view.editor.body_edit, "new ")
    dialog = _restore_oldest(qtbot, controller, dialogs)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert "could not be saved, so the backup was not restored" in dialogs.errors[-1]
    assert "Plan" in dialogs.errors[-1] and "busy" in dialogs.errors[-1]
    assert dialog.close_button.isEnabled()  # nothing started
    assert _body(db_path, entry.id) == "old"
    assert len(backups.list_backups(check=False)) == 1  # nothing kept aside: no restore
    tab.editor.discard_unsaved()
    dialog.reject()


def test_session_notes_are_saved_before_a_restore_and_reloaded_after(
    qtbot, engine, dialogs, app_settings, db_path
) -> None:
    from mentor_desktop.services.sessions import SessionService
    from mentor_desktop.ui.sessions.tab import SessionPrepTab
    from tests.factories import NOW, agreement_draft

    service = SessionService(unit_of_work_factory(engine)).with_now(NOW)
    agreement = service.save_agreement(None, agreement_draft())
    session = service.store(service.next_session(agreement.id))
    window = MainWindow(app_settings, dialogs, db_path)
    qtbot.addWidget(window)
    tab = SessionPrepTab(service, window.change_bus, dialogs)
    window.add_tab(tab)
    window.show()
    assert tab.current_session() is not None and tab.current_session().id == session.id
    qtbot.keyClicks(tab.view.personal_update, "Typed before the restore")
    assert window.flush_tabs() == []  # what the restore does first
    assert service.session(session.id).personal_update == "Typed before the restore"
    with sqlite3.connect(db_path) as connection:  # the restored data says something else
        connection.execute(
            "UPDATE session SET personal_update = 'From the backup' WHERE id = ?", (session.id,)
        )
    connection.close()
    qtbot.keyClicks(tab.view.personal_update, " and after")  # unsaved when the data changes
    window.change_bus.announce(ChangeKind.DATA_REPLACED, EXTERNAL)
    assert tab.view.personal_update.toPlainText() == "From the backup"
    assert tab.flush()
    assert service.session(session.id).personal_update == "From the backup"
