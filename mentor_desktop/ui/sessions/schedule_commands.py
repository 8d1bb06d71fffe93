"""Commands about agreements and when sessions take place: edit or create an agreement, add
a session, move, cancel or mark done the selected one, export upcoming sessions (.ics)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QWidget

from mentor_desktop.domain.dates import date_text
from mentor_desktop.domain.errors import MentorDesktopError
from mentor_desktop.domain.sessions import Agreement, Session, SessionStatus
from mentor_desktop.services.sessions import SessionService
from mentor_desktop.ui.dialogs import Dialogs
from mentor_desktop.ui.sessions.dialogs import AgreementDialog, SessionTimeDialog
from mentor_desktop.ui.sessions.host import SessionHost


class ScheduleHost(SessionHost, Protocol):
    """What the schedule commands need from the tab besides the selected session."""

    def current_agreement(self) -> Agreement | None: ...

    def show_agreement(self, mentorship_id: int) -> None:
        """Save typed text, then reload and show the agreement `mentorship_id`."""
        ...

    def show_new_session(self, session: Session) -> None:
        """Reload the list and select `session` (just added), telling the other tabs."""
        ...

    def agreement_changed(self) -> None:
        """Tell the other tabs that an agreement changed."""
        ...


class ScheduleCommands(QObject):
    """Runs the agreement and session commands of the Session prep tab.

    Signals: none (changes go through the host).
    """

    def __init__(
        self,
        parent: QWidget,
        service: SessionService,
        dialogs: Dialogs,
        host: ScheduleHost,
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._service = service
        self._dialogs = dialogs
        self._host = host

    # ---------------------------------------------------------------- agreements

    def edit_agreement(self) -> None:
        agreement = self._host.current_agreement()
        if agreement is None:
            self.new_agreement()
            return
        self._run_agreement_dialog(agreement)

    def new_agreement(self) -> None:
        self._run_agreement_dialog(None)

    def agreement_dialog(self, agreement: Agreement | None) -> AgreementDialog:
        """The dialog (not yet shown) that edits `agreement` or creates one."""
        mentorship_id = agreement.id if agreement else None
        return AgreementDialog(
            lambda draft: self._service.save_agreement(mentorship_id, draft),
            agreement,
            self._parent,
            confirm_discard=lambda dialog: self._dialogs.confirm(
                dialog,
                "Discard changes",
                "Close the agreement without saving what you changed?",
                "Discard changes",
            ),
        )

    def _run_agreement_dialog(self, agreement: Agreement | None) -> None:
        dialog = self.agreement_dialog(agreement)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved is not None:
            self.agreement_saved(dialog.saved)

    def agreement_saved(self, agreement: Agreement) -> None:
        self._host.show_agreement(agreement.id)
        self._host.agreement_changed()
        self._host.show_status(f"Saved the agreement with {agreement.mentor.name}.")

    # ---------------------------------------------------------------- sessions

    def add_session(self) -> None:
        agreement = self._host.current_agreement()
        if agreement is None:
            return
        start = (self._service.now() + timedelta(days=1)).replace(minute=0, second=0)
        added: list[Session] = []
        dialog = SessionTimeDialog(
            "Add a session",
            lambda when, minutes, label: added.append(
                self._service.add_session(agreement.id, when, minutes, label)
            ),
            start,
            with_details=True,
            parent=self._parent,
        )
        if dialog.exec() == QDialog.DialogCode.Accepted and added:
            self._host.show_new_session(added[0])

    def move_dialog(self) -> SessionTimeDialog | None:
        """The dialog (not yet shown) that moves the selected session (None: none selected)."""
        session = self._host.current_session()
        if session is None:
            return None
        return SessionTimeDialog(
            "Move this session",
            lambda when, _m, _l: self._service.move_session(session, when),
            session.start,
            parent=self._parent,
        )

    def move_session(self) -> None:
        dialog = self.move_dialog()
        if dialog is not None and dialog.exec() == QDialog.DialogCode.Accepted:
            self._host.refresh_current()

    def set_status(self, status: SessionStatus) -> None:
        """Mark the selected session done, or cancel it (after asking)."""
        session = self._host.current_session()
        if session is None:
            return
        if status is SessionStatus.CANCELLED and not self._dialogs.confirm(
            self._parent,
            "Cancel session",
            f"Cancel the {session.label.lower()} on {date_text(session.start)}? "
            "The other sessions stay as they are.",
            "Cancel session",
        ):
            return
        if self._host.run(
            lambda: self._service.set_status(session, status), "Cannot change the session"
        ):
            self._host.refresh_current()
            self._host.show_status(f"Session marked {status.label.lower()}.")

    def export_calendar(self) -> Path | None:
        """Upcoming sessions of active agreements as an .ics file (None: cancelled)."""
        path = self._dialogs.ask_save_path(
            self._parent,
            "Export sessions to calendar",
            "calendar",
            "mentoring-sessions.ics",
            "Calendar (*.ics)",
        )
        if path is None:
            return None
        if path.suffix.lower() != ".ics":
            path = path.with_suffix(".ics")
        from mentor_desktop.reports.calendar import sessions_calendar, write_calendar

        try:
            data = sessions_calendar(self._service.calendar_data(), self._service.now())
            write_calendar(path, data)
        except MentorDesktopError as exc:
            self._dialogs.error(self._parent, "Cannot export the sessions", str(exc))
            return None
        self._host.show_status(f"Exported upcoming sessions to {path}.")
        return path
