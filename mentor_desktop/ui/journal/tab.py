"""The Journal tab controller: list, filters, search, calendar and the entry editor."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from datetime import date

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QTimer,
)
from PySide6.QtGui import (
    QFont,
    QKeyEvent,
    QKeySequence,
    QTextCharFormat,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import QComboBox, QVBoxLayout

from mentor_desktop.domain.errors import MentorDesktopError
from mentor_desktop.domain.journal import (
    EntryFilter,
    EntryKind,
    EntrySummary,
    JournalEntry,
    PageCursor,
)
from mentor_desktop.services.journal import JournalService
from mentor_desktop.settings import AppSettings
from mentor_desktop.ui.bus import EXTERNAL, Change, ChangeBus, ChangeKind, ItemKind
from mentor_desktop.ui.dialogs import Dialogs
from mentor_desktop.ui.journal.editor import EntryEditorController
from mentor_desktop.ui.journal.view import NO_DATE, JournalView
from mentor_desktop.ui.models.journal_entries import ENTRY_ID_ROLE, JournalEntriesModel
from mentor_desktop.ui.models.journal_filters import FilterChoicesModel
from mentor_desktop.ui.undo import report_and_forget
from mentor_desktop.ui.widgets.tab_page import TabPage

#: Search runs this long after the last key press.
SEARCH_DEBOUNCE_MS = 250
SEARCH_PAGE = 50


class DeleteEntryCommand(QUndoCommand):
    """An entry already deleted (`snapshot` is what it held); undo puts it back, same id.

    When undo or redo fails (the id taken meanwhile, the database locked...), nothing was
    changed: the error is shown and the tab's undo history cleared, so no later step acts on
    records that no longer match it.
    """

    def __init__(self, tab: JournalTab, snapshot: JournalEntry, title: str) -> None:
        super().__init__(f"Delete entry “{title}”")
        self._tab = tab
        self._snapshot = snapshot
        self._applied = True

    def redo(self) -> None:
        if self._applied:  # pushed right after the delete that did the work
            self._applied = False
            return
        try:
            self._snapshot = self._tab.journal.delete_entry(self._snapshot.id)
        except Exception as exc:  # reported, never raised out of a Qt override
            self._tab.undo_failed("Could not redo", exc)
            return
        self._tab.after_delete(self._snapshot.id)

    def undo(self) -> None:
        try:
            entry = self._tab.journal.restore_entry(self._snapshot)
        except Exception as exc:  # reported, never raised out of a Qt override
            self._tab.undo_failed("Could not undo", exc)
            return
        self._tab.after_restore(entry)


class JournalTab(TabPage):
    """Write and find journal entries.

    Signals: inherits `status_message(str)` from TabPage.
    """

    title = "Journal"

    def __init__(self, journal: JournalService, bus: ChangeBus, dialogs: Dialogs) -> None:
        super().__init__()
        self.setObjectName("journal_tab")
        self.journal = journal
        self._bus = bus
        self._dialogs = dialogs
        self._undo = QUndoStack(self)
        self._emitting = False
        self.view = JournalView(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

        self.model = JournalEntriesModel(parent=self)
        self.on_this_day_model = JournalEntriesModel(page_size=50, parent=self)
        self.view.list_view.setModel(self.model)
        self.view.on_this_day_view.setModel(self.on_this_day_model)
        self.view.configure_list_columns()
        self.tag_choices = FilterChoicesModel("All tags", self)
        self.goal_choices = FilterChoicesModel("All goals", self)
        self.view.tag_filter.setModel(self.tag_choices)
        self.view.goal_filter.setModel(self.goal_choices)
        self.editor = EntryEditorController(self.view.editor, journal, self, dialogs)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(self.apply_filters)

        v = self.view
        v.search_edit.textChanged.connect(lambda _text: self._search_timer.start())
        v.search_edit.returnPressed.connect(self.apply_filters)
        for combo in (v.kind_filter, v.tag_filter, v.goal_filter):
            combo.currentIndexChanged.connect(self.apply_filters)
        v.from_filter.dateChanged.connect(self.apply_filters)
        v.to_filter.dateChanged.connect(self.apply_filters)
        v.flagged_filter.toggled.connect(self.apply_filters)
        v.clear_filters_button.clicked.connect(self.clear_filters)
        v.new_button.clicked.connect(self.new_item)
        v.list_view.selectionModel().currentRowChanged.connect(self._current_changed)
        v.on_this_day_view.activated.connect(self._open_on_this_day)
        v.on_this_day_view.clicked.connect(self._open_on_this_day)
        v.calendar.currentPageChanged.connect(self._mark_calendar)
        v.calendar.clicked.connect(self.jump_to_day)
        v.calendar.activated.connect(self.jump_to_day)
        self.editor.saved.connect(self._entry_saved)
        self.editor.edit_prompts_requested.connect(self.edit_prompts)
        self.editor.delete_requested.connect(self.delete_entry)
        v.list_view.installEventFilter(self)
        bus.changed.connect(self._on_bus_changed)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.flush)

        self._reload_goal_choices()
        self._reload_tag_choices()
        self.apply_filters()
        self._mark_calendar(v.calendar.yearShown(), v.calendar.monthShown())
        self.show_on_this_day(journal.today())

    # ---------------------------------------------------------------- TabPage

    def undo_stack(self) -> QUndoStack:
        return self._undo

    def new_item(self) -> None:
        """A new entry for today, opened in the editor with the cursor in the title."""
        if not self.editor.flush():
            return
        try:
            entry = self.journal.new_entry(EntryKind.REFLECTION, self.journal.today())
        except MentorDesktopError as exc:
            self._dialogs.error(self, "Cannot add an entry", str(exc))
            return
        self._clear_filters_quietly()
        self.apply_filters(select_id=entry.id)
        self.view.editor.title_edit.setFocus()
        self._changed()
        self.status_message.emit("New entry for today; it saves as you type.")

    def find(self) -> None:
        self.view.search_edit.setFocus()
        self.view.search_edit.selectAll()

    def flush(self) -> bool:
        return self.editor.flush()

    def unsaved_work(self) -> str:
        return self.editor.unsaved_problem()

    def opens(self) -> tuple[str, ...]:
        return (ItemKind.JOURNAL_ENTRY,)

    def open_item(self, kind: str, item_id: int) -> None:
        """Show entry `item_id` (asked for by another tab, e.g. an agenda item's source)."""
        if kind != ItemKind.JOURNAL_ENTRY or not self.editor.flush():
            return
        if self.select_entry(item_id):
            return
        try:
            entry = self.journal.get_entry(item_id)
        except MentorDesktopError as exc:
            self.status_message.emit(str(exc))
            return
        self._clear_filters_quietly()
        self.apply_filters(select_id=entry.id)

    def save_state(self, settings: AppSettings) -> None:
        settings.set_state_bytes("journal/splitter", self.view.splitter.saveState())

    def restore_state(self, settings: AppSettings) -> None:
        state = settings.state_bytes("journal/splitter")
        if state is not None:
            self.view.splitter.restoreState(state)

    # ---------------------------------------------------------------- filters

    def current_filter(self) -> EntryFilter:
        v = self.view
        kind = v.kind_filter.currentData()
        from_date = v.from_filter.date()
        to_date = v.to_filter.date()
        return EntryFilter(
            kinds=(EntryKind(kind),) if kind else (),
            tag=v.tag_filter.currentData() or None,
            goal_id=v.goal_filter.currentData(),
            date_from=None if from_date == NO_DATE else from_date.toPython(),
            date_to=None if to_date == NO_DATE else to_date.toPython(),
            flagged_only=v.flagged_filter.isChecked(),
            text=v.search_edit.text().strip(),
        )

    def apply_filters(self, *_args: object, select_id: int | None = None) -> None:
        """Reload the list for the filters and search text; keeps or picks the open entry."""
        self._search_timer.stop()
        self.editor.flush()
        entry_filter = self.current_filter()
        keep = select_id if select_id is not None else self.editor.entry_id
        if entry_filter.text:
            self.model.page_size = SEARCH_PAGE

            def load(_last: EntrySummary | None, offset: int, limit: int) -> list[EntrySummary]:
                return self.journal.search(
                    entry_filter.text, entry_filter, limit, offset, as_you_type=True
                )

        else:
            self.model.page_size = 200

            def load(last: EntrySummary | None, _offset: int, limit: int) -> list[EntrySummary]:
                after = PageCursor(last.entry_date, last.id) if last else None
                return self.journal.list_page(entry_filter, after, limit)

        self.model.set_loader(load)
        self._show_result_count(entry_filter)
        row = self.model.row_of(keep) if keep is not None else -1
        if row < 0 and select_id is not None:
            entry = self.journal.get_entry(select_id)
            self.editor.load(entry)
            self.view.show_editor(True)
            return
        self._select_row(row if row >= 0 else 0)

    def _show_result_count(self, entry_filter: EntryFilter) -> None:
        shown = self.model.rowCount()
        more = "+" if self.model.canFetchMore() else ""
        if entry_filter.text:
            text = f"{shown}{more} matches" if shown else "No matches"
        elif entry_filter.is_empty:
            text = ""
        else:
            text = f"{shown}{more} entries" if shown else "No entries match"
        self.view.result_label.setText(text)

    def clear_filters(self) -> None:
        self._clear_filters_quietly()
        self.apply_filters()

    def _clear_filters_quietly(self) -> None:
        v = self.view
        widgets = (v.search_edit, v.kind_filter, v.tag_filter, v.goal_filter, v.from_filter,
                   v.to_filter, v.flagged_filter)  # fmt: skip
        for widget in widgets:
            widget.blockSignals(True)
        v.search_edit.clear()
        v.kind_filter.setCurrentIndex(0)
        v.tag_filter.setCurrentIndex(0)
        v.goal_filter.setCurrentIndex(0)
        v.from_filter.setDate(NO_DATE)
        v.to_filter.setDate(NO_DATE)
        v.flagged_filter.setChecked(False)
        for widget in widgets:
            widget.blockSignals(False)

    def _reload_tag_choices(self) -> None:
        names = self.journal.tag_names()
        _set_choices(self.view.tag_filter, self.tag_choices, [(name, name) for name in names])

    def _reload_goal_choices(self) -> None:
        goals = self.journal.goal_choices()
        self.editor.set_goals(goals)
        _set_choices(self.view.goal_filter, self.goal_choices, goals)

    # ---------------------------------------------------------------- list

    def _select_row(self, row: int) -> None:
        view = self.view.list_view
        if 0 <= row < self.model.rowCount():
            view.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            view.scrollTo(self.model.index(row, 0))
        else:
            view.selectionModel().clearSelection()
            if self.editor.load(None):
                self.view.show_editor(False)

    def select_entry(self, entry_id: int) -> bool:
        row = self.model.row_of(entry_id)
        if row >= 0:
            self._select_row(row)
        return row >= 0

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        entry_id = current.data(ENTRY_ID_ROLE)
        if entry_id == self.editor.entry_id:
            return
        try:
            entry = self.journal.get_entry(entry_id)
        except MentorDesktopError as exc:
            self.status_message.emit(str(exc))
            return
        if not self.editor.load(entry):
            # the open entry's text could not be saved: stay on it
            QTimer.singleShot(0, self._reselect_open_entry)
            self.status_message.emit("The open entry could not be saved; see the message above it.")
            return
        self.view.show_editor(True)

    def _reselect_open_entry(self) -> None:
        if self.editor.entry_id is not None:
            self.select_entry(self.editor.entry_id)

    def _entry_saved(self, summary: EntrySummary) -> None:
        old = self.model.summary_at(self.model.row_of(summary.id))
        self.model.replace(summary)
        if old is None or old.tags != summary.tags:
            self._reload_tag_choices()
        if old is not None and old.entry_date != summary.entry_date:
            self.apply_filters(select_id=summary.id)
            self._mark_calendar(self.view.calendar.yearShown(), self.view.calendar.monthShown())
        # Other tabs show titles, dates, kinds and flags, not the text: typing alone (saved
        # every second) does not make them reload.
        if old is None or _listed_fields(old) != _listed_fields(summary):
            self._changed()

    # ---------------------------------------------------------------- delete

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The Delete key in the entry list deletes the open entry (undoable)."""
        if (
            watched is self.view.list_view
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Delete)
        ):
            self._delete_current()
            return True
        return super().eventFilter(watched, event)

    def _delete_current(self) -> None:
        if self.editor.entry_id is not None:
            self.delete_entry(self.editor.entry_id)

    def delete_entry(self, entry_id: int) -> None:
        """Delete the entry; Edit > Undo puts it back."""
        self.editor.flush()
        row = self.model.row_of(entry_id)
        summary = self.model.summary_at(row)
        title = summary.display_title if summary else f"#{entry_id}"
        try:
            snapshot = self.journal.delete_entry(entry_id)
        except MentorDesktopError as exc:
            self._dialogs.error(self, "Cannot delete the entry", str(exc))
            return
        self.after_delete(entry_id)
        self._undo.push(DeleteEntryCommand(self, snapshot, title))

    def undo_failed(self, title: str, exc: Exception) -> None:
        """Show why an undo or redo failed, then clear the history (see DeleteEntryCommand)."""
        show = report_and_forget(self._undo, lambda text: self._dialogs.error(self, title, text))
        show(exc)

    def after_delete(self, entry_id: int) -> None:
        row = self.model.row_of(entry_id)
        if self.editor.entry_id == entry_id:
            self.editor.discard_unsaved()
            self.editor.load(None)
        self.model.remove_entry(entry_id)
        self._select_row(min(row, self.model.rowCount() - 1) if row >= 0 else 0)
        self._reload_tag_choices()
        self._mark_calendar(self.view.calendar.yearShown(), self.view.calendar.monthShown())
        self.status_message.emit("Entry deleted. Undo (Ctrl+Z) brings it back.")
        self._changed()

    def after_restore(self, entry: JournalEntry) -> None:
        self._reload_tag_choices()
        self.apply_filters(select_id=entry.id)
        self._mark_calendar(self.view.calendar.yearShown(), self.view.calendar.monthShown())
        self.status_message.emit("Entry restored.")
        self._changed()

    # ---------------------------------------------------------------- calendar

    def _mark_calendar(self, year: int, month: int) -> None:
        calendar = self.view.calendar
        calendar.setDateTextFormat(QDate(), QTextCharFormat())
        bold = QTextCharFormat()
        bold.setFontWeight(QFont.Weight.Bold)
        bold.setFontUnderline(True)
        for day in self.journal.days_with_entries(year, month):
            fmt = QTextCharFormat(bold)
            fmt.setToolTip(f"{day.count} entr{'y' if day.count == 1 else 'ies'}")
            calendar.setDateTextFormat(QDate(day.day.year, day.day.month, day.day.day), fmt)

    def days_marked(self) -> list[date]:
        """The days the calendar shows as having entries (for tests and accessibility)."""
        return sorted(d.toPython() for d in self.view.calendar.dateTextFormat())

    def jump_to_day(self, qdate: QDate) -> None:
        """Show entries from that day back in time, and what was written on it in earlier years."""
        self.view.to_filter.blockSignals(True)
        self.view.to_filter.setDate(qdate)
        self.view.to_filter.blockSignals(False)
        self.apply_filters(select_id=None)
        self._select_row(0)
        self.show_on_this_day(qdate.toPython())

    def show_on_this_day(self, day: date) -> None:
        self.on_this_day_model.set_loader(
            lambda _last, offset, limit: self.journal.on_this_day(day, limit) if offset == 0 else []
        )
        count = self.on_this_day_model.rowCount()
        when = f"{day:%d %B}"
        self.view.on_this_day_label.setText(
            f"On {when} in earlier years: {count}"
            if count
            else f"Nothing on {when} in earlier years"
        )

    def _open_on_this_day(self, index: QModelIndex) -> None:
        entry_id = index.data(ENTRY_ID_ROLE)
        if entry_id is None:
            return
        if not self.select_entry(entry_id):
            self.editor.load(self.journal.get_entry(entry_id))
            self.view.show_editor(True)

    # ---------------------------------------------------------------- prompts

    def edit_prompts(self) -> None:
        from mentor_desktop.ui.journal.dialogs import TemplatesDialog

        dialog = TemplatesDialog(self.journal, self._dialogs, self)
        dialog.exec()
        dialog.deleteLater()
        entry_id = self.editor.entry_id
        if entry_id is not None:
            self.editor.load(self.journal.get_entry(entry_id))

    # ---------------------------------------------------------------- bus

    def _changed(self) -> None:
        self._emitting = True
        try:
            self._bus.announce(ChangeKind.JOURNAL, self)
        finally:
            self._emitting = False

    def _on_bus_changed(self, change: Change) -> None:
        if self._emitting:
            return
        kind = change.kind
        if kind == ChangeKind.DATA_REPLACED:
            self.reload_replaced_data()
        elif kind == ChangeKind.GOALS:
            self._reload_goal_choices()
        elif kind == ChangeKind.JOURNAL:
            if change.origin == EXTERNAL:
                self.editor.refresh_from_elsewhere()
            self._reload_tag_choices()
            self.apply_filters()

    def reload_replaced_data(self) -> None:
        """Everything was replaced (a restore): drop unsaved changes, never save them, and
        show the open entry as the database holds it now (or nothing if it is gone).

        Unsaved changes were saved before the restore started (the window flushes every tab),
        so what is dropped here is only what was already written to the old data.
        """
        entry_id = self.editor.entry_id
        self.editor.discard_unsaved()
        self._undo.clear()  # its steps refer to the data that was replaced
        entry: JournalEntry | None = None
        if entry_id is not None:
            try:
                entry = self.journal.get_entry(entry_id)
            except MentorDesktopError:
                entry = None
        self.editor.reload(entry)
        self._reload_goal_choices()
        self._reload_tag_choices()
        self.apply_filters()
        if self.editor.entry_id is None:
            self.view.show_editor(False)
        self._mark_calendar(self.view.calendar.yearShown(), self.view.calendar.monthShown())
        self.show_on_this_day(self.journal.today())


def _set_choices(
    combo: QComboBox, model: FilterChoicesModel, choices: Sequence[tuple[Hashable, str]]
) -> None:
    """Offer new choices, keeping the chosen one while it is still offered (quietly)."""
    current = combo.currentData()
    combo.blockSignals(True)
    try:
        model.set_choices(choices)
        combo.setCurrentIndex(model.row_of(current))
    finally:
        combo.blockSignals(False)


def _listed_fields(summary: EntrySummary) -> tuple:
    return (summary.title, summary.entry_date, summary.kind, summary.tags, summary.flagged)
