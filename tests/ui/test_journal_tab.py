"""The Journal tab driven like a user would: typing, switching, searching, filtering."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import QApplication

from mentor_desktop.domain.journal import EntryDraft, EntryKind
from mentor_desktop.domain.models import GoalDraft
from mentor_desktop.services.journal import JournalService
from mentor_desktop.ui.bus import ChangeBus
from mentor_desktop.ui.journal.dialogs import TemplatesDialog
from mentor_desktop.ui.journal.editor import AUTOSAVE_MS
from mentor_desktop.ui.journal.tab import JournalTab
from mentor_desktop.ui.models.journal_choices import GoalChecklistModel, TemplateListModel
from mentor_desktop.ui.models.journal_entries import (
    COL_TEXT,
    COL_TITLE,
    HTML_ROLE,
    JournalEntriesModel,
)

TODAY = date.today()


@pytest.fixture
def journal(services) -> JournalService:
    return services.journal


@pytest.fixture
def make_tab(qtbot, services, dialogs):
    def make() -> JournalTab:
        tab = JournalTab(services.journal, ChangeBus(), dialogs)
        qtbot.addWidget(tab)
        tab.resize(1300, 800)
        tab.show()
        return tab

    return make


def add(journal: JournalService, day: date, title: str, body: str = "", **fields):
    return journal.create_entry(EntryDraft(day, title, body, **fields))


def titles_shown(tab: JournalTab) -> list[str]:
    model = tab.model
    return [model.summary_at(row).title for row in range(model.rowCount())]


def click_row(qtbot, tab: JournalTab, row: int) -> None:
    view = tab.view.list_view
    rect = view.visualRect(tab.model.index(row, COL_TITLE))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


# ---------------------------------------------------------------- models


def test_models_pass_the_model_tester(qtmodeltester, journal: JournalService, services) -> None:
    for index in range(12):
        add(journal, TODAY - timedelta(days=index), f"Entry {index}", "text", tags=("t",))
    hits = journal.search("text")
    model = JournalEntriesModel(page_size=5)
    model.set_loader(lambda last, offset, limit: journal.list_page(limit=limit)[offset:])
    qtmodeltester.check(model)
    searched = JournalEntriesModel(page_size=5)
    searched.set_loader(lambda _l, offset, limit: hits[offset : offset + limit])
    qtmodeltester.check(searched)
    goals = GoalChecklistModel()
    goals.set_goals([(1, "One"), (2, "Two")])
    goals.set_checked({2})
    qtmodeltester.check(goals)
    templates = TemplateListModel()
    templates.set_templates(journal.templates())
    qtmodeltester.check(templates)


def test_the_list_is_loaded_a_page_at_a_time(make_tab, journal: JournalService) -> None:
    for index in range(450):
        add(journal, TODAY - timedelta(days=index), f"Entry {index}")
    tab = make_tab()
    assert tab.model.rowCount() == 200
    assert tab.model.canFetchMore()
    tab.view.list_view.scrollToBottom()
    tab.model.fetch_all()
    assert tab.model.rowCount() == 450
    assert titles_shown(tab)[0] == "Entry 0"
    assert titles_shown(tab)[-1] == "Entry 449"


# ---------------------------------------------------------------- writing


def test_typing_is_saved_after_the_pause(qtbot, make_tab, journal: JournalService) -> None:
    tab = make_tab()
    qtbot.mouseClick(tab.view.new_button, Qt.MouseButton.LeftButton)
    entry_id = tab.editor.entry_id
    assert entry_id is not None
    assert journal.get_entry(entry_id).entry_date == journal.today()
    editor = tab.view.editor
    qtbot.keyClicks(editor.title_edit, "Feedback from Sam")
    editor.body_edit.setFocus()
    qtbot.keyClicks(editor.body_edit, "He said I rush *demos*.")
    assert journal.get_entry(entry_id).body == ""  # not yet: the save waits a moment
    qtbot.waitUntil(
        lambda: journal.get_entry(entry_id).body == "He said I rush *demos*.",
        timeout=AUTOSAVE_MS * 3,
    )
    assert journal.get_entry(entry_id).title == "Feedback from Sam"
    assert titles_shown(tab)[0] == "Feedback from Sam"


def test_switching_entries_mid_typing_loses_nothing(
    qtbot, make_tab, journal: JournalService
) -> None:
    first = add(journal, TODAY, "First", "one")
    add(journal, TODAY - timedelta(days=1), "Second", "two")
    tab = make_tab()
    assert tab.editor.entry_id == first.id
    body = tab.view.editor.body_edit
    body.moveCursor(body.textCursor().MoveOperation.End)
    qtbot.keyClicks(body, " and more")
    click_row(qtbot, tab, 1)
    assert tab.view.editor.title_edit.text() == "Second"
    assert journal.get_entry(first.id).body == "one and more"


def test_closing_the_window_saves_what_was_typed(
    qtbot, journal: JournalService, services, dialogs, app_settings, db_path
) -> None:
    from mentor_desktop.ui.main_window import MainWindow

    window = MainWindow(app_settings, dialogs, db_path)
    qtbot.addWidget(window)
    tab = JournalTab(services.journal, window.change_bus, dialogs)
    window.add_tab(tab)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    qtbot.keyClick(tab.view.list_view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    entry_id = tab.editor.entry_id
    assert entry_id is not None
    tab.view.editor.body_edit.setFocus()
    qtbot.keyClicks(tab.view.editor.body_edit, "Last words before closing")
    window.close()
    assert journal.get_entry(entry_id).body == "Last words before closing"


def test_undo_and_redo_in_the_editor(qtbot, make_tab, journal: JournalService) -> None:
    add(journal, TODAY, "Entry", "")
    tab = make_tab()
    body = tab.view.editor.body_edit
    body.setFocus()
    qtbot.keyClicks(body, "hello")
    qtbot.keyClick(body, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert body.toPlainText() == ""
    qtbot.keyClick(
        body, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert body.toPlainText() == "hello"


def test_fields_save_at_once_and_the_date_can_change(
    qtbot, make_tab, journal: JournalService, services
) -> None:
    goal = services.goals.create_goal(GoalDraft("Present at all-hands"))
    entry = add(journal, TODAY, "Entry")
    tab = make_tab()
    editor = tab.view.editor
    editor.kind_combo.setCurrentIndex(editor.kind_combo.findData("setback"))
    editor.mood_combo.setCurrentIndex(editor.mood_combo.findData(2))
    qtbot.mouseClick(editor.flag_box, Qt.MouseButton.LeftButton)
    editor.tags_edit.setFocus()
    qtbot.keyClicks(editor.tags_edit, "#growth, public speaking")
    qtbot.keyClick(editor.tags_edit, Qt.Key.Key_Return)
    goals = tab.editor.goal_model
    goals.setData(goals.index(0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    editor.date_edit.setDate(QDate(2024, 2, 29))
    saved = journal.get_entry(entry.id)
    assert saved.kind is EntryKind.SETBACK
    assert saved.mood == 2
    assert saved.flagged
    assert saved.tags == ("growth", "public speaking")
    assert saved.goal_ids == (goal.id,)
    assert saved.entry_date == date(2024, 2, 29)
    assert "Another way to see it" in editor.body_edit.placeholderText()


def test_a_bad_tag_is_refused_next_to_the_field(qtbot, make_tab, journal: JournalService) -> None:
    entry = add(journal, TODAY, "Entry", tags=("kept",))
    tab = make_tab()
    editor = tab.view.editor
    editor.tags_edit.setFocus()
    editor.tags_edit.selectAll()
    qtbot.keyClicks(editor.tags_edit, "good, ##")
    qtbot.keyClick(editor.tags_edit, Qt.Key.Key_Return)
    assert editor.error_label.isVisible()
    assert "not a tag" in editor.error_label.text()
    assert journal.get_entry(entry.id).tags == ("kept",)


def test_preview_renders_the_markdown(qtbot, make_tab, journal: JournalService) -> None:
    add(journal, TODAY, "Entry", "# Big heading\n\nSome **bold** words\n\n- a list item")
    tab = make_tab()
    editor = tab.view.editor
    qtbot.mouseClick(editor.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Big heading" in editor.preview.toPlainText())
    assert editor.preview.isVisible() and not editor.body_edit.isVisible()
    shown = editor.preview.toPlainText()
    assert "Big heading" in shown and "bold" in shown
    assert "**" not in shown and "#" not in shown
    qtbot.mouseClick(editor.preview_button, Qt.MouseButton.LeftButton)
    assert editor.body_edit.isVisible() and not editor.preview.isVisible()


def test_insert_a_prompt_from_the_menu(qtbot, make_tab, journal: JournalService) -> None:
    entry = add(journal, TODAY, "Entry", kind=EntryKind.WIN)
    tab = make_tab()
    menu = tab.view.editor.prompt_button.menu()
    menu.aboutToShow.emit()
    names = [action.text() for action in menu.actions()]
    assert names == ["Win", "Weekly review", "", "Edit prompts…"]
    menu.actions()[0].trigger()
    tab.flush()
    assert "## Evidence" in journal.get_entry(entry.id).body
    opened: list[object] = []

    def close_the_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        opened.append(dialog)
        dialog.reject()

    QTimer.singleShot(0, close_the_dialog)
    menu.actions()[-1].trigger()  # Edit prompts…
    assert len(opened) == 1 and isinstance(opened[0], TemplatesDialog)


def test_delete_can_be_undone(qtbot, make_tab, journal: JournalService) -> None:
    entry = add(journal, TODAY, "Doomed", "text", tags=("x",))
    add(journal, TODAY - timedelta(days=1), "Stays")
    tab = make_tab()
    qtbot.mouseClick(tab.view.editor.delete_button, Qt.MouseButton.LeftButton)
    assert titles_shown(tab) == ["Stays"]
    assert journal.count() == 1
    tab.undo_stack().undo()
    assert journal.get_entry(entry.id).tags == ("x",)
    assert titles_shown(tab) == ["Doomed", "Stays"]
    assert tab.editor.entry_id == entry.id
    tab.undo_stack().redo()
    assert journal.count() == 1
    tab.undo_stack().undo()
    assert tab.select_entry(entry.id)
    tab.view.list_view.setFocus()
    qtbot.keyClick(tab.view.list_view, Qt.Key.Key_Delete)
    assert titles_shown(tab) == ["Stays"]
    assert journal.count() == 1


# ---------------------------------------------------------------- finding


def test_search_box_shows_the_snippet(qtbot, make_tab, journal: JournalService) -> None:
    add(journal, TODAY, "Coffee", "We met at the café to talk about zanzibar plans and more.")
    add(journal, TODAY - timedelta(days=1), "Other", "Nothing to see")
    tab = make_tab()
    qtbot.keyClicks(tab.view.search_edit, "zanzib")
    qtbot.waitUntil(lambda: titles_shown(tab) == ["Coffee"], timeout=3000)
    text_cell = tab.model.index(0, COL_TEXT)
    assert "zanzibar plans" in text_cell.data()
    assert "<b>zanzibar</b>" in text_cell.data(HTML_ROLE)
    assert tab.view.result_label.text() == "1 match"
    tab.view.search_edit.clear()
    qtbot.keyClicks(tab.view.search_edit, '"unbalanced AND OR * -')
    qtbot.waitUntil(lambda: tab.view.result_label.text() == "No matches", timeout=3000)
    qtbot.keyClicks(tab.view.search_edit, " cafe")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 0, timeout=3000)


def test_accent_free_search_finds_accented_text(qtbot, make_tab, journal: JournalService) -> None:
    add(journal, TODAY, "Coffee", "At the café")
    tab = make_tab()
    qtbot.keyClicks(tab.view.search_edit, "cafe")
    qtbot.keyClick(tab.view.search_edit, Qt.Key.Key_Return)
    assert titles_shown(tab) == ["Coffee"]


def test_filters_narrow_the_list(qtbot, make_tab, journal: JournalService, services) -> None:
    goal = services.goals.create_goal(GoalDraft("Learn Rust"))
    add(journal, TODAY, "A win", kind=EntryKind.WIN, tags=("rust",), goal_ids=(goal.id,))
    add(journal, TODAY - timedelta(days=1), "A setback", kind=EntryKind.SETBACK, flagged=True)
    add(journal, date(2020, 5, 5), "Old reflection")
    tab = make_tab()
    v = tab.view
    assert titles_shown(tab) == ["A win", "A setback", "Old reflection"]
    v.kind_filter.setCurrentIndex(v.kind_filter.findData("win"))
    assert titles_shown(tab) == ["A win"]
    qtbot.mouseClick(v.clear_filters_button, Qt.MouseButton.LeftButton)
    v.tag_filter.setCurrentIndex(v.tag_filter.findData("rust"))
    assert titles_shown(tab) == ["A win"]
    qtbot.mouseClick(v.clear_filters_button, Qt.MouseButton.LeftButton)
    v.goal_filter.setCurrentIndex(v.goal_filter.findData(goal.id))
    assert titles_shown(tab) == ["A win"]
    qtbot.mouseClick(v.clear_filters_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(v.flagged_filter, Qt.MouseButton.LeftButton)
    assert titles_shown(tab) == ["A setback"]
    qtbot.mouseClick(v.clear_filters_button, Qt.MouseButton.LeftButton)
    v.to_filter.setDate(QDate(2021, 1, 1))
    assert titles_shown(tab) == ["Old reflection"]
    v.to_filter.setDate(QDate(1900, 1, 1))
    v.from_filter.setDate(QDate(2021, 1, 1))
    assert titles_shown(tab) == ["A win", "A setback"]
    assert v.result_label.text() == "2 entries"


def test_calendar_marks_days_and_jumps(qtbot, make_tab, journal: JournalService) -> None:
    add(journal, TODAY, "Today")
    add(journal, date(2020, 3, 14), "Pi day 2020")
    add(journal, date(2019, 3, 14), "Pi day 2019")
    add(journal, date(2019, 3, 10), "Before")
    tab = make_tab()
    assert TODAY in tab.days_marked()
    tab.view.calendar.setCurrentPage(2020, 3)
    assert tab.days_marked() == [date(2020, 3, 14)]
    tab.jump_to_day(QDate(2020, 3, 14))
    assert titles_shown(tab) == ["Pi day 2020", "Pi day 2019", "Before"]
    assert tab.view.editor.title_edit.text() == "Pi day 2020"
    on_this_day = tab.on_this_day_model
    assert [on_this_day.summary_at(r).title for r in range(on_this_day.rowCount())] == [
        "Pi day 2019"
    ]
    assert "earlier years: 1" in tab.view.on_this_day_label.text()


def test_the_templates_dialog_edits_and_adds_prompts(
    qtbot, journal: JournalService, dialogs
) -> None:
    dialog = TemplatesDialog(journal, dialogs)
    qtbot.addWidget(dialog)
    assert dialog.name_edit.text() == "Reflection"
    dialog.body_edit.selectAll()
    qtbot.keyClicks(dialog.body_edit, "## What surprised me")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert journal.prompt_for(EntryKind.REFLECTION).body == "## What surprised me"
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    dialog.name_edit.selectAll()
    qtbot.keyClicks(dialog.name_edit, "Book notes")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "Book notes" in [t.name for t in journal.templates()]
    dialog.name_edit.clear()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "needs a name" in dialog.error_label.text()
    assert "Book notes" in [t.name for t in journal.templates()]
    dialogs.confirm_answers.append(True)
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert "Book notes" not in [t.name for t in journal.templates()]


def test_find_focuses_the_search_box(qtbot, make_tab) -> None:
    tab = make_tab()
    tab.activateWindow()
    tab.focus_search()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tab.view.search_edit, timeout=1000)


def test_other_tabs_hear_of_changes_they_show_but_not_of_each_save(
    qtbot, journal: JournalService, services, dialogs
) -> None:
    add(journal, TODAY, "Entry", "text")
    bus = ChangeBus()
    heard: list[str] = []
    bus.changed.connect(lambda change: heard.append(change.kind))
    tab = JournalTab(services.journal, bus, dialogs)
    qtbot.addWidget(tab)
    body = tab.view.editor.body_edit
    qtbot.keyClicks(body, " more")
    tab.flush()
    assert heard == []
    qtbot.mouseClick(tab.view.editor.flag_box, Qt.MouseButton.LeftButton)
    assert heard == ["journal"]


def test_another_tab_can_open_an_entry(qtbot, make_tab, journal: JournalService) -> None:
    from mentor_desktop.ui.bus import ItemKind

    old = add(journal, date(2019, 4, 1), "Old flagged", flagged=True)
    add(journal, TODAY, "Recent")
    tab = make_tab()
    tab.view.kind_filter.setCurrentIndex(tab.view.kind_filter.findData("win"))
    assert titles_shown(tab) == []
    assert ItemKind.JOURNAL_ENTRY in tab.opens()
    tab.open_item(ItemKind.JOURNAL_ENTRY, old.id)
    assert tab.view.editor.title_edit.text() == "Old flagged"
    assert tab.view.kind_filter.currentIndex() == 0  # filters cleared to show it
    assert tab.model.row_of(old.id) >= 0


def test_link_goals_and_through_them_milestones(
    qtbot, make_tab, journal: JournalService, services
) -> None:
    from mentor_desktop.domain.models import MilestoneDraft

    goal = services.goals.create_goal(GoalDraft("Speak at a conference"))
    first = services.goals.add_milestone(goal.id, MilestoneDraft("Submit a talk"))
    services.goals.add_milestone(goal.id, MilestoneDraft("Rehearse"))
    services.goals.create_goal(GoalDraft("Unrelated goal"))
    entry = add(journal, TODAY, "Entry")
    tab = make_tab()
    goals = tab.editor.goal_model
    milestones = tab.editor.milestone_model
    assert milestones.rowCount() == 0  # nothing offered before a goal is ticked
    goals.setData(goals.index(0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    offered = [milestones.index(r).data() for r in range(milestones.rowCount())]
    assert offered == ["Speak at a conference: Submit a talk", "Speak at a conference: Rehearse"]
    milestones.setData(milestones.index(0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    saved = journal.get_entry(entry.id)
    assert (saved.goal_ids, saved.milestone_ids) == ((goal.id,), (first.id,))
    goals.setData(goals.index(0), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    saved = journal.get_entry(entry.id)
    assert (saved.goal_ids, saved.milestone_ids) == ((), ())
    assert milestones.rowCount() == 0


def test_text_that_cannot_be_saved_keeps_its_entry_open(
    qtbot, make_tab, journal: JournalService, monkeypatch: pytest.MonkeyPatch
) -> None:
    import mentor_desktop.domain.journal as journal_rules

    first = add(journal, TODAY, "First", "short")
    add(journal, TODAY - timedelta(days=1), "Second")
    tab = make_tab()
    monkeypatch.setattr(journal_rules, "MAX_BODY", 10)
    body = tab.view.editor.body_edit
    body.moveCursor(body.textCursor().MoveOperation.End)
    qtbot.keyClicks(body, " and far too long")
    click_row(qtbot, tab, 1)
    qtbot.waitUntil(lambda: tab.view.list_view.currentIndex().row() == 0, timeout=2000)
    assert tab.editor.entry_id == first.id
    assert body.toPlainText() == "short and far too long"
    assert "the limit for one entry is 10" in tab.view.editor.error_label.text()
    assert journal.get_entry(first.id).body == "short"
    monkeypatch.setattr(journal_rules, "MAX_BODY", 1000)
    click_row(qtbot, tab, 1)
    assert tab.view.editor.title_edit.text() == "Second"
    assert journal.get_entry(first.id).body == "short and far too long"


# ---------------------------------------------------------------- filters, failures, retries


def test_tag_and_goal_filters_are_item_models(
    qtbot, qtmodeltester, make_tab, journal: JournalService, services
) -> None:
    from mentor_desktop.ui.models.journal_filters import FilterChoicesModel

    goal = services.goals.create_goal(GoalDraft("Speak up"))
    add(journal, TODAY, "Tagged", tags=("growth",), goal_ids=(goal.id,))
    add(journal, TODAY - timedelta(days=1), "Plain")
    tab = make_tab()
    tags, goals = tab.view.tag_filter, tab.view.goal_filter
    assert isinstance(tags.model(), FilterChoicesModel)
    assert isinstance(goals.model(), FilterChoicesModel)
    qtmodeltester.check(tags.model())
    qtmodeltester.check(goals.model())
    assert [tags.itemText(i) for i in range(tags.count())] == ["All tags", "growth"]
    assert [goals.itemText(i) for i in range(goals.count())] == ["All goals", "Speak up"]
    tags.setCurrentIndex(1)
    assert titles_shown(tab) == ["Tagged"]
    tags.setCurrentIndex(0)
    goals.setCurrentIndex(goals.findData(goal.id))
    assert titles_shown(tab) == ["Tagged"]
    add(journal, TODAY, "Later", tags=("another",))
    tab._reload_tag_choices()  # the chosen goal stays chosen while the lists change
    assert goals.currentData() == goal.id and tags.currentIndex() == 0
    model = FilterChoicesModel("All")
    model.set_choices([(1, "One"), (2, "Two")])
    qtmodeltester.check(model)


def test_a_locked_database_keeps_the_text_unsaved_and_autosave_tries_again(
    qtbot, make_tab, journal: JournalService, monkeypatch
) -> None:
    from mentor_desktop.services.journal import StorageFailedError

    entry = add(journal, TODAY, "Draft")
    tab = make_tab()
    real_save = journal.save_text
    failures = []

    def locked_twice(*args: object) -> None:
        if len(failures) < 2:
            failures.append(args)
            raise StorageFailedError("save the text", "the database is busy")
        real_save(*args)

    monkeypatch.setattr(journal, "save_text", locked_twice)
    qtbot.keyClicks(tab.view.editor.body_edit, "kept")
    qtbot.waitUntil(lambda: len(failures) == 1, timeout=5000)
    assert "busy" in tab.view.editor.error_label.text()
    assert "Trying again" in tab.view.editor.error_label.text()
    assert tab.editor.has_unsaved
    assert tab.editor.timer.interval() > AUTOSAVE_MS  # waits longer each time
    qtbot.waitUntil(lambda: journal.get_entry(entry.id).body == "kept", timeout=10000)
    assert len(failures) == 2 and not tab.editor.has_unsaved
    assert tab.view.editor.error_label.text() == ""
    assert tab.editor.timer.interval() == AUTOSAVE_MS


def test_typed_text_is_saved_even_when_saving_the_other_fields_fails(
    qtbot, make_tab, journal: JournalService, monkeypatch
) -> None:
    from mentor_desktop.domain.errors import ValidationError

    entry = add(journal, TODAY, "Draft")
    tab = make_tab()

    def refuse(*_args: object) -> None:
        raise ValidationError.single("goals", "Cannot link to goal #9: it no longer exists.")

    monkeypatch.setattr(journal, "update_entry", refuse)
    qtbot.keyClicks(tab.view.editor.body_edit, "typed")
    kind = tab.view.editor.kind_combo
    kind.setCurrentIndex((kind.currentIndex() + 1) % kind.count())  # saves every field: fails
    assert "no longer exists" in tab.view.editor.error_label.text()
    qtbot.waitUntil(lambda: journal.get_entry(entry.id).body == "typed", timeout=5000)


def test_an_undo_that_fails_is_reported_and_clears_the_history(
    qtbot, make_tab, journal: JournalService, services, dialogs, engine
) -> None:
    entry = add(journal, TODAY, "Doomed", "old text")
    add(journal, TODAY - timedelta(days=1), "Stays")
    tab = make_tab()
    qtbot.mouseClick(tab.view.editor.delete_button, Qt.MouseButton.LeftButton)
    assert tab.undo_stack().canUndo()
    with engine.begin() as connection:  # another entry took the deleted entry's id
        connection.exec_driver_sql(
            "INSERT INTO journal_entry (id, entry_date, title, body, kind, flagged, tag_text,"
            " created_at, updated_at) VALUES (?, ?, 'Newcomer', 'new text', 'reflection', 0,"
            " '', '2026-01-01', '2026-01-01')",
            (entry.id, TODAY.isoformat()),
        )
    tab.undo_stack().undo()
    assert "Could not put the entry back" in dialogs.errors[-1]
    assert "undo history was cleared" in dialogs.errors[-1]
    qtbot.waitUntil(lambda: tab.undo_stack().count() == 0)
    assert not tab.undo_stack().canRedo()
    assert journal.get_entry(entry.id).title == "Newcomer"  # left alone
    assert journal.get_entry(entry.id).body == "new text"


def test_a_megabyte_on_one_line_is_edited_and_saved_exactly(
    qtbot, make_tab, journal: JournalService
) -> None:
    words = ["mentor", "feedback", "délégation", "plan", "review"]
    line = " ".join(words[i % 5] for i in range(180_000))[:1_000_000] + "\u00a0end"
    entry = add(journal, TODAY, "Huge", line)
    tab = make_tab()
    body = tab.view.editor.body_edit
    assert tab.editor.entry_id == entry.id
    assert body.document().blockCount() > 300  # shown in pieces, so each key is quick
    body.setFocus()
    body.moveCursor(body.textCursor().MoveOperation.End)
    qtbot.keyClicks(body, "!")
    assert tab.editor.flush()
    assert journal.get_entry(entry.id).body == line + "!"


def test_result_counts_are_written_correctly() -> None:
    from mentor_desktop.ui.models.journal_entries import counted

    assert counted(1, "", "match", "matches") == "1 match"
    assert counted(2, "", "match", "matches") == "2 matches"
    assert counted(200, "+", "match", "matches") == "200+ matches"
    assert counted(1, "", "entry", "entries") == "1 entry"
