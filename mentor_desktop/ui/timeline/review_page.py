"""The Review pack page of the Timeline tab: the period, the closing reflection (kept in the
database as it is typed), and the pack's preview, print and PDF through a `ReportJob`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QObject, QSignalBlocker
from PySide6.QtWidgets import QWidget

from mentor_desktop.domain.dates import date_text
from mentor_desktop.services.review_reads import default_review_range
from mentor_desktop.services.timeline import TimelineService
from mentor_desktop.ui.autosave import Autosave
from mentor_desktop.ui.dialogs import Dialogs
from mentor_desktop.ui.qt_values import to_date
from mentor_desktop.ui.report_jobs import ReportJob
from mentor_desktop.ui.timeline.view import TimelineView
from mentor_desktop.ui.widgets.spelling_highlighter import enable_spelling

if TYPE_CHECKING:
    from mentor_desktop.reports.pipeline import Report


class ReflectionAutosave(Autosave):
    """The closing reflection's autosave; it names the field as the Timeline tab does.

    Signals: those of Autosave.
    """

    def unsaved_problem(self) -> str:
        if not self.has_unsaved:
            return ""
        return f"Timeline: the closing reflection ({self.error or 'not saved yet'})"


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class ReviewPage(QObject):
    """Checks the period, saves the reflection, and prepares the review pack.

    Signals: none (`job.status_message` says what is happening).
    """

    def __init__(
        self,
        host: QWidget,
        view: TimelineView,
        service: TimelineService,
        dialogs: Dialogs,
    ) -> None:
        super().__init__(view)
        self._view = view
        self._service = service
        self.job = ReportJob(
            host, dialogs, "review pack", buttons=(view.preview_button, view.save_button)
        )
        view.preview_button.clicked.connect(self.preview)
        view.save_button.clicked.connect(self.save_pdf)
        view.review_from.dateChanged.connect(self._check_range)
        view.review_to.dateChanged.connect(self._check_range)
        start, end = default_review_range(service.today())
        view.review_from.setDate(_qdate(start))
        view.review_to.setDate(_qdate(end))
        self.autosave = ReflectionAutosave(self._write_reflection, self)
        self.autosave.failed.connect(self._refused)
        self.autosave.saved.connect(lambda: view.reflection_error.setVisible(False))
        self.load_reflection()
        view.reflection.textChanged.connect(self.autosave.touch)
        enable_spelling(view.reflection)

    def review_range(self) -> tuple[date, date] | None:
        """The chosen period, or None (with a message next to the dates) when it is wrong."""
        v = self._view
        start = to_date(v.review_from.date())
        end = to_date(v.review_to.date())
        assert isinstance(start, date) and isinstance(end, date)
        if start > end:
            v.range_error.setText(
                f"The first day ({date_text(start)}) is after the last ({date_text(end)})."
            )
            v.range_error.setVisible(True)
            return None
        v.range_error.setVisible(False)
        return start, end

    def _check_range(self) -> None:
        ok = self.review_range() is not None
        self._view.preview_button.setEnabled(ok)
        self._view.save_button.setEnabled(ok)

    # ---------------------------------------------------------------- the reflection

    def load_reflection(self) -> None:
        """Show the reflection saved in the database (nothing is waiting to be saved)."""
        self.autosave.discard()
        self._view.reflection_error.setVisible(False)
        with QSignalBlocker(self._view.reflection):
            self._view.reflection.setPlainText(self._service.reflection())

    def _write_reflection(self) -> None:
        self._service.save_reflection(self._view.reflection.toPlainText())

    def _refused(self, message: str) -> None:
        error = self._view.reflection_error
        error.setText(message)
        error.setVisible(True)

    def store_reflection(self) -> bool:
        """Save the closing reflection now; False (with the reason shown under it) if refused."""
        return self.autosave.flush()

    def unsaved_work(self) -> str:
        return self.autosave.unsaved_problem() if self.autosave.error else ""

    # ---------------------------------------------------------------- the pack

    def _work(self) -> Callable[[], Report] | None:
        """What prepares the pack for the chosen period and the reflection as typed (None:
        the period is wrong)."""
        chosen = self.review_range()
        if chosen is None:
            return None
        reflection = self._view.reflection.toPlainText()
        service = self._service

        def work() -> Report:
            from mentor_desktop.reports.review import review_report

            return review_report(service.review_data(*chosen, reflection))

        return work

    def _show_page(self) -> None:
        self._view.pages.setCurrentWidget(self._view.review_page)

    def preview(self) -> None:
        """Show a print preview of the review pack (it can be printed from there)."""
        self._show_page()
        if (work := self._work()) is not None:
            self.job.preview(work)

    def print(self) -> None:
        """Prepare the pack for the chosen period, then ask for the printer and print it."""
        self._show_page()
        if (work := self._work()) is not None:
            self.job.print(work)

    def save_pdf(self) -> None:
        """Ask for a file, then write the review pack there as PDF (charts drawn off the GUI
        thread); the job's `status_message` tells when it is written."""
        self._show_page()
        chosen = self.review_range()
        if chosen is None:
            return
        path = self.job.ask_pdf_path(f"review-{chosen[0]:%Y-%m-%d}-to-{chosen[1]:%Y-%m-%d}.pdf")
        if path is not None and (work := self._work()) is not None:
            self.job.save_pdf(work, path)
