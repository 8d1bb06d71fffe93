"""The calendar beside the Journal list: days with entries, jumping to a day, on this day."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QModelIndex
from PySide6.QtGui import QFont, QTextCharFormat
from PySide6.QtWidgets import QWidget

from mentor_desktop.domain.dates import day_month_text
from mentor_desktop.services.journal import JournalService
from mentor_desktop.ui.journal.editor import EntryEditorController
from mentor_desktop.ui.journal.entry_list import EntryList
from mentor_desktop.ui.journal.view import JournalView
from mentor_desktop.ui.models.journal_entries import ENTRY_ID_ROLE, JournalEntriesModel
from mentor_desktop.ui.qt_values import to_date

ON_THIS_DAY_PAGE = 50


class JournalCalendar:
    """Controller of the calendar and the "on this day in earlier years" list.

    Not a QObject (no signals of its own): it listens to the calendar and the list.
    """

    def __init__(
        self,
        view: JournalView,
        journal: JournalService,
        editor: EntryEditorController,
        entries: EntryList,
        parent: QWidget,
    ) -> None:
        self._view = view
        self._journal = journal
        self._editor = editor
        self._entries = entries
        self.on_this_day_model = JournalEntriesModel(page_size=ON_THIS_DAY_PAGE, parent=parent)
        view.on_this_day_view.setModel(self.on_this_day_model)
        view.on_this_day_view.activated.connect(self._open_on_this_day)
        view.on_this_day_view.clicked.connect(self._open_on_this_day)
        view.calendar.currentPageChanged.connect(self.mark)
        view.calendar.clicked.connect(self.jump_to_day)
        view.calendar.activated.connect(self.jump_to_day)

    def mark(self, year: int, month: int) -> None:
        """Show the days of that month that have entries in bold, with their count."""
        calendar = self._view.calendar
        calendar.setDateTextFormat(QDate(), QTextCharFormat())
        bold = QTextCharFormat()
        bold.setFontWeight(QFont.Weight.Bold)
        bold.setFontUnderline(True)
        for day in self._journal.days_with_entries(year, month):
            fmt = QTextCharFormat(bold)
            fmt.setToolTip(f"{day.count} entr{'y' if day.count == 1 else 'ies'}")
            calendar.setDateTextFormat(QDate(day.day.year, day.day.month, day.day.day), fmt)

    def mark_shown_month(self) -> None:
        self.mark(self._view.calendar.yearShown(), self._view.calendar.monthShown())

    def days_marked(self) -> list[date]:
        """The days the calendar shows as having entries (for tests and accessibility)."""
        return sorted(to_date(d) for d in self._view.calendar.dateTextFormat())

    def jump_to_day(self, qdate: QDate) -> None:
        """Show entries from that day back in time, and what was written on it in earlier years."""
        self._entries.set_shown_until(qdate)
        self._entries.apply_filters(select_id=None)
        self._entries.select_row(0)
        self.show_on_this_day(to_date(qdate))

    def show_on_this_day(self, day: date) -> None:
        journal = self._journal
        self.on_this_day_model.set_loader(
            lambda _last, offset, limit: journal.on_this_day(day, limit) if offset == 0 else []
        )
        count = self.on_this_day_model.rowCount()
        when = day_month_text(day)
        self._view.on_this_day_label.setText(
            f"On {when} in earlier years: {count}"
            if count
            else f"Nothing on {when} in earlier years"
        )

    def _open_on_this_day(self, index: QModelIndex) -> None:
        entry_id = index.data(ENTRY_ID_ROLE)
        if entry_id is None:
            return
        if not self._entries.select_entry(entry_id):
            self._editor.load(self._journal.get_entry(entry_id))
            self._view.show_editor(True)
