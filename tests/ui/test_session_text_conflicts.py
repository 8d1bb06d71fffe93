"""No silent overwrite of session notes: a note changed elsewhere after it was opened here
is never saved over unseen."""

from __future__ import annotations

import pytest

from mentor_desktop.ui.bus import ChangeBus
from mentor_desktop.ui.conflicts import BOTH_MARK
from mentor_desktop.ui.sessions.tab import SessionPrepTab
from tests.factories import write_demo_db


@pytest.fixture
def opened(qtbot, tmp_path, dialogs):
    from mentor_desktop.app import open_services

    engine, services = open_services(write_demo_db(tmp_path / "demo.sqlite3", years=1))
    tab = SessionPrepTab(services.sessions, ChangeBus(), dialogs)
    qtbot.addWidget(tab)
    tab.show()
    session = tab.notes._host.stored_current()
    assert session is not None
    yield tab, services, session.id
    engine.dispose()


@pytest.mark.parametrize(
    ("choice", "stored"),
    [
        ("mine", "My notes."),
        ("theirs", "Their notes."),
        ("both", f"Their notes.\n\n{BOTH_MARK}\n\nMy notes."),
    ],
)
def test_notes_changed_elsewhere_are_never_replaced_unseen(
    qtbot, opened, dialogs, choice: str, stored: str
) -> None:
    tab, services, session_id = opened
    tab.view.notes.setPlainText("My notes.")
    services.sessions.update_texts(session_id, notes="Their notes.")  # another window
    dialogs.choice_answers.append(choice)
    assert tab.notes.flush()
    assert "was changed elsewhere" in dialogs.asked[-1]
    assert services.sessions.detail(session_id).session.notes == stored
    assert tab.view.notes.toPlainText() == stored
    tab.view.notes.setPlainText(stored + "!")  # typing on saves without asking again
    assert tab.notes.flush()
    assert services.sessions.detail(session_id).session.notes == stored + "!"
    assert len(dialogs.asked) == 1
