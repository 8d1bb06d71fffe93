"""A long entry is written off the GUI thread, and still nothing typed is ever lost.

Each test opens an entry of 200,000 characters in the real Journal tab, types into it, and
holds the write on the writer thread (a gate) to type, switch or fail while it is in flight.
"""

from __future__ import annotations

import threading
from datetime import date

import pytest

from mentor_desktop.domain.errors import DiskFullError
from mentor_desktop.domain.journal import EntryDraft
from mentor_desktop.ui.autosave import unsaved_autosaves
from mentor_desktop.ui.bus import ChangeBus
from mentor_desktop.ui.journal.editor import AUTOSAVE_MS
from mentor_desktop.ui.journal.large_text import BACKGROUND_CHARS
from mentor_desktop.ui.journal.tab import JournalTab

DAY = date(2026, 3, 2)
LONG = ("mentor feedback plan review " * 8000)[:200_000]


class GatedSaves:
    """Stands in for `journal.save_text`: records the thread of each call, waits at the gate
    while it is closed, fails while `failures` holds errors, then saves for real."""

    def __init__(self, journal) -> None:
        self._real = journal.save_text
        self.gate = threading.Event()
        self.gate.set()
        self.started = threading.Event()
        self.threads: list[str] = []
        self.failures: list[Exception] = []

    def __call__(self, *args, **kwargs) -> None:
        self.threads.append(threading.current_thread().name)
        self.started.set()
        assert self.gate.wait(timeout=20)
        if self.failures:
            raise self.failures.pop(0)
        self._real(*args, **kwargs)


@pytest.fixture
def opened(qtbot, services, dialogs, monkeypatch):
    """The Journal tab with a long entry open, its id and the gated saves."""
    assert len(LONG) > BACKGROUND_CHARS
    entry = services.journal.create_entry(EntryDraft(DAY, "Long", LONG))
    tab = JournalTab(services.journal, ChangeBus(), dialogs)
    qtbot.addWidget(tab)
    tab.resize(1300, 800)
    tab.show()
    assert tab.editor.entry_id == entry.id
    saves = GatedSaves(services.journal)
    monkeypatch.setattr(services.journal, "save_text", saves)
    return tab, entry.id, saves


def _type(qtbot, tab: JournalTab, text: str) -> None:
    body = tab.view.editor.body_edit
    body.setFocus()
    body.moveCursor(body.textCursor().MoveOperation.End)
    qtbot.keyClicks(body, text)


def _stored(services, entry_id: int) -> str:
    return services.journal.get_entry(entry_id).body


def test_a_long_text_is_saved_off_the_gui_thread(qtbot, opened, services) -> None:
    tab, entry_id, saves = opened
    _type(qtbot, tab, " end")
    qtbot.waitUntil(lambda: _stored(services, entry_id) == LONG + " end", timeout=5000)
    qtbot.waitUntil(lambda: not tab.editor.has_unsaved, timeout=5000)
    assert saves.threads and threading.main_thread().name not in saves.threads
    assert tab.view.editor.saved_label.text().startswith("Saved ")
    assert tab.view.editor.error_label.isHidden()


def test_typing_during_a_save_in_flight_is_saved_after_it(qtbot, opened, services) -> None:
    tab, entry_id, saves = opened
    saves.gate.clear()
    _type(qtbot, tab, " first")
    qtbot.waitUntil(saves.started.is_set, timeout=5000)
    assert tab.editor.autosave.writing
    _type(qtbot, tab, " second")  # typed while " first" is being written
    assert tab.editor.has_unsaved
    waits = tab.editor.autosave.timer
    left = waits.remainingTime()
    saves.gate.set()
    qtbot.waitUntil(lambda: not tab.editor.autosave.writing, timeout=5000)
    # the landing does not restart the wait that " second" started
    assert not waits.isActive() or waits.remainingTime() <= left
    qtbot.waitUntil(lambda: _stored(services, entry_id) == LONG + " first second", timeout=5000)
    qtbot.waitUntil(lambda: not tab.editor.has_unsaved, timeout=5000)


def test_flush_waits_for_the_save_in_flight_and_then_writes_the_last_text(
    qtbot, opened, services
) -> None:
    tab, entry_id, saves = opened
    saves.gate.clear()
    _type(qtbot, tab, " first")
    qtbot.waitUntil(saves.started.is_set, timeout=5000)
    _type(qtbot, tab, " last")
    opener = threading.Timer(0.2, saves.gate.set)  # the write lands while flush waits
    opener.start()
    assert tab.flush()  # as switching entries and quitting do
    opener.join()
    assert _stored(services, entry_id) == LONG + " first last"
    assert not tab.editor.has_unsaved and unsaved_autosaves(tab) == []


def test_a_full_disk_during_the_write_keeps_the_text_says_so_and_tries_again(
    qtbot, opened, services
) -> None:
    tab, entry_id, saves = opened
    saves.failures.append(DiskFullError("save the text"))
    _type(qtbot, tab, " kept")
    error = tab.view.editor.error_label
    qtbot.waitUntil(lambda: "disk is full" in error.text(), timeout=5000)
    assert "Trying again" in error.text() and error.isVisible()
    assert tab.editor.has_unsaved
    assert "disk is full" in tab.editor.unsaved_problem()  # what quitting would ask about
    assert tab.view.editor.body_edit.text() == LONG + " kept"
    assert _stored(services, entry_id) == LONG
    assert tab.editor.timer.interval() > AUTOSAVE_MS  # the retry waits longer
    qtbot.waitUntil(lambda: _stored(services, entry_id) == LONG + " kept", timeout=10000)
    qtbot.waitUntil(lambda: error.isHidden(), timeout=5000)
    assert not tab.editor.has_unsaved and tab.editor.timer.interval() == AUTOSAVE_MS


def test_a_change_made_elsewhere_is_settled_when_the_write_reports(
    qtbot, opened, services, dialogs
) -> None:
    tab, entry_id, saves = opened
    saves.gate.clear()
    _type(qtbot, tab, " mine")
    qtbot.waitUntil(saves.started.is_set, timeout=5000)
    saves._real(entry_id, "Long", LONG + " theirs")  # another window saved meanwhile
    dialogs.choice_answers.append("mine")
    saves.gate.set()
    qtbot.waitUntil(lambda: bool(dialogs.asked), timeout=5000)
    assert "was changed elsewhere" in dialogs.asked[-1]
    qtbot.waitUntil(lambda: _stored(services, entry_id) == LONG + " mine", timeout=5000)
    qtbot.waitUntil(lambda: not tab.editor.has_unsaved, timeout=5000)
    assert tab.view.editor.body_edit.text() == LONG + " mine"


def test_switching_entries_during_a_save_in_flight_keeps_every_keystroke(
    qtbot, opened, services
) -> None:
    tab, entry_id, saves = opened
    other = services.journal.create_entry(EntryDraft(DAY, "Other", "Short."))
    tab.entries.apply_filters()
    saves.gate.clear()
    _type(qtbot, tab, " one")
    qtbot.waitUntil(saves.started.is_set, timeout=5000)
    _type(qtbot, tab, " two")
    opener = threading.Timer(0.2, saves.gate.set)
    opener.start()
    assert tab.select_entry(other.id)
    opener.join()
    assert tab.editor.entry_id == other.id
    assert _stored(services, entry_id) == LONG + " one two"
