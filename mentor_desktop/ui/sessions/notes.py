"""The selected session's personal update, notes and takeaways: saved while typing and when
the tab is left; text that cannot be saved stays in its box with the reason under it."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QPlainTextEdit

from mentor_desktop.domain.errors import MentorDesktopError, ValidationError
from mentor_desktop.domain.sessions import Session
from mentor_desktop.services.sessions import SessionService
from mentor_desktop.ui.sessions.host import SessionHost
from mentor_desktop.ui.sessions.view import SessionPrepView

#: Typed text is saved this long after the last key press (and when the tab is left).
AUTOSAVE_MS = 800
#: The session's text fields, named as on Session and as the view's text boxes.
TEXT_FIELDS = ("personal_update", "notes", "takeaways")


class SessionNotes(QObject):
    """Saves the three free-text fields of the selected session.

    Signals: none (messages go through the host's status bar).
    """

    def __init__(self, view: SessionPrepView, service: SessionService, host: SessionHost) -> None:
        super().__init__(view)
        self._view = view
        self._service = service
        self._host = host
        self._filling = False
        #: Field name -> why its typed text could not be saved; `_errors_key`: whose text.
        self._errors: dict[str, str] = {}
        self._errors_key: str | None = None
        self._problem = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.flush)
        for name in TEXT_FIELDS:
            self.edit(name).textChanged.connect(self._typed)

    def edit(self, name: str) -> QPlainTextEdit:
        """The text box of field `name` (one of TEXT_FIELDS)."""
        edit = getattr(self._view, name)
        assert isinstance(edit, QPlainTextEdit)
        return edit

    def first_error_field(self) -> str | None:
        """The first field whose text could not be saved (None: all saved)."""
        return next(iter(self._errors), None)

    def _typed(self) -> None:
        if not self._filling and not self._host.is_loading() and self._host.current_session():
            self._timer.start()

    def show(self, session: Session | None) -> None:
        """Fill the boxes with `session`'s texts; a box whose text could not be saved keeps it
        (as long as the same session is shown and the problem stands)."""
        if session is None or session.key != self._errors_key or not self._problem:
            self._show_errors({}, None)  # another session, or the data was replaced
        keep = set(self._errors)
        self._filling = True
        try:
            for name in TEXT_FIELDS:
                edit = self.edit(name)
                text = getattr(session, name) if session is not None else ""
                if session is None:
                    edit.clear()
                elif name not in keep and edit.toPlainText() != text:
                    edit.setPlainText(text)
        finally:
            self._filling = False

    def forget(self) -> None:
        """Drop pending typing without saving it (the data was replaced)."""
        self._timer.stop()
        self._problem = ""

    def flush(self) -> bool:
        """Save typed personal update, notes and takeaways now, each on its own; False if one
        could not be (its box keeps the text and says why, and the session stays selected)."""
        self._timer.stop()
        session = self._host.current_session()
        if session is None:
            return True
        if self._host.is_loading():
            return not self._errors
        typed = {name: self.edit(name).toPlainText() for name in TEXT_FIELDS}
        changed = {name: text for name, text in typed.items() if text != getattr(session, name)}
        if not changed or (session.id is None and not any(typed.values())):
            self._show_errors({}, session.key)
            return True
        stored = self._host.stored_current()
        if stored is None or stored.id is None:
            return True
        errors: dict[str, str] = {}
        for name, text in changed.items():
            try:
                saved = self._service.update_texts(stored.id, **{name: text})
            except ValidationError as exc:
                errors.update(exc.errors)
            except MentorDesktopError as exc:
                errors[name] = str(exc)
            else:
                self._host.replace_current(saved)
        self._show_errors(errors, stored.key)
        return not errors

    def _show_errors(self, errors: dict[str, str], key: str | None) -> None:
        """Show why typed text could not be saved under its box (and hide the other labels)."""
        self._errors = dict(errors)
        self._errors_key = key if errors else None
        self._problem = "; ".join(errors.values())
        for name, label in self._view.text_errors.items():
            label.setText(errors.get(name, ""))
            label.setVisible(name in errors)
        if errors:
            self._host.show_status(f"Not saved: {self._problem}")

    def unsaved_work(self) -> str:
        return f"The session notes: {self._problem}" if self._problem else ""
