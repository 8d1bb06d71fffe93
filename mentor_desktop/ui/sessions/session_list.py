"""The left of the Session prep tab: which agreement (mentor) is shown, its purpose, cadence
and follow-through, and the list of its sessions (stored ones and cadence occurrences)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject

from mentor_desktop.domain.sessions import Agreement, Session
from mentor_desktop.services.sessions import SessionService
from mentor_desktop.ui.models.session_agreements import AgreementListModel
from mentor_desktop.ui.models.session_table import SessionTableModel
from mentor_desktop.ui.sessions.columns import fit_columns
from mentor_desktop.ui.sessions.view import SessionPrepView


class SessionList(QObject):
    """Fills the agreement chooser and the session list, and keeps a selection through
    reloads; the tab decides what choosing a row shows (`select_row`, `show_nothing`).

    Signals: none (rows are handed to `select_row`).
    """

    def __init__(
        self,
        view: SessionPrepView,
        service: SessionService,
        agreements: AgreementListModel,
        sessions: SessionTableModel,
        flush: Callable[[], bool],
        current: Callable[[], Session | None],
        select_row: Callable[[int], None],
        show_nothing: Callable[[], None],
        slot: Callable[[str, Callable[[], object]], Callable[..., None]],
    ) -> None:
        super().__init__(view)
        self._view = view
        self._service = service
        self._agreements = agreements
        self._sessions = sessions
        self._flush = flush
        self._current = current
        self._select_row = select_row
        self._show_nothing = show_nothing
        #: True while the chooser is filled (its signals are not the user's choice).
        self.loading = False
        view.agreement_combo.currentIndexChanged.connect(
            slot("Cannot show the agreement", self._agreement_chosen)
        )

    def current_agreement(self) -> Agreement | None:
        return self._agreements.agreement_at(self._view.agreement_combo.currentIndex())

    def reload(self, mentorship_id: int | None = None) -> None:
        """Reload agreements (keeping or choosing `mentorship_id`) and their sessions."""
        keep = mentorship_id
        if keep is None and (current := self.current_agreement()) is not None:
            keep = current.id
        self.loading = True
        try:
            self._agreements.set_agreements(self._service.list_agreements())
            row = self._agreements.row_of(keep) if keep is not None else -1
            self._view.agreement_combo.setCurrentIndex(
                max(row, 0) if self._agreements.rowCount() else -1
            )
        finally:
            self.loading = False
        self.load_sessions()

    def _agreement_chosen(self) -> None:
        """Show the chosen agreement's sessions, unless typed text cannot be saved yet."""
        if self.loading:
            return
        current = self._current()
        if current is not None and not self._flush():
            self.loading = True
            try:
                self._view.agreement_combo.setCurrentIndex(
                    self._agreements.row_of(current.mentorship_id)
                )
            finally:
                self.loading = False
            return
        self.load_sessions()

    def show_follow_through(self) -> None:
        """The chosen agreement's follow-through, counted again."""
        agreement = self.current_agreement()
        label = self._view.follow_through_label
        if agreement is None:
            label.clear()
        else:
            label.setText("Follow-through: " + self._service.follow_through(agreement.id).summary())

    def load_sessions(self, keep_key: str | None = None) -> None:
        """Show the chosen agreement and its sessions, selecting `keep_key` (else the next
        session, else the last)."""
        if self.loading:
            return
        self._flush()
        agreement = self.current_agreement()
        v = self._view
        v.edit_agreement_button.setEnabled(agreement is not None)
        v.add_session_button.setEnabled(agreement is not None)
        self.show_follow_through()
        if agreement is None:
            self._sessions.set_sessions([], datetime.now())
            v.agreement_summary.setText(
                "No agreement yet: choose “New agreement…” to record your mentor, what you "
                "both expect and how often you meet."
            )
            self._show_nothing()
            return
        from mentor_desktop.domain.cadence import describe

        cadence = "; ".join(describe(rule) for rule in agreement.rules) or "no cadence yet"
        purpose = agreement.mentorship.purpose.strip()
        v.agreement_summary.setText(
            (f"Purpose: {purpose}\n" if purpose else "") + f"Cadence: {cadence}"
        )
        self._sessions.set_sessions(self._service.list_sessions(agreement.id), self._service.now())
        row = self._sessions.row_of(keep_key) if keep_key else -1
        if row < 0:
            row = self._sessions.next_row()
        if row < 0:
            row = self._sessions.rowCount() - 1
        fit_columns(v.sessions_view, max(row, 0))
        if row >= 0:
            v.sessions_view.selectRow(row)
            v.sessions_view.scrollTo(self._sessions.index(row, 0))
        self._select_row(row)
