"""One printable report (the session brief, the review pack): prepared off the GUI thread,
then previewed, printed or saved as PDF, with the tab busy meanwhile.

    job = ReportJob(tab, dialogs, "brief", buttons=(preview, print, pdf))
    job.preview(lambda: brief_report(service.brief_data(session)))

The work runs on `QThreadPool` (see `ui/tasks.py`); its result arrives on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtPrintSupport import (
    QPrintDialog,
    QPrinter,
    QPrintPreviewDialog,
    QPrintPreviewWidget,
)
from PySide6.QtWidgets import QDialog, QWidget

from mentor_desktop.domain.errors import MentorDesktopError
from mentor_desktop.ui.dialogs import Dialogs

if TYPE_CHECKING:
    from mentor_desktop.reports.pipeline import PageSize, Report

#: Builds the report on a pool thread, so it must not touch widgets: returns the report, or
#: what lays it out (Qt's text layout) on the GUI thread. A pool thread laying text out
#: holds Python's lock while it waits for Qt's, and the GUI thread, destroying an object
#: under Qt's lock, waits for Python's: the window froze for good (seen saving a brief).
ReportWork = Callable[[], "Report | Callable[[], Report]"]


def make_printer(page_size: PageSize | None = None) -> QPrinter:
    """A high-resolution printer set to the locale's paper (or `page_size`)."""
    from mentor_desktop.reports.pipeline import locale_page_size

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize((page_size or locale_page_size()).qt)
    return printer


class ReportPreview(QPrintPreviewDialog):
    """A print preview of one report; the user can change paper, print or cancel from it.

    Signals: those of QPrintPreviewDialog (`paintRequested` paints the report).
    """

    def __init__(
        self, report: Report, parent: QWidget | None = None, page_size: PageSize | None = None
    ) -> None:
        from mentor_desktop.reports.pipeline import paint_report

        self._printer = make_printer(page_size)  # lives as long as the dialog
        super().__init__(self._printer, parent)
        self.setWindowTitle(f"Print preview — {report.title}")
        self.paintRequested.connect(lambda target: paint_report(report, target))
        # a window sized to the screen, the page shown as wide as it fits (not at 38 %)
        available = self.screen().availableGeometry()
        self.resize(min(1000, available.width() - 40), available.height() - 80)
        self.preview = self.findChild(QPrintPreviewWidget)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.preview is not None:
            self.preview.fitToWidth()


def _pages(count: int) -> str:
    return f"{count} page{'s' * (count != 1)}"


class ReportJob(QObject):
    """Prepares one kind of report in the background and previews, prints or saves it.

    `name` says what it is in messages ("brief", "review pack") and is the kind of file
    `Dialogs.ask_save_path` remembers a folder for; `buttons` are disabled
    while a report is being prepared; `page_size` gives the paper (None: the locale's).

    Signals:
        status_message(str): what is happening ("Preparing the brief…") and what was done.
    """

    status_message = Signal(str)

    def __init__(
        self,
        host: QWidget,
        dialogs: Dialogs,
        name: str,
        buttons: Sequence[QWidget] = (),
        page_size: Callable[[], PageSize | None] = lambda: None,
        description: str = "",
    ) -> None:
        super().__init__(host)
        self._host = host
        self._dialogs = dialogs
        self._name = name
        self._buttons = tuple(buttons)
        self._page_size = page_size
        self._description = description or f"preparing the {name}"
        #: The print preview shown last (None until one is shown).
        self.preview_dialog: QDialog | None = None

    def _prepare(self, work: ReportWork, then: Callable[[Report], None]) -> None:
        """Run `work` off the GUI thread (busy meanwhile), then `then(report)` here."""
        from mentor_desktop.ui.tasks import run_in_background

        self._set_busy(True)

        def finished(result: Report | Callable[[], Report]) -> None:
            self._set_busy(False)
            try:
                report = result() if callable(result) else result
            except MentorDesktopError as exc:
                self._dialogs.error(self._host, f"Cannot make the {self._name}", str(exc))
                return
            then(report)

        def failed(message: str) -> None:
            self._set_busy(False)
            self._dialogs.error(self._host, f"Cannot make the {self._name}", message)

        run_in_background(
            lambda _progress: work(),
            on_finished=finished,
            on_failed=failed,
            description=self._description,
        )

    def _set_busy(self, busy: bool) -> None:
        for button in self._buttons:
            button.setEnabled(not busy)
        if busy:
            self.status_message.emit(f"Preparing the {self._name}…")
            QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        else:
            QGuiApplication.restoreOverrideCursor()

    def preview(self, work: ReportWork) -> None:
        """Show a print preview of the report (it can be printed from there)."""

        def show(report: Report) -> None:
            self.preview_dialog = ReportPreview(report, self._host, self._page_size())
            self.preview_dialog.open()

        self._prepare(work, show)

    def print(self, work: ReportWork) -> None:
        """Prepare the report, then ask for the printer and print it."""

        def ask_and_print(report: Report) -> None:
            from mentor_desktop.reports.pipeline import paint_report

            printer = make_printer(self._page_size())
            if QPrintDialog(printer, self._host).exec() != QDialog.DialogCode.Accepted:
                return
            pages = paint_report(report, printer)
            self.status_message.emit(f"Printed the {self._name} ({_pages(pages)}).")

        self._prepare(work, ask_and_print)

    def ask_pdf_path(self, suggested: str) -> Path | None:
        """Ask where to save the report as PDF (None: cancelled); ".pdf" is added if missing."""
        path = self._dialogs.ask_save_path(
            self._host, f"Save {self._name} as PDF", self._name, suggested, "PDF files (*.pdf)"
        )
        if path is None:
            return None
        return path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf")

    def save_pdf(self, work: ReportWork, path: Path) -> None:
        """Prepare the report, then write it to `path` as PDF; `status_message` tells when."""

        def write(report: Report) -> None:
            from mentor_desktop.reports.pipeline import write_pdf

            try:
                pages = write_pdf(report, path, self._page_size())
            except MentorDesktopError as exc:
                self._dialogs.error(self._host, f"Cannot save the {self._name}", str(exc))
                return
            self.status_message.emit(f"Saved the {self._name} to {path} ({_pages(pages)}).")

        self._prepare(work, write)
