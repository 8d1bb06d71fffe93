"""Print, preview and save the brief: the report pipeline on a QPrinter or a PDF file."""

from __future__ import annotations

from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from mentor_desktop.reports.pipeline import PageSize, Report, locale_page_size, paint_report


def make_printer(page_size: PageSize | None = None) -> QPrinter:
    """A high-resolution printer set to the locale's paper (or `page_size`)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize((page_size or locale_page_size()).qt)
    return printer


def preview_dialog(
    report: Report, parent: QWidget | None = None, page_size: PageSize | None = None
) -> QPrintPreviewDialog:
    """A print preview of `report`; the user can change paper, print or cancel from it."""
    printer = make_printer(page_size)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(f"Print preview — {report.title}")
    dialog.paintRequested.connect(lambda target: paint_report(report, target))
    dialog.printer_ref = printer  # type: ignore[attr-defined]  # keeps it alive with the dialog
    return dialog
