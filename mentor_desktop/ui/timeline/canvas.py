"""The timeline drawn with QPainter from a TimelineItemModel: goal bars, milestone markers
with their slip lines, session ticks, month or year lines and a line for today."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
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
    TODAY,
    Shape,
    paint_goal,
    paint_lane_label,
    paint_milestone,
    paint_session,
)
from mentor_desktop.ui.timeline.growth_lane import (
    GROWTH_LANE,
    growth_shapes,
    paint_growth,
    paint_growth_lane,
)


def _months_between(start: date, end: date, step: int) -> list[date]:
    months = []
    cursor = date(start.year, start.month, 1)
    while cursor <= end:
        if (cursor.month - 1) % step == 0 and cursor >= start:
            months.append(cursor)
        year, month = divmod(cursor.month, 12)
        cursor = date(cursor.year + year, month + 1, 1)
    return months


class TimelineCanvas(QWidget):
    """Paints the model's rows for its window; hover shows details, double-click opens.

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
        self.updateGeometry()
        self.setMinimumHeight(self.sizeHint().height())
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(600, HEADER + SESSION_LANE + GROWTH_LANE + LANE * len(self._lanes) + MARGIN)

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
        return HEADER + SESSION_LANE + GROWTH_LANE + LANE * self._lanes.get(goal_id, 0)

    def resizeEvent(self, event) -> None:
        self._dirty = True
        super().resizeEvent(event)

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
        shapes += growth_shapes([i for i in items if i.kind in GROWTH_KINDS], self.x_of)
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
                QToolTip.showText(event.globalPos(), mark_bidi(describe(item)), self)
            return True
        return super().event(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        item = self.item_at(event.position())
        if item is not None:
            self.item_activated.emit(item.kind.value, item.id)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

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
        self.setAccessibleDescription(describe(item))
        self.current_changed.emit(describe(item).replace("\n", " · "))
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
            self.item_activated.emit(item.kind.value, item.id)
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
        if window is None or self.width() <= 2 * MARGIN:
            painter.end()
            return
        self._paint_grid(painter, window, palette)
        shapes = self.shapes()
        if not shapes:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(
                QRectF(0, HEADER, self.width(), max(60, self.height() - HEADER)),
                Qt.AlignmentFlag.AlignCenter,
                "Nothing in this period. Zoom out, scroll, or clear the filters.",
            )
        metrics = QFontMetrics(self.font())
        for shape in shapes:
            item = shape.item
            if item.kind is TimelineKind.GOAL:
                paint_goal(painter, shape, text, metrics, self.width())
            elif item.kind is TimelineKind.MILESTONE:
                planned = item.first_planned
                planned_x = self.x_of(planned) if planned is not None else None
                paint_milestone(painter, shape, text, base, planned_x)
            elif item.kind in GROWTH_KINDS:
                paint_growth(painter, shape, palette)
            else:
                paint_session(painter, shape, palette)
        paint_lane_label(painter, palette, metrics)
        paint_growth_lane(painter, palette, metrics, self.width())
        self._paint_undated_goal_titles(painter, shapes, palette, metrics)
        current = next((s for s in shapes if (s.item.kind, s.item.id) == self._current), None)
        if current is not None and self.hasFocus():
            painter.setPen(
                QPen(palette.color(QPalette.ColorRole.Highlight), 2, Qt.PenStyle.DotLine)
            )
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(current.rect.adjusted(-3, -3, 3, 3), 3, 3)
        x = self.x_of(self._today)
        if MARGIN <= x <= self.width() - MARGIN:
            painter.setPen(QPen(TODAY, 1.5))
            painter.drawLine(QPointF(x, HEADER - 4), QPointF(x, self.height()))
            painter.drawText(QPointF(x + 3, HEADER + SESSION_LANE - 7), "Today")
        painter.end()

    def _paint_grid(self, painter: QPainter, window: tuple[date, date], palette: QPalette) -> None:
        start, end = window
        days = (end - start).days
        step = 1 if days <= 200 else 3 if days <= 800 else 12
        grid = QColor(palette.color(QPalette.ColorRole.Text))
        grid.setAlpha(40)
        label = palette.color(QPalette.ColorRole.Text)
        painter.setPen(QPen(grid, 1))
        painter.drawLine(QPointF(0, HEADER), QPointF(self.width(), HEADER))
        painter.drawLine(
            QPointF(0, HEADER + SESSION_LANE), QPointF(self.width(), HEADER + SESSION_LANE)
        )
        for index, month in enumerate(_months_between(start, end, step)):
            x = self.x_of(month)
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(x, HEADER - 6), QPointF(x, self.height()))
            if step == 12:
                caption = f"{month:%Y}"
            elif month.month == 1 or index == 0:
                caption = f"{month:%b %Y}"
            else:
                caption = f"{month:%b}"
            painter.setPen(label)
            painter.drawText(QPointF(x + 3, HEADER - 9), caption)

    def _paint_undated_goal_titles(
        self, painter: QPainter, shapes: list[Shape], palette: QPalette, metrics
    ) -> None:
        """A lane whose goal has no dates (so no bar) still says whose milestones it holds."""
        with_bar = {s.item.id for s in shapes if s.item.kind is TimelineKind.GOAL}
        titled: set[int] = set()
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
            painter.drawText(QPointF(MARGIN, self.lane_top(goal_id) + TITLE_BAND - 4), caption)
