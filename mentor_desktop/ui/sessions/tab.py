"""The Session prep tab controller: wires the view to the session service and the bus."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QThreadPool, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QKeySequence, QUndoStack
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QPlainTextEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

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
from mentor_desktop.ui.bus import Change, ChangeBus, ChangeKind, ItemKind
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

if TYPE_CHECKING:
    from mentor_desktop.reports.pipeline import Report

#: Typed text is saved this long after the last key press (and when the tab is left).
AUTOSAVE_MS = 800
#: The session's text fields, named as on Session and as the view's text boxes.
TEXT_FIELDS = ("personal_update", "notes", "takeaways")

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
        #: The open print preview of the brief (None until one is shown).
        self.preview: QDialog | None = None
        self._undo = QUndoStack(self)
        self._flush_problem = ""
        #: Field name -> why its typed text could not be saved; `_errors_key`: whose text.
        self._text_errors: dict[str, str] = {}
        self._errors_key: str | None = None
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
        v.agreement_combo.currentIndexChanged.connect(lambda _row: self._agreement_chosen())
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

    def _on_changed(self, change: Change) -> None:
        kind = change.kind
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

    def _agreement_chosen(self) -> None:
        """Show the chosen agreement's sessions, unless typed text cannot be saved yet."""
        if self._loading:
            return
        current = self._current
        if current is not None and not self.flush():
            self._loading = True
            try:
                self.view.agreement_combo.setCurrentIndex(
                    self.agreements.row_of(current.mentorship_id)
                )
            finally:
                self._loading = False
            return
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
        if not self.flush():
            return
        self.reload(session.mentorship_id)
        self._load_sessions(keep_key=session.key)
        self.view.sessions_view.setFocus()

    def _service_now(self) -> datetime:
        return self._service.now()

    def _select_row(self, row: int) -> None:
        session = self.sessions.row_at(row)
        current = self._current
        if session is not None and current is not None and session.key == current.key:
            return
        if current is not None and not self.flush():
            # stay on the session until its text fits: the message is next to the field
            self.view.sessions_view.selectRow(self.sessions.row_of(current.key))
            first = next(iter(self._text_errors))
            self.view.pages.setCurrentIndex(0 if first == "personal_update" else 1)
            self._text_edit(first).setFocus()
            return
        self._show_session(session)

    def _show_session(self, session: Session | None) -> None:
        if session is None or session.key != self._errors_key or not self._flush_problem:
            self._show_text_errors({}, None)  # another session, or the data was replaced
        keep = set(self._text_errors)
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
                self.feedback.set_rows([])
                self.suggestions.set_rows([])
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
                self.feedback.set_rows(detail.feedback)
                texts = (
                    detail.session.personal_update,
                    detail.session.notes,
                    detail.session.takeaways,
                )
            else:
                self.agenda.set_items([])
                self.actions.set_items([], self._service_now().date())
                self.feedback.set_rows([])
                texts = ("", "", "")
            for name, text in zip(TEXT_FIELDS, texts, strict=True):
                edit = self._text_edit(name)
                if name not in keep and edit.toPlainText() != text:
                    edit.setPlainText(text)
        finally:
            self._loading = False
        self._load_suggestions()

    def _load_suggestions(self) -> None:
        if self._current is None:
            self.suggestions.set_rows([])
            return
        self.suggestions.set_rows(self._service.suggestions(self._current))

    def _refresh_current(self) -> None:
        """Reload the list and the selected session after a change, and tell the other tabs.

        Typed text is saved first: the reload shows what is stored (text that could not be
        saved stays in its box, see `flush`).
        """
        self.flush()
        key = self._current.key if self._current else None
        if self._current is not None and self._current.id is None and self._current.rule_id:
            key = self._current.key
        self._current = None
        self._load_sessions(keep_key=key)
        self._bus.announce(ChangeKind.SESSIONS, self)

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
            lambda draft: self._service.save_agreement(mentorship_id, draft),
            agreement,
            self,
            confirm_discard=lambda dialog: self._dialogs.confirm(
                dialog,
                "Discard changes",
                "Close the agreement without saving what you changed?",
                "Discard changes",
            ),
        )

    def _agreement_dialog(self, agreement: Agreement | None) -> None:
        dialog = self.agreement_dialog(agreement)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved is not None:
            self.agreement_saved(dialog.saved)

    def agreement_saved(self, agreement: Agreement) -> None:
        self.flush()
        self._current = None
        self.reload(agreement.id)
        self._bus.announce(ChangeKind.MENTORSHIP, self)
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
            self.flush()
            self._current = None
            self._load_sessions(keep_key=added[0].key)
            self._bus.announce(ChangeKind.SESSIONS, self)

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
        return self.suggestions.row_at(index.row()) if index.isValid() else None

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
        """Save an item's text edited in place (Edit > Undo takes it back); text that cannot
        be saved is kept, and the item opened for editing again with it, to be fixed."""
        item = self.agenda.item_at(self.agenda.row_of(item_id))
        if item is None:
            return
        before = item.text
        saved: list = []
        if self._run(
            lambda: saved.append(self._service.update_agenda_item(item_id, text=text)),
            "Cannot change the item",
        ):
            self.agenda.update_item(saved[0])
            after = saved[0].text
            self._push(
                "Edit agenda item",
                lambda: self._service.update_agenda_item(item_id, text=after),
                lambda: self._service.update_agenda_item(item_id, text=before),
            )
            # after the table has closed its editor: reloading the model closes it too early
            QTimer.singleShot(0, self._refresh_current)
            return
        self.agenda.keep_draft(item_id, text)
        view = self._agenda_view_in_use()
        QTimer.singleShot(0, lambda: self._edit_again(view, item_id))

    def _agenda_view_in_use(self) -> QTableView:
        """The agenda table the user is working in (the After page's one or the Prepare one)."""
        after = self.view.after_agenda_view
        focus = self.focusWidget()
        if focus is not None and (focus is after or after.isAncestorOf(focus)):
            return after
        return self.view.agenda_view

    def _edit_again(self, view: QTableView, item_id: int) -> None:
        from mentor_desktop.ui.models.agenda_table import COL_TEXT

        row = self.agenda.row_of(item_id)
        if row < 0:
            return
        index = self.agenda.index(row, COL_TEXT)
        view.setCurrentIndex(index)
        view.edit(index)

    def _toggle_discussed(self, item_id: int, discussed: bool) -> None:
        """Tick or clear "discussed" (Edit > Undo takes it back)."""
        if self._run(
            lambda: self._service.update_agenda_item(item_id, discussed=discussed),
            "Cannot change the item",
        ):
            self._push(
                "Tick as discussed" if discussed else "Clear discussed",
                lambda: self._service.update_agenda_item(item_id, discussed=discussed),
                lambda: self._service.update_agenda_item(item_id, discussed=not discussed),
            )
            self._refresh_current()

    # ---------------------------------------------------------------- after the session

    def _text_changed(self) -> None:
        if not self._loading and self._current is not None:
            self._autosave.start()

    def flush(self) -> bool:
        """Save typed personal update, notes and takeaways now, each on its own; False if one
        could not be (its box keeps the text and says why, and the session stays selected)."""
        self._autosave.stop()
        session = self._current
        if session is None:
            return True
        if self._loading:
            return not self._text_errors
        typed = {name: self._text_edit(name).toPlainText() for name in TEXT_FIELDS}
        changed = {name: text for name, text in typed.items() if text != getattr(session, name)}
        if not changed or (session.id is None and not any(typed.values())):
            self._show_text_errors({}, session.key)
            return True
        stored = self._stored_current()
        if stored is None or stored.id is None:
            return True
        errors: dict[str, str] = {}
        for name, text in changed.items():
            try:
                self._current = self._service.update_texts(stored.id, **{name: text})
            except ValidationError as exc:
                errors.update(exc.errors)
            except MentorDesktopError as exc:
                errors[name] = str(exc)
        self._show_text_errors(errors, stored.key)
        return not errors

    def _text_edit(self, name: str) -> QPlainTextEdit:
        return getattr(self.view, name)

    def _show_text_errors(self, errors: dict[str, str], key: str | None) -> None:
        """Show why typed text could not be saved under its box (and hide the other labels)."""
        self._text_errors = dict(errors)
        self._errors_key = key if errors else None
        self._flush_problem = "; ".join(errors.values())
        for name, label in self.view.text_errors.items():
            label.setText(errors.get(name, ""))
            label.setVisible(name in errors)
        if errors:
            self.status_message.emit(f"Not saved: {self._flush_problem}")

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
        item = self.feedback.row_at(index.row()) if index.isValid() else None
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

    def _prepare_brief(self, then: Callable[[Report], None]) -> bool:
        """Gather the brief's data and draw its chart off the GUI thread, then call
        `then(report)` here; False when no session is selected."""
        session = self._current
        if session is None:
            return False
        self.flush()
        session = self._current or session
        from mentor_desktop.reports.brief import brief_report
        from mentor_desktop.ui.tasks import run_in_background

        service = self._service
        self._set_brief_busy(True)

        def finished(report: Report) -> None:
            self._set_brief_busy(False)
            then(report)

        def failed(message: str) -> None:
            self._set_brief_busy(False)
            self._dialogs.error(self, "Cannot make the brief", message)

        run_in_background(
            lambda _progress: brief_report(service.brief_data(session)),
            on_finished=finished,
            on_failed=failed,
            description="preparing the session brief",
        )
        return True

    def _set_brief_busy(self, busy: bool) -> None:
        v = self.view
        for button in (v.preview_button, v.print_button, v.pdf_button):
            button.setEnabled(not busy)
        if busy:
            self.status_message.emit("Preparing the brief…")
            QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        else:
            QGuiApplication.restoreOverrideCursor()

    def preview_brief(self) -> None:
        """Show a print preview of the brief (it can be printed from there)."""

        def show(report: Report) -> None:
            from mentor_desktop.ui.sessions.printing import preview_dialog

            self.preview = preview_dialog(report, self, self.page_size())
            self.preview.open()

        self._prepare_brief(show)

    def print_document(self) -> bool:
        """File > Print: print the brief of the selected session (True when there is one);
        the printer is asked for once the brief is ready."""

        def ask_and_print(report: Report) -> None:
            from mentor_desktop.reports.pipeline import paint_report
            from mentor_desktop.ui.sessions.printing import make_printer

            printer = make_printer(self.page_size())
            if QPrintDialog(printer, self).exec() == QDialog.DialogCode.Accepted:
                pages = paint_report(report, printer)
                self.status_message.emit(f"Printed the brief ({pages} page{'s' * (pages != 1)}).")

        return self._prepare_brief(ask_and_print)

    def save_brief_pdf(self) -> Path | None:
        """Ask for a file, then write the brief there as PDF once it is ready; returns the
        file chosen (None: cancelled). `status_message` tells when it is written."""
        if self._current is None:
            return None
        suggested = f"brief-{self._current.start:%Y-%m-%d}.pdf"
        chosen = self._ask_save_file(self, "Save brief as PDF", suggested, "PDF files (*.pdf)")
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")

        def write(report: Report) -> None:
            from mentor_desktop.reports.pipeline import write_pdf

            try:
                pages = write_pdf(report, path, self.page_size())
            except MentorDesktopError as exc:
                self._dialogs.error(self, "Cannot save the brief", str(exc))
                return
            self.status_message.emit(
                f"Saved the brief to {path} ({pages} page{'s' * (pages != 1)})."
            )

        return path if self._prepare_brief(write) else None

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
        from mentor_desktop.reports.calendar import sessions_calendar, write_calendar

        try:
            data = sessions_calendar(self._service.calendar_data(), self._service_now())
            write_calendar(path, data)
        except MentorDesktopError as exc:
            self._dialogs.error(self, "Cannot export the sessions", str(exc))
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
