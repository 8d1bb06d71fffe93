"""The printable one-page brief of the selected session: the paper it is printed on, and its
preview, print and PDF through a `ReportJob` (its data and chart prepared off the GUI
thread, its text laid out on it)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QWidget

from mentor_desktop.services.sessions import SessionService
from mentor_desktop.ui.dialogs import Dialogs
from mentor_desktop.ui.report_jobs import ReportJob
from mentor_desktop.ui.sessions.host import SessionHost
from mentor_desktop.ui.sessions.view import SessionPrepView

if TYPE_CHECKING:
    from mentor_desktop.reports.pipeline import PageSize, Report


class BriefActions(QObject):
    """Preview, print and save the selected session's brief; typed text is saved first.

    Signals: none (`job.status_message` says what is happening).
    """

    def __init__(
        self,
        host_widget: QWidget,
        view: SessionPrepView,
        service: SessionService,
        dialogs: Dialogs,
        host: SessionHost,
        flush: Callable[[], bool],
    ) -> None:
        super().__init__(view)
        self._view = view
        self._service = service
        self._host = host
        self._flush = flush
        self.job = ReportJob(
            host_widget,
            dialogs,
            "brief",
            buttons=(view.preview_button, view.print_button, view.pdf_button),
            page_size=self.page_size,
            description="preparing the session brief",
        )
        from mentor_desktop.reports.pipeline import PageSize, locale_page_size

        view.paper_combo.addItem(f"From the locale ({locale_page_size().label})", "")
        for size in PageSize:
            view.paper_combo.addItem(size.label, size.value)
        view.preview_button.clicked.connect(self.preview)
        view.print_button.clicked.connect(self.print)
        view.pdf_button.clicked.connect(self.save_pdf)

    @property
    def preview_dialog(self) -> QDialog | None:
        return self.job.preview_dialog

    def page_size(self) -> PageSize | None:
        """The paper chosen for the brief (None: the locale's)."""
        from mentor_desktop.reports.pipeline import PageSize

        value = self._view.paper_combo.currentData()
        return PageSize(value) if value else None

    def _work(self) -> Callable[[], Callable[[], Report]] | None:
        """What prepares the selected session's brief (None: no session selected): its data
        and chart on a pool thread, then the fitting of its notes to one page (text layout)
        on the GUI thread."""
        session = self._host.current_session()
        if session is None:
            return None
        self._flush()
        session = self._host.current_session() or session
        service = self._service

        def work() -> Callable[[], Report]:
            from mentor_desktop.reports.brief import brief_report
            from mentor_desktop.reports.chart_images import brief_images

            data = service.brief_data(session)
            images = brief_images(data)
            return lambda: brief_report(data, images=images)

        return work

    def preview(self) -> None:
        """Show a print preview of the brief (it can be printed from there)."""
        if (work := self._work()) is not None:
            self.job.preview(work)

    def print(self) -> bool:
        """Print the brief (True when a session is selected); the printer is asked for once
        the brief is ready."""
        if (work := self._work()) is None:
            return False
        self.job.print(work)
        return True

    def save_pdf(self) -> Path | None:
        """Ask for a file, then write the brief there as PDF once it is ready; returns the
        file chosen (None: cancelled). The job's `status_message` tells when it is written."""
        session = self._host.current_session()
        if session is None:
            return None
        path = self.job.ask_pdf_path(f"brief-{session.start:%Y-%m-%d}.pdf")
        if path is None or (work := self._work()) is None:
            return None
        self.job.save_pdf(work, path)
        return path
