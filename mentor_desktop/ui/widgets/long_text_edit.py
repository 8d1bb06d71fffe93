"""A plain-text editor that stays quick on a very long line (a megabyte pasted on one line).

Qt lays out a whole paragraph again on every keystroke in it, so one line of a megabyte
makes each key take a second. This editor shows such a line in pieces of about a thousand
characters, each ending in a soft break (an invisible separator and a line break) placed
after a space (the separator just before that space, so it never wraps onto a line of its
own); the soft breaks are taken out again in `text()`, on copy and cut (keys and context
menu), so what is saved and copied is exactly what was typed or loaded. Text dragged out
to another program keeps them. Text that already holds the invisible separator is shown
as it is. Misspelt words on screen are underlined (ui/widgets/spelling_highlighter.py);
the context menu offers suggestions for the word under the mouse.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QContextMenuEvent, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from mentor_desktop.ui.widgets.spelling_highlighter import (
    SpellingHighlighter,
    add_spelling_actions,
)

#: U+2063 INVISIBLE SEPARATOR: not on any keyboard, never shown.
MARK = "\u2063"
SOFT_BREAK = MARK + "\n"
#: A soft break after a space: the mark goes before the space, so a line is never
#: wrapped between them (which shows an empty line between two pieces).
SPACE_BREAK = MARK + " \n"
#: A line longer than this is shown in pieces.
LONG_LINE = 3000
#: The length a piece aims at (it ends after the last space before it, if there is one).
PIECE = 1000


def split_long_lines(text: str) -> str:
    """`text` with soft breaks in every line longer than LONG_LINE characters."""
    if MARK in text or len(text) <= LONG_LINE:
        return text
    lines = text.split("\n")
    for number, line in enumerate(lines):
        if len(line) > LONG_LINE:
            lines[number] = SOFT_BREAK.join(_pieces(line)).replace(" " + SOFT_BREAK, SPACE_BREAK)
    return "\n".join(lines)


def _pieces(line: str) -> list[str]:
    pieces: list[str] = []
    start = 0
    while len(line) - start > PIECE:
        space = line.rfind(" ", start + PIECE // 2, start + PIECE)
        cut = space + 1 if space != -1 else start + PIECE
        pieces.append(line[start:cut])
        start = cut
    pieces.append(line[start:])
    return pieces


def join_soft_breaks(text: str) -> str:
    """`text` without the soft breaks `split_long_lines` put in (or a stray separator)."""
    if MARK not in text:
        return text
    return text.replace(SPACE_BREAK, " ").replace(SOFT_BREAK, "").replace(MARK, "")


def _plain(raw: str) -> str:
    """Qt's raw text (paragraph and line separators) as the text typed, soft breaks out."""
    return join_soft_breaks(raw.replace("\u2029", "\n").replace("\u2028", "\n"))


class LongTextEdit(QPlainTextEdit):
    """QPlainTextEdit whose `text()` and `set_text()` hide the soft breaks of long lines.

    Use `text()` and `set_text()` instead of toPlainText() and setPlainText(). Unlike
    toPlainText(), `text()` keeps non-breaking spaces as they are.

    Signals: those of QPlainTextEdit.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spelling = SpellingHighlighter(self)

    def set_text(self, text: str) -> None:
        self.setPlainText(split_long_lines(text))

    def text(self) -> str:
        return _plain(self.document().toRawText())

    def selected_text(self) -> str:
        """The selection as typed: without soft breaks, with non-breaking spaces."""
        return _plain(self.textCursor().selection().toRawText())

    def copy(self) -> None:
        if self.textCursor().hasSelection():
            QGuiApplication.clipboard().setText(self.selected_text())

    def cut(self) -> None:
        if self.textCursor().hasSelection() and not self.isReadOnly():
            self.copy()
            self.textCursor().removeSelectedText()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy()
        elif event.matches(QKeySequence.StandardKey.Cut):
            self.cut()
        else:
            super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        for action in menu.actions():
            handler = {"edit-copy": self.copy, "edit-cut": self.cut}.get(action.objectName())
            if handler is not None:
                action.triggered.disconnect()
                action.triggered.connect(handler)
        add_spelling_actions(menu, self, event.pos(), self.spelling.checker)
        menu.exec(event.globalPos())
        menu.deleteLater()

    def insertFromMimeData(self, source: QMimeData) -> None:
        if source.hasText():
            self.textCursor().insertText(split_long_lines(source.text()))
            self.ensureCursorVisible()
        else:
            super().insertFromMimeData(source)
