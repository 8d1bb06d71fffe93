"""Misspelt words underlined in a plain-text field, with suggestions on right-click.

Only the lines on screen (and a few around them) are checked, so a megabyte of text opens
and types as fast as without checking; the rest is checked as it scrolls into view. A line
longer than LONG_BLOCK characters is never checked. Fenced code blocks (``` or ~~~) are
left alone.

`enable_spelling(edit)` sets it up for any QPlainTextEdit; its context menu then starts
with the suggestions for the word under the mouse, "Add to dictionary" and "Ignore".
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QPalette,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextLayout,
)
from PySide6.QtWidgets import QMenu, QMessageBox, QPlainTextEdit

from mentor_desktop.domain.errors import MentorDesktopError
from mentor_desktop.ui.widgets.spelling import Speller, speller

#: Lines checked above and below the ones on screen.
MARGIN = 20
#: A line longer than this is not checked.
LONG_BLOCK = 4000
#: The check follows scrolling this long after it stops.
SCROLL_DELAY_MS = 60
#: The longest the check of the lines on screen runs before it lets the window answer.
SLICE_MS = 15
#: The word at the cursor is checked once typing pauses this long (or the cursor leaves it).
TYPING_PAUSE_MS = 1000
#: A change adding more than this many characters is checked after it, not during it.
TYPED = 2000
#: How far back a fenced code block is looked for.
FENCE_LOOKBACK = 400


def _fence(text: str) -> bool:
    stripped = text.lstrip(" ")
    return stripped.startswith(("```", "~~~")) and len(text) - len(stripped) < 4


def underline_color(palette: QPalette) -> QColor:
    """A red that reads on the field's background, light or dark."""
    dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
    return QColor("#ff6b6b" if dark else "#d0312d")


