"""The timeline's growth lane, under the sessions: practice bars packed into as many rows as
their overlaps need (the lane grows with them) and a triangle at each opportunity's deadline."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Protocol

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QPainter, QPalette, QPen, QPolygonF

from mentor_desktop.domain.timeline import TimelineItem, TimelineKind
from mentor_desktop.ui.timeline.canvas_painting import HEADER, MARGIN, SESSION_LANE, Shape

ROW = 9
#: Room for the deadline markers and the lane's label under the practice rows.
DEADLINE_BAND = 14
LABEL_BAND = 16
PRACTICE = QColor("#c46a10")
DEADLINE = QColor("#8a4fd0")
LABEL = "Practice · deadlines"


class DaysToX(Protocol):
    def __call__(self, day: date) -> float: ...


def practice_rows(items: list[TimelineItem]) -> dict[int, int]:
    """Practice id -> row: each bar goes on the first row free on its start day, so bars
    that overlap in time never share a row (as many rows as the overlaps need)."""
    rows: dict[int, int] = {}
    ends: list[date] = []  # the last day taken on each row
    practice = sorted(
        (i for i in items if i.kind is TimelineKind.PRACTICE), key=lambda i: (i.start, i.id)
    )
    for item in practice:
        row = next((r for r, end in enumerate(ends) if end < item.start), len(ends))
        if row == len(ends):
            ends.append(item.end)
        else:
            ends[row] = item.end
        rows[item.id] = row
    return rows


def growth_lane_height(rows: int) -> int:
    """The lane's height for `rows` rows of practice bars (at least one)."""
    return 4 + max(1, rows) * (ROW + 2) + DEADLINE_BAND + LABEL_BAND


def growth_shapes(
    items: list[TimelineItem], x_of: DaysToX, rows: dict[int, int] | None = None
) -> list[Shape]:
    """Where each practice bar and deadline marker goes in the lane."""
    rows = practice_rows(items) if rows is None else rows
    top = HEADER + SESSION_LANE
    deadline_top = top + 4 + max(1, len(set(rows.values()))) * (ROW + 2) + 2
    shapes: list[Shape] = []
    for item in items:
        if item.kind is TimelineKind.PRACTICE:
            left, right = x_of(item.start), x_of(item.end + timedelta(days=1))
            row = rows.get(item.id, 0)
            rect = QRectF(left, top + 4 + row * (ROW + 2), max(3.0, right - left - 1), ROW)
            shapes.append(Shape(rect, item))
        elif item.kind is TimelineKind.OPPORTUNITY:
            x = x_of(item.start)
            shapes.append(Shape(QRectF(x - 5, deadline_top, 10, 10), item))
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
    paint_deadline(painter, shape.rect, palette, item.status in ("won", "declined", "missed"))


def paint_deadline(painter: QPainter, rect: QRectF, palette: QPalette, closed: bool) -> None:
    """An opportunity's deadline: a triangle pointing down, filled once it is closed."""
    triangle = QPolygonF(
        [
            QPointF(rect.center().x(), rect.bottom()),
            QPointF(rect.left(), rect.top()),
            QPointF(rect.right(), rect.top()),
        ]
    )
    painter.setPen(QPen(DEADLINE, 1.3))
    painter.setBrush(QBrush(DEADLINE) if closed else QBrush(palette.color(QPalette.ColorRole.Base)))
    painter.drawPolygon(triangle)


def paint_growth_lane(
    painter: QPainter, palette: QPalette, metrics: QFontMetrics, width: int, height: int
) -> QRectF:
    """The lane's bottom line and its label on a backing, in a band of its own under the
    bars and markers; returns where the label went."""
    grid = QColor(palette.color(QPalette.ColorRole.Text))
    grid.setAlpha(40)
    bottom = HEADER + SESSION_LANE + height
    painter.setPen(QPen(grid, 1))
    painter.drawLine(QPointF(0, bottom), QPointF(width, bottom))
    box = QRectF(
        MARGIN - 3, bottom - LABEL_BAND + 1, metrics.horizontalAdvance(LABEL) + 6, LABEL_BAND - 2
    )
    backing = QColor(palette.color(QPalette.ColorRole.Base))
    backing.setAlpha(225)
    painter.fillRect(box, backing)
    painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, LABEL)
    return box
