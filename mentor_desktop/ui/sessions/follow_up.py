"""After the session: its action items (commitments) and the feedback received."""

from __future__ import annotations

from PySide6.QtCore import QObject

from mentor_desktop.domain.errors import ValidationError
from mentor_desktop.domain.sessions import ActionItemDraft, ActionOwner, FeedbackDraft
from mentor_desktop.services.sessions import SessionService
from mentor_desktop.ui.dialogs import Dialogs
from mentor_desktop.ui.models.action_items import ActionItemTableModel
from mentor_desktop.ui.models.session_feedback import FeedbackTableModel
from mentor_desktop.ui.sessions.host import SessionHost
from mentor_desktop.ui.sessions.view import SessionPrepView


class FollowUp(QObject):
    """Adds, ticks and removes action items and feedback of the selected session; a refusal
    is shown next to the fields, which keep what was typed.

    Signals: none (changes go through the host's `session_changed`).
    """

    def __init__(
        self,
        view: SessionPrepView,
        service: SessionService,
        dialogs: Dialogs,
        host: SessionHost,
        actions: ActionItemTableModel,
        feedback: FeedbackTableModel,
    ) -> None:
        super().__init__(view)
        self._view = view
        self._service = service
        self._dialogs = dialogs
        self._host = host
        self._actions = actions
        self._feedback = feedback
        add_action = host.slot("Cannot add the action item", self.add_action)
        view.add_action_button.clicked.connect(add_action)
        view.action_text.returnPressed.connect(add_action)
        view.remove_action_button.clicked.connect(host.slot("Cannot remove", self.remove_action))
        view.add_feedback_button.clicked.connect(
            host.slot("Cannot add the feedback", self.add_feedback)
        )
        view.remove_feedback_button.clicked.connect(
            host.slot("Cannot remove", self.remove_feedback)
        )
        actions.done_toggled.connect(self._toggle_action_done)

    def add_action(self) -> None:
        v = self._view
        session = self._host.current_session()
        if session is None:
            return
        draft = ActionItemDraft(
            v.action_text.text(), ActionOwner(v.action_owner.currentData()), v.action_due.value()
        )
        try:
            if not draft.text.strip():
                raise ValidationError.single("text", "Say what the commitment is.")
            session = self._host.stored_current() or session
            self._service.add_action(session, draft)
        except ValidationError as exc:
            v.action_error.setText("\n".join(exc.errors.values()))
            return
        v.action_error.clear()
        v.action_text.clear()
        self._host.session_changed(actions=True)

    def remove_action(self) -> None:
        index = self._view.actions_view.currentIndex()
        item = self._actions.item_at(index.row()) if index.isValid() else None
        if item is None or not self._dialogs.confirm(
            self._view, "Remove action item", f"Remove “{item.text}”?", "Remove"
        ):
            return
        if self._host.run(lambda: self._service.remove_action(item.id), "Cannot remove"):
            self._host.session_changed(actions=True)

    def session_of_action(self, action_id: int) -> int | None:
        """The session an open action item was agreed in (None: done, gone, or none)."""
        found = [a for a in self._service.open_actions() if a.id == action_id]
        return found[0].session_id if found else None

    def select_action(self, action_id: int) -> bool:
        """Show the After the session page with action item `action_id` selected."""
        rows = [row for row, item in enumerate(self._actions.rows()) if item.id == action_id]
        if not rows:
            return False
        self._view.pages.setCurrentIndex(1)
        self._view.actions_view.selectRow(rows[0])
        self._view.actions_view.scrollTo(self._actions.index(rows[0], 0))
        self._view.actions_view.setFocus()
        return True

    def _toggle_action_done(self, action_id: int, done: bool) -> None:
        if self._host.run(
            lambda: self._service.set_action_done(action_id, done, self._service.now().date()),
            "Cannot change the action item",
        ):
            self._host.session_changed(actions=True)

    def add_feedback(self) -> None:
        fields = self._view.feedback_fields
        if self._host.current_session() is None:
            return
        draft = FeedbackDraft(**{name: edit.text() for name, edit in fields.items()})
        try:
            if not draft.situation.strip() and not draft.behaviour.strip():
                raise ValidationError.single(
                    "situation", "Describe at least the situation or the behaviour."
                )
            stored = self._host.stored_current()
            assert stored is not None and stored.id is not None
            self._service.add_feedback(stored.id, draft)
        except ValidationError as exc:
            self._view.feedback_error.setText("\n".join(exc.errors.values()))
            return
        self._view.feedback_error.clear()
        for edit in fields.values():
            edit.clear()
        self._host.session_changed(feedback=True)

    def remove_feedback(self) -> None:
        index = self._view.feedback_view.currentIndex()
        item = self._feedback.row_at(index.row()) if index.isValid() else None
        if item is None or not self._dialogs.confirm(
            self._view,
            "Remove feedback",
            f"Remove the feedback about “{item.situation}”?",
            "Remove",
        ):
            return
        if self._host.run(lambda: self._service.remove_feedback(item.id), "Cannot remove"):
            self._host.session_changed(feedback=True)
