"""Where the timeline looks: its zoom (quarter, year, all), the scroll bar over time, today,
and the kind and status filters."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QObject

from mentor_desktop.domain.dates import date_range_text
from mentor_desktop.domain.timeline import FAR_FUTURE_YEARS
from mentor_desktop.ui.models.timeline_items import TimelineItemModel
from mentor_desktop.ui.timeline.view import TimelineView

#: Days shown by each zoom level ("all" fits everything).
ZOOM_DAYS = {"quarter": 92, "year": 366}
ZOOMS = (*ZOOM_DAYS, "all")


class TimelineNavigator(QObject):
    """Keeps the model's window in step with the zoom choice and the scroll bar.

    Signals: none.
    """

    def __init__(
        self, view: TimelineView, model: TimelineItemModel, today: Callable[[], date]
    ) -> None:
        super().__init__(view)
        self._view = view
        self._model = model
        self._today = today
        self.zoom = "year"
        self._origin = today()
        v = view
        v.zoom_combo.setCurrentIndex(v.zoom_combo.findData(self.zoom))
        v.zoom_combo.currentIndexChanged.connect(
            lambda _i: self.set_zoom(v.zoom_combo.currentData())
        )
        v.today_button.clicked.connect(self.scroll_to_today)
        v.kind_filter.currentIndexChanged.connect(self._apply_filter)
        v.status_filter.currentIndexChanged.connect(self._apply_filter)
        v.time_scrollbar.valueChanged.connect(self._on_scrolled)
        v.canvas.scroll_requested.connect(
            lambda days: v.time_scrollbar.setValue(v.time_scrollbar.value() + days)
        )

    def keep_window(self) -> None:
        """After the items changed: the same middle of the window (today the first time)."""
        window = self._model.window
        today = self._today()
        centre = today if window is None else window[0] + (window[1] - window[0]) / 2
        self._apply_zoom(centre)

    def _data_span(self) -> tuple[date, date]:
        """Every item and today, with two weeks either side."""
        today = self._today()
        bounds = self._model.bounds()
        first, last = bounds if bounds is not None else (today, today)
        # A date decades away (a typo, or a life goal) must not shrink everything else.
        last = min(last, today + timedelta(days=365 * FAR_FUTURE_YEARS))
        return min(first, today) - timedelta(days=14), max(last, today) + timedelta(days=14)

    def _span(self) -> tuple[date, date]:
        """What the scroll bar covers: the data, and room to put today in the middle."""
        first, last = self._data_span()
        today = self._today()
        half = timedelta(days=ZOOM_DAYS.get(self.zoom, 0) // 2 + 1)
        return min(first, today - half), max(last, today + half)

    def window_days(self) -> int:
        first, last = self._data_span()
        return ZOOM_DAYS.get(self.zoom, (last - first).days + 1)

    def set_zoom(self, zoom: str) -> None:
        """Quarter, year or all; centred on today when today is in view, else keeps the
        middle of the window where it was."""
        if zoom not in ZOOMS:
            return
        today = self._today()
        window = self._model.window
        centre = today
        if window is not None and not window[0] <= today <= window[1]:
            centre = window[0] + (window[1] - window[0]) / 2
        self.zoom = zoom
        combo = self._view.zoom_combo
        if combo.currentData() != zoom:
            combo.setCurrentIndex(combo.findData(zoom))
        self._apply_zoom(centre)

    def _apply_zoom(self, centre: date) -> None:
        first, last = self._span()
        days = self.window_days()
        self._origin = first
        total = (last - first).days + 1
        bar = self._view.time_scrollbar
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
        self._model.set_window(start, end)
        self._view.range_label.setText(date_range_text(start, end))

    def scroll_to_today(self) -> None:
        self._apply_zoom(self._today())

    def _apply_filter(self) -> None:
        v = self._view
        self._model.set_filter(v.kind_filter.currentData(), v.status_filter.currentData())
