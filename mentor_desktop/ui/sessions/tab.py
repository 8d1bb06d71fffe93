"""The Session prep tab: the agreement and session list, and the wiring of its panels.

Each panel has its own sub-controller: `AgendaBuilder` (suggestions and the agenda),
`SessionNotes` (personal update, notes, takeaways), `FollowUp` (action items, feedback),
`ScheduleCommands` (agreements, adding, moving, cancelling sessions, calendar export) and
`BriefActions` (the printable brief). The tab keeps which session is selected and reloads it after a
change.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog, QVBoxLayout

from mentor_desktop.domain.bidi import mark_bidi
from mentor_desktop.domain.dates import weekday_date_time_text
from mentor_desktop.domain.errors import MentorDesktopError, NotFoundError, ValidationError
from mentor_desktop.domain.sessions import Agreement, Session, SessionStatus
from mentor_desktop.services.sessions import SessionService
from mentor_desktop.settings import AppSettings
from mentor_desktop.ui.bus import Change, ChangeBus, ChangeKind, ItemKind
from mentor_desktop.ui.dialogs import Dialogs
from mentor_desktop.ui.errors import ErrorReporter
from mentor_desktop.ui.models.action_items import ActionItemTableModel
from mentor_desktop.ui.models.agenda_suggestions import SuggestionTableModel
from mentor_desktop.ui.models.agenda_table import AgendaTableModel
from mentor_desktop.ui.models.session_agreements import AgreementListModel
from mentor_desktop.ui.models.session_feedback import FeedbackTableModel
from mentor_desktop.ui.models.session_table import SessionTableModel
from mentor_desktop.ui.sessions.agenda_builder import AgendaBuilder
from mentor_desktop.ui.sessions.brief import BriefActions
from mentor_desktop.ui.sessions.columns import size_columns
from mentor_desktop.ui.sessions.dialogs import AgreementDialog, SessionTimeDialog
from mentor_desktop.ui.sessions.drafts import composing_drafts
from mentor_desktop.ui.sessions.follow_up import FollowUp
from mentor_desktop.ui.sessions.notes import SessionNotes
from mentor_desktop.ui.sessions.schedule_commands import ScheduleCommands
from mentor_desktop.ui.sessions.session_list import SessionList
from mentor_desktop.ui.sessions.view import SessionPrepView
from mentor_desktop.ui.widgets.tab_page import TabPage


class SessionPrepTab(TabPage):
    """Agreement, sessions, agenda builder, after-session notes and the printable brief.

    Signals: inherits `status_message(str)` from TabPage.
    """

    title = "Session prep"

    def __init__(
        self,
        sessions: SessionService,
        bus: ChangeBus,
        dialogs: Dialogs,
    ) -> None:
        super().__init__()
        self._service = sessions
        self._bus = bus
        self._dialogs = dialogs
        self._current: Session | None = None
        self._loading = False
        self._undo = QUndoStack(self)
        #: The one way this tab shows what could not be done (see ui/errors.py).
        self.errors = ErrorReporter(dialogs, self)
        self.view = SessionPrepView(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

        self.agreements = AgreementListModel(self)
        self.sessions = SessionTableModel(self)
        self.suggestions = SuggestionTableModel(self)
        self.agenda = AgendaTableModel(self)
        self.action_items = ActionItemTableModel(self)
        self.feedback = FeedbackTableModel(self)
        v = self.view
        v.agreement_combo.setModel(self.agreements)
        for table, model in (
            (v.sessions_view, self.sessions),
            (v.suggestions_view, self.suggestions),
            (v.agenda_view, self.agenda),
            (v.after_agenda_view, self.agenda),
            (v.actions_view, self.action_items),
            (v.feedback_view, self.feedback),
        ):
            table.setModel(model)
            size_columns(table, fit_when_filled=table is not v.sessions_view)

        self.list = SessionList(
            v,
            sessions,
            self.agreements,
            self.sessions,
            self.flush,
            self.current_session,
            self._select_row,
            lambda: self._show_session(None),
            self.slot,
        )
        self.notes = SessionNotes(v, sessions, self, dialogs)
        self.agenda_builder = AgendaBuilder(
            v, sessions, dialogs, self, self._undo, self.suggestions, self.agenda
        )
        self.follow_up = FollowUp(v, sessions, dialogs, self, self.action_items, self.feedback)
        self.commands = ScheduleCommands(self, sessions, dialogs, self)
        self.brief = BriefActions(self, v, sessions, dialogs, self, self.flush)
        self.brief.job.status_message.connect(self.status_message)
        self._connect()
        bus.changed.connect(self._on_bus_change)
        self.reload()
        self.composing = composing_drafts(self, v, dialogs)

    def undo_stack(self) -> QUndoStack:
        return self._undo

    def _connect(self) -> None:
        v = self.view
        c = self.commands
        slot = self.slot
        v.edit_agreement_button.clicked.connect(slot("Cannot edit the agreement", c.edit_agreement))
        v.new_agreement_button.clicked.connect(slot("Cannot add an agreement", c.new_agreement))
        v.sessions_view.selectionModel().currentRowChanged.connect(
            lambda current, _previous: slot(
                "Cannot show the session", lambda: self._select_row(current.row())
            )()
        )
        v.add_session_button.clicked.connect(slot("Cannot add the session", c.add_session))
        v.move_session_button.clicked.connect(slot("Cannot move the session", c.move_session))
        v.cancel_session_button.clicked.connect(
            slot("Cannot change the session", lambda: c.set_status(SessionStatus.CANCELLED))
        )
        v.done_session_button.clicked.connect(
            slot("Cannot change the session", lambda: c.set_status(SessionStatus.DONE))
        )

    def _on_bus_change(self, change: Change) -> None:
        self.run(lambda: self._on_changed(change), "Cannot show the latest changes")

    def _on_changed(self, change: Change) -> None:
        if change.origin is self:
            return  # this tab already shows its own edit
        kind = change.kind
        if kind == ChangeKind.DATA_REPLACED:
            # typed text was saved before the data was replaced: drop it, show what is stored
            self.notes.forget()
            self._current = None
            self._undo.clear()
            self.reload()
            self.agenda_builder.load_suggestions()
        elif kind in (ChangeKind.GOALS, ChangeKind.JOURNAL):
            self.agenda_builder.load_suggestions()

    # ---------------------------------------------------------------- what the panels use

    def current_session(self) -> Session | None:
        return self._current

    def stored_current(self) -> Session | None:
        if self._current is None:
            return None
        if self._current.id is None:
            self._current = self._service.store(self._current)
        return self._current

    def replace_current(self, session: Session) -> None:
        self._current = session

    def is_loading(self) -> bool:
        return self._loading or self.list.loading

    def run(self, action: Callable[[], object], what: str) -> bool:
        """Run a service call; show a clear message instead of failing."""
        try:
            action()
        except ValidationError as exc:
            self._dialogs.error(self, what, "\n".join(exc.errors.values()))
            return False
        except MentorDesktopError as exc:
            self.errors.show(what, exc)
            return False
        return True

    def slot(self, title: str, action: Callable[[], object]) -> Callable[..., None]:
        def run(*_args: object) -> None:
            self.run(action, title)

        return run

    def show_status(self, text: str) -> None:
        self.status_message.emit(text)

    def refresh_current(self) -> None:
        """Reload the list and the selected session after a change, and tell the other tabs.

        Typed text is saved first: the reload shows what is stored (text that could not be
        saved stays in its box, see `SessionNotes.flush`).
        """
        self.flush()
        key = self._current.key if self._current else None
        self._current = None
        self._load_sessions(keep_key=key)
        self._announce(ChangeKind.SESSIONS)

    def session_changed(
        self, agenda: bool = False, actions: bool = False, feedback: bool = False
    ) -> None:
        """After an edit of the selected session: show again only what it changed (its
        agenda, action items or feedback, and its row in the list), and tell the other tabs.
        Typed text is saved first."""
        self.flush()
        session = self._current
        if session is None or session.id is None:
            self.refresh_current()
            return
        detail = self._service.detail(session.id)
        self._current = detail.session
        self.sessions.replace_session(detail.session)
        if agenda:
            self.agenda.set_items(detail.agenda)
        if actions:
            self.action_items.set_items(detail.actions, self._service.now().date())
            self.list.show_follow_through()
        if feedback:
            self.feedback.set_rows(detail.feedback)
        if agenda or actions:
            self.agenda_builder.load_suggestions()
        self._announce(ChangeKind.SESSIONS, session.id)

    def _announce(self, kind: str, *ids: int) -> None:
        """Tell the other tabs what this tab changed (this tab ignores its own changes)."""
        self._bus.announce(kind, self, ids)

    def show_agreement(self, mentorship_id: int) -> None:
        self.flush()
        self._current = None
        self.reload(mentorship_id)

    def show_new_session(self, session: Session) -> None:
        self.flush()
        self._current = None
        self._load_sessions(keep_key=session.key)
        self._announce(ChangeKind.SESSIONS)

    def agreement_changed(self) -> None:
        self._announce(ChangeKind.MENTORSHIP)

    # ---------------------------------------------------------------- the list

    def current_agreement(self) -> Agreement | None:
        return self.list.current_agreement()

    def reload(self, mentorship_id: int | None = None) -> None:
        """Reload agreements (keeping or choosing `mentorship_id`) and their sessions."""
        self.list.reload(mentorship_id)

    def _load_sessions(self, keep_key: str | None = None) -> None:
        self.list.load_sessions(keep_key)

    def opens(self) -> tuple[str, ...]:
        return (ItemKind.SESSION, ItemKind.ACTION_ITEM)

    def open_item(self, kind: str, item_id: int) -> None:
        """Show a stored session, switching to its mentor's agreement if needed; for an
        action item, the session it was agreed in with the item selected."""
        action_id = item_id if kind == ItemKind.ACTION_ITEM else None
        if action_id is not None:
            found = self.follow_up.session_of_action(action_id)
            if found is None:
                self.status_message.emit("That action item is done or no longer there.")
                return
            item_id = found
        try:
            session = self._service.session(item_id)
        except NotFoundError as exc:
            self.status_message.emit(str(exc))
            return
        if not self.flush():
            return
        self.reload(session.mentorship_id)
        self._load_sessions(keep_key=session.key)
        self.view.sessions_view.setFocus()
        if action_id is not None:
            self.follow_up.select_action(action_id)

    def _select_row(self, row: int) -> None:
        session = self.sessions.row_at(row)
        current = self._current
        if session is not None and current is not None and session.key == current.key:
            return
        if current is not None and not self.flush():
            # stay on the session until its text fits: the message is next to the field
            self.view.sessions_view.selectRow(self.sessions.row_of(current.key))
            first = self.notes.first_error_field() or "notes"
            self.view.pages.setCurrentIndex(0 if first == "personal_update" else 1)
            self.notes.edit(first).setFocus()
            return
        self._show_session(session)

    def _show_session(self, session: Session | None) -> None:
        """Show `session` (None: nothing selected) with everything recorded about it."""
        v = self.view
        for widget in (v.pages, v.move_session_button, v.cancel_session_button):
            widget.setEnabled(session is not None)
        v.done_session_button.setEnabled(session is not None)
        self._loading = True
        try:
            if session is not None and session.id is not None:
                detail = self._service.detail(session.id)
                session = detail.session
                self.agenda.set_items(detail.agenda)
                self.action_items.set_items(detail.actions, self._service.now().date())
                self.feedback.set_rows(detail.feedback)
            else:
                self.agenda.set_items([])
                self.action_items.set_items([], self._service.now().date())
                self.feedback.set_rows([])
            self._current = session
            self.notes.show(session)
            if session is None:
                v.session_title.setText("No session selected")
                self.suggestions.set_rows([])
                return
            v.session_title.setText(
                f"{mark_bidi(session.label)} on {weekday_date_time_text(session.start)} "
                f"({session.duration_minutes} min) — {session.status.label.lower()}"
            )
        finally:
            self._loading = False
        self.agenda_builder.load_suggestions()

    # ---------------------------------------------------------------- commands

    def agreement_dialog(self, agreement: Agreement | None) -> AgreementDialog:
        """The dialog (not yet shown) that edits `agreement` or creates one."""
        return self.commands.agreement_dialog(agreement)

    def agreement_saved(self, agreement: Agreement) -> None:
        self.commands.agreement_saved(agreement)

    def move_dialog(self) -> SessionTimeDialog | None:
        return self.commands.move_dialog()

    def export_calendar(self) -> Path | None:
        """File > Export sessions to calendar: upcoming sessions of active agreements as .ics."""
        return self.commands.export_calendar()

    # ---------------------------------------------------------------- the brief

    @property
    def preview(self) -> QDialog | None:
        """The open print preview of the brief (None until one is shown)."""
        return self.brief.preview_dialog

    def print_document(self) -> bool:
        """File > Print: print the brief of the selected session (True when there is one)."""
        return self.brief.print()

    def save_brief_pdf(self) -> Path | None:
        """Ask for a file and save the brief there as PDF (see `BriefActions.save_pdf`)."""
        return self.brief.save_pdf()

    # ---------------------------------------------------------------- state

    def flush(self) -> bool:
        """Save typed text now; False if some could not be (see `unsaved_work`)."""
        return self.notes.flush()

    def unsaved_work(self) -> str:
        return self.notes.unsaved_work()

    def save_state(self, settings: AppSettings) -> None:
        settings.set_state_bytes("sessions/splitter", self.view.splitter.saveState())
        settings.set_state_text("sessions/paper", self.view.paper_combo.currentData() or "")

    def restore_state(self, settings: AppSettings) -> None:
        state = settings.state_bytes("sessions/splitter")
        if state is not None:
            self.view.splitter.restoreState(state)
        paper = self.view.paper_combo.findData(settings.state_text("sessions/paper", ""))
        self.view.paper_combo.setCurrentIndex(max(paper, 0))
