"""The journal's rendering side by side with the text: follows typing, remembered, fits."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette, QTextCursor
from PySide6.QtWidgets import QApplication

from mentor_desktop.domain.journal import EntryDraft
from mentor_desktop.services.journal import JournalService
from mentor_desktop.ui.bus import ChangeBus
from mentor_desktop.ui.journal.entry_body import LIVE_PREVIEW, BodyMode
from mentor_desktop.ui.journal.tab import JournalTab
from mentor_desktop.ui.main_window import MIN_TABS_WIDTH

TODAY = date.today()


@pytest.fixture
def make_tab(qtbot, services, dialogs):
    def make(width: int = 1280, height: int = 680) -> JournalTab:
        tab = JournalTab(services.journal, ChangeBus(), dialogs)
        qtbot.addWidget(tab)
        tab.resize(width, height)
        tab.show()
        return tab

    return make


def _add(journal: JournalService, title: str, body: str):
    return journal.create_entry(EntryDraft(TODAY, title, body))


def test_side_by_side_shows_both_and_the_rendering_follows_typing(
    qtbot, make_tab, services
) -> None:
    entry = _add(services.journal, "Entry", "# Plan\n\nSome **bold** words")
    tab = make_tab()
    tab.select_entry(entry.id)
    editor = tab.view.editor
    qtbot.mouseClick(editor.side_button, Qt.MouseButton.LeftButton)
    assert editor.body_edit.isVisible() and editor.preview.isVisible()
    assert editor.preview.toPlainText().startswith("Plan\nSome bold words")
    left, right = editor.body.sizes()
    assert left > 150 and right > 150
    editor.body_edit.setFocus()
    editor.body_edit.moveCursor(editor.body_edit.textCursor().MoveOperation.End)
    for _ in range(2):
        qtbot.keyClick(editor.body_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(editor.body_edit, "- a *new* point")
    assert "new point" not in editor.preview.toPlainText()  # not while the keys come
    qtbot.waitUntil(lambda: "new point" in editor.preview.toPlainText())
    assert "*" not in editor.preview.toPlainText()
    assert editor.body_edit.text().endswith("- a *new* point")
    qtbot.mouseClick(editor.preview_button, Qt.MouseButton.LeftButton)
    assert editor.body.mode is BodyMode.PREVIEW and not editor.side_button.isChecked()
    assert not editor.body_edit.isVisible()
    qtbot.mouseClick(editor.preview_button, Qt.MouseButton.LeftButton)
    assert editor.body.mode is BodyMode.EDIT and not editor.preview.isVisible()


def test_a_new_entry_shows_its_own_rendering(qtbot, make_tab, services) -> None:
    first = _add(services.journal, "First", "first **text**")
    second = _add(services.journal, "Second", "second _text_")
    tab = make_tab()
    tab.select_entry(first.id)
    tab.view.editor.body.set_mode(BodyMode.SIDE)
    tab.select_entry(second.id)
    assert tab.view.editor.preview.toPlainText() == "second text"


def test_a_very_long_entry_is_not_rendered_while_typing(qtbot, make_tab, services) -> None:
    entry = _add(services.journal, "Long", "word " * (LIVE_PREVIEW // 5 + 10))
    tab = make_tab()
    tab.select_entry(entry.id)
    editor = tab.view.editor
    editor.body.set_mode(BodyMode.SIDE)
    assert "too long to render while you type" in editor.preview.toPlainText()
    editor.body.set_mode(BodyMode.PREVIEW)
    assert editor.preview.toPlainText().startswith("word word")


def test_side_by_side_is_remembered(qtbot, make_tab, services, app_settings) -> None:
    _add(services.journal, "Entry", "text")
    tab = make_tab()
    tab.view.editor.body.set_mode(BodyMode.SIDE)
    tab.view.editor.body.setSizes([500, 200])
    tab.save_state(app_settings)
    again = make_tab()
    again.restore_state(app_settings)
    assert again.view.editor.body.mode is BodyMode.SIDE
    assert again.view.editor.side_button.isChecked()
    left, right = again.view.editor.body.sizes()
    assert left > right
    again.view.editor.body.set_mode(BodyMode.EDIT)
    again.save_state(app_settings)
    third = make_tab()
    third.restore_state(app_settings)
    assert third.view.editor.body.mode is BodyMode.EDIT


def test_side_by_side_fits_a_small_laptop(qtbot, make_tab, services) -> None:
    _add(services.journal, "Entry", "text")
    tab = make_tab(1024, 600)
    tab.view.editor.body.set_mode(BodyMode.SIDE)
    assert tab.minimumSizeHint().width() <= MIN_TABS_WIDTH  # the window never widens
    assert tab.view.editor.preview.width() > 100 and tab.view.editor.body_edit.width() > 100


def test_links_take_the_colour_of_a_new_theme(qtbot, make_tab, services) -> None:
    entry = _add(services.journal, "Entry", "see [the guide](https://example.org)")
    tab = make_tab()
    tab.select_entry(entry.id)
    body = tab.view.editor.body
    body.set_mode(BodyMode.SIDE)
    before = QApplication.palette()
    palette = QPalette(before)
    palette.setColor(QPalette.ColorRole.Link, QColor("#6ea8fe"))  # the dark theme's

    def link_colour() -> str:
        cursor = QTextCursor(body.preview.document())
        cursor.setPosition(body.preview.toPlainText().index("guide"))
        return cursor.charFormat().foreground().color().name()

    assert link_colour() != "#6ea8fe"
    QApplication.setPalette(palette)
    try:
        qtbot.waitUntil(lambda: link_colour() == "#6ea8fe")
    finally:
        QApplication.setPalette(before)
