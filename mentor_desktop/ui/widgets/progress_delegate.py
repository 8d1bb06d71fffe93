"""Paints a slim progress bar with its percentage beside it, from the model's progress role."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

#: Room kept right of the bar for "100 %".
TEXT_WIDTH = 44


class ProgressBarDelegate(QStyledItemDelegate):
    """Draws `index.data(progress_role)` (0..1) as a bar, and the cell's text beside it.

    Signals: none.
    """

    def __init__(self, progress_role: int, parent=None) -> None:
        super().__init__(parent)
        self._role = progress_role

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        progress = index.data(self._role)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if progress is None or not text:
            super().paint(painter, option, index)
            return
        palette: QPalette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        if selected:
            painter.fillRect(option.rect, palette.highlight())
        rect = option.rect.adjusted(4, 0, -4, 0)
        bar_height = max(6, min(10, rect.height() // 2))
        bar = QRect(
            rect.left(),
            rect.center().y() - bar_height // 2,
            max(10, rect.width() - TEXT_WIDTH),
            bar_height,
        )
        trough = palette.color(QPalette.ColorRole.Mid)
        fill = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Highlight
        )
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(trough)
        painter.drawRoundedRect(bar, 3, 3)
        done = round(bar.width() * max(0.0, min(1.0, float(progress))))
        if done:
            painter.setBrush(fill)
            painter.drawRoundedRect(QRect(bar.left(), bar.top(), done, bar.height()), 3, 3)
        painter.setPen(
            palette.color(
                QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
            )
        )
        text_rect = QRect(
            bar.right() + 4, rect.top(), rect.right() - bar.right() - 4, rect.height()
        )
        painter.drawText(
            text_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text
        )
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(max(hint.width(), TEXT_WIDTH + 60), hint.height())
