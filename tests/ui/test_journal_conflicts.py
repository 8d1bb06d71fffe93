"""No silent overwrite: an entry changed elsewhere after it was opened here is never saved
over unseen; the person keeps mine, takes theirs or keeps both."""

from __future__ import annotations

from datetime import date

import pytest

from mentor_desktop.domain.journal import EntryDraft
from mentor_desktop.ui.bus import EXTERNAL, ChangeBus, ChangeKind
from mentor_desktop.ui.conflicts import BOTH_MARK
from mentor_desktop.ui.journal.tab import JournalTab

DAY = date(2026, 3, 2)


@pytest.fixture
def opened(qtbot, services, dialogs):
    """A journal tab with one entry open, and that entry's id."""
    entry = services.journal.create_entry(EntryDraft(DAY, "Retro", "Started here."))
    bus = ChangeBus()
    tab = JournalTab(services.journal, bus, dialogs)
    qtbot.addWidget(tab)
    tab.resize(1300, 800)
    tab.show()
    assert tab.editor.entry_id == entry.id
    return tab, bus, entry.id


def _type_here(qtbot, tab: JournalTab, text: str) -> None:
    body = tab.view.editor.body_edit
    body.setFocus()
    body.moveCursor(body.textCursor().MoveOperation.End)
    qtbot.keyClicks(body, text)


def _changed_elsewhere(services, entry_id: int) -> None:
    """Another window or the command line saves the same entry meanwhile."""
    services.journal.save_text(entry_id, "Retro", "Started here. Their line.")


@pytest.mark.parametrize(
    ("choice", "stored"),
    [
        ("mine", "Started here. My line."),
        ("theirs", "Started here. Their line."),
        ("both", f"Started here. Their line.\n\n{BOTH_MARK}\n\nStarted here. My line."),
    ],
)
def test_saving_over_a_change_made_elsewhere_asks_first(
    qtbot, opened, services, dialogs, choice: str, stored: str
) -> None:
    tab, _bus, entry_id = opened
    _type_here(qtbot, tab, " My line.")
    _changed_elsewhere(services, entry_id)
    dialogs.choice_answers.append(choice)
    tab.flush()
    assert dialogs.asked and "was changed elsewhere" in dialogs.asked[-1]
    assert "Their line." in dialogs.asked[-1] and "My line." in dialogs.asked[-1]
    assert services.journal.get_entry(entry_id).body == stored
    assert tab.view.editor.body_edit.text() == stored
    assert not tab.editor.has_unsaved
    # typing on saves without asking again: the editor now knows what is stored
    _type_here(qtbot, tab, "!")
    tab.flush()
    assert services.journal.get_entry(entry_id).body == stored + "!"
    assert len(dialogs.asked) == 1


def test_an_untouched_entry_shows_a_change_from_outside(qtbot, opened, services) -> None:
    tab, bus, entry_id = opened
    _changed_elsewhere(services, entry_id)
    bus.announce(ChangeKind.JOURNAL, EXTERNAL)
    assert tab.view.editor.body_edit.text() == "Started here. Their line."


def test_typed_text_is_kept_when_a_change_comes_from_outside(
    qtbot, opened, services, dialogs
) -> None:
    tab, bus, entry_id = opened
    _type_here(qtbot, tab, " My line.")
    _changed_elsewhere(services, entry_id)
    dialogs.choice_answers.append("mine")
    bus.announce(ChangeKind.JOURNAL, EXTERNAL)
    tab.flush()
    assert tab.view.editor.body_edit.text() == "Started here. My line."  # never replaced
    assert len(dialogs.asked) == 1
    assert services.journal.get_entry(entry_id).body == "Started here. My line."
