"""The Timeline tab: goals, milestones and sessions over time, four charts and the review
pack, each page with its own sub-controller (`TimelineNavigator`, `ChartsPage`,
`ReviewPage`); the tab wires them to the bus and the window."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from mentor_desktop.domain.timeline import TimelineKind
from mentor_desktop.services.timeline import TimelineService
from mentor_desktop.settings import AppSettings
from mentor_desktop.ui.bus import Change, ChangeBus, ChangeKind, ItemKind
from mentor_desktop.ui.dialogs import Dialogs
from mentor_desktop.ui.errors import ErrorReporter
from mentor_desktop.ui.models.timeline_items import TimelineItemModel
from mentor_desktop.ui.timeline.charts_page import ChartsPage
from mentor_desktop.ui.timeline.navigation import ZOOMS, TimelineNavigator
from mentor_desktop.ui.timeline.review_page import ReviewPage
from mentor_desktop.ui.timeline.view import TimelineView
from mentor_desktop.ui.widgets.tab_page import TabPage

OPEN_KINDS = {
    TimelineKind.GOAL.value: ItemKind.GOAL,
    TimelineKind.MILESTONE.value: ItemKind.MILESTONE,
    TimelineKind.SESSION.value: ItemKind.SESSION,
    TimelineKind.PRACTICE.value: ItemKind.PRACTICE,
    TimelineKind.OPPORTUNITY.value: ItemKind.OPPORTUNITY,
}


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
    ) -> None:
        super().__init__()
        self._service = timeline
        self._bus = bus
        self.model = TimelineItemModel(self)
        self.view = TimelineView(self.model, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.navigator = TimelineNavigator(self.view, self.model, timeline.today)
        self.charts = ChartsPage(self.view, timeline, dialogs)
        self.charts.status_message.connect(self.status_message)
        self.review = ReviewPage(self, self.view, timeline, dialogs)
        self.review.job.status_message.connect(self.status_message)
        self.view.canvas.item_activated.connect(self._open)
        self.view.canvas.current_changed.connect(self.status_message)
        #: The one way this tab shows what could not be done (see ui/errors.py).
        self.errors = ErrorReporter(dialogs, self)
        bus.changed.connect(self._on_bus_change)
        self.reload()

    def reload(self) -> None:
        """Read the items again (after a change elsewhere) and keep the current window."""
        self.view.canvas.set_today(self._service.today())
        self.model.set_items(self._service.timeline_items())
        self.navigator.keep_window()

    def set_zoom(self, zoom: str) -> None:
        """Quarter, year or all (see `TimelineNavigator.set_zoom`)."""
        self.navigator.set_zoom(zoom)

    def _open(self, kind: str, item_id: int) -> None:
        self._bus.open_requested.emit(OPEN_KINDS[kind], item_id)

    def _on_bus_change(self, change: Change) -> None:
        self.errors.guard("Cannot show the latest changes", self._on_changed)(change)

    def _on_changed(self, change: Change) -> None:
        """Read again what another tab changed: the sessions it names, else everything."""
        if change.origin is self:
            return
        kind = change.kind
        changed = (ChangeKind.GOALS, ChangeKind.SESSIONS, ChangeKind.JOURNAL, ChangeKind.GROWTH)
        if kind in (*changed, ChangeKind.DATA_REPLACED):
            if kind == ChangeKind.SESSIONS and change.ids:
                items = self._service.session_items(change.ids)
                self.model.update_items(TimelineKind.SESSION, change.ids, items)
            elif kind != ChangeKind.JOURNAL:
                self.reload()
            if kind == ChangeKind.DATA_REPLACED:
                self.review.load_reflection()
            self.charts.data_changed()

    def chart_canvas(self) -> QWidget | None:
        return self.charts.canvas

    @property
    def preview(self) -> QDialog | None:
        """The open print preview of the review pack, if any."""
        return self.review.job.preview_dialog

    def preview_review(self) -> None:
        """File > Preview review pack…: the preview of the pack for the chosen period."""
        self.review.preview()

    def save_review_pdf(self) -> None:
        self.review.save_pdf()

    def print_document(self) -> bool:
        """File > Print while this tab is on screen: print the review pack for the chosen
        period (after asking for the printer). From another tab it prints nothing (False),
        so Print there never turns into a many-page review pack by surprise."""
        if not self.isVisible():
            return False
        self.review.print()
        return True

    # ---------------------------------------------------------------- state

    def flush(self) -> bool:
        return self.review.store_reflection()

    def unsaved_work(self) -> str:
        return self.review.unsaved_work()

    def save_state(self, settings: AppSettings) -> None:
        v = self.view
        settings.set_state_text("timeline/zoom", self.navigator.zoom)
        settings.set_state_text("timeline/page", str(v.pages.currentIndex()))
        settings.set_state_text("timeline/chart", self.charts.chart_name())

    def restore_state(self, settings: AppSettings) -> None:
        v = self.view
        zoom = settings.state_text("timeline/zoom", self.navigator.zoom)
        if zoom in ZOOMS:
            self.set_zoom(zoom)
        index = v.chart_combo.findData(settings.state_text("timeline/chart", "burnup"))
        if index >= 0:
            v.chart_combo.setCurrentIndex(index)
        page = settings.state_text("timeline/page", "0")
        if page.isdigit() and int(page) < v.pages.count():
            v.pages.setCurrentIndex(int(page))
