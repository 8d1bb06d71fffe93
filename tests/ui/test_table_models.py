"""Every table model shares one base with named columns, and passes Qt's model checks."""

from __future__ import annotations

import ast
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt

from mentor_desktop.domain.journal import EntryKind, EntrySummary
from mentor_desktop.domain.sessions import (
    ActionItem,
    ActionOwner,
    AgendaItem,
    AgendaKind,
    AgendaSource,
)
from mentor_desktop.domain.timeline import TimelineItem, TimelineKind
from mentor_desktop.ui.models import journal_entries, timeline_items
from mentor_desktop.ui.models.action_items import COL_DONE, COL_TEXT, ActionItemTableModel
from mentor_desktop.ui.models.agenda_table import COL_DISCUSSED, AgendaTableModel
from mentor_desktop.ui.models.journal_entries import JournalEntriesModel
from mentor_desktop.ui.models.timeline_items import TimelineItemModel

MODELS = Path(__file__).parents[2] / "mentor_desktop" / "ui" / "models"


def test_every_table_model_derives_from_the_list_table_base() -> None:
    direct = set()
    for path in MODELS.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and any(
                getattr(base, "id", "") == "QAbstractTableModel" for base in node.bases
            ):
                direct.add(node.name)
    assert direct == {"ListTableModel"}


def test_action_items_pass_the_model_tester_and_tick_by_column(qtmodeltester, qtbot) -> None:
    model = ActionItemTableModel()
    model.set_items(
        [
            ActionItem(1, None, ActionOwner.ME, "Send the draft", date(2026, 3, 1), None, None),
            ActionItem(2, 4, ActionOwner.MENTOR, "Intro to Sam", None, date(2026, 2, 1), 3, "G"),
        ],
        today=date(2026, 3, 10),
    )
    qtmodeltester.check(model)
    assert model.index(0, COL_TEXT).data() == "Send the draft"
    with qtbot.waitSignal(model.done_toggled) as toggled:
        model.setData(
            model.index(0, COL_DONE), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
        )
    assert toggled.args == [1, True]


def test_agenda_passes_the_model_tester(qtmodeltester) -> None:
    model = AgendaTableModel()
    model.set_items(
        [
            AgendaItem(
                1, 9, 0, AgendaKind.TOPIC, "Promotion case", AgendaSource.OWN, None, None, False
            ),
            AgendaItem(
                2, 9, 1, AgendaKind.QUESTION, "Budget?", AgendaSource.JOURNAL, 5, None, True
            ),
        ]
    )
    qtmodeltester.check(model)
    assert (
        model.index(1, COL_DISCUSSED).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    )


def _summary(entry_id: int, title: str) -> EntrySummary:
    day = date(2026, 3, 1) + timedelta(days=entry_id)
    return EntrySummary(entry_id, day, title, EntryKind.WIN, ("work",), f"{title} text", False)


def test_journal_entries_load_by_page_and_change_in_place(qtmodeltester, qtbot) -> None:
    entries = [_summary(i, f"Entry {i}") for i in range(1, 6)]
    model = JournalEntriesModel(page_size=2)
    model.set_loader(lambda _last, done, size: entries[done : done + size])
    assert model.rowCount() == 2 and model.canFetchMore()
    with qtbot.waitSignal(model.rowsInserted):
        model.fetchMore()
    assert model.rowCount() == 4
    qtmodeltester.check(model)  # fetches the rest, and checks every change from here on
    assert [model.index(r, journal_entries.COL_TITLE).data() for r in range(model.rowCount())] == [
        f"Entry {i}" for i in range(1, 6)
    ]
    assert not model.canFetchMore()
    with qtbot.waitSignal(model.dataChanged) as changed:
        model.replace(_summary(3, "Renamed"))
    assert changed.args[0].row() == 2 and changed.args[1].column() == journal_entries.COL_TEXT
    assert model.index(2, journal_entries.COL_TITLE).data() == "Renamed"
    with qtbot.assertNotEmitted(model.modelReset):
        model.remove_entry(2)
    assert model.row_of(2) == -1 and model.rowCount() == 4
    model.replace(_summary(99, "Not listed"))  # nothing to show it in
    assert model.rowCount() == 4


def test_timeline_items_name_their_columns(qtmodeltester) -> None:
    day = date(2026, 3, 3)
    item = TimelineItem(TimelineKind.SESSION, 7, "Monthly", day, day, status="planned")
    model = TimelineItemModel()
    model.set_items([item])
    qtmodeltester.check(model)
    assert model.index(0, timeline_items.COL_TITLE).data() == "Monthly"
    assert model.index(0, timeline_items.COL_START).data() == "3 Mar 2026"
    assert model.index(0, timeline_items.COL_STATUS).data() == "Planned"
    assert model.item_at(0) == item
