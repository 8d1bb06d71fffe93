"""How the timeline canvas draws each kind of item: goal bars, milestone diamonds with their
slip lines, session ticks, and the sessions lane's label. Plain functions on a QPainter."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetrics,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPolygonF,
)

from mentor_desktop.domain.bidi import mark_bidi
from mentor_desktop.domain.timeline import TimelineItem

#: The month captions and, above them, the band where today is named.
HEADER = 40
SESSION_LANE = 24
LANE = 38
BAR = 12
#: A goal's title sits above its bar, in this band at the top of the lane.
TITLE_BAND = 18
MARKER = 6
#: The hollow circle of a session still to come.
PLANNED_RADIUS = 4
MARGIN = 8
CAREER = QColor("#3d7bd9")
PERSONAL = QColor("#2e9e7b")
SLIP = QColor("#d0453a")
TODAY = QColor("#d08a1a")


@dataclass(frozen=True, slots=True)
class Shape:
    """Where an item was drawn, for hit tests (later shapes lie on top)."""

    rect: QRectF
    item: TimelineItem


def paint_lane_label(painter: QPainter, palette: QPalette, metrics: QFontMetrics) -> QRectF:
    """ "Sessions" on a backing, so the ticks never run through it; returns where it went."""
    text = "Sessions"
    box = QRectF(MARGIN - 3, HEADER + 4, metrics.horizontalAdvance(text) + 6, SESSION_LANE - 8)
    backing = QColor(palette.color(QPalette.ColorRole.Base))
    backing.setAlpha(225)
    painter.fillRect(box, backing)
    painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
    return box


def paint_goal(
    painter: QPainter, shape: Shape, text: QColor, metrics: QFontMetrics, width: int
) -> QRectF | None:
    """A goal's bar in its kind's colour (faded when paused or dropped, hatched when dropped),
    its title above it, within a canvas `width` wide; returns where the title went."""
    item = shape.item
    colour = QColor(CAREER if item.goal_kind == "career" else PERSONAL)
    if item.goal_status in ("dropped", "paused"):
        colour.setAlpha(90)
    elif item.goal_status == "achieved":
        colour.setAlpha(150)
    else:
        colour.setAlpha(210)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(colour))
    painter.drawRoundedRect(shape.rect, 4, 4)
    if item.goal_status == "dropped":
        painter.setBrush(QBrush(text, Qt.BrushStyle.BDiagPattern))
        painter.drawRoundedRect(shape.rect, 4, 4)
    left = max(shape.rect.left(), 0.0) + 2
    available = width - left - MARGIN
    if available > 30:
        painter.setPen(text)
        title = mark_bidi(item.title)
        caption = metrics.elidedText(title, Qt.TextElideMode.ElideRight, int(available))
        band = QRectF(left, shape.rect.top() - TITLE_BAND - 1, available, TITLE_BAND)
        flags = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
        painter.drawText(band, flags, caption)
        return QRectF(painter.boundingRect(band, flags, caption))
    return None


def paint_milestone(
    painter: QPainter, shape: Shape, text: QColor, base: QColor, planned_x: float | None
) -> None:
    """A milestone's diamond (filled once done) and, when it slipped, a dashed line back to
    where it was first planned (`planned_x`)."""
    item = shape.item
    centre = shape.rect.center()
    if planned_x is not None:
        pen = QPen(SLIP, 1.6, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        y = centre.y() + MARKER + 2
        painter.drawLine(QPointF(planned_x, y), QPointF(centre.x(), y))
        painter.setPen(QPen(SLIP, 1.6))
        painter.drawLine(QPointF(planned_x, y - 4), QPointF(planned_x, y + 1))
    diamond = QPolygonF(
        [
            QPointF(centre.x(), centre.y() - MARKER),
            QPointF(centre.x() + MARKER, centre.y()),
            QPointF(centre.x(), centre.y() + MARKER),
            QPointF(centre.x() - MARKER, centre.y()),
        ]
    )
    path = QPainterPath()
    path.addPolygon(diamond)
    path.closeSubpath()
    painter.setPen(QPen(text, 1.4))
    painter.setBrush(QBrush(text) if item.done else QBrush(base))
    painter.drawPath(path)


def paint_session(painter: QPainter, shape: Shape, palette: QPalette) -> None:
    """A session's tick: bold once done, grey when cancelled; a hollow circle while it is
    still only planned (the cadence's sessions to come among them)."""
    item = shape.item
    colour = palette.color(QPalette.ColorRole.Highlight)
    if item.status == "planned":
        paint_planned_session(painter, shape.rect.center(), colour, palette)
        return
    if item.status == "cancelled":
        colour = palette.color(QPalette.ColorRole.PlaceholderText)
    width = 2.5 if item.status == "done" else 1.5
    painter.setPen(QPen(colour, width))
    x = shape.rect.center().x()
    painter.drawLine(QPointF(x, shape.rect.top()), QPointF(x, shape.rect.bottom()))


def paint_planned_session(
    painter: QPainter, centre: QPointF, colour: QColor, palette: QPalette
) -> None:
    painter.setPen(QPen(colour, 1.6))
    painter.setBrush(QBrush(palette.color(QPalette.ColorRole.Base)))
    painter.drawEllipse(centre, PLANNED_RADIUS, PLANNED_RADIUS)