class SpellingHighlighter(QObject):
    """Underlines the misspelt words on screen in `edit` with a red wavy line.

    The underlines are extra formats of each block's layout, like a syntax highlighter's,
    but only the blocks on screen are ever looked at: loading or pasting a megabyte costs
    nothing here. A changed block is checked again at once, the others when they scroll
    into view, a slice of SLICE_MS at a time.

    Signals: none of its own.
    """

    def __init__(self, edit: QPlainTextEdit, checker: Speller | None = None) -> None:
        super().__init__(edit)
        self._edit = edit
        self._document = edit.document()
        self._speller = checker or speller()
        self._format = QTextCharFormat()
        self._format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        self._format.setUnderlineColor(underline_color(edit.palette()))
        #: Numbers of the blocks whose underlines are up to date.
        self._checked: set[int] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SCROLL_DELAY_MS)
        self._timer.timeout.connect(self.check_visible)
        #: Goes on with the check after the window had a turn.
        self._more = QTimer(self)
        self._more.setSingleShot(True)
        self._more.setInterval(0)
        self._more.timeout.connect(self.check_visible)
        edit.verticalScrollBar().valueChanged.connect(lambda _value: self._timer.start())
        self._cursor_block = 0
        #: When the last key was typed (the word at the cursor waits for a pause).
        self._typed_at = 0.0
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(TYPING_PAUSE_MS)
        self._pause.timeout.connect(self._cursor_moved)
        edit.cursorPositionChanged.connect(self._cursor_moved)
        edit.installEventFilter(self)
        self._watch(self._document)
        self._speller.changed.connect(self.refresh)
        self._timer.start()

    @property
    def checker(self) -> Speller:
        return self._speller

    def _watch(self, document: QTextDocument) -> None:
        document.contentsChange.connect(self._changed)
        document.blockCountChanged.connect(self._blocks_moved)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.FocusOut):
            self._checked.discard(self._cursor_block)
            self._timer.start()
        elif kind == QEvent.Type.PaletteChange:
            self._format.setUnderlineColor(underline_color(self._edit.palette()))
            self.refresh()
        return False

    def refresh(self) -> None:
        """Check the lines on screen again (the language or the word lists changed)."""
        if self._edit.document() is not self._document:  # a new document was set
            self._document = self._edit.document()
            self._watch(self._document)
        self._checked.clear()
        if not self._speller.active:
            self._clear_marks()
        self._timer.start()

    def _clear_marks(self) -> None:
        block = self._document.begin()
        while block.isValid():
            if block.layout().formats():
                self._apply(block, [])
            block = block.next()

    def _blocks_moved(self, _count: int) -> None:
        self._checked.clear()
        self._timer.start()

    def _changed(self, position: int, _removed: int, added: int) -> None:
        """The text changed: check the changed blocks on screen now, the rest soon."""
        if added > TYPED:  # a load or a paste: checked when the window is free again
            self._checked.clear()
            self._timer.start()
            return
        self._typed_at = time.monotonic()
        self._pause.start()
        low, high = self._window()
        block = self._document.findBlock(position)
        end = position + added
        while block.isValid() and block.position() <= end:
            if block.blockNumber() > high:
                break
            if block.blockNumber() >= low:
                self._check(block)
            block = block.next()
        self._timer.start()

    def _window(self) -> tuple[int, int]:
        first = self._edit.firstVisibleBlock().blockNumber()
        lines = self._edit.viewport().height() // max(1, self._edit.fontMetrics().lineSpacing())
        return max(0, first - MARGIN), first + lines + MARGIN

    def check_visible(self) -> None:
        """Underline the words of the lines on screen not checked yet (SLICE_MS at a time)."""
        self._timer.stop()
        if not self._speller.active:
            return
        started = time.perf_counter()
        low, high = self._window()
        block = self._document.findBlockByNumber(low)
        while block.isValid() and block.blockNumber() <= high:
            if block.blockNumber() not in self._checked:
                self._check(block)
                if (time.perf_counter() - started) * 1000 > SLICE_MS:
                    self._more.start()
                    return
            block = block.next()

    def _typing_at(self, block: QTextBlock) -> int:
        """Where in `block` the word being typed ends (-1: none is typed there)."""
        cursor = self._edit.textCursor()
        if not self._edit.hasFocus() or cursor.hasSelection() or cursor.block() != block:
            return -1
        if (time.monotonic() - self._typed_at) * 1000 >= TYPING_PAUSE_MS:
            return -1
        return cursor.positionInBlock()

    def _cursor_moved(self) -> None:
        """The word the cursor left is checked now; the block it entered, without it."""
        number = self._edit.textCursor().blockNumber()
        self._checked.discard(self._cursor_block)
        self._checked.discard(number)
        self._cursor_block = number
        self._timer.start()

    def _check(self, block: QTextBlock) -> None:
        """Underline the misspelt words of `block`, but not the word that ends at the
        cursor (the one being typed: it is checked once the cursor leaves it)."""
        typing_at = self._typing_at(block)
        number = block.blockNumber()
        self._checked.add(number)
        text = block.text()
        spans: list[tuple[int, int]] = []
        if self._speller.active and len(text) <= LONG_BLOCK and not in_fence(block):
            spans = [
                (start, length)
                for start, length in self._speller.misspelt(text)
                if start + length != typing_at
            ]
        shown = [(mark.start, mark.length) for mark in block.layout().formats()]
        if spans != shown:  # lay the block out again only when its underlines change
            self._apply(block, spans)

    def _apply(self, block: QTextBlock, spans: list[tuple[int, int]]) -> None:
        ranges = []
        for start, length in spans:
            mark = QTextLayout.FormatRange()
            mark.start, mark.length, mark.format = start, length, self._format
            ranges.append(mark)
        block.layout().setFormats(ranges)
        self._document.markContentsDirty(block.position(), block.length())


