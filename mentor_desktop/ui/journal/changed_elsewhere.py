"""The journal editor's answer to an entry changed elsewhere after it was opened here.

Every save sends the text it was typed over (`_base`); when the stored text moved away from
it, the person chooses which text to keep (ui/conflicts.py) and nothing is replaced unseen.
A change from another process to an entry with nothing typed waiting is simply shown.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from mentor_desktop.domain.errors import MentorDesktopError
from mentor_desktop.domain.journal import JournalEntry, summarize
from mentor_desktop.ui.conflicts import KEEP_BOTH, TAKE_THEIRS, ask_which_text, both_texts

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from mentor_desktop.services.journal import JournalService
    from mentor_desktop.ui.dialogs import Dialogs
    from mentor_desktop.ui.journal.view import EntryEditorView


class _Editor(Protocol):
    """What these methods use of EntryEditorController."""

    view: EntryEditorView
    _journal: JournalService
    _dialogs: Dialogs
    _entry: JournalEntry | None
    _settling: bool
    _loading: bool
    _dirty: bool

    @property
    def saved(self) -> SignalInstance: ...
    @property
    def has_unsaved(self) -> bool: ...
    def _label(self) -> str: ...
    def reload(self, entry: JournalEntry | None) -> None: ...
    def _load(self, entry: JournalEntry | None) -> None: ...
    def _show_error(self, message: str) -> None: ...
    def _base(self) -> tuple[str, str] | None: ...


class ChangedElsewhere:
    """Mixed into EntryEditorController (which holds the state these methods use)."""

    _entry: JournalEntry | None

    def _base(self: _Editor) -> tuple[str, str] | None:
        """The stored text this editor's text was typed over (checked on every save)."""
        return None if self._entry is None else (self._entry.title, self._entry.body)

    def _refuse_while_settling(self: _Editor) -> None:
        if self._settling:
            raise MentorDesktopError("Waiting for your choice about the text changed elsewhere.")

    def _settle(self: _Editor, theirs: JournalEntry, title: str, body: str) -> bool:
        """The entry was changed elsewhere: ask which text to keep, and keep it. True when
        my text (or both) was written, False when theirs was taken."""
        self._settling = True
        try:
            choice = ask_which_text(self._dialogs, self.view, self._label(), body, theirs.body)
        finally:
            self._settling = False
        if choice == TAKE_THEIRS:
            self.reload(theirs)
            self.saved.emit(summarize(theirs))
            return False
        if choice == KEEP_BOTH:
            body = both_texts(theirs.body, body)
            self._loading = True
            try:
                self.view.body_edit.set_text(body)
            finally:
                self._loading = False
        self._entry = theirs  # their text is what mine now goes over
        self._journal.save_text(theirs.id, title, body, self._base())
        self._dirty = False
        self._show_error("")
        self._entry = replace(theirs, title=title.strip(), body=body)
        self.view.saved_label.setText(f"Saved {datetime.now():%H:%M:%S}")
        self.saved.emit(summarize(self._entry))
        return True

    def refresh_from_elsewhere(self: _Editor) -> None:
        """Another process changed the journal: show the open entry as stored now, unless
        something typed here is waiting (saving it then asks which text to keep)."""
        if self._entry is None or self.has_unsaved or self._settling:
            return
        try:
            stored = self._journal.get_entry(self._entry.id)
        except MentorDesktopError:
            return
        if (stored.title, stored.body) != self._base():
            self._load(stored)
