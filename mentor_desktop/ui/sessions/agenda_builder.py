"""The agenda builder: suggestions to accept (as is or reworded) or drop, my own items, and
the agenda's order, text and "discussed" ticks, each edit undoable."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import QTableView

from mentor_desktop.domain.sessions import AgendaItem, AgendaKind, Suggestion
from mentor_desktop.services.sessions import SessionService
from mentor_desktop.ui.dialogs import Dialogs
from mentor_desktop.ui.models.agenda_suggestions import SuggestionTableModel
from mentor_desktop.ui.models.agenda_table import COL_TEXT, AgendaTableModel
from mentor_desktop.ui.sessions.host import SessionHost
from mentor_desktop.ui.sessions.view import SessionPrepView
from mentor_desktop.ui.undo import ServiceCommand, report_and_forget


class AgendaBuilder(QObject):
    """Wires the suggestions and agenda tables to the session service and the undo stack.

    In the agenda: Delete removes the item, Ctrl+Up / Ctrl+Down move it.

    Signals: none (changes go through the host's `session_changed`).
    """

    def __init__(
        self,
        view: SessionPrepView,
        service: SessionService,
        dialogs: Dialogs,
        host: SessionHost,
        undo: QUndoStack,
        suggestions: SuggestionTableModel,
        agenda: AgendaTableModel,
    ) -> None:
        super().__init__(view)
        self._view = view
        self._service = service
        self._dialogs = dialogs
        self._host = host
        self._undo = undo
        self._suggestions = suggestions
        self._agenda = agenda
        v = view
        slot = host.slot
        accept = slot("Cannot add to the agenda", lambda: self.accept_suggestion(reword=False))
        v.accept_button.clicked.connect(accept)
        v.accept_edited_button.clicked.connect(
            slot("Cannot add to the agenda", lambda: self.accept_suggestion(reword=True))
        )
        v.suggestions_view.doubleClicked.connect(accept)
        v.drop_button.clicked.connect(slot("Cannot drop the suggestion", self.drop_suggestion))
        add = slot("Cannot add to the agenda", self.add_agenda_item)
        v.add_item_button.clicked.connect(add)
        v.new_item_edit.returnPressed.connect(add)
        v.up_button.clicked.connect(slot("Cannot move the item", lambda: self.move_agenda_item(-1)))
        v.down_button.clicked.connect(
            slot("Cannot move the item", lambda: self.move_agenda_item(1))
        )
        v.remove_item_button.clicked.connect(slot("Cannot remove", self.remove_agenda_item))
        v.agenda_view.installEventFilter(self)
        agenda.text_edited.connect(self._edit_text)
        agenda.discussed_toggled.connect(self._toggle_discussed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._view.agenda_view and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.matches(QKeySequence.StandardKey.Delete):
                self._host.slot("Cannot remove", self.remove_agenda_item)()
                return True
            control = event.modifiers() & Qt.KeyboardModifier.ControlModifier
            if control and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                step = -1 if event.key() == Qt.Key.Key_Up else 1
                self._host.slot("Cannot move the item", lambda: self.move_agenda_item(step))()
                return True
        return super().eventFilter(watched, event)

    def load_suggestions(self) -> None:
        """Ask the agenda builder again for the selected session."""
        session = self._host.current_session()
        self._suggestions.set_rows(self._service.suggestions(session) if session else [])

    def _push(self, text: str, redo: Callable[[], object], undo: Callable[[], object]) -> None:
        """Record an agenda edit that was just applied, so Edit > Undo can take it back."""

        def apply() -> None:
            redo()

        def take_back() -> None:
            undo()

        self._undo.push(
            ServiceCommand(
                text,
                apply,
                take_back,
                self._host.refresh_current,
                report_and_forget(
                    self._undo, lambda text: self._dialogs.error(self._view, "Cannot undo", text)
                ),
            )
        )

    # ---------------------------------------------------------------- suggestions

    def _selected_suggestion(self) -> Suggestion | None:
        index = self._view.suggestions_view.currentIndex()
        return self._suggestions.row_at(index.row()) if index.isValid() else None

    def accept_suggestion(self, reword: bool = False) -> None:
        suggestion = self._selected_suggestion()
        if suggestion is None or self._host.current_session() is None:
            return
        text: str | None = None
        if reword:
            text = self._dialogs.ask_text(
                self._view, "Add to agenda", "Agenda item:", suggestion.text
            )
            if text is None:
                return
        session = self._host.stored_current()
        added: list[AgendaItem] = []
        if session is not None and self._host.run(
            lambda: added.append(self._service.accept_suggestion(session, suggestion, text)),
            "Cannot add to the agenda",
        ):
            item = added[0]
            self._push(
                "Add to agenda",
                lambda: self._service.restore_agenda_item(item),
                lambda: self._service.remove_agenda_item(item.id, forget=True),
            )
            self._host.session_changed(agenda=True)

    def drop_suggestion(self) -> None:
        suggestion = self._selected_suggestion()
        session = self._host.stored_current() if suggestion is not None else None
        if suggestion is not None and session is not None:
            self._service.drop_suggestion(session, suggestion)
            self._host.session_changed(agenda=True)

    # ---------------------------------------------------------------- the agenda

    def add_agenda_item(self) -> None:
        text = self._view.new_item_edit.text()
        if not text.strip() or self._host.current_session() is None:
            return
        kind = AgendaKind(self._view.kind_combo.currentData())
        session = self._host.stored_current()
        added: list[AgendaItem] = []
        if session is not None and self._host.run(
            lambda: added.append(self._service.add_agenda_item(session, text, kind)),
            "Cannot add to the agenda",
        ):
            item = added[0]
            self._push(
                "Add agenda item",
                lambda: self._service.restore_agenda_item(item),
                lambda: self._service.remove_agenda_item(item.id, forget=True),
            )
            self._view.new_item_edit.clear()
            self._host.session_changed(agenda=True)

    def _selected_row(self) -> int:
        index = self._view.agenda_view.currentIndex()
        return index.row() if index.isValid() else -1

    def move_agenda_item(self, step: int) -> None:
        row = self._selected_row()
        item = self._agenda.item_at(row)
        if item is None or not 0 <= row + step < self._agenda.rowCount():
            return
        self._service.move_agenda_item(item.id, row + step)
        self._push(
            "Move agenda item",
            lambda: self._service.move_agenda_item(item.id, row + step),
            lambda: self._service.move_agenda_item(item.id, row),
        )
        self._host.session_changed(agenda=True)
        self._view.agenda_view.selectRow(row + step)

    def remove_agenda_item(self) -> None:
        item = self._agenda.item_at(self._selected_row())
        if item is None:
            return
        snapshot = self._service.remove_agenda_item(item.id)
        self._push(
            "Remove agenda item",
            lambda: self._service.remove_agenda_item(snapshot.id),
            lambda: self._service.restore_agenda_item(snapshot),
        )
        self._host.session_changed(agenda=True)
        self._host.show_status("Removed from the agenda (Edit > Undo puts it back).")

    def _edit_text(self, item_id: int, text: str) -> None:
        """Save an item's text edited in place (Edit > Undo takes it back); text that cannot
        be saved is kept, and the item opened for editing again with it, to be fixed."""
        item = self._agenda.item_at(self._agenda.row_of(item_id))
        if item is None:
            return
        before = item.text
        saved: list[AgendaItem] = []
        if self._host.run(
            lambda: saved.append(self._service.update_agenda_item(item_id, text=text)),
            "Cannot change the item",
        ):
            self._agenda.update_item(saved[0])
            after = saved[0].text
            self._push(
                "Edit agenda item",
                lambda: self._service.update_agenda_item(item_id, text=after),
                lambda: self._service.update_agenda_item(item_id, text=before),
            )
            # after the table has closed its editor: resetting the model closes it too early
            QTimer.singleShot(0, self._host.session_changed)
            return
        self._agenda.keep_draft(item_id, text)
        view = self._view_in_use()
        QTimer.singleShot(0, lambda: self._edit_again(view, item_id))

    def _view_in_use(self) -> QTableView:
        """The agenda table the user is working in (the After page's one or the Prepare one)."""
        after = self._view.after_agenda_view
        focus = self._view.focusWidget()
        if focus is not None and (focus is after or after.isAncestorOf(focus)):
            return after
        return self._view.agenda_view

    def _edit_again(self, view: QTableView, item_id: int) -> None:
        row = self._agenda.row_of(item_id)
        if row < 0:
            return
        index = self._agenda.index(row, COL_TEXT)
        view.setCurrentIndex(index)
        view.edit(index)

    def _toggle_discussed(self, item_id: int, discussed: bool) -> None:
        """Tick or clear "discussed" (Edit > Undo takes it back)."""
        saved: list[AgendaItem] = []
        if self._host.run(
            lambda: saved.append(self._service.update_agenda_item(item_id, discussed=discussed)),
            "Cannot change the item",
        ):
            self._agenda.update_item(saved[0])
            self._push(
                "Tick as discussed" if discussed else "Clear discussed",
                lambda: self._service.update_agenda_item(item_id, discussed=discussed),
                lambda: self._service.update_agenda_item(item_id, discussed=not discussed),
            )
            self._host.session_changed()
