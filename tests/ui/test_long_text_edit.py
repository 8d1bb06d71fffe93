"""The long-line editor: what is saved and copied is exactly what was typed or loaded."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QGuiApplication, QTextCursor

from mentor_desktop.ui.widgets.long_text_edit import (
    LONG_LINE,
    MARK,
    LongTextEdit,
    join_soft_breaks,
    split_long_lines,
)


def _line(chars: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    words = ["mentor", "goal", "feedback", "café", "plan", "review", "x" * 40]
    text = " ".join(rng.choice(words) for _ in range(chars // 4))
    return text[:chars]


@given(st.text(alphabet=st.characters(blacklist_characters=MARK), max_size=9000))
def test_soft_breaks_come_out_exactly_as_they_went_in(text: str) -> None:
    assert join_soft_breaks(split_long_lines(text)) == text


def test_a_long_line_is_shown_in_pieces_and_short_lines_are_left_alone() -> None:
    line = _line(200_000)
    shown = split_long_lines("short\n" + line + "\nend")
    assert max(len(piece) for piece in shown.split("\n")) <= LONG_LINE
    assert shown.startswith("short\n") and shown.endswith("\nend")
    assert split_long_lines("a line\nanother") == "a line\nanother"
    with_mark = line + MARK
    assert split_long_lines(with_mark) == with_mark  # cannot be marked safely


def test_the_editor_gives_back_a_megabyte_line_after_typing(qtbot) -> None:
    editor = LongTextEdit()
    qtbot.addWidget(editor)
    line = _line(1_000_000) + "\u00a0kept"
    editor.set_text(line)
    assert editor.document().blockCount() > 300  # shown in pieces
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor, " and more")
    assert editor.text() == line + " and more"
    editor.moveCursor(QTextCursor.MoveOperation.Start)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert editor.text() == "\n" + line + " and more"


def test_copying_across_pieces_copies_the_text_without_breaks(qtbot) -> None:
    editor = LongTextEdit()
    qtbot.addWidget(editor)
    line = _line(20_000)
    editor.set_text(line)
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == line
    cursor = editor.textCursor()
    cursor.setPosition(500)
    cursor.setPosition(5000, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier)
    cut = QGuiApplication.clipboard().text()
    assert MARK not in cut and line.startswith(editor.text()[:500] + cut)
    assert editor.text() == line[:500] + line[500 + len(cut) :]


def test_pasting_two_megabytes_on_one_line_keeps_every_character(qtbot) -> None:
    editor = LongTextEdit()
    qtbot.addWidget(editor)
    editor.set_text("Before: ")
    editor.moveCursor(QTextCursor.MoveOperation.End)
    pasted = _line(2_000_000, seed=2)
    data = QMimeData()
    data.setText(pasted)
    editor.insertFromMimeData(data)
    assert editor.text() == "Before: " + pasted
    assert max(len(block) for block in editor.toPlainText().split("\n")) <= LONG_LINE + 8


def test_no_piece_ends_in_a_line_that_looks_empty(qtbot) -> None:
    editor = LongTextEdit()
    qtbot.addWidget(editor)
    editor.show()
    editor.set_text(("mentor feedback délégation plan review " * 600)[:20_000])
    document = editor.document()
    looks_empty = []
    for width in range(300, 520, 3):
        editor.resize(width, 400)
        block = document.begin()
        while block.isValid():
            document.documentLayout().blockBoundingRect(block)  # lays the block out
            layout = block.layout()
            last = layout.lineAt(layout.lineCount() - 1)
            shown = block.text()[last.textStart() : last.textStart() + last.textLength()]
            if layout.lineCount() > 1 and not shown.strip(" " + MARK):
                looks_empty.append((width, block.blockNumber()))
            block = block.next()
    assert looks_empty == []
