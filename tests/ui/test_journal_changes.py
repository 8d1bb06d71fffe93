"""The Journal tab and the change bus: its own edits reload nothing, a change from
elsewhere updates the listed entries it names."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from mentor_desktop.domain.journal import EntryDraft
from mentor_desktop.services.journal import JournalService
from mentor_desktop.ui.bus import Change, ChangeBus, ChangeKind
from mentor_desktop.ui.journal.tab import JournalTab

TODAY = date.today()


@pytest.fixture
def journal(services) -> JournalService:
    return services.journal


@pytest.fixture
def bus() -> ChangeBus:
    return ChangeBus()


@pytest.fixture
def entries(journal: JournalService):
    older = journal.create_entry(EntryDraft(TODAY - timedelta(days=3), "Older", "first text"))
    newer = journal.create_entry(EntryDraft(TODAY, "Newer", "second text"))
    return older, newer


@pytest.fixture
def tab(qtbot, journal, bus, dialogs, entries) -> JournalTab:
    widget = JournalTab(journal, bus, dialogs)
    qtbot.addWidget(widget)
    widget.resize(1300, 800)
    widget.show()
    return widget


def _heard(bus: ChangeBus) -> list[Change]:
    changes: list[Change] = []
    bus.changed.connect(changes.append)
    return changes


def test_own_edits_are_announced_and_reload_nothing(qtbot, tab, bus, journal, entries) -> None:
    _older, newer = entries
    heard = _heard(bus)
    loads = tab.entries.reload_count
    assert tab.editor.entry_id == newer.id
    with qtbot.assertNotEmitted(tab.model.modelReset):
        qtbot.keyClicks(tab.view.editor.title_edit, " and more")
        assert tab.flush()
        qtbot.mouseClick(tab.view.editor.flag_box, Qt.MouseButton.LeftButton)
    assert journal.get_entry(newer.id).title == "Newer and more"
    assert journal.get_entry(newer.id).flagged
    assert tab.entries.reload_count == loads
    assert tab.model.summary_at(tab.model.row_of(newer.id)).title == "Newer and more"
    assert heard and all(c.origin is tab and c.ids == (newer.id,) for c in heard)


def test_a_change_from_elsewhere_updates_only_that_row(qtbot, tab, bus, journal, entries):
    older, _newer = entries
    journal.update_entry(
        older.id, EntryDraft(older.entry_date, "Older, renamed", "first text", flagged=True)
    )
    loads = tab.entries.reload_count
    with qtbot.assertNotEmitted(tab.model.modelReset):
        bus.announce(ChangeKind.JOURNAL, object(), ids=(older.id,))
    assert tab.entries.reload_count == loads
    row = tab.model.summary_at(tab.model.row_of(older.id))
    assert (row.title, row.flagged) == ("Older, renamed", True)


def test_a_change_naming_no_entry_reloads_the_list_once(tab, bus, journal) -> None:
    journal.create_entry(EntryDraft(TODAY, "Imported", ""))
    loads = tab.entries.reload_count
    bus.announce(ChangeKind.JOURNAL, object())
    assert tab.entries.reload_count == loads + 1
    assert tab.model.rowCount() == 3
