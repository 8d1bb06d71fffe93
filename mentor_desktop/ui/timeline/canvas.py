"""The timeline drawn with QPainter from a TimelineItemModel: goal bars, milestone markers
with their slip lines, session ticks, month or year lines and a line for today."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QFontMetrics,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from mentor_desktop.domain.bidi import mark_bidi
from mentor_desktop.domain.timeline import TimelineItem, TimelineKind
from mentor_desktop.ui.models.timeline_items import GROWTH_KINDS, TimelineItemModel, describe
from mentor_desktop.ui.timeline.canvas_painting import (
    BAR,
    HEADER,
    LANE,
    MARGIN,
    MARKER,
    SESSION_LANE,
    TITLE_BAND,
    Shape,
    paint_goal,
    paint_lane_label,
    paint_milestone,
    paint_session,
)
from mentor_desktop.ui.timeline.grid import paint_grid, paint_today
from mentor_desktop.ui.timeline.growth_lane import (
    growth_lane_height,
    growth_shapes,
    paint_growth,
    paint_growth_lane,
    practice_rows,
)
from mentor_desktop.ui.timeline.legend import legend_height, paint_legend


class TimelineCanvas(QWidget):
    """Paints the model's rows for its window, with a legend under the lanes; hover shows
    details, double-click opens (a session the cadence still plans has no page to open: its
    details go to the status bar instead).

    Signals:
        item_activated(str, int): a TimelineKind value and an id, on double-click.
        scroll_requested(int): days to move the window by (Left/Right keys, horizontal wheel).
        current_changed(str): a one-line description of the item chosen with Up/Down.
    """

    item_activated = Signal(str, int)
    scroll_requested = Signal(int)
    current_changed = Signal(str)

    def __init__(self, model: TimelineItemModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._today = date.today()
        self._shapes: list[Shape] = []
        self._lanes: dict[int, int] = {}
        self._practice_rows: dict[int, int] = {}
        #: Every text painted last time, with where it went (no two may overlap).
        self._labels: list[tuple[str, QRectF]] = []
        self._dirty = True
        #: The item chosen with the keyboard (Up/Down), as (kind, id); Enter opens it.
        self._current: tuple[TimelineKind, int] | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(False)
        self.setAccessibleName("Timeline")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        model.modelReset.connect(self._model_changed)

    def _describe(self, item: TimelineItem) -> str:
        """The item's words, with how many days it is overdue (goals and milestones)."""
        return describe(item, self._model.late_days(item))

    def set_today(self, today: date) -> None:
        self._today = today
        self._dirty = True
        self.update()

    # ---------------------------------------------------------------- geometry

    def _model_changed(self) -> None:
        self._dirty = True
        lanes: dict[int, int] = {}
        for item in self._model.items():
            if item.goal_id is not None and item.goal_id not in lanes:
                lanes[item.goal_id] = len(lanes)
        self._lanes = lanes
        self._practice_rows = practice_rows(list(self._model.items()))
        self.updateGeometry()
        self.setMinimumHeight(self.sizeHint().height())
        self.update()

    def growth_height(self) -> int:
        """The growth lane's height: it grows with the rows overlapping practice needs."""
        return growth_lane_height(len(set(self._practice_rows.values())))

    def legend_top(self) -> float:
        return HEADER + SESSION_LANE + self.growth_height() + LANE * len(self._lanes) + 4

    def sizeHint(self) -> QSize:
        legend = legend_height(QFontMetrics(self.font()), max(self.width(), 600))
        return QSize(600, int(self.legend_top()) + legend + MARGIN)

    def label_rects(self) -> list[tuple[str, QRectF]]:
        """Each text painted last time (month captions, lane names, titles, the legend,
        Today) with its box."""
        return list(self._labels)

    def lane_count(self) -> int:
        return len(self._lanes)

    def x_of(self, day: date) -> float:
        window = self._model.window
        if window is None:
            return 0.0
        start, end = window
        span = max(1, (end - start).days + 1)
        return MARGIN + (day - start).days / span * (self.width() - 2 * MARGIN)

    def lane_top(self, goal_id: int) -> float:
        return HEADER + SESSION_LANE + self.growth_height() + LANE * self._lanes.get(goal_id, 0)

    def resizeEvent(self, event) -> None:
        self._dirty = True
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.setMinimumHeight(self.sizeHint().height())  # the legend may need more rows

    def _layout(self) -> None:
        """Compute every item's rectangle (goals first, then milestones, then sessions)."""
        shapes: list[Shape] = []
        items = self._model.items()
        for item in items:
            if item.kind is TimelineKind.GOAL:
                top = self.lane_top(item.id) + TITLE_BAND + 2
                left, right = self.x_of(item.start), self.x_of(item.end + timedelta(days=1))
                shapes.append(Shape(QRectF(left, top, max(3.0, right - left), BAR), item))
        for item in items:
            if item.kind is TimelineKind.MILESTONE and item.goal_id is not None:
                centre_y = self.lane_top(item.goal_id) + TITLE_BAND + 2 + BAR / 2
                x = self.x_of(item.start)
                rect = QRectF(x - MARKER - 1, centre_y - MARKER - 1, 2 * MARKER + 2, 2 * MARKER + 2)
                shapes.append(Shape(rect, item))
        for item in items:
            if item.kind is TimelineKind.SESSION:
                x = self.x_of(item.start)
                shapes.append(Shape(QRectF(x - 3, HEADER + 4, 6, SESSION_LANE - 8), item))
        growth = [i for i in items if i.kind in GROWTH_KINDS]
        shapes += growth_shapes(growth, self.x_of, self._practice_rows)
        self._shapes = shapes
        self._dirty = False

    def shapes(self) -> list[Shape]:
        if self._dirty:
            self._layout()
        return list(self._shapes)

    def item_at(self, point: QPointF) -> TimelineItem | None:
        for shape in reversed(self.shapes()):
            if shape.rect.adjusted(-2, -2, 2, 2).contains(point):
                return shape.item
        return None

    def centre_of(self, kind: TimelineKind, item_id: int) -> QPointF | None:
        for shape in self.shapes():
            if shape.item.kind is kind and shape.item.id == item_id:
                return shape.rect.center()
        return None

    # ---------------------------------------------------------------- events

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            item = self.item_at(QPointF(event.pos()))
            if item is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), mark_bidi(self._describe(item)), self)
            return True
        return super().event(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        item = self.item_at(event.position())
        if item is not None:
            self._activate(item)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def _activate(self, item: TimelineItem) -> None:
        if item.id > 0:
            self.item_activated.emit(item.kind.value, item.id)
        else:  # planned by the cadence, not stored yet
            self.current_changed.emit(self._describe(item).replace("\n", " · "))

    def current_item(self) -> TimelineItem | None:
        for shape in self.shapes():
            if (shape.item.kind, shape.item.id) == self._current:
                return shape.item
        return None

    def _reading_order(self) -> list[TimelineItem]:
        """Items top to bottom, then left to right (how Up/Down walks through them)."""
        shapes = self.shapes()
        shapes.sort(key=lambda s: (round(s.rect.center().y()), s.rect.left()))
        return [s.item for s in shapes]

    def move_current(self, step: int) -> None:
        items = self._reading_order()
        if not items:
            return
        keys = [(i.kind, i.id) for i in items]
        index = keys.index(self._current) + step if self._current in keys else 0
        item = items[max(0, min(len(items) - 1, index))]
        self._current = (item.kind, item.id)
        self.setAccessibleDescription(self._describe(item))
        self.current_changed.emit(self._describe(item).replace("\n", " · "))
        self.update()

    def keyPressEvent(self, event) -> None:
        window = self._model.window
        step = max(7, ((window[1] - window[0]).days // 8) if window else 30)
        key = event.key()
        if key == Qt.Key.Key_Left:
            self.scroll_requested.emit(-step)
        elif key == Qt.Key.Key_Right:
            self.scroll_requested.emit(step)
        elif key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self.move_current(1 if key == Qt.Key.Key_Down else -1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.current_item() is not None:
            item = self.current_item()
            assert item is not None
            self._activate(item)
        else:
            super().keyPressEvent(event)

    def wheelEvent(self, event) -> None:
        delta = event.angleDelta()
        sideways = delta.x() or (
            delta.y() if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 0
        )
        if sideways:
            window = self._model.window
            step = max(7, ((window[1] - window[0]).days // 10) if window else 30)
            self.scroll_requested.emit(-step if sideways > 0 else step)
            event.accept()
        else:
            event.ignore()

    # ---------------------------------------------------------------- painting

    def paintEvent(self, event: QPaintEvent) -> None:
        window = self._model.window
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.Text)
        base = palette.color(QPalette.ColorRole.Base)
        labels: list[tuple[str, QRectF]] = []
        self._labels = labels
        if window is None or self.width() <= 2 * MARGIN:
            painter.end()
            return
        metrics = QFontMetrics(self.font())
        size = (self.width(), self.height())
        captions = paint_grid(painter, window, palette, metrics, self.x_of, size)
        labels += [("month", rect) for rect in captions]
        shapes = self.shapes()
        if not shapes:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(
                QRectF(0, HEADER, self.width(), max(60, self.legend_top() - HEADER)),
                Qt.AlignmentFlag.AlignCenter,
                "Nothing in this period. Zoom out, scroll, or clear the filters.",
            )
        for shape in shapes:
            item = shape.item
            if item.kind is TimelineKind.GOAL:
                title = paint_goal(painter, shape, text, metrics, self.width())
                if title is not None:
                    labels.append((f"goal {item.id}", title))
            elif item.kind is TimelineKind.MILESTONE:
                planned = item.first_planned
                planned_x = self.x_of(planned) if planned is not None else None
                paint_milestone(painter, shape, text, base, planned_x)
            elif item.kind in GROWTH_KINDS:
                paint_growth(painter, shape, palette)
            else:
                paint_session(painter, shape, palette)
        labels.append(("Sessions", paint_lane_label(painter, palette, metrics)))
        growth_label = paint_growth_lane(
            painter, palette, metrics, self.width(), self.growth_height()
        )
        labels.append(("growth", growth_label))
        labels += self._paint_undated_goal_titles(painter, shapes, palette, metrics)
        legend = paint_legend(painter, palette, metrics, self.legend_top(), self.width())
        labels += [("legend", rect) for rect in legend]
        current = next((s for s in shapes if (s.item.kind, s.item.id) == self._current), None)
        if current is not None and self.hasFocus():
            painter.setPen(
                QPen(palette.color(QPalette.ColorRole.Highlight), 2, Qt.PenStyle.DotLine)
            )
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(current.rect.adjusted(-3, -3, 3, 3), 3, 3)
        today = paint_today(
            painter, self.x_of(self._today), metrics, self.width(), int(self.legend_top())
        )
        if today is not None:
            labels.append(("Today", today))
        painter.end()

    def _paint_undated_goal_titles(
        self, painter: QPainter, shapes: list[Shape], palette: QPalette, metrics
    ) -> list[tuple[str, QRectF]]:
        """A lane whose goal has no dates (so no bar) still says whose milestones it holds."""
        with_bar = {s.item.id for s in shapes if s.item.kind is TimelineKind.GOAL}
        titled: set[int] = set()
        labels: list[tuple[str, QRectF]] = []
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        for shape in shapes:
            goal_id = shape.item.goal_id
            if shape.item.kind is not TimelineKind.MILESTONE or goal_id is None:
                continue
            if goal_id in with_bar or goal_id in titled:
                continue
            titled.add(goal_id)
            caption = metrics.elidedText(
                mark_bidi(f"{shape.item.detail} (no dates)"),
                Qt.TextElideMode.ElideRight,
                max(0, self.width() - 2 * MARGIN),
            )
            baseline = self.lane_top(goal_id) + TITLE_BAND - 4
            painter.drawText(QPointF(MARGIN, baseline), caption)
            labels.append(
                (
                    f"goal {goal_id}",
                    QRectF(metrics.boundingRect(caption)).translated(MARGIN, baseline),
                )
            )
        return labels