def in_fence(block: QTextBlock) -> bool:
    """True when `block` is a fence line or inside a fenced code block.

    Only the FENCE_LOOKBACK blocks before it are looked at, so a megabyte costs no more
    than a page.
    """
    if _fence(block.text()):
        return True
    fences = 0
    previous = block.previous()
    for _ in range(FENCE_LOOKBACK):
        if not previous.isValid():
            break
        if _fence(previous.text()):
            fences += 1
        previous = previous.previous()
    return fences % 2 == 1


def misspelt_word_at(edit: QPlainTextEdit, pos: QPoint, checker: Speller) -> QTextCursor | None:
    """A cursor selecting the misspelt word under `pos` in `edit` (None when there is none)."""
    cursor = edit.cursorForPosition(pos)
    block = cursor.block()
    if len(block.text()) > LONG_BLOCK or in_fence(block):
        return None
    column = cursor.positionInBlock()
    for start, length in checker.misspelt(block.text()):
        if start <= column <= start + length:
            word = QTextCursor(block)
            word.setPosition(block.position() + start)
            word.setPosition(block.position() + start + length, QTextCursor.MoveMode.KeepAnchor)
            return word
    return None


def add_spelling_actions(
    menu: QMenu, edit: QPlainTextEdit, pos: QPoint, checker: Speller | None = None
) -> None:
    """Put the suggestions for the misspelt word at `pos` (if any) at the top of `menu`."""
    checker = checker or speller()
    word_cursor = misspelt_word_at(edit, pos, checker)
    if word_cursor is None:
        return
    word = word_cursor.selectedText()
    first = menu.actions()[0] if menu.actions() else None
    actions: list[QAction] = []
    for suggestion in checker.suggestions(word):
        action = QAction(suggestion, menu)
        font = QFont(action.font())
        font.setBold(True)
        action.setFont(font)
        action.triggered.connect(lambda _=False, text=suggestion: _replace(edit, word_cursor, text))
        actions.append(action)
    if not actions:
        none = QAction("No suggestions", menu)
        none.setEnabled(False)
        actions.append(none)
    add = QAction(f"Add “{word}” to dictionary", menu)
    add.setObjectName("spelling_add")
    add.triggered.connect(lambda: _add_word(edit, checker, word))
    ignore = QAction(f"Ignore “{word}”", menu)
    ignore.setObjectName("spelling_ignore")
    ignore.triggered.connect(lambda: checker.ignore(word))
    separator = QAction(menu)
    separator.setSeparator(True)
    if first is None:
        menu.addActions([*actions, add, ignore, separator])
    else:
        menu.insertActions(first, [*actions, add, ignore, separator])


def _replace(edit: QPlainTextEdit, word: QTextCursor, text: str) -> None:
    if edit.isReadOnly():
        return
    word.insertText(text)
    edit.setTextCursor(word)


def _add_word(edit: QPlainTextEdit, checker: Speller, word: str) -> None:
    try:
        checker.add_word(word)
    except MentorDesktopError as exc:
        QMessageBox.warning(
            edit,
            "Word not kept",
            f"“{word}” counts as right until you quit, but it could not be added to "
            f"your word list: {exc}",
        )


def enable_spelling(edit: QPlainTextEdit, checker: Speller | None = None) -> SpellingHighlighter:
    """Check the spelling in `edit` and offer suggestions in its context menu."""
    highlighter = SpellingHighlighter(edit, checker)
    if edit.contextMenuPolicy() == Qt.ContextMenuPolicy.DefaultContextMenu:
        edit.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        edit.customContextMenuRequested.connect(
            lambda pos: _show_menu(edit, pos, highlighter.checker)
        )
    return highlighter


def _show_menu(edit: QPlainTextEdit, pos: QPoint, checker: Speller) -> None:
    menu = edit.createStandardContextMenu(pos)
    add_spelling_actions(menu, edit, pos, checker)
    menu.exec(edit.viewport().mapToGlobal(pos))
    menu.deleteLater()
