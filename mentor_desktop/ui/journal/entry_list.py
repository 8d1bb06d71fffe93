"""The entry list of the Journal tab: filters, search, the list itself and what is selected."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence

from PySide6.QtCore import QDate, QItemSelectionModel, QModelIndex, QTimer
from PySide6.QtWidgets import QComboBox, QWidget

from mentor_desktop.domain.errors import MentorDesktopError, NotFoundError
from mentor_desktop.domain.journal import (
    EntryFilter,
    EntryKind,
    EntrySummary,
    PageCursor,
    summarize,
)
from mentor_desktop.services.journal import JournalService
from mentor_desktop.ui.dialogs import Dialogs
from mentor_desktop.ui.errors import ErrorReporter
from mentor_desktop.ui.journal.editor import EntryEditorController
from mentor_desktop.ui.journal.view import NO_DATE, JournalView
from mentor_desktop.ui.models.journal_entries import (
    ENTRY_ID_ROLE,
    JournalEntriesModel,
    counted,
)
from mentor_desktop.ui.models.journal_filters import FilterChoicesModel
from mentor_desktop.ui.qt_values import to_date

#: Search runs this long after the last key press.
SEARCH_DEBOUNCE_MS = 250
SEARCH_PAGE = 50
LIST_PAGE = 200


class EntryList:
    """Controller of the filter bar and the entry list; opens the chosen entry in the editor.

    Not a QObject (no signals of its own): it listens to the view's widgets.
    """

    def __init__(
        self,
        view: JournalView,
        journal: JournalService,
        editor: EntryEditorController,
        parent: QWidget,
        dialogs: Dialogs,
        status: Callable[[str], None],
    ) -> None:
        self._view = view
        self._journal = journal
        self._editor = editor
        self._status = status
        self.model = JournalEntriesModel(parent=parent)
        view.list_view.setModel(self.model)
        self.tag_choices = FilterChoicesModel("All tags", parent)
        self.goal_choices = FilterChoicesModel("All goals", parent)
        view.tag_filter.setModel(self.tag_choices)
        view.goal_filter.setModel(self.goal_choices)
        #: How often the list was read again from the database (for tests).
        self.reload_count = 0

        self._search_timer = QTimer(parent)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DEBOUNCE_MS)
        self.errors = ErrorReporter(dialogs, parent)
        apply = self.errors.guard("Could not read the journal", self.apply_filters)
        self._search_timer.timeout.connect(apply)
        view.search_edit.textChanged.connect(lambda _text: self._search_timer.start())
        view.search_edit.returnPressed.connect(apply)
        for combo in (view.kind_filter, view.tag_filter, view.goal_filter):
            combo.currentIndexChanged.connect(apply)
        view.from_filter.dateChanged.connect(apply)
        view.to_filter.dateChanged.connect(apply)
        view.flagged_filter.toggled.connect(apply)
        clear = self.errors.guard("Could not read the journal", self.clear_filters)
        view.clear_filters_button.clicked.connect(lambda _checked: clear())
        view.list_view.selectionModel().currentRowChanged.connect(self._current_changed)

    # ---------------------------------------------------------------- filters

    def current_filter(self) -> EntryFilter:
        v = self._view
        kind = v.kind_filter.currentData()
        from_date = v.from_filter.date()
        until = v.to_filter.date()
        return EntryFilter(
            kinds=(EntryKind(kind),) if kind else (),
            tag=v.tag_filter.currentData() or None,
            goal_id=v.goal_filter.currentData(),
            date_from=None if from_date == NO_DATE else to_date(from_date),
            date_to=None if until == NO_DATE else to_date(until),
            flagged_only=v.flagged_filter.isChecked(),
            text=v.search_edit.text().strip(),
        )

    def apply_filters(self, *_args: object, select_id: int | None = None) -> None:
        """Reload the list for the filters and search text; keeps or picks the open entry."""
        self._search_timer.stop()
        self._editor.flush()
        self.reload_count += 1
        entry_filter = self.current_filter()
        keep = select_id if select_id is not None else self._editor.entry_id
        journal = self._journal
        if entry_filter.text:
            self.model.page_size = SEARCH_PAGE

            def load(_last: EntrySummary | None, offset: int, limit: int, /) -> list[EntrySummary]:
                return journal.search(
                    entry_filter.text, entry_filter, limit, offset, as_you_type=True
                )

        else:
            self.model.page_size = LIST_PAGE

            def load(last: EntrySummary | None, _offset: int, limit: int, /) -> list[EntrySummary]:
                after = PageCursor(last.entry_date, last.id) if last else None
                return journal.list_page(entry_filter, after, limit)

        self.model.set_loader(load)
        self._show_result_count(entry_filter)
        row = self.model.row_of(keep) if keep is not None else -1
        if row < 0 and select_id is not None:
            self._editor.load(journal.get_entry(select_id))
            self._view.show_editor(True)
            return
        self.select_row(row if row >= 0 else 0)

    def _show_result_count(self, entry_filter: EntryFilter) -> None:
        shown = self.model.rowCount()
        more = "+" if self.model.canFetchMore() else ""
        if entry_filter.text:
            text = counted(shown, more, "match", "matches") if shown else "No matches"
        elif entry_filter.is_empty:
            text = ""
        else:
            text = counted(shown, more, "entry", "entries") if shown else "No entries match"
        self._view.result_label.setText(text)

    def clear_filters(self) -> None:
        self.clear_filters_quietly()
        self.apply_filters()

    def clear_filters_quietly(self) -> None:
        v = self._view
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

    def set_shown_until(self, day: QDate) -> None:
        """Show entries up to `day` (a QDate) without reloading yet."""
        self._view.to_filter.blockSignals(True)
        self._view.to_filter.setDate(day)
        self._view.to_filter.blockSignals(False)

    def reload_tag_choices(self) -> None:
        names = self._journal.tag_names()
        _set_choices(self._view.tag_filter, self.tag_choices, [(name, name) for name in names])

    def reload_goal_choices(self) -> None:
        goals = self._journal.goal_choices()
        self._editor.set_goals(goals)
        _set_choices(self._view.goal_filter, self.goal_choices, goals)

    # ---------------------------------------------------------------- rows

    def select_row(self, row: int) -> None:
        view = self._view.list_view
        if 0 <= row < self.model.rowCount():
            view.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            view.scrollTo(self.model.index(row, 0))
        else:
            view.selectionModel().clearSelection()
            if self._editor.load(None):
                self._view.show_editor(False)

    def select_entry(self, entry_id: int) -> bool:
        row = self.model.row_of(entry_id)
        if row >= 0:
            self.select_row(row)
        return row >= 0

    def update_rows(self, entry_ids: Iterable[int]) -> bool:
        """Show these listed entries as the database holds them now, row by row.

        False (nothing done for the rest) as soon as one is not listed or is gone: the list's
        shape may have changed, so the caller reloads it. Search results (ranked, with
        snippets) are always read again.
        """
        if self.current_filter().text:
            return False
        for entry_id in entry_ids:
            if self.model.row_of(entry_id) < 0:
                return False
            try:
                entry = self._journal.get_entry(entry_id)
            except NotFoundError:
                return False
            old = self.model.summary_at(self.model.row_of(entry_id))
            if old is not None and old.entry_date != entry.entry_date:
                return False  # it moves in the list
            self.model.replace(summarize(entry))
        return True

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        entry_id = current.data(ENTRY_ID_ROLE)
        if entry_id == self._editor.entry_id:
            return
        try:
            entry = self._journal.get_entry(entry_id)
        except MentorDesktopError as exc:
            self._status(str(exc))
            return
        if not self._editor.load(entry):
            # the open entry's text could not be saved: stay on it
            QTimer.singleShot(0, self._reselect_open_entry)
            self._status("The open entry could not be saved; see the message above it.")
            return
        self._view.show_editor(True)

    def _reselect_open_entry(self) -> None:
        if self._editor.entry_id is not None:
            self.select_entry(self._editor.entry_id)


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
