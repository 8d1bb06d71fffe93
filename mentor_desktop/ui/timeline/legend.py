"""The timeline's legend under its lanes: a sample of every mark with what it means, flowed
into as many rows as the canvas width needs."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetrics, QPainter, QPainterPath, QPalette, QPen

from mentor_desktop.ui.timeline.canvas_painting import (
    CAREER,
    MARGIN,
    PERSONAL,
    SLIP,
    TODAY,
    paint_planned_session,
)
from mentor_desktop.ui.timeline.growth_lane import PRACTICE, paint_deadline

#: (mark, what it means), in the order they are shown.
ENTRIES = (
    ("career", "Career goal"),
    ("personal", "Personal goal"),
    ("done", "Milestone done"),
    ("open", "Milestone to do"),
    ("slip", "Moved from its first date"),
    ("held", "Session held"),
    ("planned", "Session planned"),
    ("practice", "Practice"),
    ("deadline", "Opportunity deadline"),
    ("today", "Today"),
)
ROW_HEIGHT = 18
SAMPLE = 18
#: Space between one entry and the next.
SPACING = 14


def _entry_width(metrics: QFontMetrics, text: str) -> float:
    return SAMPLE + 4 + metrics.horizontalAdvance(text)


def legend_rows(metrics: QFontMetrics, width: int) -> list[list[tuple[str, str]]]:
    """The entries flowed into rows that fit `width`."""
    rows: list[list[tuple[str, str]]] = [[]]
    x = float(MARGIN)
    for mark, text in ENTRIES:
        needed = _entry_width(metrics, text)
        if rows[-1] and x + needed > width - MARGIN:
            rows.append([])
            x = float(MARGIN)
        rows[-1].append((mark, text))
        x += needed + SPACING
    return rows


def legend_height(metrics: QFontMetrics, width: int) -> int:
    return 6 + ROW_HEIGHT * len(legend_rows(metrics, width))


def _sample(painter: QPainter, mark: str, box: QRectF, palette: QPalette) -> None:
    text = palette.color(QPalette.ColorRole.Text)
    highlight = palette.color(QPalette.ColorRole.Highlight)
    centre = box.center()
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if mark in ("career", "personal", "practice"):
        colour = QColor({"career": CAREER, "personal": PERSONAL, "practice": PRACTICE}[mark])
        colour.setAlpha(210)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(colour))
        painter.drawRoundedRect(QRectF(box.left(), centre.y() - 4, box.width(), 8), 3, 3)
    elif mark in ("done", "open"):
        path = QPainterPath()
        r = 5.0
        path.moveTo(centre.x(), centre.y() - r)
        path.lineTo(centre.x() + r, centre.y())
        path.lineTo(centre.x(), centre.y() + r)
        path.lineTo(centre.x() - r, centre.y())
        path.closeSubpath()
        painter.setPen(QPen(text, 1.4))
        base = palette.color(QPalette.ColorRole.Base)
        painter.setBrush(QBrush(text) if mark == "done" else QBrush(base))
        painter.drawPath(path)
    elif mark == "slip":
        painter.setPen(QPen(SLIP, 1.6, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(box.left(), centre.y()), QPointF(box.right(), centre.y()))
    elif mark == "held":
        painter.setPen(QPen(highlight, 2.5))
        painter.drawLine(QPointF(centre.x(), box.top()), QPointF(centre.x(), box.bottom()))
    elif mark == "planned":
        paint_planned_session(painter, centre, highlight, palette)
    elif mark == "deadline":
        paint_deadline(painter, QRectF(centre.x() - 5, centre.y() - 5, 10, 10), palette, False)
    else:
        painter.setPen(QPen(TODAY, 1.5))
        painter.drawLine(QPointF(centre.x(), box.top()), QPointF(centre.x(), box.bottom()))


def paint_legend(
    painter: QPainter, palette: QPalette, metrics: QFontMetrics, top: float, width: int
) -> list[QRectF]:
    """The legend from `top` down; returns where its texts went."""
    grid = QColor(palette.color(QPalette.ColorRole.Text))
    grid.setAlpha(40)
    painter.setPen(QPen(grid, 1))
    painter.drawLine(QPointF(0, top), QPointF(width, top))
    labels: list[QRectF] = []
    for index, row in enumerate(legend_rows(metrics, width)):
        y = top + 4 + index * ROW_HEIGHT
        x = float(MARGIN)
        for mark, text in row:
            _sample(painter, mark, QRectF(x, y + 2, SAMPLE, ROW_HEIGHT - 4), palette)
            height = metrics.height()
            label = QRectF(
                x + SAMPLE + 4,
                y + (ROW_HEIGHT - height) / 2,
                metrics.horizontalAdvance(text),
                height,
            )
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            painter.drawText(
                label, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text
            )
            labels.append(label)
            x += _entry_width(metrics, text) + SPACING
    return labels
