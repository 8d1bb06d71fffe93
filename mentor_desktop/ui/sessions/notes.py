"""The selected session's personal update, notes and takeaways: each saved by the shared
autosave while typing and when the tab is left; text that cannot be saved stays in its box
with the reason under it, and the session stays selected until it can be."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QPlainTextEdit

from mentor_desktop.domain.errors import TextConflictError
from mentor_desktop.domain.sessions import Session
from mentor_desktop.services.sessions import SessionService
from mentor_desktop.ui.autosave import Autosave
from mentor_desktop.ui.conflicts import (
    KEEP_BOTH,
    TAKE_THEIRS,
    ask_which_text,
    both_texts,
    their_record,
)
from mentor_desktop.ui.dialogs import Dialogs
from mentor_desktop.ui.sessions.host import SessionHost
from mentor_desktop.ui.sessions.view import SessionPrepView
from mentor_desktop.ui.widgets.spelling_highlighter import enable_spelling

#: The session's text fields, named as on Session and as the view's text boxes.
TEXT_FIELDS = ("personal_update", "notes", "takeaways")


class SessionNotes(QObject):
    """One `Autosave` per free-text field of the selected session.

    Signals: none (messages go through the host's status bar).
    """

    def __init__(
        self,
        view: SessionPrepView,
        service: SessionService,
        host: SessionHost,
        dialogs: Dialogs | None = None,
    ) -> None:
        super().__init__(view)
        self._dialogs = dialogs or Dialogs()
        self._view = view
        self._service = service
        self._host = host
        self._filling = False
        #: Whose texts the boxes show (the key of a session; None: nothing shown).
        self._shown: str | None = None
        self.autosaves: dict[str, Autosave] = {}
        for name in TEXT_FIELDS:
            autosave = Autosave(partial(self._write, name), self, label=lambda: "The session notes")
            autosave.failed.connect(partial(self._failed, name))
            autosave.saved.connect(partial(self._saved, name))
            self.autosaves[name] = autosave
            self.edit(name).textChanged.connect(partial(self._typed, name))
            enable_spelling(self.edit(name))

    def edit(self, name: str) -> QPlainTextEdit:
        """The text box of field `name` (one of TEXT_FIELDS)."""
        edit = getattr(self._view, name)
        assert isinstance(edit, QPlainTextEdit)
        return edit

    def _errors(self) -> dict[str, str]:
        """Field -> why its typed text could not be saved."""
        return {
            name: autosave.error
            for name, autosave in self.autosaves.items()
            if autosave.has_unsaved and autosave.error
        }

    def first_error_field(self) -> str | None:
        """The first field whose text could not be saved (None: all saved)."""
        return next(iter(self._errors()), None)

    # ---------------------------------------------------------------- typing and saving

    def _typed(self, name: str) -> None:
        if not self._filling and not self._host.is_loading() and self._host.current_session():
            self.autosaves[name].touch()

    def _write(self, name: str) -> None:
        """Save the text of field `name` to the selected session (a cadence occurrence gets
        its row first, unless nothing was typed); raises when it cannot be saved."""
        session = self._host.current_session()
        text = self.edit(name).toPlainText()
        if session is None or text == getattr(session, name):
            return
        if session.id is None and not text:
            return
        stored = self._host.stored_current()
        assert stored is not None and stored.id is not None
        base = {name: getattr(stored, name)}
        try:
            saved = self._service.update_texts(stored.id, **{name: text}, base=base)
        except TextConflictError as exc:
            settled = self._settle(name, their_record(exc, Session), text)
            if settled is None:
                return
            saved = settled
        self._host.replace_current(saved)

    def _settle(self, name: str, theirs: Session, text: str) -> Session | None:
        """The field was changed elsewhere: ask which text to keep, and keep it (None: theirs
        was taken and is shown)."""
        their_text = getattr(theirs, name)
        label = f"The session's {name.replace('_', ' ')}"
        choice = ask_which_text(self._dialogs, self._view, label, text, their_text)
        if choice == TAKE_THEIRS:
            self._show_text(name, their_text)
            self._host.replace_current(theirs)
            return None
        if choice == KEEP_BOTH:
            text = both_texts(their_text, text)
            self._show_text(name, text)
        assert theirs.id is not None
        return self._service.update_texts(theirs.id, **{name: text}, base={name: their_text})

    def _show_text(self, name: str, text: str) -> None:
        self._filling = True
        try:
            self.edit(name).setPlainText(text)
        finally:
            self._filling = False

    def _failed(self, name: str, message: str) -> None:
        label = self._view.text_errors[name]
        label.setText(message)
        label.setVisible(True)
        self._host.show_status(f"Not saved: {'; '.join(self._errors().values())}")

    def _saved(self, name: str) -> None:
        self._view.text_errors[name].setVisible(False)

    def flush(self) -> bool:
        """Save typed personal update, notes and takeaways now, each on its own; False if one
        could not be (its box keeps the text and says why)."""
        if self._host.current_session() is None:
            return True
        if self._host.is_loading():
            return not self._errors()
        results = [autosave.flush() for autosave in self.autosaves.values()]
        return all(results)

    def forget(self) -> None:
        """Drop typed text without saving it (the data was replaced)."""
        for autosave in self.autosaves.values():
            autosave.discard()
        self._hide_errors()

    def _hide_errors(self) -> None:
        for label in self._view.text_errors.values():
            label.setText("")
            label.setVisible(False)

    # ---------------------------------------------------------------- showing

    def show(self, session: Session | None) -> None:
        """Fill the boxes with `session`'s texts; a box whose text could not be saved keeps it
        while the same session is shown."""
        key = session.key if session is not None else None
        if key != self._shown:
            self.forget()  # another session: what was typed for the last one was flushed
        self._shown = key
        keep = set(self._errors())
        self._filling = True
        try:
            for name in TEXT_FIELDS:
                edit = self.edit(name)
                if session is None:
                    edit.clear()
                    continue
                text = getattr(session, name)
                if name not in keep and edit.toPlainText() != text:
                    edit.setPlainText(text)
        finally:
            self._filling = False

    def unsaved_work(self) -> str:
        """The first field whose text could not be saved, and why, as the window lists it on
        quit ("" when everything is saved)."""
        failed = [a for a in self.autosaves.values() if a.has_unsaved and a.error]
        return failed[0].unsaved_problem() if failed else ""
