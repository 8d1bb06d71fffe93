"""The Journal tab controller: builds the tab and joins its parts.

The parts are small controllers, one per panel: `entry_list` (filters, search, the list),
`calendar_panel` (calendar and "on this day"), `editor` (the open entry) and `deletion`
(delete and undo). The tab handles the bus and what the window asks of every tab.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import QVBoxLayout

from mentor_desktop.domain.errors import MentorDesktopError
from mentor_desktop.domain.journal import EntryFilter, EntryKind, EntrySummary, JournalEntry
from mentor_desktop.services.journal import JournalService
from mentor_desktop.settings import AppSettings
from mentor_desktop.ui.bus import EXTERNAL, Change, ChangeBus, ChangeKind, ItemKind
from mentor_desktop.ui.dialogs import Dialogs
from mentor_desktop.ui.errors import show_error
from mentor_desktop.ui.journal.calendar_panel import JournalCalendar
from mentor_desktop.ui.journal.deletion import EntryDeletion
from mentor_desktop.ui.journal.editor import EntryEditorController
from mentor_desktop.ui.journal.entry_body import BodyMode
from mentor_desktop.ui.journal.entry_list import EntryList
from mentor_desktop.ui.journal.view import JournalView
from mentor_desktop.ui.models.journal_entries import JournalEntriesModel
from mentor_desktop.ui.widgets.tab_page import TabPage


class JournalTab(TabPage):
    """Write and find journal entries.

    Its own changes are announced on the bus with this tab as their origin and never
    reload it; a journal change from elsewhere updates the listed entries it names, or
    reloads the list when it names none (or the list's shape changed).

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
        self.view = JournalView(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

        self.editor = EntryEditorController(self.view.editor, journal, self, dialogs)
        status = self.status_message.emit
        self.entries = EntryList(self.view, journal, self.editor, self, dialogs, status)
        self.calendar = JournalCalendar(self.view, journal, self.editor, self.entries, self)
        self.view.configure_list_columns()
        self.deletion = EntryDeletion(
            self, journal, dialogs, self._undo, self.editor, self.entries, self.calendar,
            status, self._announce,
        )  # fmt: skip

        self.view.new_button.clicked.connect(self.new_item)
        self.editor.saved.connect(self._entry_saved)
        self.editor.edit_prompts_requested.connect(self.edit_prompts)
        self.editor.delete_requested.connect(self.deletion.delete_entry)
        self.view.list_view.installEventFilter(self)
        bus.changed.connect(
            self.entries.errors.guard("Could not show the journal", self._on_bus_changed)
        )
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.flush)

        self.entries.reload_goal_choices()
        self.entries.reload_tag_choices()
        self.entries.apply_filters()
        self.calendar.mark_shown_month()
        self.calendar.show_on_this_day(journal.today())

    # ---------------------------------------------------------------- parts, for tests

    @property
    def model(self) -> JournalEntriesModel:
        return self.entries.model

    @property
    def on_this_day_model(self) -> JournalEntriesModel:
        return self.calendar.on_this_day_model

    def current_filter(self) -> EntryFilter:
        return self.entries.current_filter()

    def apply_filters(self, *_args: object, select_id: int | None = None) -> None:
        self.entries.apply_filters(select_id=select_id)

    def clear_filters(self) -> None:
        self.entries.clear_filters()

    def select_entry(self, entry_id: int) -> bool:
        return self.entries.select_entry(entry_id)

    def _reload_tag_choices(self) -> None:
        self.entries.reload_tag_choices()

    def days_marked(self) -> list[date]:
        return self.calendar.days_marked()

    def jump_to_day(self, qdate: QDate) -> None:
        self.calendar.jump_to_day(qdate)

    def show_on_this_day(self, day: date) -> None:
        self.calendar.show_on_this_day(day)

    def delete_entry(self, entry_id: int) -> None:
        self.deletion.delete_entry(entry_id)

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
            show_error(self._dialogs, self, "Cannot add an entry", exc)
            return
        self.entries.clear_filters_quietly()
        self.entries.apply_filters(select_id=entry.id)
        self.view.editor.title_edit.setFocus()
        self._announce(entry.id)
        self.status_message.emit("New entry for today; it saves as you type.")

    def focus_search(self) -> None:
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
        if self.entries.select_entry(item_id):
            return
        try:
            entry = self.journal.get_entry(item_id)
        except MentorDesktopError as exc:
            self.status_message.emit(str(exc))
            return
        self.entries.clear_filters_quietly()
        self.entries.apply_filters(select_id=entry.id)

    def save_state(self, settings: AppSettings) -> None:
        settings.set_state_bytes("journal/splitter", self.view.splitter.saveState())
        body = self.view.editor.body
        side = body.mode is BodyMode.SIDE
        settings.set_state_text("journal/side_by_side", "1" if side else "0")
        if side:  # the split of text and rendering is kept while both show
            settings.set_state_bytes("journal/body_splitter", body.saveState())

    def restore_state(self, settings: AppSettings) -> None:
        state = settings.state_bytes("journal/splitter")
        if state is not None:
            self.view.splitter.restoreState(state)
        body = self.view.editor.body
        if settings.state_text("journal/side_by_side") == "1":
            body.set_mode(BodyMode.SIDE)
            split = settings.state_bytes("journal/body_splitter")
            if split is not None:
                body.restoreState(split)

    # ---------------------------------------------------------------- the open entry

    def _entry_saved(self, summary: EntrySummary) -> None:
        model = self.entries.model
        old = model.summary_at(model.row_of(summary.id))
        model.replace(summary)
        if old is None or old.tags != summary.tags:
            self.entries.reload_tag_choices()
        if old is not None and old.entry_date != summary.entry_date:
            self.entries.apply_filters(select_id=summary.id)
            self.calendar.mark_shown_month()
        # Other tabs show titles, dates, kinds and flags, not the text: typing alone (saved
        # every second) does not make them reload.
        if old is None or _listed_fields(old) != _listed_fields(summary):
            self._announce(summary.id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The Delete key in the entry list deletes the open entry (undoable)."""
        if (
            watched is self.view.list_view
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Delete)
        ):
            if self.editor.entry_id is not None:
                self.deletion.delete_entry(self.editor.entry_id)
            return True
        return super().eventFilter(watched, event)

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

    def _announce(self, entry_id: int) -> None:
        self._bus.announce(ChangeKind.JOURNAL, self, ids=(entry_id,))

    def _on_bus_changed(self, change: Change) -> None:
        if change.origin is self:
            return
        if change.kind == ChangeKind.DATA_REPLACED:
            self.reload_replaced_data()
        elif change.kind == ChangeKind.GOALS:
            self.entries.reload_goal_choices()
        elif change.kind == ChangeKind.JOURNAL:
            if change.origin == EXTERNAL:
                self.editor.refresh_from_elsewhere()
            self.entries.reload_tag_choices()
            if not change.ids or not self.entries.update_rows(change.ids):
                self.entries.apply_filters()
            self.calendar.mark_shown_month()

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
        self.entries.reload_goal_choices()
        self.entries.reload_tag_choices()
        self.entries.apply_filters()
        if self.editor.entry_id is None:
            self.view.show_editor(False)
        self.calendar.mark_shown_month()
        self.calendar.show_on_this_day(self.journal.today())


def _listed_fields(summary: EntrySummary) -> tuple[object, ...]:
    return (summary.title, summary.entry_date, summary.kind, summary.tags, summary.flagged)
