"""Deleting a journal entry, and putting it back with Edit > Undo."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from mentor_desktop.domain.errors import MentorDesktopError
from mentor_desktop.domain.journal import JournalEntry
from mentor_desktop.services.journal import JournalService
from mentor_desktop.ui.dialogs import Dialogs
from mentor_desktop.ui.errors import show_error
from mentor_desktop.ui.journal.calendar_panel import JournalCalendar
from mentor_desktop.ui.journal.editor import EntryEditorController
from mentor_desktop.ui.journal.entry_list import EntryList
from mentor_desktop.ui.undo import report_and_forget


class DeleteEntryCommand(QUndoCommand):
    """An entry already deleted (`snapshot` is what it held); undo puts it back, same id.

    When undo or redo fails (the id taken meanwhile, the database locked...), nothing was
    changed: the error is shown and the tab's undo history cleared, so no later step acts on
    records that no longer match it.
    """

    def __init__(self, deletion: EntryDeletion, snapshot: JournalEntry, title: str) -> None:
        super().__init__(f"Delete entry “{title}”")
        self._deletion = deletion
        self._snapshot = snapshot
        self._applied = True

    def redo(self) -> None:
        if self._applied:  # pushed right after the delete that did the work
            self._applied = False
            return
        try:
            self._snapshot = self._deletion.journal.delete_entry(self._snapshot.id)
        except Exception as exc:  # reported, never raised out of a Qt override
            self._deletion.undo_failed("Could not redo", exc)
            return
        self._deletion.after_delete(self._snapshot.id)

    def undo(self) -> None:
        try:
            entry = self._deletion.journal.restore_entry(self._snapshot)
        except Exception as exc:  # reported, never raised out of a Qt override
            self._deletion.undo_failed("Could not undo", exc)
            return
        self._deletion.after_restore(entry)


class EntryDeletion:
    """Deletes entries as undo steps and shows the list, calendar and tags without them.

    `announce(entry_id)` tells the other tabs. Not a QObject: it has no signals.
    """

    def __init__(
        self,
        parent: QWidget,
        journal: JournalService,
        dialogs: Dialogs,
        undo: QUndoStack,
        editor: EntryEditorController,
        entries: EntryList,
        calendar: JournalCalendar,
        status: Callable[[str], None],
        announce: Callable[[int], None],
    ) -> None:
        self._parent = parent
        self.journal = journal
        self._dialogs = dialogs
        self._undo = undo
        self._editor = editor
        self._entries = entries
        self._calendar = calendar
        self._status = status
        self._announce = announce

    def delete_entry(self, entry_id: int) -> None:
        """Delete the entry; Edit > Undo puts it back."""
        self._editor.flush()
        model = self._entries.model
        summary = model.summary_at(model.row_of(entry_id))
        title = summary.display_title if summary else f"#{entry_id}"
        try:
            snapshot = self.journal.delete_entry(entry_id)
        except MentorDesktopError as exc:
            show_error(self._dialogs, self._parent, "Cannot delete the entry", exc)
            return
        self.after_delete(entry_id)
        self._undo.push(DeleteEntryCommand(self, snapshot, title))

    def undo_failed(self, title: str, exc: Exception) -> None:
        """Show why an undo or redo failed, then clear the history (see DeleteEntryCommand)."""
        show = report_and_forget(
            self._undo, lambda text: self._dialogs.error(self._parent, title, text)
        )
        show(exc)

    def after_delete(self, entry_id: int) -> None:
        model = self._entries.model
        row = model.row_of(entry_id)
        if self._editor.entry_id == entry_id:
            self._editor.discard_unsaved()
            self._editor.load(None)
        model.remove_entry(entry_id)
        self._entries.select_row(min(row, model.rowCount() - 1) if row >= 0 else 0)
        self._entries.reload_tag_choices()
        self._calendar.mark_shown_month()
        self._status("Entry deleted. Undo (Ctrl+Z) brings it back.")
        self._announce(entry_id)

    def after_restore(self, entry: JournalEntry) -> None:
        self._entries.reload_tag_choices()
        self._entries.apply_filters(select_id=entry.id)
        self._calendar.mark_shown_month()
        self._status("Entry restored.")
        self._announce(entry.id)
