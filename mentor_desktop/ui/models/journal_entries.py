"""Journal entries as a lazy table: one page at a time through canFetchMore/fetchMore."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from mentor_desktop.domain.bidi import mark_bidi
from mentor_desktop.domain.dates import date_text
from mentor_desktop.domain.journal import HIGHLIGHT_END, HIGHLIGHT_START, EntrySummary
from mentor_desktop.ui.models.list_table import AnyIndex, ListTableModel

HEADERS = ("Date", "Title", "Kind", "Tags", "Text")
COL_DATE, COL_TITLE, COL_KIND, COL_TAGS, COL_TEXT = range(len(HEADERS))
ENTRY_ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: The Text column as HTML: the snippet with matches in bold (search) or the first line.
HTML_ROLE = Qt.ItemDataRole.UserRole + 2
FLAG_MARK = "⚑ "

#: loader(last row so far or None, rows so far, page size) -> the next rows.
PageLoader = Callable[[EntrySummary | None, int, int], list[EntrySummary]]


def counted(count: int, more: str, one: str, many: str) -> str:
    """“1 match”, “2 matches”, “200+ matches” (`more` is "+" when more rows can load)."""
    return f"{count:,}{more} {one if count == 1 and not more else many}"


def plain_snippet(snippet: str) -> str:
    return " ".join(snippet.replace(HIGHLIGHT_START, "").replace(HIGHLIGHT_END, "").split())


def html_snippet(snippet: str) -> str:
    text = html.escape(mark_bidi(" ".join(snippet.split())))
    return text.replace(HIGHLIGHT_START, "<b>").replace(HIGHLIGHT_END, "</b>")


class JournalEntriesModel(ListTableModel[EntrySummary]):
    """Entry summaries (never whole bodies), loaded a page at a time as the view scrolls.

    Signals: none beyond QAbstractTableModel's.
    """

    HEADERS = HEADERS

    def __init__(self, page_size: int = 200, parent: Any = None) -> None:
        super().__init__(parent)
        self.page_size = page_size
        self._loader: PageLoader | None = None
        self._more = False

    # ---------------------------------------------------------------- loading

    def set_loader(self, loader: PageLoader | None) -> None:
        """Start again from the first page of `loader` (None empties the list)."""
        first = loader(None, 0, self.page_size) if loader else []
        self._loader = loader
        self._more = loader is not None and len(first) >= self.page_size
        self.set_rows(first)

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:
        return not parent.isValid() and self._more

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:
        if parent.isValid() or not self._more or self._loader is None:
            return
        last = self._rows[-1] if self._rows else None
        page = self._loader(last, len(self._rows), self.page_size)
        known = {row.id for row in self._rows}
        page = [row for row in page if row.id not in known]
        self._more = len(page) >= self.page_size
        self.append_rows(page)

    def fetch_all(self) -> None:
        while self.canFetchMore():
            self.fetchMore()

    # ---------------------------------------------------------------- access

    def summary_at(self, row: int) -> EntrySummary | None:
        return self.row_at(row)

    def row_of(self, entry_id: int) -> int:
        return next((i for i, row in enumerate(self._rows) if row.id == entry_id), -1)

    def replace(self, summary: EntrySummary) -> None:
        """Show new values for an entry already in the list (after a save)."""
        row = self.row_of(summary.id)
        old = self.row_at(row)
        if old is None:
            return
        if old.snippet and not summary.snippet:
            summary = _with_snippet(summary, old.snippet)
        self.replace_row(row, summary)

    def remove_entry(self, entry_id: int) -> None:
        self.remove_row(self.row_of(entry_id))

    # ---------------------------------------------------------------- cells

    def cell(self, item: EntrySummary, column: int, role: int) -> Any:
        if role == ENTRY_ID_ROLE:
            return item.id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COL_TITLE and item.flagged:
                return f"{item.display_title} (raise at the next session)"
            return self._display(item, column)
        if role == HTML_ROLE and column == COL_TEXT:
            if item.snippet:
                return html_snippet(item.snippet)
            return html.escape(mark_bidi(item.first_line))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._display(item, column)
        return None

    @staticmethod
    def _display(entry: EntrySummary, column: int) -> str:
        if column == COL_DATE:
            return date_text(entry.entry_date)
        if column == COL_TITLE:
            return (FLAG_MARK if entry.flagged else "") + entry.display_title
        if column == COL_KIND:
            return entry.kind.label
        if column == COL_TAGS:
            return ", ".join(entry.tags)
        if column == COL_TEXT:
            return plain_snippet(entry.snippet) if entry.snippet else entry.first_line
        return ""


def _with_snippet(summary: EntrySummary, snippet: str) -> EntrySummary:
    return EntrySummary(
        summary.id,
        summary.entry_date,
        summary.title,
        summary.kind,
        summary.tags,
        summary.first_line,
        summary.flagged,
        summary.mood,
        snippet,
    )
