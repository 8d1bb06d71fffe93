"""Layout of the Timeline tab: the timeline with its zoom and filters, the charts, and the
review pack form. No logic here; the tab (controller) wires it up."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QScrollBar,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mentor_desktop.domain.dates import date_pattern
from mentor_desktop.ui.models.timeline_items import TimelineItemModel
from mentor_desktop.ui.theme import show_as_error
from mentor_desktop.ui.timeline.canvas import TimelineCanvas

ZOOMS = (("Quarter", "quarter"), ("Year", "year"), ("All", "all"))
KINDS = (("All kinds", None), ("Career", "career"), ("Personal", "personal"))
STATUSES = (
    ("All statuses", None),
    ("Active", "active"),
    ("Achieved", "achieved"),
    ("Paused", "paused"),
    ("Dropped", "dropped"),
)
CHARTS = (
    ("Milestone burn-up", "burnup"),
    ("Progress by goal", "progress"),
    ("Follow-through", "follow-through"),
    ("Journal rhythm", "rhythm"),
    ("Skills now and target", "skills"),
)


def _combo(parent: QWidget, name: str, choices, accessible: str) -> QComboBox:
    combo = QComboBox(parent)
    combo.setObjectName(name)
    combo.setAccessibleName(accessible)
    for label, value in choices:
        combo.addItem(label, value)
    return combo


def _date_edit(parent: QWidget, name: str, accessible: str) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(date_pattern())
    edit.setAccessibleName(accessible)
    edit.setDate(QDate.currentDate())
    return edit


class TimelineView(QWidget):
    """The widgets of the Timeline tab.

    Signals: none (the tab connects to the widgets' own signals).
    """

    def __init__(self, model: TimelineItemModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pages = QTabWidget(self)
        self.pages.setObjectName("timeline_pages")
        self.pages.setDocumentMode(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.pages)
        self.pages.addTab(self._timeline_page(model), "Timeline")
        self.pages.addTab(self._charts_page(), "Charts")
        self.pages.addTab(self._review_page(), "Review pack")

    def _timeline_page(self, model: TimelineItemModel) -> QWidget:
        page = QWidget(self)
        self.zoom_combo = _combo(page, "timeline_zoom", ZOOMS, "Zoom")
        self.today_button = QPushButton("&Today", page)
        self.today_button.setObjectName("timeline_today")
        self.kind_filter = _combo(page, "timeline_kind_filter", KINDS, "Goal kind")
        self.status_filter = _combo(page, "timeline_status_filter", STATUSES, "Goal status")
        self.range_label = QLabel(page)
        self.range_label.setObjectName("timeline_range")
        bar = QHBoxLayout()
        bar.addWidget(QLabel("Zoom:", page))
        bar.addWidget(self.zoom_combo)
        bar.addWidget(self.today_button)
        bar.addSpacing(16)
        bar.addWidget(QLabel("Show:", page))
        bar.addWidget(self.kind_filter)
        bar.addWidget(self.status_filter)
        bar.addStretch(1)
        bar.addWidget(self.range_label)
        self.canvas = TimelineCanvas(model, page)
        self.scroll_area = QScrollArea(page)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(self.canvas)
        self.time_scrollbar = QScrollBar(Qt.Orientation.Horizontal, page)
        self.time_scrollbar.setObjectName("timeline_scroll")
        self.time_scrollbar.setAccessibleName("Scroll the timeline")
        legend = QLabel(
            "Goal bars fade when achieved, paused or dropped. Double-click an item (or choose"
            " it with Up/Down and press Enter) to open it; Left/Right scroll.",
            page,
        )
        legend.setWordWrap(True)
        legend.setObjectName("timeline_legend")
        column = QVBoxLayout(page)
        column.addLayout(bar)
        column.addWidget(self.scroll_area, 1)
        column.addWidget(self.time_scrollbar)
        column.addWidget(legend)
        return page

    def _charts_page(self) -> QWidget:
        page = QWidget(self)
        self.charts_page = page
        self.chart_combo = _combo(page, "chart_choice", CHARTS, "Chart")
        self.export_button = QPushButton("E&xport chart…", page)
        self.export_button.setObjectName("chart_export")
        self.export_button.setToolTip("Save this chart as PNG, SVG or PDF (in print colours)")
        bar = QHBoxLayout()
        bar.addWidget(QLabel("Chart:", page))
        bar.addWidget(self.chart_combo)
        bar.addStretch(1)
        bar.addWidget(self.export_button)
        self.chart_host = QWidget(page)
        self.chart_host.setObjectName("chart_host")
        self.chart_host_layout = QVBoxLayout(self.chart_host)
        self.chart_host_layout.setContentsMargins(0, 0, 0, 0)
        self.chart_placeholder = QLabel("The chart is drawn when this page is first shown.", page)
        self.chart_placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.chart_host_layout.addWidget(self.chart_placeholder)
        column = QVBoxLayout(page)
        column.addLayout(bar)
        column.addWidget(self.chart_host, 1)
        return page

    def _review_page(self) -> QWidget:
        page = QWidget(self)
        self.review_page = page
        self.review_from = _date_edit(page, "review_from", "Review from")
        self.review_to = _date_edit(page, "review_to", "Review to")
        self.range_error = QLabel(page)
        self.range_error.setObjectName("review_range_error")
        show_as_error(self.range_error)
        self.range_error.setVisible(False)
        self.reflection = QPlainTextEdit(page)
        self.reflection.setObjectName("review_reflection")
        self.reflection.setAccessibleName("Closing reflection")
        self.reflection.setPlaceholderText(
            "What you are proudest of, what you learned, and what comes next. "
            "Kept here until you change it."
        )
        self.reflection_error = QLabel(page)
        self.reflection_error.setObjectName("review_reflection_error")
        self.reflection_error.setWordWrap(True)
        show_as_error(self.reflection_error)
        self.reflection_error.setVisible(False)
        self.preview_button = QPushButton("&Preview…", page)
        self.preview_button.setObjectName("review_preview")
        self.save_button = QPushButton("&Save as PDF…", page)
        self.save_button.setObjectName("review_save")
        dates = QHBoxLayout()
        dates.addWidget(self.review_from)
        dates.addWidget(QLabel("to", page))
        dates.addWidget(self.review_to)
        dates.addStretch(1)
        form = QFormLayout()
        form.addRow("Period:", dates)
        form.addRow("", self.range_error)
        form.addRow("Closing reflection:", self.reflection)
        form.addRow("", self.reflection_error)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.save_button)
        intro = QLabel(
            "The review pack is a PDF to hand to a manager or mentor: headline numbers, each "
            "completed milestone with its evidence, goals' progress, what slipped and why, "
            "feedback and what you did with it, and the burn-up and progress charts.",
            page,
        )
        intro.setWordWrap(True)
        column = QVBoxLayout(page)
        column.addWidget(intro)
        column.addLayout(form, 1)
        column.addLayout(buttons)
        return page
