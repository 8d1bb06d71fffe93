"""The timeline's time grid: month or year lines with their captions (never overlapping),
the lane separators, and the line for today with its label in a band of its own."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette, QPen

from mentor_desktop.domain.dates import current_style, month_text
from mentor_desktop.ui.timeline.canvas_painting import HEADER, MARGIN, SESSION_LANE, TODAY

#: The band at the very top where "Today" is written, above the month captions.
TODAY_BAND = 16
#: Room kept between two captions.
GAP = 6


def months_between(start: date, end: date, step: int) -> list[date]:
    months = []
    cursor = date(start.year, start.month, 1)
    while cursor <= end:
        if (cursor.month - 1) % step == 0 and cursor >= start:
            months.append(cursor)
        year, month = divmod(cursor.month, 12)
        cursor = date(cursor.year + year, month + 1, 1)
    return months


def paint_grid(
    painter: QPainter,
    window: tuple[date, date],
    palette: QPalette,
    metrics: QFontMetrics,
    x_of,
    size: tuple[int, int],
) -> list[QRectF]:
    """Lines at each month (or quarter, or year) with a caption, skipping a caption that
    would run into the one before; returns where the captions went."""
    width, height = size
    start, end = window
    days = (end - start).days
    step = 1 if days <= 200 else 3 if days <= 800 else 12
    grid = QColor(palette.color(QPalette.ColorRole.Text))
    grid.setAlpha(40)
    painter.setPen(QPen(grid, 1))
    painter.drawLine(QPointF(0, HEADER), QPointF(width, HEADER))
    painter.drawLine(QPointF(0, HEADER + SESSION_LANE), QPointF(width, HEADER + SESSION_LANE))
    captions: list[QRectF] = []
    baseline = HEADER - 8
    for index, month in enumerate(months_between(start, end, step)):
        x = x_of(month)
        painter.setPen(QPen(grid, 1))
        painter.drawLine(QPointF(x, HEADER - 6), QPointF(x, height))
        if step == 12:
            caption = f"{month:%Y}"
        elif month.month == 1 or index == 0:
            caption = month_text(month)
        else:
            caption = current_style().short_months[month.month - 1]
        rect = QRectF(metrics.boundingRect(caption)).translated(x + 3, baseline)
        if (captions and rect.left() < captions[-1].right() + GAP) or rect.right() > width:
            continue
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.drawText(QPointF(x + 3, baseline), caption)
        captions.append(rect)
    return captions


def paint_today(
    painter: QPainter, x: float, metrics: QFontMetrics, width: int, height: int
) -> QRectF | None:
    """The line for today through every lane, and "Today" in the top band (to the left of
    the line when it would run off the right edge); returns where the label went."""
    if not MARGIN <= x <= width - MARGIN:
        return None
    painter.setPen(QPen(TODAY, 1.5))
    painter.drawLine(QPointF(x, 2), QPointF(x, height))
    text = "Today"
    baseline = TODAY_BAND - 3
    rect = QRectF(metrics.boundingRect(text))
    left = x + 4 if x + 4 + rect.width() <= width - 2 else x - 4 - rect.width()
    painter.drawText(QPointF(left, baseline), text)
    return rect.translated(left, baseline)
