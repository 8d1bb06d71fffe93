"""The timeline's growth lane, under the sessions: practice bars on two rows (so overlapping
ones stay apart) and a triangle at each opportunity's deadline."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Protocol

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QPainter, QPalette, QPen, QPolygonF

from mentor_desktop.domain.timeline import TimelineItem, TimelineKind
from mentor_desktop.ui.timeline.canvas_painting import HEADER, MARGIN, SESSION_LANE, Shape

#: Height of the growth lane: two rows of practice bars and a row of deadline markers.
GROWTH_LANE = 40
ROW = 9
PRACTICE = QColor("#c46a10")
DEADLINE = QColor("#8a4fd0")
LABEL = "Practice · deadlines"


class DaysToX(Protocol):
    def __call__(self, day: date) -> float: ...


def growth_shapes(items: list[TimelineItem], x_of: DaysToX) -> list[Shape]:
    """Where each practice bar and deadline marker goes in the lane."""
    top = HEADER + SESSION_LANE
    shapes: list[Shape] = []
    row_ends = [float("-inf"), float("-inf")]
    for item in items:
        if item.kind is TimelineKind.PRACTICE:
            left, right = x_of(item.start), x_of(item.end + timedelta(days=1))
            row = 0 if left >= row_ends[0] else 1 if left >= row_ends[1] else 0
            row_ends[row] = right + 2
            rect = QRectF(left, top + 4 + row * (ROW + 2), max(3.0, right - left), ROW)
            shapes.append(Shape(rect, item))
        elif item.kind is TimelineKind.OPPORTUNITY:
            x = x_of(item.start)
            shapes.append(Shape(QRectF(x - 5, top + 4 + 2 * (ROW + 2), 10, 10), item))
    return shapes


def paint_growth(painter: QPainter, shape: Shape, palette: QPalette) -> None:
    item = shape.item
    if item.kind is TimelineKind.PRACTICE:
        colour = QColor(PRACTICE)
        colour.setAlpha(90 if item.status == "dropped" else 200 if item.done else 150)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(colour))
        painter.drawRoundedRect(shape.rect, 3, 3)
        return
    rect = shape.rect
    triangle = QPolygonF(
        [
            QPointF(rect.center().x(), rect.bottom()),
            QPointF(rect.left(), rect.top()),
            QPointF(rect.right(), rect.top()),
        ]
    )
    closed = item.status in ("won", "declined", "missed")
    painter.setPen(QPen(DEADLINE, 1.3))
    painter.setBrush(QBrush(DEADLINE) if closed else QBrush(palette.color(QPalette.ColorRole.Base)))
    painter.drawPolygon(triangle)


def paint_growth_lane(painter: QPainter, palette: QPalette, metrics: QFontMetrics, width: int):
    """The lane's bottom line and its label on a backing."""
    grid = QColor(palette.color(QPalette.ColorRole.Text))
    grid.setAlpha(40)
    bottom = HEADER + SESSION_LANE + GROWTH_LANE
    painter.setPen(QPen(grid, 1))
    painter.drawLine(QPointF(0, bottom), QPointF(width, bottom))
    box = QRectF(MARGIN - 3, bottom - 15, metrics.horizontalAdvance(LABEL) + 6, 13)
    backing = QColor(palette.color(QPalette.ColorRole.Base))
    backing.setAlpha(225)
    painter.fillRect(box, backing)
    painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, LABEL)
