"""The Timeline tab controller: the timeline's zoom, scroll and filters, the charts, and the
review pack's preview and PDF."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, QObject, QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QDialog, QFileDialog, QVBoxLayout, QWidget

from mentor_desktop.domain.errors import MentorDesktopError, ValidationError
from mentor_desktop.domain.timeline import FAR_FUTURE_YEARS, TimelineKind
from mentor_desktop.services.timeline import TimelineService, default_review_range
from mentor_desktop.settings import AppSettings
from mentor_desktop.ui.bus import Change, ChangeBus, ChangeKind, ItemKind
from mentor_desktop.ui.dialogs import Dialogs
from mentor_desktop.ui.models.timeline_items import TimelineItemModel
from mentor_desktop.ui.timeline.view import TimelineView
from mentor_desktop.ui.widgets.tab_page import TabPage

#: Days shown by each zoom level ("all" fits everything).
ZOOM_DAYS = {"quarter": 92, "year": 366}
#: Charts are laid out for print; a higher dpi keeps their text readable on a large canvas.
SCREEN_CHART_DPI = 140
#: The closing reflection is saved this long after typing stops.
REFLECTION_SAVE_MS = 800
OPEN_KINDS = {
    TimelineKind.GOAL.value: ItemKind.GOAL,
    TimelineKind.MILESTONE.value: ItemKind.MILESTONE,
    TimelineKind.SESSION.value: ItemKind.SESSION,
}

SaveFileAsker = Callable[[QWidget, str, str, str], str | None]


def _ask_save_file(parent: QWidget, title: str, suggested: str, filters: str) -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    return path or None


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class TimelineTab(TabPage):
    """Goals, milestones and sessions over time; four charts; the review pack.

    Signals: inherits `status_message(str)` from TabPage.
    """

    title = "Timeline"

    def __init__(
        self,
        timeline: TimelineService,
        bus: ChangeBus,
        dialogs: Dialogs,
        ask_save_file: SaveFileAsker = _ask_save_file,
    ) -> None:
        super().__init__()
        self._service = timeline
        self._bus = bus
        self._dialogs = dialogs
        self._ask_save_file = ask_save_file
        self._zoom = "year"
        self._origin = date.today()
        self._charts_dirty = True
        self._chart_canvas: QWidget | None = None
        #: The open print preview of the review pack, if any.
        self.preview: QWidget | None = None
        self.model = TimelineItemModel(self)
        self.view = TimelineView(self.model, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        v = self.view
        v.zoom_combo.setCurrentIndex(v.zoom_combo.findData(self._zoom))
        v.zoom_combo.currentIndexChanged.connect(
            lambda _i: self.set_zoom(v.zoom_combo.currentData())
        )
        v.today_button.clicked.connect(self.scroll_to_today)
        v.kind_filter.currentIndexChanged.connect(self._apply_filter)
        v.status_filter.currentIndexChanged.connect(self._apply_filter)
        v.time_scrollbar.valueChanged.connect(self._on_scrolled)
        v.canvas.item_activated.connect(self._open)
        v.canvas.current_changed.connect(self.status_message)
        v.canvas.scroll_requested.connect(
            lambda days: v.time_scrollbar.setValue(v.time_scrollbar.value() + days)
        )
        v.pages.currentChanged.connect(self._on_page_changed)
        v.chart_combo.currentIndexChanged.connect(lambda _i: self._draw_chart())
        v.export_button.clicked.connect(self.export_chart)
        v.charts_page.installEventFilter(self)
        v.preview_button.clicked.connect(self.preview_review)
        v.save_button.clicked.connect(self.save_review_pdf)
        v.review_from.dateChanged.connect(self._check_range)
        v.review_to.dateChanged.connect(self._check_range)
        start, end = default_review_range(timeline.today())
        v.review_from.setDate(_qdate(start))
        v.review_to.setDate(_qdate(end))
        #: Saves the closing reflection shortly after typing stops (and on flush).
        self._reflection_timer = QTimer(self)
        self._reflection_timer.setSingleShot(True)
        self._reflection_timer.setInterval(REFLECTION_SAVE_MS)
        self._reflection_timer.timeout.connect(self._store_reflection)
        self._load_reflection()
        v.reflection.textChanged.connect(self._reflection_timer.start)
        bus.changed.connect(self._on_changed)
        self.reload()

    # ---------------------------------------------------------------- timeline

    def reload(self) -> None:
        """Read the items again (after a change elsewhere) and keep the current window."""
        today = self._service.today()
        self.view.canvas.set_today(today)
        window = self.model.window
        self.model.set_items(self._service.timeline_items())
        centre = today if window is None else window[0] + (window[1] - window[0]) / 2
        self._apply_zoom(centre)

    def _data_span(self) -> tuple[date, date]:
        """Every item and today, with two weeks either side."""
        today = self._service.today()
        bounds = self.model.bounds()
        first, last = bounds if bounds is not None else (today, today)
        # A date decades away (a typo, or a life goal) must not shrink everything else.
        last = min(last, today + timedelta(days=365 * FAR_FUTURE_YEARS))
        return min(first, today) - timedelta(days=14), max(last, today) + timedelta(days=14)

    def _span(self) -> tuple[date, date]:
        """What the scroll bar covers: the data, and room to put today in the middle."""
        first, last = self._data_span()
        today = self._service.today()
        half = timedelta(days=ZOOM_DAYS.get(self._zoom, 0) // 2 + 1)
        return min(first, today - half), max(last, today + half)

    def window_days(self) -> int:
        first, last = self._data_span()
        return ZOOM_DAYS.get(self._zoom, (last - first).days + 1)

    def set_zoom(self, zoom: str) -> None:
        """Quarter, year or all; centred on today when today is in view, else keeps the
        middle of the window where it was."""
        if zoom not in (*ZOOM_DAYS, "all"):
            return
        today = self._service.today()
        window = self.model.window
        centre = today
        if window is not None and not window[0] <= today <= window[1]:
            centre = window[0] + (window[1] - window[0]) / 2
        self._zoom = zoom
        combo = self.view.zoom_combo
        if combo.currentData() != zoom:
            combo.setCurrentIndex(combo.findData(zoom))
        self._apply_zoom(centre)

    def _apply_zoom(self, centre: date) -> None:
        first, last = self._span()
        days = self.window_days()
        self._origin = first
        total = (last - first).days + 1
        bar = self.view.time_scrollbar
        bar.blockSignals(True)
        bar.setRange(0, max(0, total - days))
        bar.setPageStep(days)
        bar.setSingleStep(max(1, days // 12))
        bar.setValue((centre - first).days - days // 2)
        bar.blockSignals(False)
        bar.setEnabled(total > days)
        self._on_scrolled(bar.value())

    def _on_scrolled(self, value: int) -> None:
        start = self._origin + timedelta(days=value)
        end = start + timedelta(days=self.window_days() - 1)
        self.model.set_window(start, end)
        self.view.range_label.setText(f"{start:%d %b %Y} – {end:%d %b %Y}")

    def scroll_to_today(self) -> None:
        self._apply_zoom(self._service.today())

    def _apply_filter(self) -> None:
        v = self.view
        self.model.set_filter(v.kind_filter.currentData(), v.status_filter.currentData())

    def _open(self, kind: str, item_id: int) -> None:
        self._bus.open_requested.emit(OPEN_KINDS[kind], item_id)

    def _on_changed(self, change: Change) -> None:
        kind = change.kind
        changed = (ChangeKind.GOALS, ChangeKind.SESSIONS, ChangeKind.JOURNAL)
        if kind in (*changed, ChangeKind.DATA_REPLACED):
            self._charts_dirty = True
            if kind != ChangeKind.JOURNAL:
                self.reload()
            if kind == ChangeKind.DATA_REPLACED:
                self._load_reflection()
            if self.view.pages.currentWidget() is self.view.charts_page:
                self._draw_chart()

    # ---------------------------------------------------------------- charts

    def _on_page_changed(self, _index: int) -> None:
        if self.view.pages.currentWidget() is self.view.charts_page and (
            self._charts_dirty or self._chart_canvas is None
        ):
            self._draw_chart()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.view.charts_page
            and event.type() == QEvent.Type.PaletteChange
            and self._chart_canvas is not None
        ):
            self._draw_chart()
        return super().eventFilter(watched, event)

    def chart_name(self) -> str:
        return str(self.view.chart_combo.currentData())

    def chart_palette(self):
        """Chart colours taken from the tab's palette (light or dark)."""
        from mentor_desktop.charts.base import ChartPalette

        palette = self.view.charts_page.palette()
        return ChartPalette.from_colours(
            palette.color(QPalette.ColorRole.Window).name(),
            palette.color(QPalette.ColorRole.WindowText).name(),
            palette.color(QPalette.ColorRole.Highlight).name(),
        )

    def _draw_chart(self) -> None:
        """Draw the chosen chart in the tab (Matplotlib is imported on the first call)."""
        if self.view.pages.currentWidget() is not self.view.charts_page:
            self._charts_dirty = True
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            from mentor_desktop.charts.catalog import draw_chart, qt_canvas

            data = self._service.chart_data(self.chart_name())
            figure = draw_chart(self.chart_name(), data, self.chart_palette())
            figure.set_dpi(SCREEN_CHART_DPI)
            canvas = qt_canvas(figure)
            canvas.setObjectName("chart_canvas")
            canvas.setAccessibleName(self.view.chart_combo.currentText())
            host = self.view.chart_host_layout
            self.view.chart_placeholder.hide()
            if self._chart_canvas is not None:
                host.removeWidget(self._chart_canvas)
                self._chart_canvas.deleteLater()
            host.addWidget(canvas)
            self._chart_canvas = canvas
            self._charts_dirty = False
        finally:
            QGuiApplication.restoreOverrideCursor()

    def chart_canvas(self) -> QWidget | None:
        return self._chart_canvas

    def export_chart(self) -> Path | None:
        """Save the chosen chart as PNG, SVG or PDF (the file name's extension decides)."""
        name = self.chart_name()
        chosen = self._ask_save_file(
            self,
            "Export chart",
            f"{name}.png",
            "PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)",
        )
        if not chosen:
            return None
        path = Path(chosen)
        if not path.suffix:
            path = path.with_suffix(".png")
        from mentor_desktop.charts.base import export_figure, export_format
        from mentor_desktop.charts.catalog import draw_chart

        try:
            export_format(path)
        except ValueError as exc:
            self._dialogs.error(self, "Cannot export the chart", f"{path.name}: {exc}.")
            return None
        try:
            export_figure(draw_chart(name, self._service.chart_data(name)), path)
        except MentorDesktopError as exc:
            self._dialogs.error(self, "Cannot export the chart", str(exc))
            return None
        self.status_message.emit(f"Exported the chart to {path}.")
        return path

    # ---------------------------------------------------------------- review pack

    def review_range(self) -> tuple[date, date] | None:
        """The chosen period, or None (with a message next to the dates) when it is wrong."""
        v = self.view
        start = v.review_from.date().toPython()
        end = v.review_to.date().toPython()
        if start > end:
            v.range_error.setText(
                f"The first day ({start:%d %b %Y}) is after the last ({end:%d %b %Y})."
            )
            v.range_error.setVisible(True)
            return None
        v.range_error.setVisible(False)
        return start, end

    def _check_range(self) -> None:
        ok = self.review_range() is not None
        self.view.preview_button.setEnabled(ok)
        self.view.save_button.setEnabled(ok)

    def _load_reflection(self) -> None:
        """Show the reflection saved in the database (nothing is waiting to be saved)."""
        self._reflection_timer.stop()
        self.view.reflection_error.setVisible(False)
        with QSignalBlocker(self.view.reflection):
            self.view.reflection.setPlainText(self._service.reflection())

    def _store_reflection(self) -> bool:
        """Save the closing reflection now; False (with the reason shown under it) if refused."""
        self._reflection_timer.stop()
        error = self.view.reflection_error
        try:
            self._service.save_reflection(self.view.reflection.toPlainText())
        except ValidationError as exc:
            error.setText(exc.errors.get("reflection", str(exc)))
            error.setVisible(True)
            return False
        error.setVisible(False)
        return True

    def _prepare_review(self, then: Callable[[object], None]) -> bool:
        """Compute the review pack's data and draw its charts off the GUI thread, then call
        `then(report)` here; False when the period is wrong."""
        chosen = self.review_range()
        if chosen is None:
            return False
        from mentor_desktop.reports.review import review_report
        from mentor_desktop.ui.tasks import run_in_background

        reflection = self.view.reflection.toPlainText()
        service = self._service
        self._set_review_busy(True)

        def finished(report: object) -> None:
            self._set_review_busy(False)
            then(report)

        def failed(message: str) -> None:
            self._set_review_busy(False)
            self._dialogs.error(self, "Cannot make the review pack", message)

        run_in_background(
            lambda _report: review_report(service.review_data(*chosen, reflection)),
            on_finished=finished,
            on_failed=failed,
            description="preparing the review pack",
        )
        return True

    def _set_review_busy(self, busy: bool) -> None:
        v = self.view
        v.preview_button.setEnabled(not busy)
        v.save_button.setEnabled(not busy)
        if busy:
            self.status_message.emit("Preparing the review pack…")
            QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        else:
            QGuiApplication.restoreOverrideCursor()

    def preview_review(self) -> None:
        """Show a print preview of the review pack (it can be printed from there)."""
        self.view.pages.setCurrentWidget(self.view.review_page)

        def show(report: object) -> None:
            from mentor_desktop.ui.sessions.printing import preview_dialog

            self.preview = preview_dialog(report, self)  # type: ignore[arg-type]
            self.preview.open()

        self._prepare_review(show)

    def print_document(self) -> bool:
        """File > Print while this tab is on screen: print the review pack for the chosen
        period (after asking for the printer). From another tab it prints nothing (False),
        so Print there never turns into a many-page review pack by surprise."""
        if not self.isVisible():
            return False
        self.view.pages.setCurrentWidget(self.view.review_page)

        def ask_and_print(report: object) -> None:
            from mentor_desktop.reports.pipeline import paint_report
            from mentor_desktop.ui.sessions.printing import make_printer

            printer = make_printer()
            if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
                return
            pages = paint_report(report, printer)  # type: ignore[arg-type]
            self.status_message.emit(f"Printed the review pack ({pages} page{'s' * (pages != 1)}).")

        self._prepare_review(ask_and_print)
        return True

    def save_review_pdf(self) -> None:
        """Ask for a file, then write the review pack there as PDF (charts drawn off the GUI
        thread); `status_message` tells when it is written."""
        self.view.pages.setCurrentWidget(self.view.review_page)
        chosen = self.review_range()
        if chosen is None:
            return
        suggested = f"review-{chosen[0]:%Y-%m-%d}-to-{chosen[1]:%Y-%m-%d}.pdf"
        path_text = self._ask_save_file(
            self, "Save review pack as PDF", suggested, "PDF files (*.pdf)"
        )
        if not path_text:
            return
        path = Path(path_text)
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")

        def write(report: object) -> None:
            from mentor_desktop.reports.pipeline import write_pdf

            try:
                pages = write_pdf(report, path)  # type: ignore[arg-type]
            except MentorDesktopError as exc:
                self._dialogs.error(self, "Cannot save the review pack", str(exc))
                return
            self.status_message.emit(
                f"Saved the review pack to {path} ({pages} page{'s' * (pages != 1)})."
            )

        self._prepare_review(write)

    # ---------------------------------------------------------------- state

    def flush(self) -> bool:
        return self._store_reflection()

    def unsaved_work(self) -> str:
        error = self.view.reflection_error
        return f"Timeline: the closing reflection ({error.text()})" if error.isVisible() else ""

    def save_state(self, settings: AppSettings) -> None:
        v = self.view
        settings.set_state_text("timeline/zoom", self._zoom)
        settings.set_state_text("timeline/page", str(v.pages.currentIndex()))
        settings.set_state_text("timeline/chart", self.chart_name())

    def restore_state(self, settings: AppSettings) -> None:
        v = self.view
        zoom = settings.state_text("timeline/zoom", self._zoom)
        if zoom in (*ZOOM_DAYS, "all"):
            self.set_zoom(zoom)
        index = v.chart_combo.findData(settings.state_text("timeline/chart", "burnup"))
        if index >= 0:
            v.chart_combo.setCurrentIndex(index)
        page = settings.state_text("timeline/page", "0")
        if page.isdigit() and int(page) < v.pages.count():
            v.pages.setCurrentIndex(int(page))
