"""The entry editor controller: loads an entry into the editor view and saves it on its own.

The title and body are written by the app's one autosave (ui/autosave.py): with one
small UPDATE soon after the last keystroke and at least every 0.8 s while typing goes on, so
at most the last second of typing is ever unsaved. Switching entries, closing the window and
quitting save at once (`flush`). The other fields (date, kind, mood, flag, tags, goals,
milestones) are saved as soon as they change. When the database cannot be written (locked by
another program, disk full...), what is unsaved stays marked unsaved, the reason is shown and
the save is tried again after a longer wait each time, up to 30 s. A long text (over
100,000 characters) is written off the GUI thread (ui/journal/large_text.py).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QObject, Signal
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QMenu

from mentor_desktop.domain.dates import date_time_text
from mentor_desktop.domain.errors import (
    MentorDesktopError,
    NotFoundError,
    StorageFailedError,
    TextConflictError,
    ValidationError,
)
from mentor_desktop.domain.journal import (
    EntryDraft,
    EntryKind,
    JournalEntry,
    parse_tags,
    summarize,
)
from mentor_desktop.services.journal import JournalService
from mentor_desktop.ui.autosave import MAX_WAIT_MS, Autosave
from mentor_desktop.ui.conflicts import their_record
from mentor_desktop.ui.dialogs import Dialogs
from mentor_desktop.ui.journal.changed_elsewhere import ChangedElsewhere
from mentor_desktop.ui.journal.growth_links import GrowthLinks
from mentor_desktop.ui.journal.large_text import LargeTextWrites, with_text
from mentor_desktop.ui.journal.view import EntryEditorView
from mentor_desktop.ui.models.journal_choices import GoalChecklistModel
from mentor_desktop.ui.qt_values import to_date

#: Longest time typed text waits before it is written while typing goes on.
AUTOSAVE_MS = MAX_WAIT_MS


class EntryEditorController(ChangedElsewhere, LargeTextWrites, QObject):
    """Wires an EntryEditorView to the journal service for one entry at a time.

    Signals:
        saved(object): an EntrySummary of the entry just written (text or fields).
        edit_prompts_requested(): the user asked to edit the writing prompts.
        delete_requested(int): the user asked to delete the entry with this id.
    """

    saved = Signal(object)
    edit_prompts_requested = Signal()
    delete_requested = Signal(int)

    def __init__(
        self,
        view: EntryEditorView,
        journal: JournalService,
        parent: QObject | None = None,
        dialogs: Dialogs | None = None,
    ) -> None:
        super().__init__(parent)
        self.view = view
        self._journal = journal
        self._dialogs = dialogs or Dialogs()
        #: A "changed elsewhere" question is open: saves wait for the answer.
        self._settling = False
        self._entry: JournalEntry | None = None
        self._goals: list[tuple[int, str]] = []
        self._dirty = False
        #: Edits of the title or body so far.
        self._text_edits = 0
        #: The date, kind, mood, flag, tags or links changed but could not be saved yet.
        self._fields_dirty = False
        self._loading = False
        self.goal_model = GoalChecklistModel(self)
        view.goals_view.setModel(self.goal_model)
        #: Milestones of the ticked goals.
        self.milestone_model = GoalChecklistModel(self)
        view.milestones_view.setModel(self.milestone_model)
        self.autosave = Autosave(
            self._write_pending, self, label=self._label, later=self._write_later
        )
        self.autosave.failed.connect(self._show_error)
        #: The autosave's max-wait (and retry) timer.
        self.timer = self.autosave.timer
        self._prompt_menu = QMenu(view.prompt_button)
        view.prompt_button.setMenu(self._prompt_menu)
        self._prompt_menu.aboutToShow.connect(self._fill_prompt_menu)

        view.title_edit.textEdited.connect(self._text_edited)
        view.body_edit.textChanged.connect(self._text_edited)
        view.date_edit.dateChanged.connect(self._fields_changed)
        view.kind_combo.currentIndexChanged.connect(self._kind_changed)
        view.mood_combo.currentIndexChanged.connect(self._fields_changed)
        view.flag_box.toggled.connect(self._fields_changed)
        view.tags_edit.editingFinished.connect(self._tags_finished)
        self.goal_model.checked_changed.connect(self._goals_changed)
        self.milestone_model.checked_changed.connect(self._fields_changed)
        self.growth_links = GrowthLinks(journal, view.growth_view)
        self.growth_links.changed.connect(self._fields_changed)
        view.delete_button.clicked.connect(self._delete_clicked)

    # ---------------------------------------------------------------- state

    @property
    def entry_id(self) -> int | None:
        return self._entry.id if self._entry else None

    def set_goals(self, goals: list[tuple[int, str]]) -> None:
        self._goals = list(goals)
        self._show_goals(set(self.goal_model.checked_ids()))

    def _show_goals(self, checked: set[int]) -> None:
        """All goals, the linked ones first (so they show without scrolling)."""
        self.goal_model.set_goals(sorted(self._goals, key=lambda goal: goal[0] not in checked))
        self.goal_model.set_checked(checked)

    def load(self, entry: JournalEntry | None) -> bool:
        """Show `entry` (None clears the editor) after saving what was typed in the previous one.

        Returns False, and keeps the previous entry open, when that text cannot be saved
        (the reason is shown next to the text), so nothing typed is dropped.
        """
        if not self.flush():
            return False
        self._load(entry)
        return True

    @property
    def has_unsaved(self) -> bool:
        return self._dirty or self._fields_dirty

    def unsaved_problem(self) -> str:
        """Why the open entry's changes are not saved ("" when everything is saved)."""
        return self.autosave.unsaved_problem()

    def _label(self) -> str:
        return f"The journal entry “{self.view.title_edit.text().strip() or 'Untitled'}”"

    def discard_unsaved(self) -> None:
        """Forget unsaved changes (the entry is being deleted, or the data was replaced)."""
        self.autosave.discard()
        self._dirty = False
        self._fields_dirty = False
        self._show_error("")

    def reload(self, entry: JournalEntry | None) -> None:
        """Show `entry` as stored now, dropping unsaved changes without saving them."""
        self.discard_unsaved()
        self._load(entry)

    def _load(self, entry: JournalEntry | None) -> None:
        self._entry = entry
        self._loading = True
        try:
            v = self.view
            self._show_error("")
            if entry is None:
                v.title_edit.clear()
                v.body_edit.set_text("")
                v.tags_edit.clear()
                self.goal_model.set_checked(set())
                self.milestone_model.set_goals([])
                self.growth_links.show(None)
                v.saved_label.clear()
                return
            v.title_edit.setText(entry.title)
            v.body_edit.set_text(entry.body)
            v.date_edit.setDate(
                QDate(entry.entry_date.year, entry.entry_date.month, entry.entry_date.day)
            )
            v.kind_combo.setCurrentIndex(max(0, v.kind_combo.findData(entry.kind.value)))
            mood_index = v.mood_combo.findData(entry.mood) if entry.mood is not None else 0
            v.mood_combo.setCurrentIndex(max(0, mood_index))
            v.flag_box.setChecked(entry.flagged)
            v.tags_edit.setText(", ".join(entry.tags))
            self._show_goals(set(entry.goal_ids))
            self._refresh_milestones(set(entry.milestone_ids))
            self.growth_links.show(entry)
            v.saved_label.setText(f"Saved {date_time_text(entry.updated_at)}")
            self._update_prompt(entry.kind)
            v.body.loaded()
        finally:
            self._loading = False
            self._dirty = False
            self._fields_dirty = False
            self.autosave.discard()

    # ---------------------------------------------------------------- saving

    def flush(self) -> bool:
        """Save what is waiting now; False if it could not be saved (the reason is shown)."""
        self.autosave.flush()
        return not self.has_unsaved

    def _write_pending(self) -> None:
        """The autosave's writer: every field when one changed, else the text alone.

        Raises MentorDesktopError when nothing could be written (the autosave shows it and,
        for a database it cannot use now, tries again).
        """
        if self._fields_dirty:
            self._write_fields()
        elif self._dirty:
            self._write_text()

    def save_text_now(self) -> None:
        self.autosave.save_now()

    def _write_text(self) -> None:
        if self._entry is None:
            self._dirty = False
            return
        title = self.view.title_edit.text()
        body = self.view.body_edit.text()
        self._refuse_while_settling()
        try:
            self._journal.save_text(self._entry.id, title, body, self._base())
        except TextConflictError as exc:
            self._settle(their_record(exc, JournalEntry), title, body)
            return
        except NotFoundError as exc:  # deleted elsewhere: nothing left to save it into
            self._dirty = False
            self.autosave.error = str(exc)
            self._show_error(str(exc))
            return
        self._dirty = False
        self._show_error("")
        self._entry = with_text(self._entry, title.strip(), body)
        self.view.saved_label.setText(f"Saved {datetime.now():%H:%M:%S}")
        self.saved.emit(summarize(self._entry))

    def _draft(self) -> EntryDraft:
        v = self.view
        return EntryDraft(
            entry_date=to_date(v.date_edit.date()),
            title=v.title_edit.text(),
            body=v.body_edit.text(),
            kind=EntryKind(v.kind_combo.currentData()),
            mood=v.mood_combo.currentData(),
            flagged=v.flag_box.isChecked(),
            tags=parse_tags(v.tags_edit.text()),
            goal_ids=self.goal_model.checked_ids(),
            milestone_ids=self.milestone_model.checked_ids(),
            practice_ids=self.growth_links.ids()[0],
            opportunity_ids=self.growth_links.ids()[1],
        )

    def save_fields_now(self) -> None:
        """Save every field (and the text) of the entry at once."""
        if self._entry is None:
            return
        # The text waiting for the autosave is saved with the fields; it stays pending
        # until that succeeded, so a failure here never leaves typed text waiting.
        self._fields_dirty = True
        self.autosave.mark_pending()
        self.autosave.save_now()

    def _write_fields(self) -> None:
        if self._entry is None:
            self._dirty = self._fields_dirty = False
            return
        self._refuse_while_settling()
        try:
            entry = self._journal.update_entry(self._entry.id, self._draft(), self._base())
        except TextConflictError as exc:
            if not self._settle(
                their_record(exc, JournalEntry),
                self.view.title_edit.text(),
                self.view.body_edit.text(),
            ):
                return
            entry = self._journal.update_entry(self._entry.id, self._draft(), self._base())
        except StorageFailedError:
            raise
        except NotFoundError as exc:
            self._dirty = self._fields_dirty = False
            self.autosave.error = str(exc)
            self._show_error(str(exc))
            return
        except MentorDesktopError:
            if self._dirty:  # the fields are wrong, but the text can still be saved alone
                self._write_text()
            raise
        self._entry = entry
        self._dirty = self._fields_dirty = False
        self._show_error("")
        self.view.saved_label.setText(f"Saved {datetime.now():%H:%M:%S}")
        if self.view.tags_edit.text() != ", ".join(entry.tags):
            self.view.tags_edit.setText(", ".join(entry.tags))
        self.saved.emit(summarize(entry))

    # ---------------------------------------------------------------- slots

    def _text_edited(self) -> None:
        if self._loading or self._entry is None:
            return
        self._dirty = True
        self._text_edits += 1
        self.autosave.touch()

    def _fields_changed(self) -> None:
        if not self._loading:
            self.save_fields_now()

    def _goals_changed(self) -> None:
        if self._loading:
            return
        self._refresh_milestones(set(self.milestone_model.checked_ids()))
        self.save_fields_now()

    def _refresh_milestones(self, checked: set[int]) -> None:
        """Offer the milestones of the ticked goals, keeping the ticks still on offer."""
        self.milestone_model.set_goals(
            self._journal.milestone_choices(self.goal_model.checked_ids())
        )
        self.milestone_model.set_checked(checked)

    def _kind_changed(self) -> None:
        if self._loading:
            return
        self._update_prompt(EntryKind(self.view.kind_combo.currentData()))
        self.save_fields_now()

    def _tags_finished(self) -> None:
        if self._loading or self._entry is None:
            return
        try:
            tags = parse_tags(self.view.tags_edit.text())
        except ValidationError as exc:
            self._show_error(str(exc))
            return
        if tags != self._entry.tags:
            self.save_fields_now()

    def _delete_clicked(self) -> None:
        if self._entry is not None:
            self.delete_requested.emit(self._entry.id)

    # ---------------------------------------------------------------- prompts

    def _update_prompt(self, kind: EntryKind) -> None:
        template = self._journal.prompt_for(kind)
        text = template.body if template else ""
        self.view.body_edit.setPlaceholderText(text)

    def _fill_prompt_menu(self) -> None:
        self._prompt_menu.clear()
        kind = EntryKind(self.view.kind_combo.currentData())
        for template in self._journal.templates(kind):
            action = QAction(template.name, self._prompt_menu)
            action.triggered.connect(lambda _=False, body=template.body: self.insert_prompt(body))
            self._prompt_menu.addAction(action)
        if not self._prompt_menu.actions():
            self._prompt_menu.addAction("No prompts for this kind").setEnabled(False)
        self._prompt_menu.addSeparator()
        edit = self._prompt_menu.addAction("Edit prompts…")
        edit.setObjectName("journal_edit_prompts")
        edit.triggered.connect(self.edit_prompts_requested)

    def insert_prompt(self, body: str) -> None:
        """Insert a prompt at the cursor (one undo step in the editor)."""
        cursor = self.view.body_edit.textCursor()
        if not self.view.body_edit.text().strip():
            cursor.movePosition(QTextCursor.MoveOperation.Start)
        cursor.insertText(body)
        self.view.body_edit.setTextCursor(cursor)
        self.view.body_edit.setFocus()

    def _show_error(self, message: str) -> None:
        self.view.error_label.setText(message)
        self.view.error_label.setVisible(bool(message))
