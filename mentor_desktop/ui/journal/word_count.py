"""The word count under the entry, counted a slice at a time so a long text never freezes.

Splitting two megabytes into words takes 50 ms or more at once; here the text is counted
SLICE characters per turn of the event loop, and typing meanwhile starts the count again.
Words are what str.split() finds; the soft breaks of long lines (ui/widgets/long_text_edit)
are not counted, nor do they cut a word in two.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QPlainTextEdit

from mentor_desktop.ui.widgets.long_text_edit import MARK

#: Characters counted per turn of the event loop.
SLICE = 200_000


def count_words(text: str, start: int = 0, end: int | None = None) -> int:
    """The words of `text` that begin in text[start:end] (a word cut by `start` is left to
    the slice before)."""
    end = len(text) if end is None else end
    count = len(text[start:end].split())
    if 0 < start < end and not text[start].isspace() and not text[start - 1].isspace():
        count -= 1
    return count


def _words_text(edit: QPlainTextEdit) -> str:
    """The editor's text with blocks joined by a paragraph separator and soft breaks out."""
    raw = edit.document().toRawText()
    if MARK in raw:
        raw = raw.replace(MARK + "\u2029", "").replace(MARK, "")  # a space stays a space
    return raw


class WordCounter(QObject):
    """Counts the words of `edit` when `start` is called, a slice per turn.

    Signals:
        counted(int): the number of words in the text as it was when counting started.
    """

    counted = Signal(int)

    def __init__(self, edit: QPlainTextEdit) -> None:
        super().__init__(edit)
        self._edit = edit
        self._text = ""
        self._done = 0
        self._words = 0
        self._step = QTimer(self)
        self._step.setSingleShot(True)
        self._step.setInterval(0)
        self._step.timeout.connect(self._count_slice)

    @property
    def counting(self) -> bool:
        return self._step.isActive()

    def start(self) -> None:
        """Count the text as it is now (a count under way is dropped)."""
        self._text = _words_text(self._edit)
        self._done = 0
        self._words = 0
        self._count_slice()

    def stop(self) -> None:
        """Drop a count under way (the text changed)."""
        self._step.stop()
        self._text = ""

    def _count_slice(self) -> None:
        end = min(len(self._text), self._done + SLICE)
        self._words += count_words(self._text, self._done, end)
        self._done = end
        if self._done < len(self._text):
            self._step.start()
            return
        self._text = ""
        self.counted.emit(self._words)
