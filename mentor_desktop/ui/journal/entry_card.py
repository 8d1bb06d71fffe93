"""How one row of the entry list reads: the title (with kind and tags) over the passage.

For a search, the passage is the best matching one with the words in bold; otherwise it is
the entry's first line. Everything sits in the title column, so nothing is off to the right
and the list never scrolls sideways.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTableView

from mentor_desktop.ui.models.journal_entries import COL_KIND, COL_TAGS, COL_TEXT, HTML_ROLE

#: Lines of the passage under the title: two while searching, one otherwise.
SEARCH_LINES, LIST_LINES = 2, 1


def title_line(index: QModelIndex | QPersistentModelIndex) -> str:
    """“Title · Kind · tags”: one line, cut short with … when the column is narrow."""
    parts = [str(index.data() or "")]
    row = index.row()
    parts += [str(index.sibling(row, column).data() or "") for column in (COL_KIND, COL_TAGS)]
    return " · ".join(part for part in parts if part)


class EntryCardDelegate(QStyledItemDelegate):
    """Paints the title column as a small card: title, kind and tags, then the passage.

    Signals: none.
    """

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        rect = opt.rect.adjusted(4, 2, -4, -2)
        bold = QFont(opt.font)
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        painter.save()
        painter.setFont(bold)
        painter.setPen(opt.palette.color(role))
        painter.drawText(
            rect.left(),
            rect.top() + metrics.ascent(),
            metrics.elidedText(title_line(index), Qt.TextElideMode.ElideRight, rect.width()),
        )
        passage = index.sibling(index.row(), COL_TEXT).data(HTML_ROLE) or ""
        doc = QTextDocument()
        doc.setDefaultFont(opt.font)
        doc.setDocumentMargin(0)
        doc.setTextWidth(rect.width())
        doc.setHtml(passage)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        top = rect.top() + metrics.height() + 1
        painter.translate(rect.left(), top)
        painter.setClipRect(QRectF(0, 0, rect.width(), rect.bottom() - top))
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), row_height(option.fontMetrics.height(), SEARCH_LINES))


def row_height(line: int, passage_lines: int) -> int:
    return line * (1 + passage_lines) + 8


def fit_rows(view: QTableView) -> None:
    """Room for two lines of passage while the list shows search results, else one."""
    model = view.model()
    searching = model is not None and bool(
        model.rowCount()
        and model.index(0, COL_TEXT).data(HTML_ROLE)
        and "<b>" in str(model.index(0, COL_TEXT).data(HTML_ROLE))
    )
    lines = SEARCH_LINES if searching else LIST_LINES
    view.verticalHeader().setDefaultSectionSize(row_height(view.fontMetrics().height(), lines))
