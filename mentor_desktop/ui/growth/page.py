"""What the three Growth pages share: a filtered list beside a details panel, undoable edits."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QFontMetrics, QKeyEvent, QKeySequence, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mentor_desktop.domain.bidi import mark_bidi
from mentor_desktop.domain.errors import MentorDesktopError, ValidationError
from mentor_desktop.ui.dialogs import Dialogs
from mentor_desktop.ui.errors import describe
from mentor_desktop.ui.models.list_table import ListTableModel
from mentor_desktop.ui.undo import ServiceCommand, report_and_forget
from mentor_desktop.ui.widgets.context_menu import ContextMenu, from_button, layout_buttons
from mentor_desktop.ui.widgets.validated_dialog import ValidatedDialog


class _Identified(Protocol):
    @property
    def id(self) -> int: ...


ItemT = TypeVar("ItemT", bound=_Identified)
DISPLAY = Qt.ItemDataRole.DisplayRole
#: The widest the title column starts (the person can widen it).
MAX_TITLE_PX = 300


def button(text: str, tip: str, parent: QWidget, name: str = "") -> QPushButton:
    widget = QPushButton(text, parent)
    widget.setToolTip(tip)
    widget.setAccessibleName(name or text.replace("&", "").rstrip("…"))
    return widget


def table(parent: QWidget, name: str, max_height: int | None = None) -> QTableView:
    view = QTableView(parent)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    if max_height:
        view.setMaximumHeight(max_height)
    return view


def quoted(title: str, limit: int = 40) -> str:
    return f"“{title if len(title) <= limit else title[: limit - 1] + '…'}”"


class GrowthPage(QWidget, Generic[ItemT]):
    """A list (filter, table, commands) on the left and the selected item's details on the
    right. Subclasses fill `details`, `fetch` the items, and implement the commands.

    Signals:
        changed(): an edit of this page was committed (the tab tells the other tabs).
        status_message(str): a short message for the status bar.
    """

    changed = Signal()
    status_message = Signal(str)

    #: What one item is called in messages ("practice", "skill", "opportunity").
    noun = "item"
    empty_text = "Nothing here yet."

    def __init__(
        self,
        model: ListTableModel[ItemT],
        undo: QUndoStack,
        dialogs: Dialogs,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self._undo = undo
        self._dialogs = dialogs
        self.active_dialog: ValidatedDialog | None = None
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(f"Filter {self.noun} by words (Ctrl+F)")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName(f"Filter {self.noun}")
        self.status_filter = QComboBox(self)
        self.status_filter.setAccessibleName("Show")
        self.table = table(self, f"{self.noun.capitalize()} list")
        self.table.setModel(model)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.empty_label = QLabel(self.empty_text, self)
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setAccessibleName("Empty list")
        self.list_stack = QStackedWidget(self)
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty_label)
        self.buttons = QHBoxLayout()
        self.details = QWidget(self)
        self.details_layout = QVBoxLayout(self.details)
        self.details_layout.setContentsMargins(6, 0, 0, 0)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        filters = QHBoxLayout()
        filters.addWidget(self.filter_edit, 1)
        filters.addWidget(self.status_filter)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.list_stack, 1)
        left_layout.addLayout(self.buttons)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self._items: list[ItemT] = []
        self._fitting = False
        self._sized_by_hand = False  # the person resized a column: their widths stay
        self.table.horizontalHeader().sectionResized.connect(self._on_column_resized)
        self._loaded = False  # filters fill in before the details exist
        self._wanted = False  # read the items when the page is first shown
        self.filter_edit.textChanged.connect(self.refilter)
        self.status_filter.currentIndexChanged.connect(self.refilter)
        self.table.selectionModel().currentRowChanged.connect(self._on_row_changed)
        self.table.doubleClicked.connect(lambda _index: self.edit_current())
        self.table.installEventFilter(self)
        self.table_menu = ContextMenu(
            self.table, lambda menu: [from_button(b, menu) for b in layout_buttons(self.buttons)]
        )

    # ---------------------------------------------------------------- subclass hooks

    def size_columns(self) -> None:
        """Fit each column but the last (it takes the rest) to its header and to its widest
        text in any row, the first (the title) at most MAX_TITLE_PX. Once the person resized
        a column, their widths stay.

        Only the widest cell of a column is measured as the view draws it; the others are
        compared by the width of their text (the cells of a column share one font), so a
        column of years of rows is fitted in a fraction of a millisecond."""
        if self._sized_by_hand:
            return
        view = self.table
        header = view.horizontalHeader()
        grid = 1 if view.showGrid() else 0
        self._fitting = True
        try:
            for column in range(self.model.columnCount() - 1):
                width = header.sectionSizeHint(column)
                widest = self._widest_row(column, view.fontMetrics())
                if widest is not None:
                    cell = view.sizeHintForIndex(self.model.index(widest, column))
                    width = max(width, cell.width() + grid)
                header.resizeSection(column, min(width, MAX_TITLE_PX) if column == 0 else width)
        finally:
            self._fitting = False

    def _widest_row(self, column: int, metrics: QFontMetrics) -> int | None:
        """The row whose text in `column` is the widest (None when there are no rows)."""
        model = self.model
        texts = [mark_bidi(str(model.cell(item, column, DISPLAY) or "")) for item in model.rows()]
        return max(
            range(len(texts)), key=lambda row: metrics.horizontalAdvance(texts[row]), default=None
        )

    def _on_column_resized(self, column: int, _old: int, _new: int) -> None:
        # The last column follows the width of the list; any other moves only when fitted.
        if not self._fitting and column != self.model.columnCount() - 1:
            self._sized_by_hand = True

    def fetch(self) -> list[ItemT]:
        raise NotImplementedError

    def matches(self, item: ItemT, words: str, status: object) -> bool:
        raise NotImplementedError

    def item_id(self, item: ItemT) -> int:
        return item.id

    def show_item(self, item: ItemT | None) -> bool:
        """Show `item` in the details; False when the text of the one shown cannot be saved."""
        raise NotImplementedError

    def new_item(self) -> None: ...

    def edit_current(self) -> None: ...

    def delete_current(self) -> None: ...

    def flush(self) -> bool:
        return True

    def unsaved_work(self) -> str:
        return ""

    def forget(self) -> None:
        """Data was replaced: drop what is shown without saving."""

    # ---------------------------------------------------------------- list

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and isinstance(event, QKeyEvent):
            if event.type() != QEvent.Type.KeyPress:
                return super().eventFilter(watched, event)
            if event.matches(QKeySequence.StandardKey.Delete):
                self.delete_current()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.edit_current()
                return True
        return super().eventFilter(watched, event)

    def load_when_shown(self) -> None:
        """Read the items the first time the page is shown (or asked for them), not before."""
        self._wanted = True

    def showEvent(self, event: QShowEvent) -> None:
        if self._wanted:
            self.reload()
        super().showEvent(event)

    def refresh(self) -> None:
        """Data changed elsewhere: read again now if the page was loaded, else when shown."""
        if self._loaded:
            self.reload()
        else:
            self._wanted = True

    def ensure_loaded(self) -> None:
        if not self._loaded:
            self.reload()

    def reload(self) -> None:
        """Read the items again and keep the one selected."""
        self._wanted = False
        self._items = self.fetch()
        self._loaded = True
        self.refilter()
        self.size_columns()  # once per reading, not on every layout pass nor filter change

    def refilter(self) -> None:
        if not self._loaded:
            return
        current = self.current_item()
        keep = self.item_id(current) if current is not None else None
        words = self.filter_edit.text().strip().casefold()
        status = self.status_filter.currentData()
        shown = [item for item in self._items if self.matches(item, words, status)]
        self.model.set_rows(shown)
        filtered = bool(words) or status is not None
        self.list_stack.setCurrentWidget(self.table if shown else self.empty_label)
        self.empty_label.setText(
            f"No {self.noun} matches these filters." if filtered and not shown else self.empty_text
        )
        if keep is None or not self.select_id(keep):
            self.show_item(self.current_item())
        self.update_buttons()

    def items(self) -> list[ItemT]:
        self.ensure_loaded()
        return list(self._items)

    def current_item(self) -> ItemT | None:
        return self.model.row_at(self.table.currentIndex().row())

    def select_id(self, record_id: int) -> bool:
        self.ensure_loaded()
        for row, item in enumerate(self.model.rows()):
            if self.item_id(item) == record_id:
                index = self.model.index(row, 0)
                self.table.selectionModel().setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.table.scrollTo(index)
                self.show_item(item)
                return True
        return False

    def open_id(self, record_id: int) -> None:
        """Select the item, clearing the filters if they hide it."""
        if not self.select_id(record_id):
            self.filter_edit.clear()
            self.status_filter.setCurrentIndex(0)
            self.select_id(record_id)
        self.table.setFocus()

    def _on_row_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if not self.show_item(self.model.row_at(current.row())) and previous.isValid():
            with_signals = self.table.selectionModel()
            with_signals.blockSignals(True)
            self.table.setCurrentIndex(previous)  # stay on the record whose text is unsaved
            with_signals.blockSignals(False)
        self.update_buttons()

    def update_buttons(self) -> None: ...

    # ---------------------------------------------------------------- edits

    def push(self, text: str, redo: Callable[[], object], undo: Callable[[], object]) -> None:
        """Record an edit just made through a service, then refresh and tell the others."""
        self._undo.push(
            ServiceCommand(
                text,
                redo=lambda: redo() and None,
                undo=lambda: undo() and None,
                after=self.after_change,
                on_error=report_and_forget(
                    self._undo, lambda message: self._dialogs.error(self, "Could not undo", message)
                ),
            )
        )
        self.after_change()
        self.status_message.emit(f"{text}. Undo with Ctrl+Z.")

    def push_added(
        self,
        text: str,
        record_id: int,
        delete: Callable[[int], Any],
        restore: Callable[[Any], object],
    ) -> None:
        """Record an item just added (undo deletes it, redo puts it back) and select it."""
        state: dict[str, Any] = {}  # filled by the first undo
        self.push(
            text,
            redo=lambda: restore(state["deleted"]),
            undo=lambda: state.update(deleted=delete(record_id)),
        )
        self.open_id(record_id)

    def after_change(self) -> None:
        self.reload()
        self.changed.emit()

    def run(self, action: Callable[[], Any]) -> Any | None:
        """Run a service call outside a dialog; a refusal is shown, never raised."""
        try:
            return action()
        except ValidationError as exc:
            self._dialogs.error(self, "Not saved", "\n".join(exc.errors.values()))
        except MentorDesktopError as exc:
            self._dialogs.error(self, f"Could not change the {self.noun}", describe(exc))
            self.reload()
        return None

    def open_dialog(self, dialog: ValidatedDialog) -> None:
        self.active_dialog = dialog
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        dialog.open()

    def _dialog_closed(self, dialog: ValidatedDialog) -> None:
        if self.active_dialog is dialog:
            self.active_dialog = None
        self.table.setFocus()
