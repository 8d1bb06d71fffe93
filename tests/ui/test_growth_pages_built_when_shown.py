"""The Growth tab builds each page the first time it is shown or asked for: a page never shown
is built on its first show and shows its rows, a reminder opens an opportunity before its page
was ever shown, and what is typed on a page built late is saved (or reported on close)."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QPlainTextEdit

from mentor_desktop.app import build_services
from mentor_desktop.domain.growth.opportunities import OpportunityDraft
from mentor_desktop.domain.growth.practice import PracticeDraft, PracticeKind
from mentor_desktop.domain.growth.skills import LevelChangeNote, SkillDraft
from mentor_desktop.domain.reminders import Reminder, ReminderKind, Target
from mentor_desktop.services.growth import GrowthService
from mentor_desktop.services.reminders import ReminderService
from mentor_desktop.storage.uow import unit_of_work_factory
from mentor_desktop.ui.autosave import unsaved_autosaves
from mentor_desktop.ui.bus import ChangeBus, ChangeKind
from mentor_desktop.ui.growth.page import GrowthPage
from mentor_desktop.ui.growth.tab import GrowthTab
from mentor_desktop.ui.main_window import MainWindow, build_tabs
from mentor_desktop.ui.tray.icon import TrayIcon
from mentor_desktop.ui.tray.reminders import ReminderController
from mentor_desktop.ui.widgets import spelling
from mentor_desktop.ui.widgets.spelling import OFF, Speller, available_languages

TODAY = date(2026, 6, 15)
ENGLISH = next((code for code in available_languages() if code.startswith("en")), "")


@pytest.fixture
def growth(engine) -> GrowthService:
    return GrowthService(unit_of_work_factory(engine), today=lambda: TODAY)


def _shown_tab(qtbot, growth, dialogs, bus: ChangeBus | None = None, settings=None) -> GrowthTab:
    tab = GrowthTab(growth, bus or ChangeBus(), dialogs)
    qtbot.addWidget(tab)
    if settings is not None:
        tab.restore_state(settings)
    tab.resize(1280, 660)
    tab.show()
    qtbot.waitExposed(tab)
    return tab


def _built(tab: GrowthTab) -> list[str]:
    return [page.noun for page in tab.all_pages()]


def _first_column(page: GrowthPage) -> list[str]:
    model = page.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def _click_page_tab(qtbot, tab: GrowthTab, index: int) -> None:
    bar = tab.pages.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())


def _skills(growth: GrowthService) -> None:
    note = LevelChangeNote(changed_on=date(2026, 1, 1))
    growth.skills.create_skill(SkillDraft("Facilitation", "Leadership", 2, 4), note)
    growth.skills.create_skill(SkillDraft("Writing", "Communication", 3, 4), note)


def test_a_page_never_shown_is_built_when_its_tab_is_clicked_and_shows_its_rows(
    qtbot, growth, dialogs
) -> None:
    _skills(growth)
    tab = _shown_tab(qtbot, growth, dialogs)
    assert _built(tab) == ["practice"]  # only the page on screen

    _click_page_tab(qtbot, tab, 1)
    page = tab.current_page()
    assert page is tab.skills and page.table.isVisible()
    assert page.list_stack.currentWidget() is page.table
    assert _first_column(page) == ["Facilitation", "Writing"]  # the biggest gap first
    assert _built(tab) == ["practice", "skill"]


def test_the_page_remembered_is_the_one_built_when_the_tab_opens(
    qtbot, growth, dialogs, app_settings
) -> None:
    growth.opportunities.create_opportunity(OpportunityDraft("Lead the guild"), TODAY)
    app_settings.set_state_text("growth/page", "2")
    tab = _shown_tab(qtbot, growth, dialogs, settings=app_settings)
    assert _built(tab) == ["opportunity"]
    assert tab.current_page() is tab.opportunities
    assert _first_column(tab.opportunities) == ["Lead the guild"]
    assert tab.opportunities.table.isVisible()


def test_a_change_elsewhere_reaches_a_page_built_later(qtbot, growth, dialogs) -> None:
    bus = ChangeBus()
    tab = _shown_tab(qtbot, growth, dialogs, bus)
    _skills(growth)
    bus.announce(ChangeKind.GROWTH, None)
    bus.announce(ChangeKind.DATA_REPLACED, None)
    assert _built(tab) == ["practice"]  # a refresh builds no page; the others read when built
    _click_page_tab(qtbot, tab, 1)
    assert _first_column(tab.skills) == ["Facilitation", "Writing"]


def test_a_deadline_reminder_opens_the_opportunity_before_its_page_was_ever_shown(
    qtbot, engine, app_settings, dialogs, db_path, services
) -> None:
    services.growth.opportunities.create_opportunity(OpportunityDraft("Lead the pilot"))
    talk = services.growth.opportunities.create_opportunity(
        OpportunityDraft("Conference talk proposal", deadline=date(2026, 12, 9))
    )
    window = MainWindow(app_settings, dialogs, db_path)
    for lazy in build_tabs(build_services(engine), window.change_bus, dialogs, app_settings):
        window.add_tab(lazy)
    qtbot.addWidget(window)
    window.show()
    growth_tab = window.tab_named("Growth")
    assert _built(growth_tab) == []  # the Growth tab was never shown
    controller = ReminderController(
        lambda: ReminderService(services.sessions),
        app_settings,
        window.change_bus,
        TrayIcon(None),
        show_window=lambda: None,
        say=lambda _text: None,
    )
    controller.open(
        Reminder(
            ReminderKind.OPPORTUNITY_DEADLINE,
            f"deadline:{talk.id}",
            datetime(2026, 12, 6, 9),
            datetime(2026, 12, 9, 23, 59),
            "Deadline in 3 days, Wed 09 Dec",
            "Conference talk proposal",
            Target.OPPORTUNITY,
            talk.id,
        )
    )
    assert window.tabs.tabText(window.tabs.currentIndex()) == "Growth"
    page = growth_tab.current_page()
    assert page is growth_tab.opportunities and page.isVisible()
    assert page.current_item().id == talk.id
    assert "Conference talk proposal" in page.summary_label.text()


def test_a_pitch_typed_on_a_page_built_late_is_saved(qtbot, growth, dialogs) -> None:
    guild = growth.opportunities.create_opportunity(OpportunityDraft("Lead the guild"), TODAY)
    tab = _shown_tab(qtbot, growth, dialogs)
    _click_page_tab(qtbot, tab, 2)
    page = tab.opportunities
    page.open_id(guild.id)
    pitch = page.weigh_texts.edits["value_pitch"]
    qtbot.keyClicks(pitch, "I ran three meetups.")
    assert tab.flush()  # as on close: written now, not when the autosave's timer fires
    assert growth.opportunities.get_opportunity(guild.id).value_pitch == "I ran three meetups."
    qtbot.keyClicks(pitch, " And I host.")
    qtbot.waitUntil(
        lambda: (
            growth.opportunities.get_opportunity(guild.id).value_pitch
            == "I ran three meetups. And I host."
        )
    )


def test_what_cannot_be_saved_on_a_page_built_late_is_named_on_close(
    qtbot, growth, dialogs
) -> None:
    _skills(growth)
    tab = _shown_tab(qtbot, growth, dialogs)
    assert unsaved_autosaves(tab) == []  # pages never built hold nothing
    _click_page_tab(qtbot, tab, 1)
    page = tab.skills
    skill = page.items()[0]
    page.open_id(skill.id)
    qtbot.keyClicks(page.why_text.edits["why"], "Retros need it.")
    growth.skills.delete_skill(skill.id)  # gone behind the page's back
    assert not tab.flush()
    assert "Why “Facilitation” matters" in tab.unsaved_work()
    assert len(unsaved_autosaves(tab)) == 1
    assert page.why_text.edits["why"].toPlainText() == "Retros need it."  # kept, not lost


def test_columns_fit_what_is_added_until_the_person_sizes_them(qtbot, growth, dialogs) -> None:
    tab = _shown_tab(qtbot, growth, dialogs)
    page = tab.practice
    header = page.table.horizontalHeader()
    kind = page.table.columnWidth(1)  # the header's width: no practice yet
    started = growth.practice.create_practice(PracticeDraft("Pitch", PracticeKind.PROJECT))
    page.reload()
    fitted = page.table.columnWidth(1)
    assert fitted > kind  # "Small project" needs more room than "Kind"
    assert fitted >= page.table.sizeHintForIndex(page.model.index(0, 1)).width()
    header.resizeSection(1, fitted + 40)  # the person widens it
    growth.practice.delete_practice(started.id)
    page.reload()
    assert page.table.columnWidth(1) == fitted + 40


def _underlined(edit: QPlainTextEdit) -> list[str]:
    words, block = [], edit.document().begin()
    while block.isValid():
        text = block.text()
        words += [
            text[mark.start : mark.start + mark.length]
            for mark in block.layout().formats()
            if mark.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SpellCheckUnderline
        ]
        block = block.next()
    return words


@pytest.mark.skipif(not ENGLISH, reason="no English spelling dictionary installed")
def test_the_texts_of_the_record_shown_are_spell_checked(qtbot, growth, dialogs, monkeypatch):
    checker = Speller()
    checker.set_language(ENGLISH or OFF)
    monkeypatch.setattr(spelling, "_speller", checker)
    practice = growth.practice.create_practice(PracticeDraft("Pitch"))
    growth.practice.save_text(practice.id, "hypothesis", "If I speek last, others talk")
    tab = _shown_tab(qtbot, growth, dialogs)
    tab.practice.open_id(practice.id)
    hypothesis = tab.practice.plan_texts.edits["hypothesis"]
    qtbot.waitUntil(lambda: _underlined(hypothesis) == ["speek"])
    lessons = tab.practice.debrief_texts.edits["lessons"]
    tab.practice.sections.setCurrentIndex(1)
    lessons.setFocus()
    qtbot.keyClicks(lessons, "Silense helps ")
    qtbot.waitUntil(lambda: _underlined(lessons) == ["Silense"])
