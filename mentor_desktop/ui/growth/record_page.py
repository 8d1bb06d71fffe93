"""The base of the Practice and Opportunities pages: titled records with two groups of texts,
a status they move along (Ctrl+M), and add, edit, move and delete commands, all undoable."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol, TypeVar

from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import QWidget

from mentor_desktop.services.growth import GrowthService
from mentor_desktop.ui.dialogs import Dialogs
from mentor_desktop.ui.growth.page import GrowthPage, button, quoted
from mentor_desktop.ui.growth.texts import TextFields
from mentor_desktop.ui.models.list_table import ListTableModel
from mentor_desktop.ui.widgets.validated_dialog import ValidatedDialog


class Record(Protocol):
    """What the page needs of a record: its id and title, its draft and its texts."""

    @property
    def id(self) -> int: ...

    @property
    def title(self) -> str: ...

    def draft(self) -> Any: ...

    def text(self, name: str) -> str: ...


RecordT = TypeVar("RecordT", bound=Record)


@dataclass(frozen=True)
class RecordCommands:
    """How one kind of record is added, changed, deleted and put back (service calls), and
    the dialog that edits its draft: `dialog(title, draft, choices, on_submit, parent)`."""

    create: Callable[[Any], Any]
    update: Callable[[int, Any], object]
    delete: Callable[[int], Any]
    restore: Callable[[Any], object]
    dialog: Callable[..., ValidatedDialog]


class RecordPage(GrowthPage[RecordT]):
    """A Growth page of titled records. A subclass names its texts (`text_names`), builds
    `first_texts` and `second_texts` in `build_details`, gives its `RecordCommands`, a new
    record's draft (`new_draft`) and the status command (`step`).

    Signals: inherits `changed()` and `status_message(str)` from GrowthPage.
    """

    #: "&New practice…" and its tip; the step command's text and tip (Ctrl+M).
    new_tip = ""
    step_text = ""
    step_tip = ""
    #: Who a text belongs to when no record is selected ("A practice's text").
    nameless_text = ""
    text_names: tuple[str, ...] = ()
    #: Text name -> the hint its empty box shows.
    placeholders: dict[str, str] = {}
    first_texts: TextFields
    second_texts: TextFields

    def __init__(
        self,
        model: ListTableModel[RecordT],
        growth: GrowthService,
        service: Any,
        commands: RecordCommands,
        filters: list[tuple[str, object]],
        undo: QUndoStack,
        dialogs: Dialogs,
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(model, undo, dialogs, parent)
        self._growth = growth
        self._service = service
        self._commands = commands
        self._today = today
        for label, data in filters:
            self.status_filter.addItem(label, data)
        noun = self.noun
        self.new_button = button(f"&New {noun}…", f"{self.new_tip} (Ctrl+N)", self)
        self.edit_button = button("Ed&it…", f"Edit the selected {noun} (Enter)", self)
        self.step_button = button(self.step_text, f"{self.step_tip} (Ctrl+M)", self)
        self.delete_button = button("&Delete", f"Delete the selected {noun} (Del)", self)
        for widget in (self.new_button, self.edit_button, self.step_button, self.delete_button):
            self.buttons.addWidget(widget)
        self.buttons.addStretch(1)
        self.build_details()
        self.new_button.clicked.connect(self.new_item)
        self.edit_button.clicked.connect(self.edit_current)
        self.step_button.clicked.connect(self.step)
        self.delete_button.clicked.connect(self.delete_current)
        QShortcut(QKeySequence("Ctrl+M"), self, self.step)
        self.load_when_shown()

    # ---------------------------------------------------------------- subclass hooks

    def build_details(self) -> None:
        raise NotImplementedError

    def step(self) -> None:
        """Move the selected record along its statuses (asks when and how)."""

    def new_draft(self) -> Any:
        raise NotImplementedError

    def record_dialog(
        self, title: str, draft: Any, submit: Callable[[Any], None]
    ) -> ValidatedDialog:
        return self._commands.dialog(title, draft, self._growth.choices(), submit, self)

    # ---------------------------------------------------------------- texts

    def _what(self) -> str:
        item = self.current_item()
        return f"The {self.noun} {quoted(item.title)}" if item else self.nameless_text

    def _save_text(self, record_id: int, name: str, text: str) -> RecordT:
        saved: RecordT = self._service.save_text(record_id, name, text)
        return saved

    def text_fields(self, names: dict[str, str], parent: QWidget, height: int) -> TextFields:
        """Text boxes for `names` (name -> label) saved to the selected record."""
        return TextFields(
            names, self._save_text, self._what, parent, self.placeholders, height=height
        )

    def show_texts(self, item: RecordT | None) -> bool:
        """Show `item`'s texts; False when the text of the one shown cannot be saved."""
        record_id = self.item_id(item) if item is not None else None
        texts = {name: item.text(name) for name in self.text_names} if item else {}
        first, second = self.first_texts, self.second_texts
        return first.show_record(record_id, texts) and second.show_record(record_id, texts)

    def flush(self) -> bool:
        return self.first_texts.flush() and self.second_texts.flush()

    def unsaved_work(self) -> str:
        return self.first_texts.unsaved_problem() or self.second_texts.unsaved_problem()

    def forget(self) -> None:
        self.first_texts.forget()
        self.second_texts.forget()

    # ---------------------------------------------------------------- commands

    def new_item(self) -> None:
        def submit(draft: Any) -> None:
            record = self._commands.create(draft)
            what = f"Add {self.noun} {quoted(record.title)}"
            self.push_added(what, record.id, self._commands.delete, self._commands.restore)

        self.open_dialog(self.record_dialog(f"New {self.noun}", self.new_draft(), submit))

    def edit_current(self) -> None:
        item = self.current_item()
        if item is None:
            return
        old = item.draft()
        record_id = self.item_id(item)

        def submit(draft: Any) -> None:
            if draft == old:
                return
            self._commands.update(record_id, draft)
            self.push(
                f"Edit {self.noun} {quoted(draft.title)}",
                redo=lambda: self._commands.update(record_id, draft),
                undo=lambda: self._commands.update(record_id, old),
            )

        self.open_dialog(self.record_dialog(f"Edit {self.noun}", old, submit))

    def delete_current(self) -> None:
        item = self.current_item()
        if item is None:
            return
        record_id = self.item_id(item)
        deleted = self.run(lambda: self._commands.delete(record_id))
        if deleted is None:
            return
        self.forget()
        state = {"deleted": deleted}
        self.push(
            f"Delete {self.noun} {quoted(item.title)}",
            redo=lambda: state.update(deleted=self._commands.delete(record_id)),
            undo=lambda: self._commands.restore(state["deleted"]),
        )
