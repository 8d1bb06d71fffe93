"""A title with bidi controls is shown marked in every list, the details and dialogs, and
kept exactly as typed for editing."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from mentor_desktop.domain.journal import EntryDraft
from mentor_desktop.domain.models import GoalDraft, GoalKind
from mentor_desktop.ui.models.goal_tree import GoalTreeModel
from mentor_desktop.ui.models.journal_entries import HTML_ROLE, JournalEntriesModel

TRICK = "invoice\u202efdp.exe"
SHOWN = "invoice\u2039RLO\u203afdp.exe"


def test_goal_tree_shows_the_marker_and_edits_the_text(qtmodeltester, services) -> None:
    goal = services.goals.create_goal(GoalDraft(title=TRICK, kind=GoalKind.CAREER))
    model = GoalTreeModel()
    model.set_goals([services.goals.get_goal(goal.id)])
    qtmodeltester.check(model)
    index = model.index(0, 0)
    assert index.data(Qt.ItemDataRole.DisplayRole) == SHOWN
    assert index.data(Qt.ItemDataRole.EditRole) == TRICK


def test_journal_list_shows_the_marker_in_title_and_text(services) -> None:
    services.journal.create_entry(
        EntryDraft(date(2026, 1, 5), title=TRICK, body=f"see {TRICK} attached")
    )
    model = JournalEntriesModel()
    model.set_loader(lambda _last, offset, limit: services.journal.list_page(limit=limit)[offset:])
    texts = [model.index(0, column).data() for column in range(model.columnCount())]
    assert SHOWN in texts and not any(TRICK in str(text) for text in texts)
    html = [model.index(0, column).data(HTML_ROLE) for column in range(model.columnCount())]
    assert any(SHOWN in str(value) for value in html)
