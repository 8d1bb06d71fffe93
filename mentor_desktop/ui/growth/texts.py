"""The free-text fields of one growth record, saved as they are typed (the shared autosave)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from mentor_desktop.ui.autosave import Autosave
from mentor_desktop.ui.theme import show_as_error
from mentor_desktop.ui.widgets.spelling_highlighter import enable_spelling

#: save(record_id, field name, text) writes one field and returns the record as saved.
SaveText = Callable[[int, str, str], object]


class TextFields(QWidget):
    """Labelled text boxes for some fields of the record shown; each edit is autosaved.

    Switching to another record first writes what is pending; when that fails the text
    stays, the reason is shown under the fields, and `show_record` returns False. Spelling
    is checked from the first record shown on (before that the boxes are empty and off).

    Signals:
        saved(object): a field was written; the record as it is now.
    """

    saved = Signal(object)

    def __init__(
        self,
        fields: Mapping[str, str],
        save: SaveText,
        what: Callable[[], str],
        parent: QWidget | None = None,
        placeholders: Mapping[str, str] | None = None,
        height: int = 64,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self._record_id: int | None = None
        self._dirty: set[str] = set()
        self.edits: dict[str, QPlainTextEdit] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        for name, label in fields.items():
            caption = QLabel(f"{label}:", self)
            edit = QPlainTextEdit(self)
            edit.setObjectName(f"text_{name}")
            edit.setAccessibleName(label)
            edit.setTabChangesFocus(True)
            edit.setMinimumHeight(height)
            edit.setPlaceholderText((placeholders or {}).get(name, ""))
            caption.setBuddy(edit)
            edit.textChanged.connect(lambda n=name: self._touched(n))
            layout.addWidget(caption)
            layout.addWidget(edit, 1)
            self.edits[name] = edit
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setVisible(False)
        self.error_label.setAccessibleName("Saving problem")
        show_as_error(self.error_label)
        layout.addWidget(self.error_label)
        self.autosave = Autosave(self._write, self, label=what)
        self.autosave.failed.connect(self._failed)
        self.autosave.saved.connect(lambda: self.error_label.setVisible(False))
        self._spelling_on = False  # checked once there is a record to write about
        self.setEnabled(False)

    @property
    def record_id(self) -> int | None:
        return self._record_id

    def _touched(self, name: str) -> None:
        if self._record_id is None:
            return
        self._dirty.add(name)
        self.autosave.touch()

    def _write(self) -> None:
        """Write every changed field of the record shown (raises on failure, keeps them)."""
        if self._record_id is None:
            return
        for name in sorted(self._dirty):
            record = self._save(self._record_id, name, self.edits[name].toPlainText())
            self._dirty.discard(name)
            self.saved.emit(record)

    def _failed(self, message: str) -> None:
        self.error_label.setText(f"Not saved yet: {message}")
        self.error_label.setVisible(True)

    def flush(self) -> bool:
        return self.autosave.flush()

    def unsaved_problem(self) -> str:
        return self.autosave.unsaved_problem()

    def show_record(self, record_id: int | None, texts: Mapping[str, str]) -> bool:
        """Show another record's texts (after writing this one's); False if that failed."""
        if record_id != self._record_id and not self.flush():
            return False
        if record_id == self._record_id and self.autosave.has_unsaved:
            return True  # the same record again: keep what is being typed
        self._record_id = record_id
        self._dirty.clear()
        for name, edit in self.edits.items():
            if edit.toPlainText() != texts.get(name, ""):
                with QSignalBlocker(edit):
                    edit.setPlainText(texts.get(name, ""))
        self.setEnabled(record_id is not None)
        if record_id is not None and not self._spelling_on:
            self._spelling_on = True
            for edit in self.edits.values():
                enable_spelling(edit)
        return True

    def forget(self) -> None:
        """Drop the record without saving (it was deleted, or all data was replaced)."""
        self.autosave.discard()
        self._dirty.clear()
        self._record_id = None
        for edit in self.edits.values():
            with QSignalBlocker(edit):
                edit.clear()
        self.error_label.setVisible(False)
        self.setEnabled(False)
