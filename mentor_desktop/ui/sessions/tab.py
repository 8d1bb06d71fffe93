"""The Session prep tab controller: wires the view to the session service and the bus."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QThreadPool, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QKeySequence, QUndoStack
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QDialog, QFileDialog, QVBoxLayout, QWidget

from mentor_desktop.domain.errors import MentorDesktopError, NotFoundError, ValidationError
from mentor_desktop.domain.sessions import (
    ActionItemDraft,
    ActionOwner,
    AgendaKind,
    Agreement,
    FeedbackDraft,
    Session,
    SessionStatus,
    Suggestion,
)
from mentor_desktop.services.sessions import SessionService
from mentor_desktop.settings import AppSettings
from mentor_desktop.ui.bus import ChangeBus, ChangeKind, ItemKind
from mentor_desktop.ui.dialogs import Dialogs
from mentor_desktop.ui.models.action_items import ActionItemTableModel
from mentor_desktop.ui.models.agenda_suggestions import SuggestionTableModel
from mentor_desktop.ui.models.agenda_table import AgendaTableModel
from mentor_desktop.ui.models.session_agreements import AgreementListModel
from mentor_desktop.ui.models.session_feedback import FeedbackTableModel
from mentor_desktop.ui.models.session_table import SessionTableModel
from mentor_desktop.ui.sessions.dialogs import AgreementDialog, SessionTimeDialog
from mentor_desktop.ui.sessions.view import SessionPrepView, stretch_columns
from mentor_desktop.ui.undo import ServiceCommand, report_and_forget
from mentor_desktop.ui.widgets.tab_page import TabPage

#: Typed text is saved this long after the last key press (and when the tab is left).
AUTOSAVE_MS = 800

SaveFileAsker = Callable[[QWidget, str, str, str], str | None]


def _ask_save_file(parent: QWidget, title: str, suggested: str, filters: str) -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    return path or None


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
        ask_save_file: SaveFileAsker = _ask_save_file,
    ) -> None:
        super().__init__()
        self._service = sessions
        self._bus = bus
        self._dialogs = dialogs
        self._ask_save_file = ask_save_file
        self._current: Session | None = None
        self._loading = False
        self._undo = QUndoStack(self)
        self._flush_problem = ""
        self.view = SessionPrepView(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

        self.agreements = AgreementListModel(self)
        self.sessions = SessionTableModel(self)
        self.suggestions = SuggestionTableModel(self)
        self.agenda = AgendaTableModel(self)
        self.actions = ActionItemTableModel(self)
        self.feedback = FeedbackTableModel(self)
        v = self.view
        v.agreement_combo.setModel(self.agreements)
        for table, model in (
            (v.sessions_view, self.sessions),
            (v.suggestions_view, self.suggestions),
            (v.agenda_view, self.agenda),
            (v.after_agenda_view, self.agenda),
            (v.actions_view, self.actions),
            (v.feedback_view, self.feedback),
        ):
            table.setModel(model)
            stretch_columns(table)

        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.flush)
        self.export_action = QAction("E&xport sessions to calendar…", self)
        self.export_action.setObjectName("action_export_sessions")
        self.export_action.setStatusTip("Write upcoming sessions to an .ics file")
        self.export_action.triggered.connect(self.export_calendar)
        from mentor_desktop.reports.pipeline import PageSize, locale_page_size

        v.paper_combo.addItem(f"From the locale ({locale_page_size().label})", "")
        for size in PageSize:
            v.paper_combo.addItem(size.label, size.value)
        self._connect()
        bus.changed.connect(self._on_changed)
        self.reload()
        self._preload_charts()

    def undo_stack(self) -> QUndoStack:
        return self._undo

    def _push(self, text: str, redo, undo) -> None:
        """Record an agenda edit that was just applied, so Edit > Undo can take it back."""
        self._undo.push(
            ServiceCommand(
                text,
                redo,
                undo,
                self._refresh_current,
                report_and_forget(
                    self._undo, lambda text: self._dialogs.error(self, "Cannot undo", text)
                ),
            )
        )

    def _preload_charts(self) -> None:
        """Import Matplotlib on a pool thread, so the first brief prints without a pause.

        Nothing to report back, so no signals: the pool runs the import and is done.
        """
        from mentor_desktop.charts.progress import preload

        QThreadPool.globalInstance().start(preload)

    # ---------------------------------------------------------------- wiring

    def _connect(self) -> None:
        v = self.view
        v.agreement_combo.currentIndexChanged.connect(lambda _row: self._load_sessions())
        v.edit_agreement_button.clicked.connect(self.edit_agreement)
        v.new_agreement_button.clicked.connect(self.new_agreement)
        v.sessions_view.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._select_row(current.row())
        )
        v.add_session_button.clicked.connect(self.add_session)
        v.move_session_button.clicked.connect(self.move_session)
        v.cancel_session_button.clicked.connect(lambda: self._set_status(SessionStatus.CANCELLED))
        v.done_session_button.clicked.connect(lambda: self._set_status(SessionStatus.DONE))
        v.accept_button.clicked.connect(lambda: self.accept_suggestion(reword=False))
        v.accept_edited_button.clicked.connect(lambda: self.accept_suggestion(reword=True))
        v.suggestions_view.doubleClicked.connect(lambda _i: self.accept_suggestion(reword=False))
        v.drop_button.clicked.connect(self.drop_suggestion)
        v.add_item_button.clicked.connect(self.add_agenda_item)
        v.new_item_edit.returnPressed.connect(self.add_agenda_item)
        v.up_button.clicked.connect(lambda: self.move_agenda_item(-1))
        v.down_button.clicked.connect(lambda: self.move_agenda_item(1))
        v.remove_item_button.clicked.connect(self.remove_agenda_item)
        v.agenda_view.installEventFilter(self)
        self.agenda.text_edited.connect(self._edit_agenda_text)
        self.agenda.discussed_toggled.connect(self._toggle_discussed)
        self.actions.done_toggled.connect(self._toggle_action_done)
        for edit in (v.personal_update, v.notes, v.takeaways):
            edit.textChanged.connect(self._text_changed)
        v.add_action_button.clicked.connect(self.add_action)
        v.action_text.returnPressed.connect(self.add_action)
        v.add_feedback_button.clicked.connect(self.add_feedback)
        v.remove_action_button.clicked.connect(self.remove_action)
        v.remove_feedback_button.clicked.connect(self.remove_feedback)
        v.preview_button.clicked.connect(self.preview_brief)
        v.print_button.clicked.connect(self.print_document)
        v.pdf_button.clicked.connect(self.save_brief_pdf)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """In the agenda: Delete removes the item, Ctrl+Up / Ctrl+Down move it."""
        if watched is self.view.agenda_view and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.matches(QKeySequence.StandardKey.Delete):
                self.remove_agenda_item()
                return True
            control = event.modifiers() & Qt.KeyboardModifier.ControlModifier
            if control and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self.move_agenda_item(-1 if event.key() == Qt.Key.Key_Up else 1)
                return True
        return super().eventFilter(watched, event)

    def _on_changed(self, kind: str) -> None:
        if kind == ChangeKind.DATA_REPLACED:
            # typed text was saved before the data was replaced: drop it, show what is stored
            self._autosave.stop()
            self._current = None
            self._flush_problem = ""
            self._undo.clear()
            self.reload()
            self._load_suggestions()
        elif kind in (ChangeKind.GOALS, ChangeKind.JOURNAL):
            self._load_suggestions()

    def _run(self, action: Callable[[], object], what: str) -> bool:
        """Run a service call; show a clear message instead of failing."""
        try:
            action()
        except ValidationError as exc:
            self._dialogs.error(self, what, "\n".join(exc.errors.values()))
            return False
        except MentorDesktopError as exc:
            self._dialogs.error(self, what, str(exc))
            return False
        return True

    # ---------------------------------------------------------------- loading

    def current_agreement(self) -> Agreement | None:
        return self.agreements.agreement_at(self.view.agreement_combo.currentIndex())

    def current_session(self) -> Session | None:
        return self._current

    def reload(self, mentorship_id: int | None = None) -> None:
        """Reload agreements (keeping or choosing `mentorship_id`) and their sessions."""
        keep = mentorship_id
        if keep is None and (current := self.current_agreement()) is not None:
            keep = current.id
        self._loading = True
        try:
            self.agreements.set_agreements(self._service.list_agreements())
            row = self.agreements.row_of(keep) if keep is not None else -1
            self.view.agreement_combo.setCurrentIndex(
                max(row, 0) if self.agreements.rowCount() else -1
            )
        finally:
            self._loading = False
        self._load_sessions()

    def _load_sessions(self, keep_key: str | None = None) -> None:
        if self._loading:
            return
        self.flush()
        agreement = self.current_agreement()
        has_agreement = agreement is not None
        self.view.edit_agreement_button.setEnabled(has_agreement)
        self.view.add_session_button.setEnabled(has_agreement)
        if agreement is None:
            self.sessions.set_sessions([], datetime.now())
            self.view.agreement_summary.setText(
                "No agreement yet: choose “New agreement…” to record your mentor, what you "
                "both expect and how often you meet."
            )
            self.view.follow_through_label.clear()
            self._show_session(None)
            return
        from mentor_desktop.domain.cadence import describe

        cadence = "; ".join(describe(rule) for rule in agreement.rules) or "no cadence yet"
        purpose = agreement.mentorship.purpose.strip()
        self.view.agreement_summary.setText(
            (f"Purpose: {purpose}\n" if purpose else "") + f"Cadence: {cadence}"
        )
        self.view.follow_through_label.setText(
            "Follow-through: " + self._service.follow_through(agreement.id).summary()
        )
        now = self._service_now()
        self.sessions.set_sessions(self._service.list_sessions(agreement.id), now)
        row = self.sessions.row_of(keep_key) if keep_key else -1
        if row < 0:
            row = self.sessions.next_row()
        if row < 0:
            row = self.sessions.rowCount() - 1
        if row >= 0:
            self.view.sessions_view.selectRow(row)
            self.view.sessions_view.scrollTo(self.sessions.index(row, 0))
        self._select_row(row)

    def opens(self) -> tuple[str, ...]:
        return (ItemKind.SESSION,)

    def open_item(self, kind: str, item_id: int) -> None:
        """Show a stored session, switching to its mentor's agreement if needed."""
        try:
            session = self._service.session(item_id)
        except NotFoundError as exc:
            self.status_message.emit(str(exc))
            return
        self.reload(session.mentorship_id)
        self._load_sessions(keep_key=session.key)
        self.view.sessions_view.setFocus()

    def _service_now(self) -> datetime:
        return self._service.now()

    def _select_row(self, row: int) -> None:
        session = self.sessions.session_at(row)
        if session is not None and self._current is not None and session.key == self._current.key:
            return
        self.flush()
        self._show_session(session)

    def _show_session(self, session: Session | None) -> None:
        self._current = session
        v = self.view
        enabled = session is not None
        for widget in (
            v.pages,
            v.move_session_button,
            v.cancel_session_button,
            v.done_session_button,
        ):
            widget.setEnabled(enabled)
        self._loading = True
        try:
            if session is None:
                v.session_title.setText("No session selected")
                for edit in (v.personal_update, v.notes, v.takeaways):
                    edit.clear()
                self.agenda.set_items([])
                self.actions.set_items([], date.today())
                self.feedback.set_items([])
                self.suggestions.set_suggestions([])
                return
            v.session_title.setText(
                f"{session.label} on {session.start:%A %d %B %Y, %H:%M} "
                f"({session.duration_minutes} min) — {session.status.label.lower()}"
            )
            if session.id is not None:
                detail = self._service.detail(session.id)
                self._current = detail.session
                self.agenda.set_items(detail.agenda)
                self.actions.set_items(detail.actions, self._service_now().date())
                self.feedback.set_items(detail.feedback)
                texts = (
                    detail.session.personal_update,
                    detail.session.notes,
                    detail.session.takeaways,
                )
            else:
                self.agenda.set_items([])
                self.actions.set_items([], self._service_now().date())
                self.feedback.set_items([])
                texts = ("", "", "")
            for edit, text in zip((v.personal_update, v.notes, v.takeaways), texts, strict=True):
                if edit.toPlainText() != text:
                    edit.setPlainText(text)
        finally:
            self._loading = False
        self._load_suggestions()

    def _load_suggestions(self) -> None:
        if self._current is None:
            self.suggestions.set_suggestions([])
            return
        self.suggestions.set_suggestions(self._service.suggestions(self._current))

    def _refresh_current(self) -> None:
        """Reload the list and the selected session after a change, and tell the other tabs."""
        key = self._current.key if self._current else None
        if self._current is not None and self._current.id is None and self._current.rule_id:
            key = self._current.key
        self._current = None
        self._load_sessions(keep_key=key)
        self._bus.changed.emit(ChangeKind.SESSIONS)

    def _stored_current(self) -> Session | None:
        """The selected session, given its own row first if it is a cadence occurrence."""
        if self._current is None:
            return None
        if self._current.id is None:
            self._current = self._service.store(self._current)
        return self._current

    # ---------------------------------------------------------------- agreement

    def edit_agreement(self) -> None:
        agreement = self.current_agreement()
        if agreement is None:
            self.new_agreement()
            return
        self._agreement_dialog(agreement)

    def new_agreement(self) -> None:
        self._agreement_dialog(None)

    def agreement_dialog(self, agreement: Agreement | None) -> AgreementDialog:
        """The dialog (not yet shown) that edits `agreement` or creates one."""
        mentorship_id = agreement.id if agreement else None
        return AgreementDialog(
            lambda draft: self._service.save_agreement(mentorship_id, draft), agreement, self
        )

    def _agreement_dialog(self, agreement: Agreement | None) -> None:
        dialog = self.agreement_dialog(agreement)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved is not None:
            self.agreement_saved(dialog.saved)

    def agreement_saved(self, agreement: Agreement) -> None:
        self._current = None
        self.reload(agreement.id)
        self._bus.changed.emit(ChangeKind.MENTORSHIP)
        self.status_message.emit(f"Saved the agreement with {agreement.mentor.name}.")

    # ---------------------------------------------------------------- sessions

    def add_session(self) -> None:
        agreement = self.current_agreement()
        if agreement is None:
            return
        start = (self._service_now() + timedelta(days=1)).replace(minute=0, second=0)
        added: list[Session] = []
        dialog = SessionTimeDialog(
            "Add a session",
            lambda when, minutes, label: added.append(
                self._service.add_session(agreement.id, when, minutes, label)
            ),
            start,
            with_details=True,
            parent=self,
        )
        if dialog.exec() == QDialog.DialogCode.Accepted and added:
            self._current = None
            self._load_sessions(keep_key=added[0].key)
            self._bus.changed.emit(ChangeKind.SESSIONS)

    def move_dialog(self) -> SessionTimeDialog | None:
        session = self._current
        if session is None:
            return None
        return SessionTimeDialog(
            "Move this session",
            lambda when, _m, _l: self._service.move_session(session, when),
            session.start,
            parent=self,
        )

    def move_session(self) -> None:
        dialog = self.move_dialog()
        if dialog is not None and dialog.exec() == QDialog.DialogCode.Accepted:
            self._refresh_current()

    def _set_status(self, status: SessionStatus) -> None:
        session = self._current
        if session is None:
            return
        if status is SessionStatus.CANCELLED and not self._dialogs.confirm(
            self,
            "Cancel session",
            f"Cancel the {session.label.lower()} on {session.start:%d %B %Y}? "
            "The other sessions stay as they are.",
            "Cancel session",
        ):
            return
        if self._run(
            lambda: self._service.set_status(session, status), "Cannot change the session"
        ):
            self._refresh_current()
            self.status_message.emit(f"Session marked {status.label.lower()}.")

    # ---------------------------------------------------------------- agenda

    def _selected_suggestion(self) -> Suggestion | None:
        index = self.view.suggestions_view.currentIndex()
        return self.suggestions.suggestion_at(index.row()) if index.isValid() else None

    def accept_suggestion(self, reword: bool = False) -> None:
        suggestion = self._selected_suggestion()
        if suggestion is None or self._current is None:
            return
        text: str | None = None
        if reword:
            text = self._dialogs.ask_text(self, "Add to agenda", "Agenda item:", suggestion.text)
            if text is None:
                return
        session = self._stored_current()
        added: list = []
        if session is not None and self._run(
            lambda: added.append(self._service.accept_suggestion(session, suggestion, text)),
            "Cannot add to the agenda",
        ):
            item = added[0]
            self._push(
                "Add to agenda",
                lambda: self._service.restore_agenda_item(item),
                lambda: self._service.remove_agenda_item(item.id, forget=True),
            )
            self._refresh_current()

    def drop_suggestion(self) -> None:
        suggestion = self._selected_suggestion()
        session = self._stored_current() if suggestion is not None else None
        if suggestion is not None and session is not None:
            self._service.drop_suggestion(session, suggestion)
            self._refresh_current()

    def add_agenda_item(self) -> None:
        text = self.view.new_item_edit.text()
        if not text.strip() or self._current is None:
            return
        kind = AgendaKind(self.view.kind_combo.currentData())
        session = self._stored_current()
        added: list = []
        if session is not None and self._run(
            lambda: added.append(self._service.add_agenda_item(session, text, kind)),
            "Cannot add to the agenda",
        ):
            item = added[0]
            self._push(
                "Add agenda item",
                lambda: self._service.restore_agenda_item(item),
                lambda: self._service.remove_agenda_item(item.id, forget=True),
            )
            self.view.new_item_edit.clear()
            self._refresh_current()

    def _selected_agenda_row(self) -> int:
        index = self.view.agenda_view.currentIndex()
        return index.row() if index.isValid() else -1

    def move_agenda_item(self, step: int) -> None:
        row = self._selected_agenda_row()
        item = self.agenda.item_at(row)
        if item is None or not 0 <= row + step < self.agenda.rowCount():
            return
        self._service.move_agenda_item(item.id, row + step)
        self._push(
            "Move agenda item",
            lambda: self._service.move_agenda_item(item.id, row + step),
            lambda: self._service.move_agenda_item(item.id, row),
        )
        self._refresh_current()
        self.view.agenda_view.selectRow(row + step)

    def remove_agenda_item(self) -> None:
        item = self.agenda.item_at(self._selected_agenda_row())
        if item is None:
            return
        snapshot = self._service.remove_agenda_item(item.id)
        self._push(
            "Remove agenda item",
            lambda: self._service.remove_agenda_item(snapshot.id),
            lambda: self._service.restore_agenda_item(snapshot),
        )
        self._refresh_current()
        self.status_message.emit("Removed from the agenda (Edit > Undo puts it back).")

    def _edit_agenda_text(self, item_id: int, text: str) -> None:
        if self._run(
            lambda: self._service.update_agenda_item(item_id, text=text), "Cannot change the item"
        ):
            self._refresh_current()

    def _toggle_discussed(self, item_id: int, discussed: bool) -> None:
        self._service.update_agenda_item(item_id, discussed=discussed)
        self._refresh_current()

    # ---------------------------------------------------------------- after the session

    def _text_changed(self) -> None:
        if not self._loading and self._current is not None:
            self._autosave.start()

    def flush(self) -> bool:
        """Save typed personal update, notes and takeaways now; False if they could not be."""
        self._autosave.stop()
        self._flush_problem = ""
        session = self._current
        if session is None or self._loading:
            return True
        v = self.view
        texts = (v.personal_update.toPlainText(), v.notes.toPlainText(), v.takeaways.toPlainText())
        if texts == (session.personal_update, session.notes, session.takeaways):
            return True
        if session.id is None and not any(texts):
            return True
        stored = self._stored_current()
        if stored is None or stored.id is None:
            return True
        try:
            self._current = self._service.update_texts(stored.id, *texts)
        except ValidationError as exc:
            self._flush_problem = "; ".join(exc.errors.values())
            self.status_message.emit(self._flush_problem)
            return False
        return True

    def unsaved_work(self) -> str:
        if not self._flush_problem:
            return ""
        return f"The session notes: {self._flush_problem}"

    def add_action(self) -> None:
        v = self.view
        if self._current is None:
            return
        draft = ActionItemDraft(
            v.action_text.text(), ActionOwner(v.action_owner.currentData()), v.action_due.value()
        )
        session = self._current
        try:
            if not draft.text.strip():
                raise ValidationError.single("text", "Say what the commitment is.")
            session = self._stored_current() or session
            self._service.add_action(session, draft)
        except ValidationError as exc:
            v.action_error.setText("\n".join(exc.errors.values()))
            return
        v.action_error.clear()
        v.action_text.clear()
        self._refresh_current()

    def remove_action(self) -> None:
        index = self.view.actions_view.currentIndex()
        item = self.actions.item_at(index.row()) if index.isValid() else None
        if item is None or not self._dialogs.confirm(
            self, "Remove action item", f"Remove “{item.text}”?", "Remove"
        ):
            return
        if self._run(lambda: self._service.remove_action(item.id), "Cannot remove"):
            self._refresh_current()

    def remove_feedback(self) -> None:
        index = self.view.feedback_view.currentIndex()
        item = self.feedback.item_at(index.row()) if index.isValid() else None
        if item is None or not self._dialogs.confirm(
            self, "Remove feedback", f"Remove the feedback about “{item.situation}”?", "Remove"
        ):
            return
        if self._run(lambda: self._service.remove_feedback(item.id), "Cannot remove"):
            self._refresh_current()

    def _toggle_action_done(self, action_id: int, done: bool) -> None:
        self._service.set_action_done(action_id, done, self._service_now().date())
        self._refresh_current()

    def add_feedback(self) -> None:
        fields = self.view.feedback_fields
        session = self._current
        if session is None:
            return
        draft = FeedbackDraft(**{name: edit.text() for name, edit in fields.items()})
        try:
            if not draft.situation.strip() and not draft.behaviour.strip():
                raise ValidationError.single(
                    "situation", "Describe at least the situation or the behaviour."
                )
            stored = self._stored_current()
            assert stored is not None and stored.id is not None
            self._service.add_feedback(stored.id, draft)
        except ValidationError as exc:
            self.view.feedback_error.setText("\n".join(exc.errors.values()))
            return
        self.view.feedback_error.clear()
        for edit in fields.values():
            edit.clear()
        self._refresh_current()

    # ---------------------------------------------------------------- brief

    def page_size(self):
        """The paper chosen for the brief (None: the locale's)."""
        from mentor_desktop.reports.pipeline import PageSize

        value = self.view.paper_combo.currentData()
        return PageSize(value) if value else None

    def brief_report(self):
        """The brief for the selected session as a Report (None without a session)."""
        if self._current is None:
            return None
        self.flush()
        from mentor_desktop.reports.brief import brief_report

        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return brief_report(self._service.brief_data(self._current))
        finally:
            QGuiApplication.restoreOverrideCursor()

    def preview_brief(self) -> None:
        report = self.brief_report()
        if report is None:
            return
        from mentor_desktop.ui.sessions.printing import preview_dialog

        preview_dialog(report, self, self.page_size()).exec()

    def print_document(self) -> bool:
        """File > Print: print the brief of the selected session (True when there is one)."""
        report = self.brief_report()
        if report is None:
            return False
        from mentor_desktop.reports.pipeline import paint_report
        from mentor_desktop.ui.sessions.printing import make_printer

        printer = make_printer(self.page_size())
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            pages = paint_report(report, printer)
            self.status_message.emit(f"Printed the brief ({pages} page{'s' * (pages != 1)}).")
        return True

    def save_brief_pdf(self) -> Path | None:
        if self._current is None:
            return None
        suggested = f"brief-{self._current.start:%Y-%m-%d}.pdf"
        chosen = self._ask_save_file(self, "Save brief as PDF", suggested, "PDF files (*.pdf)")
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        report = self.brief_report()
        from mentor_desktop.reports.pipeline import write_pdf

        try:
            pages = write_pdf(report, path, self.page_size())
        except OSError as exc:
            self._dialogs.error(self, "Cannot save the brief", f"{path}: {exc}")
            return None
        self.status_message.emit(f"Saved the brief to {path} ({pages} page{'s' * (pages != 1)}).")
        return path

    def export_calendar(self) -> Path | None:
        """File > Export sessions to calendar: upcoming sessions of active agreements as .ics."""
        chosen = self._ask_save_file(
            self, "Export sessions to calendar", "mentoring-sessions.ics", "Calendar (*.ics)"
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != ".ics":
            path = path.with_suffix(".ics")
        from mentor_desktop.reports.calendar import sessions_calendar

        try:
            data = sessions_calendar(self._service.calendar_data(), self._service_now())
            path.write_bytes(data)
        except OSError as exc:
            self._dialogs.error(self, "Cannot export the sessions", f"{path}: {exc}")
            return None
        self.status_message.emit(f"Exported upcoming sessions to {path}.")
        return path

    def file_actions(self) -> list[QAction]:
        return [self.export_action]

    # ---------------------------------------------------------------- state

    def save_state(self, settings: AppSettings) -> None:
        settings.set_state_bytes("sessions/splitter", self.view.splitter.saveState())
        settings.set_state_text("sessions/paper", self.view.paper_combo.currentData() or "")

    def restore_state(self, settings: AppSettings) -> None:
        state = settings.state_bytes("sessions/splitter")
        if state is not None:
            self.view.splitter.restoreState(state)
        paper = self.view.paper_combo.findData(settings.state_text("sessions/paper", ""))
        self.view.paper_combo.setCurrentIndex(max(paper, 0))
