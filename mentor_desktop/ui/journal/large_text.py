"""A long entry's text is written off the GUI thread, so the window keeps answering.

Writing two megabytes (the UPDATE and the search index of the old and the new text) takes
a tenth of a second or more, too long to hold up the keys. For a text longer than
BACKGROUND_CHARS the autosave reads the title and body here, on the GUI thread, and hands
the write to the writer thread (ui/autosave.py `Write`); the editor takes in the outcome
when it lands: the text written becomes the base of the next save, a text changed
elsewhere is settled as a direct save would settle it. Field changes, short texts and
`flush` (switching entries, quitting) write at once, as before.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from mentor_desktop.domain.errors import NotFoundError, TextConflictError
from mentor_desktop.domain.journal import JournalEntry, summarize
from mentor_desktop.ui.autosave import Write
from mentor_desktop.ui.conflicts import their_record

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from mentor_desktop.services.journal import JournalService
    from mentor_desktop.ui.autosave import Autosave
    from mentor_desktop.ui.journal.view import EntryEditorView

#: A text with more characters than this is written off the GUI thread.
BACKGROUND_CHARS = 100_000


class _Editor(Protocol):
    """What these methods use of EntryEditorController."""

    view: EntryEditorView
    autosave: Autosave
    _journal: JournalService
    _entry: JournalEntry | None
    _settling: bool
    _dirty: bool
    _fields_dirty: bool
    _text_edits: int

    @property
    def saved(self) -> SignalInstance: ...
    def _settle(self, theirs: JournalEntry, title: str, body: str) -> bool: ...
    def _show_error(self, message: str) -> None: ...
    def _base(self) -> tuple[str, str] | None: ...


class LargeTextWrites:
    """Mixed into EntryEditorController (which holds the state these methods use)."""

    def _write_later(self: _Editor) -> Write | None:
        """The autosave's hand-off: a Write for a long text alone, else None (write now)."""
        if self._entry is None or self._fields_dirty or not self._dirty or self._settling:
            return None
        if self.view.body_edit.document().characterCount() <= BACKGROUND_CHARS:
            return None
        title = self.view.title_edit.text()
        body = self.view.body_edit.text()
        entry_id, base, edits = self._entry.id, self._base(), self._text_edits
        journal = self._journal

        def work() -> Exception | None:
            try:
                journal.save_text(entry_id, title, body, base)
            except (TextConflictError, NotFoundError) as exc:
                return exc  # settled on the GUI thread, where the questions are asked
            return None

        return Write(work, lambda result: _landed(self, title, body, edits, result))


def _landed(editor: _Editor, title: str, body: str, edits: int, result: object) -> None:
    """The long text's write landed (on the GUI thread): take in what it did."""
    if editor._entry is None:
        return
    if isinstance(result, TextConflictError):
        view = editor.view
        editor._settle(
            their_record(result, JournalEntry), view.title_edit.text(), view.body_edit.text()
        )
        return
    if isinstance(result, NotFoundError):  # deleted elsewhere: nothing left to save it into
        editor._dirty = False
        editor.autosave.error = str(result)
        editor._show_error(str(result))
        return
    if editor._text_edits == edits:  # nothing typed since the text was read
        editor._dirty = False
    editor._show_error("")
    editor._entry = with_text(editor._entry, title.strip(), body)
    editor.view.saved_label.setText(f"Saved {datetime.now():%H:%M:%S}")
    editor.saved.emit(summarize(editor._entry))


def with_text(entry: JournalEntry, title: str, body: str) -> JournalEntry:
    """`entry` holding the text just written."""
    return replace(entry, title=title, body=body, updated_at=datetime.now())
