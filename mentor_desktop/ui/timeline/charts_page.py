"""The Charts page of the Timeline tab: the chosen chart drawn in the tab's colours (redrawn
when the data or the palette changes, only while the page is shown), and its export."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QWidget

from mentor_desktop.domain.errors import MentorDesktopError
from mentor_desktop.services.timeline import TimelineService
from mentor_desktop.ui.dialogs import Dialogs
from mentor_desktop.ui.errors import ErrorReporter
from mentor_desktop.ui.timeline.view import TimelineView

if TYPE_CHECKING:
    from mentor_desktop.charts.base import ChartPalette

#: Charts are laid out for print; a higher dpi keeps their text readable on a large canvas.
SCREEN_CHART_DPI = 140


class ChartsPage(QObject):
    """Draws the chosen chart (Matplotlib is imported on the first one) and exports it.

    Signals:
        status_message(str): what was exported where.
    """

    status_message = Signal(str)

    def __init__(
        self,
        view: TimelineView,
        service: TimelineService,
        dialogs: Dialogs,
    ) -> None:
        super().__init__(view)
        self._view = view
        self._service = service
        self._dialogs = dialogs
        self._errors = ErrorReporter(dialogs, view)
        self._dirty = True
        self.canvas: QWidget | None = None
        view.pages.currentChanged.connect(self._on_page_changed)
        view.chart_combo.currentIndexChanged.connect(lambda _i: self.draw())
        view.export_button.clicked.connect(self.export_chart)
        view.charts_page.installEventFilter(self)

    def _shown(self) -> bool:
        return self._view.pages.currentWidget() is self._view.charts_page

    def data_changed(self) -> None:
        """The charts' data changed: redraw now if on screen, else when next shown."""
        self._dirty = True
        if self._shown():
            self.draw()

    def _on_page_changed(self, _index: int) -> None:
        if self._shown() and (self._dirty or self.canvas is None):
            self.draw()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self._view.charts_page
            and event.type() == QEvent.Type.PaletteChange
            and self.canvas is not None
        ):
            self.draw()
        return super().eventFilter(watched, event)

    def chart_name(self) -> str:
        return str(self._view.chart_combo.currentData())

    def palette(self) -> ChartPalette:
        """Chart colours taken from the tab's palette (light or dark)."""
        from mentor_desktop.charts.base import ChartPalette

        palette = self._view.charts_page.palette()
        return ChartPalette.from_colours(
            palette.color(QPalette.ColorRole.Window).name(),
            palette.color(QPalette.ColorRole.WindowText).name(),
            palette.color(QPalette.ColorRole.Highlight).name(),
        )

    def draw(self) -> None:
        """Draw the chosen chart in the tab (Matplotlib is imported on the first call)."""
        if not self._shown():
            self._dirty = True
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            from mentor_desktop.charts.catalog import draw_chart, qt_canvas

            try:
                data = self._service.chart_data(self.chart_name())
            except MentorDesktopError as exc:
                self._errors.show("Cannot draw the chart", exc)
                return
            figure = draw_chart(self.chart_name(), data, self.palette())
            figure.set_dpi(SCREEN_CHART_DPI)
            canvas = qt_canvas(figure)
            canvas.setObjectName("chart_canvas")
            canvas.setAccessibleName(self._view.chart_combo.currentText())
            host = self._view.chart_host_layout
            self._view.chart_placeholder.hide()
            if self.canvas is not None:
                host.removeWidget(self.canvas)
                self.canvas.deleteLater()
            host.addWidget(canvas)
            self.canvas = canvas
            self._dirty = False
        finally:
            QGuiApplication.restoreOverrideCursor()

    def export_chart(self) -> Path | None:
        """Save the chosen chart as PNG, SVG or PDF (the file name's extension decides)."""
        name = self.chart_name()
        path = self._dialogs.ask_save_path(
            self._view,
            "Export chart",
            "chart",
            f"{name}.png",
            "PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)",
        )
        if path is None:
            return None
        if not path.suffix:
            path = path.with_suffix(".png")
        from mentor_desktop.charts.base import export_figure, export_format
        from mentor_desktop.charts.catalog import draw_chart

        try:
            export_format(path)
        except ValueError as exc:
            self._dialogs.error(self._view, "Cannot export the chart", f"{path.name}: {exc}.")
            return None
        try:
            export_figure(draw_chart(name, self._service.chart_data(name)), path)
        except MentorDesktopError as exc:
            self._dialogs.error(self._view, "Cannot export the chart", str(exc))
            return None
        self.status_message.emit(f"Exported the chart to {path}.")
        return path
