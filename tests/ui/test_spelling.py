"""Spell checking in the long text fields: underlines, suggestions, the word list, no dictionary."""

from __future__ import annotations

import gc
import threading
import weakref
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QTextBlock, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit
from pytestqt.qtbot import QtBot

from mentor_desktop.services.spelling_words import PersonalWords
from mentor_desktop.settings import AppSettings
from mentor_desktop.ui.preferences.writing import NO_DICTIONARY, WritingPage
from mentor_desktop.ui.widgets import spelling, spelling_highlighter
from mentor_desktop.ui.widgets.long_text_edit import LongTextEdit
from mentor_desktop.ui.widgets.spelling import OFF, Speller, available_languages
from mentor_desktop.ui.widgets.spelling_highlighter import (
    add_spelling_actions,
    enable_spelling,
)

ENGLISH = next((code for code in available_languages() if code.startswith("en")), "")
needs_english = pytest.mark.skipif(
    not ENGLISH, reason="no English spelling dictionary installed (hunspell-en-us)"
)


@pytest.fixture
def checker(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Speller:
    """A fresh app-wide checker in English, its words kept in tmp_path."""
    fresh = Speller()
    fresh.set_language(ENGLISH or OFF)
    fresh.use_word_store(PersonalWords(tmp_path / "dictionary.txt"))
    fresh.open_now()
    monkeypatch.setattr(spelling, "_speller", fresh)
    return fresh


def _underlined(block: QTextBlock) -> list[str]:
    text = block.text()
    return [
        text[mark.start : mark.start + mark.length]
        for mark in block.layout().formats()
        if mark.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SpellCheckUnderline
    ]


def _all_underlined(edit: QPlainTextEdit) -> list[str]:
    words: list[str] = []
    block = edit.document().begin()
    while block.isValid():
        words += _underlined(block)
        block = block.next()
    return words


def _shown_edit(qtbot: QtBot, text: str) -> LongTextEdit:
    edit = LongTextEdit()
    qtbot.addWidget(edit)
    edit.resize(500, 300)
    edit.show()
    edit.set_text(text)
    qtbot.waitUntil(lambda: bool(_all_underlined(edit)))
    return edit


def _point_at(edit: QPlainTextEdit, word: str) -> QPoint:
    """Where a person right-clicks on `word` (viewport coordinates)."""
    cursor = QTextCursor(edit.document())
    cursor.setPosition(edit.toPlainText().index(word) + 1)
    return edit.cursorRect(cursor).center()


@needs_english
def test_misspelt_words_are_underlined_but_code_links_and_names_are_not(
    qtbot: QtBot, checker: Speller
) -> None:
    text = (
        "# A sesion with my mentor\n"
        "I wrote `conifg_valeu` and read https://exampel.org/pgae and [the nots](docs/pgae).\n"
        "The OKRs for iPhone work, 3rd try, mail ana@exampel.org, &nbsp; <span>\n"
        "```\n"
        "def fnuction(): pass\n"
        "```\n"
        "We agred on a plan.\n"
    )
    edit = _shown_edit(qtbot, text)
    assert _all_underlined(edit) == ["sesion", "nots", "agred"]


@needs_english
def test_a_suggestion_replaces_the_word_and_the_text_is_what_was_chosen(
    qtbot: QtBot, checker: Speller
) -> None:
    edit = _shown_edit(qtbot, "We agred on a plan.")
    menu = QMenu()
    menu.addAction("Copy")
    add_spelling_actions(menu, edit, _point_at(edit, "agred"), checker)
    texts = [action.text() for action in menu.actions()]
    assert "agreed" in texts
    assert texts.index("agreed") < texts.index("Copy")
    assert "Add “agred” to dictionary" in texts and "Ignore “agred”" in texts
    next(action for action in menu.actions() if action.text() == "agreed").trigger()
    assert edit.text() == "We agreed on a plan."
    qtbot.waitUntil(lambda: _all_underlined(edit) == [])


@needs_english
def test_added_words_are_kept_in_the_word_list_and_ignored_words_are_not(
    qtbot: QtBot, checker: Speller, tmp_path: Path
) -> None:
    edit = _shown_edit(qtbot, "Ask Priyanka about the Zorblat plan.")
    assert _all_underlined(edit) == ["Priyanka", "Zorblat"]
    menu = QMenu()
    add_spelling_actions(menu, edit, _point_at(edit, "Priyanka"), checker)
    menu.findChild(type(menu.actions()[0]), "spelling_add").trigger()
    menu = QMenu()
    add_spelling_actions(menu, edit, _point_at(edit, "Zorblat"), checker)
    menu.findChild(type(menu.actions()[0]), "spelling_ignore").trigger()
    qtbot.waitUntil(lambda: _all_underlined(edit) == [])
    assert (tmp_path / "dictionary.txt").read_text(encoding="utf-8") == "Priyanka\n"
    again = Speller()
    again.set_language(ENGLISH)
    again.use_word_store(PersonalWords(tmp_path / "dictionary.txt"))
    again.open_now()
    assert list(again.misspelt("Priyanka and Zorblat")) == [(13, 7)]


@needs_english
def test_a_word_list_that_cannot_be_written_says_so_and_the_word_still_counts(
    qtbot: QtBot, checker: Speller, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder should be")
    checker.use_word_store(PersonalWords(blocked / "dictionary.txt"))
    warnings: list[str] = []
    monkeypatch.setattr(
        spelling_highlighter.QMessageBox,
        "warning",
        lambda _parent, _title, text: warnings.append(text),
    )
    edit = _shown_edit(qtbot, "Ask Priyanka.")
    menu = QMenu()
    add_spelling_actions(menu, edit, _point_at(edit, "Priyanka"), checker)
    menu.findChild(type(menu.actions()[0]), "spelling_add").trigger()
    assert len(warnings) == 1 and "could not be added to your word list" in warnings[0]
    qtbot.waitUntil(lambda: _all_underlined(edit) == [])


@needs_english
def test_a_megabyte_is_checked_only_where_it_is_on_screen(qtbot: QtBot, checker: Speller) -> None:
    lines = [f"line {number} has a mistaek in it" for number in range(20_000)]
    edit = _shown_edit(qtbot, "\n".join(lines))
    document = edit.document()
    assert _underlined(document.findBlockByNumber(0)) == ["mistaek"]
    assert _underlined(document.findBlockByNumber(19_999)) == []
    edit.verticalScrollBar().setValue(edit.verticalScrollBar().maximum())
    qtbot.waitUntil(lambda: _underlined(document.findBlockByNumber(19_999)) == ["mistaek"])
    assert _underlined(document.findBlockByNumber(10_000)) == []


@needs_english
def test_typing_a_mistake_underlines_it_and_turning_spelling_off_clears_it(
    qtbot: QtBot, checker: Speller
) -> None:
    edit = QPlainTextEdit()
    qtbot.addWidget(edit)
    enable_spelling(edit, checker)
    edit.show()
    edit.activateWindow()
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    qtbot.keyClicks(edit, "a good plan ")
    assert _all_underlined(edit) == []
    qtbot.keyClicks(edit, "thta")
    assert _all_underlined(edit) == []  # still being typed: checked when typing pauses
    qtbot.waitUntil(lambda: _all_underlined(edit) == ["thta"])
    qtbot.keyClicks(edit, " works")
    assert _all_underlined(edit) == ["thta"]
    qtbot.keyClicks(edit, " wel")
    edit.moveCursor(QTextCursor.MoveOperation.Start)  # leaving the word checks it
    qtbot.waitUntil(lambda: _all_underlined(edit) == ["thta", "wel"])
    checker.set_language(OFF)
    qtbot.waitUntil(lambda: _all_underlined(edit) == [])


def test_without_a_dictionary_nothing_is_checked_and_nothing_is_said(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(spelling, "_enchant", lambda: None)  # no Enchant library at all
    fresh = Speller()
    monkeypatch.setattr(spelling, "_speller", fresh)
    assert available_languages() == []
    assert not fresh.active and fresh.language == ""
    assert list(fresh.misspelt("Ths is wrnog")) == []
    edit = LongTextEdit()
    qtbot.addWidget(edit)
    edit.show()
    edit.set_text("Ths is wrnog")
    edit.spelling.check_visible()
    assert _all_underlined(edit) == []
    menu = QMenu()
    menu.addAction("Copy")
    add_spelling_actions(menu, edit, edit.cursorRect().center(), fresh)
    assert [action.text() for action in menu.actions()] == ["Copy"]
    page = WritingPage(AppSettings(tmp_path / "settings.ini"), fresh)
    qtbot.addWidget(page)
    combo = page.language_combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["Follow the system", "Off"]
    assert page.findChild(type(page.general_error), "hint_spelling").text() == NO_DICTIONARY


def test_a_checker_dropped_while_its_dictionary_opens_is_let_go(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    opening = threading.Event()
    monkeypatch.setattr(spelling, "_open", lambda _choice: (opening.wait(5), ("", None))[1])
    dropped = Speller()
    assert not dropped.active  # starts opening in the background
    gone = weakref.ref(dropped)
    del dropped
    gc.collect()
    assert gone() is None  # destroyed here, on the GUI thread, not later on the opener's
    opening.set()
    qtbot.wait(100)  # its answer arrives for nobody, and nothing breaks


def test_a_language_without_a_dictionary_checks_nothing() -> None:
    fresh = Speller()
    fresh.set_language("xx_YY")
    assert not fresh.active
    assert list(fresh.misspelt("Ths is wrnog")) == []
    assert fresh.suggestions("wrnog") == []


def test_the_writing_page_keeps_the_choice_and_applies_it(qtbot: QtBot, tmp_path: Path) -> None:
    settings = AppSettings(tmp_path / "settings.ini")
    fresh = Speller()
    page = WritingPage(settings, fresh)
    qtbot.addWidget(page)
    combo = page.language_combo
    assert combo.currentIndex() == 0 and combo.itemText(0).startswith("Follow the system")
    for code in available_languages():
        assert combo.findData(code) > 0
    combo.setCurrentIndex(combo.findData(OFF))
    assert page.apply()
    assert settings.spelling_language == OFF and fresh.choice == OFF and not fresh.active
    again = WritingPage(settings, fresh)
    qtbot.addWidget(again)
    assert again.language_combo.currentData() == OFF


@needs_english
def test_the_dictionary_opens_in_the_background_and_the_underlines_follow(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh = Speller()
    fresh.set_language(ENGLISH)
    monkeypatch.setattr(spelling, "_speller", fresh)
    edit = LongTextEdit()
    qtbot.addWidget(edit)
    edit.show()
    edit.set_text("We agred on a plan.")
    with qtbot.waitSignal(fresh.changed):
        assert not fresh.active  # not open yet: the window never waits for it
    qtbot.waitUntil(lambda: _all_underlined(edit) == ["agred"])
    assert fresh.language == ENGLISH
