"""The journal editor's answer to an entry changed elsewhere after it was opened here.

Every save sends the text it was typed over (`_base`); when the stored text moved away from
it, the person chooses which text to keep (ui/conflicts.py) and nothing is replaced unseen.
A change from another process to an entry with nothing typed waiting is simply shown.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from mentor_desktop.domain.errors import MentorDesktopError
from mentor_desktop.domain.journal import JournalEntry, summarize
from mentor_desktop.ui.conflicts import KEEP_BOTH, TAKE_THEIRS, ask_which_text, both_texts

if TYPE_CHECKING:
    from mentor_desktop.ui.journal.editor import EntryEditorController


class ChangedElsewhere:
    """Mixed into EntryEditorController (which holds the state these methods use)."""

    def _base(self: EntryEditorController) -> tuple[str, str] | None:
        """The stored text this editor's text was typed over (checked on every save)."""
        return None if self._entry is None else (self._entry.title, self._entry.body)

    def _refuse_while_settling(self: EntryEditorController) -> None:
        if self._settling:
            raise MentorDesktopError("Waiting for your choice about the text changed elsewhere.")

    def _settle(self: EntryEditorController, theirs: JournalEntry, title: str, body: str) -> bool:
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

    def refresh_from_elsewhere(self: EntryEditorController) -> None:
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
