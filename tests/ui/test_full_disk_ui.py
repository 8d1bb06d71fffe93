"""On a full disk the window says so, keeps what was typed, and saves it once there is room."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import event

from mentor_desktop.app import build_services
from mentor_desktop.domain.journal import EntryDraft
from mentor_desktop.ui.bus import ChangeBus
from mentor_desktop.ui.goals.tab import GoalsTab
from mentor_desktop.ui.journal.tab import JournalTab

LONG = "words that need a page of their own " * 500


@pytest.fixture
def disk(engine):
    """Services on a database that cannot grow while `full["on"]` is True."""
    services = build_services(engine)
    services.journal.create_entry(EntryDraft(date(2026, 3, 2), "Retro", "Started here."))
    with engine.connect() as connection:
        pages = connection.exec_driver_sql("PRAGMA page_count").scalar()
    state = {"on": False}

    def cap(connection, _record) -> None:
        connection.execute(f"PRAGMA max_page_count = {pages if state['on'] else 1073741823}")

    event.listen(engine, "connect", cap)

    def set_full(on: bool) -> None:
        state["on"] = on
        engine.dispose()  # the next connections get the new limit

    yield services, set_full
    event.remove(engine, "connect", cap)


def test_the_journal_keeps_the_text_says_the_disk_is_full_and_saves_later(
    qtbot, disk, dialogs
) -> None:
    services, set_full = disk
    tab = JournalTab(services.journal, ChangeBus(), dialogs)
    qtbot.addWidget(tab)
    tab.show()
    set_full(True)
    body = tab.view.editor.body_edit
    body.setFocus()
    body.moveCursor(body.textCursor().MoveOperation.End)
    qtbot.keyClicks(body, " ")
    QApplication.clipboard().setText(LONG[:9000])
    qtbot.keyClick(body, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)  # pasted
    tab.editor.autosave.save_now()
    error = tab.view.editor.error_label
    assert "disk is full" in error.text() and error.isVisibleTo(tab)
    assert tab.editor.has_unsaved and LONG[:9000] in body.text()  # the text stays
    assert tab.editor.autosave.timer.isActive()  # and it is tried again by itself
    set_full(False)
    tab.editor.autosave.timer.timeout.emit()  # the retry comes (sooner, for the test)
    assert not tab.editor.has_unsaved
    entry = services.journal.get_entry(tab.editor.entry_id)
    assert LONG[:9000] in entry.body
    assert error.isHidden()


def test_a_dialog_on_a_full_disk_stays_open_with_the_text_and_says_why(
    qtbot, disk, dialogs
) -> None:
    services, set_full = disk
    tab = GoalsTab(services.goals, ChangeBus(), dialogs)
    qtbot.addWidget(tab)
    tab.show()
    set_full(True)
    tab.new_goal()
    dialog = tab.active_dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.title_edit, "Lead the platform team")
    dialog.why_edit.setPlainText(LONG[:15000])
    dialog.buttons.accepted.emit()
    assert dialog.isVisible()
    assert "disk is full" in dialog.general_error.text()
    assert dialog.why_edit.toPlainText() == LONG[:15000]
    set_full(False)
    dialog.buttons.accepted.emit()
    assert not dialog.isVisible()
    assert [g.title for g in services.goals.list_goals()] == ["Lead the platform team"]
