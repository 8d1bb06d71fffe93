"""The Growth tab driven like a person: dialogs, keys, autosaved text, undo, bad input."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox

from mentor_desktop.domain.growth.opportunities import OpportunityDraft, OpportunityStatus
from mentor_desktop.domain.growth.practice import Metric, PracticeDraft, PracticeStatus
from mentor_desktop.domain.growth.skills import LevelChangeNote, SkillDraft
from mentor_desktop.services.growth import GrowthService
from mentor_desktop.storage.uow import unit_of_work_factory
from mentor_desktop.ui.bus import ChangeBus, ItemKind
from mentor_desktop.ui.growth.models import (
    MeasurementTableModel,
    MoveTableModel,
    OpportunityTableModel,
    PracticeTableModel,
    SkillHistoryModel,
    SkillTableModel,
)
from mentor_desktop.ui.growth.tab import GrowthTab

TODAY = date(2026, 6, 15)


@pytest.fixture
def growth(engine) -> GrowthService:
    return GrowthService(unit_of_work_factory(engine), today=lambda: TODAY)


@pytest.fixture
def tab(qtbot, growth, dialogs) -> GrowthTab:
    widget = GrowthTab(growth, ChangeBus(), dialogs)
    qtbot.addWidget(widget)
    widget.resize(1280, 660)
    widget.show()
    return widget


def _ok(qtbot, dialog) -> None:
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )


def _seed(growth: GrowthService):
    skill = growth.skills.create_skill(
        SkillDraft("Facilitation", "Leadership", 2, 4), LevelChangeNote(changed_on=date(2026, 1, 1))
    )
    practice = growth.practice.create_practice(
        PracticeDraft(
            "Speak last in the retro",
            start_date=date(2026, 6, 1),
            metric=Metric("Talk time", "%", 45, 20),
            skill_ids=(skill.id,),
        )
    )
    growth.practice.move_practice(practice.id, PracticeStatus.RUNNING)
    opportunity = growth.opportunities.create_opportunity(
        OpportunityDraft("Lead the guild", deadline=date(2026, 7, 1), skill_ids=(skill.id,)),
        date(2026, 6, 1),
    )
    return skill, practice, opportunity


def test_every_model_passes_the_model_tester(qtmodeltester, growth) -> None:
    skill, practice, opportunity = _seed(growth)
    growth.skills.update_skill(skill.id, SkillDraft("Facilitation", "Leadership", 3, 4))
    practice = growth.practice.get_practice(practice.id)
    models = [
        (PracticeTableModel(), [practice]),
        (MeasurementTableModel(), practice.measurements),
        (SkillTableModel(lambda: TODAY), growth.skills.list_skills()),
        (SkillHistoryModel(), growth.skills.get_skill(skill.id).changes),
        (OpportunityTableModel(), [opportunity]),
        (MoveTableModel(), opportunity.moves),
    ]
    for model, rows in models:
        model.set_rows(rows)
        qtmodeltester.check(model)


def test_empty_pages_say_how_to_start(tab) -> None:
    for page in tab.all_pages():
        tab.show_page(page)  # each page reads its rows when first shown
        assert page.list_stack.currentWidget() is page.empty_label
        assert "Ctrl+N" in page.empty_label.text()


def test_a_due_date_before_the_start_is_shown_under_the_field_and_nothing_is_written(
    qtbot, tab, growth
) -> None:
    tab.new_item()
    dialog = tab.practice.active_dialog
    qtbot.keyClicks(dialog.title_edit, "Pitch the roadmap")
    dialog.start_field.set_value(date(2026, 6, 10))
    dialog.due_field.set_value(date(2026, 6, 1))
    _ok(qtbot, dialog)
    assert dialog.isVisible()
    assert "before the start" in dialog.error_text("due_date")
    assert growth.practice.list_practice() == []
    dialog.due_field.set_value(date(2026, 6, 30))
    _ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert tab.practice.current_item().title == "Pitch the roadmap"


def test_measure_finish_and_debrief_with_autosave_and_undo(qtbot, tab, growth) -> None:
    _skill, practice, _opportunity = _seed(growth)
    tab.practice.reload()
    tab.practice.open_id(practice.id)
    tab.practice.add_measurement()
    dialog = tab.practice.active_dialog
    _ok(qtbot, dialog)  # no value typed
    assert dialog.isVisible() and "value" in dialog.error_text("value")
    qtbot.keyClicks(dialog.value_edit, "30")
    _ok(qtbot, dialog)
    assert tab.practice.measurement_model.rowCount() == 1

    tab.practice.change_status()
    dialog = tab.practice.active_dialog
    dialog.status_combo.setCurrentIndex(dialog.status_combo.findData("done"))
    _ok(qtbot, dialog)
    assert tab.practice.sections.currentIndex() == 1  # the debrief is asked for
    assert "debrief?" in tab.practice.model.data(tab.practice.model.index(0, 2))
    lessons = tab.practice.debrief_texts.edits["lessons"]
    qtbot.keyClicks(lessons, "Silence makes room.")
    qtbot.waitUntil(lambda: growth.practice.get_practice(practice.id).debrief.lessons != "")
    assert growth.practice.get_practice(practice.id).debrief.lessons == "Silence makes room."

    tab.undo_stack().undo()  # the status move
    assert growth.practice.get_practice(practice.id).status is PracticeStatus.RUNNING
    assert lessons.toPlainText() == "Silence makes room."  # typed text is never undone away


def test_a_planned_practice_cannot_be_done_and_says_so_next_to_the_status(qtbot, tab, growth):
    practice = growth.practice.create_practice(PracticeDraft("Pitch"))
    tab.practice.reload()
    tab.practice.open_id(practice.id)
    tab.practice.change_status()
    dialog = tab.practice.active_dialog
    dialog.status_combo.setCurrentIndex(dialog.status_combo.findData("done"))
    _ok(qtbot, dialog)
    assert dialog.isVisible() and "Start it first" in dialog.error_text("status")
    assert growth.practice.get_practice(practice.id).status is PracticeStatus.PLANNED


def test_a_target_below_current_needs_a_reason_then_history_keeps_it(qtbot, tab, growth) -> None:
    skill, _practice, _opportunity = _seed(growth)
    tab.show_page(tab.skills)
    tab.skills.reload()
    tab.skills.open_id(skill.id)
    tab.skills.edit_current()
    dialog = tab.skills.active_dialog
    dialog.current_combo.setCurrentIndex(dialog.current_combo.findData(4))
    dialog.target_combo.setCurrentIndex(dialog.target_combo.findData(3))
    _ok(qtbot, dialog)
    assert dialog.isVisible() and "Say why" in dialog.error_text("target_level")
    assert growth.skills.get_skill(skill.id).current_level == 2
    qtbot.keyClicks(dialog.reason_edit, "Enough for this role")
    dialog.day_edit.setDate(QDate(2026, 6, 10))
    _ok(qtbot, dialog)
    assert not dialog.isVisible()
    assert tab.skills.history_model.rowCount() == 2
    assert "Enough for this role" in tab.skills.history_model.data(
        tab.skills.history_model.index(0, 4)
    )
    tab.undo_stack().undo()
    again = growth.skills.get_skill(skill.id)
    assert (again.current_level, again.target_level, again.changes) == (2, 4, ())


def test_deleting_a_skill_in_use_asks_and_can_be_undone(qtbot, tab, growth, dialogs) -> None:
    skill, practice, _opportunity = _seed(growth)
    tab.show_page(tab.skills)
    tab.skills.reload()
    tab.skills.open_id(skill.id)
    dialogs.confirm_answers.append(False)
    qtbot.keyClick(tab.skills.table, Qt.Key.Key_Delete)
    assert "in use" in dialogs.asked[-1] and "1 practice" in dialogs.asked[-1]
    assert growth.skills.list_skills() != []
    dialogs.confirm_answers.append(True)
    qtbot.keyClick(tab.skills.table, Qt.Key.Key_Delete)
    assert growth.skills.list_skills() == []
    assert growth.practice.get_practice(practice.id).skill_ids == ()
    tab.undo_stack().undo()
    assert growth.practice.get_practice(practice.id).skill_ids == (skill.id,)
    assert tab.skills.model.rowCount() == 1


def test_an_impossible_move_is_refused_and_a_win_asks_for_the_outcome(qtbot, tab, growth):
    _skill, _practice, opportunity = _seed(growth)
    tab.show_page(tab.opportunities)
    page = tab.opportunities
    page.reload()
    page.open_id(opportunity.id)
    page.move_current()
    dialog = page.active_dialog
    dialog.status_combo.setCurrentIndex(dialog.status_combo.findData("won"))
    _ok(qtbot, dialog)
    assert dialog.isVisible() and "cannot become won" in dialog.error_text("status")
    dialog.status_combo.setCurrentIndex(dialog.status_combo.findData("pursuing"))
    _ok(qtbot, dialog)
    page.move_current()
    dialog = page.active_dialog
    dialog.status_combo.setCurrentIndex(dialog.status_combo.findData("won"))
    _ok(qtbot, dialog)
    assert page.sections.currentIndex() == 1
    assert page.moves_model.rowCount() == 3
    tab.undo_stack().undo()
    assert growth.opportunities.get_opportunity(opportunity.id).status is (
        OpportunityStatus.PURSUING
    )


def test_a_gap_raises_a_target_and_a_next_step_becomes_a_practice(qtbot, tab, growth) -> None:
    skill, practice, _opportunity = _seed(growth)
    growth.practice.move_practice(practice.id, PracticeStatus.DONE)
    growth.practice.save_text(practice.id, "next_step", "Run the planning day")
    tab.practice.reload()
    tab.practice.open_id(practice.id)
    tab.practice.gaps.raise_target()
    dialog = tab.practice.active_dialog
    dialog.skill_combo.setCurrentIndex(dialog.skill_combo.findData(skill.id))
    dialog.target_combo.setCurrentIndex(dialog.target_combo.findData(5))
    _ok(qtbot, dialog)
    changed = growth.skills.get_skill(skill.id)
    assert changed.target_level == 5 and changed.changes[-1].evidence.practice_id == practice.id
    qtbot.mouseClick(tab.practice.gaps.practice_button, Qt.MouseButton.LeftButton)
    titles = [p.title for p in growth.practice.list_practice()]
    assert "Run the planning day" in titles
    assert tab.practice.current_item().title == "Run the planning day"
    tab.undo_stack().undo()
    tab.undo_stack().undo()
    assert growth.skills.get_skill(skill.id).target_level == 4
    assert len(growth.practice.list_practice()) == 1


def test_delete_key_and_undo_keep_ids_and_open_item_finds_hidden_rows(qtbot, tab, growth) -> None:
    _skill, practice, _opportunity = _seed(growth)
    tab.practice.reload()
    tab.practice.status_filter.setCurrentIndex(tab.practice.status_filter.findData("done"))
    tab.open_item(ItemKind.PRACTICE, practice.id)
    assert tab.practice.current_item().id == practice.id
    qtbot.keyClick(tab.practice.table, Qt.Key.Key_Delete)
    assert growth.practice.list_practice() == []
    tab.undo_stack().undo()
    assert [p.id for p in growth.practice.list_practice()] == [practice.id]
    assert tab.flush() and tab.unsaved_work() == ""


def test_the_timeline_charts_page_draws_the_skills_chart(qtbot, engine, growth, dialogs) -> None:
    from mentor_desktop.services.timeline import TimelineService
    from mentor_desktop.ui.timeline.tab import TimelineTab

    _seed(growth)
    timeline = TimelineService(unit_of_work_factory(engine), today=lambda: TODAY)
    tab = TimelineTab(timeline, ChangeBus(), dialogs)
    qtbot.addWidget(tab)
    tab.show()
    tab.view.pages.setCurrentWidget(tab.view.charts_page)
    combo = tab.view.chart_combo
    combo.setCurrentIndex(combo.findData("skills"))
    canvas = tab.chart_canvas()
    assert canvas is not None
    title = canvas.figure.axes[0].get_title(loc="left")
    assert title.startswith("Skills now against target")
    labels = [t.get_text() for t in canvas.figure.axes[0].get_yticklabels()]
    assert labels == ["Facilitation"]


def test_a_journal_entry_links_to_practice_and_opportunities(qtbot, engine, growth, dialogs):
    from mentor_desktop.domain.journal import EntryDraft
    from mentor_desktop.services.journal import JournalService
    from mentor_desktop.ui.journal.tab import JournalTab

    _skill, practice, opportunity = _seed(growth)
    journal = JournalService(unit_of_work_factory(engine))
    entry = journal.create_entry(EntryDraft(TODAY, "Retro went quiet", "Nobody spoke first."))
    tab = JournalTab(journal, ChangeBus(), dialogs)
    qtbot.addWidget(tab)
    tab.resize(1200, 700)
    tab.show()
    tab.open_item(ItemKind.JOURNAL_ENTRY, entry.id)
    links = tab.editor.growth_links.model
    labels = [links.data(links.index(row)) for row in range(links.rowCount())]
    assert "Practice: Speak last in the retro" in labels
    assert "Opportunity: Lead the guild" in labels
    for row in range(links.rowCount()):
        links.setData(links.index(row), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    qtbot.waitUntil(lambda: journal.get_entry(entry.id).opportunity_ids != ())
    saved = journal.get_entry(entry.id)
    assert (saved.practice_ids, saved.opportunity_ids) == ((practice.id,), (opportunity.id,))
    deleted = growth.practice.delete_practice(practice.id)  # the link goes, and comes back
    assert journal.get_entry(entry.id).practice_ids == ()
    growth.practice.restore_practice(deleted)
    assert journal.get_entry(entry.id).practice_ids == (practice.id,)


def test_ctrl_m_moves_the_selected_opportunity(qtbot, growth, dialogs) -> None:
    growth.opportunities.create_opportunity(OpportunityDraft("X"))
    tab = GrowthTab(growth, ChangeBus(), dialogs)
    qtbot.addWidget(tab)
    tab.show()
    tab.activateWindow()
    qtbot.waitUntil(lambda: tab.isActiveWindow())
    tab.show_page(tab.opportunities)
    tab.opportunities.reload()
    tab.opportunities.table.selectRow(0)
    tab.opportunities.table.setFocus()
    qtbot.keyClick(tab.opportunities.table, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    dialog = tab.opportunities.active_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.wait(20)  # the dialog settles (its draft keeping starts) before it is closed
    dialog.reject()
