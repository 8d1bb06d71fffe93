"""Long text typed in a dialog survives a crash: a draft on disk, offered back next time.

`DialogDrafts` watches a dialog's text fields with the one autosave (ui/autosave.py), so
the draft is written within a second of the last keystroke and at least every second
while typing. When the same dialog opens again with a draft left by a crash, it asks
whether to put the text back. OK or Cancel removes the draft. Drafts are kept only when
the app has a store (`use_store`, set at start-up); tests and tools work without.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from mentor_desktop.domain.errors import MentorDesktopError

TextWidget = QLineEdit | QPlainTextEdit | QTextEdit


class Store(Protocol):
    def save(self, key: str, fields: dict[str, str]) -> None: ...
    def load(self, key: str) -> dict[str, str] | None: ...
    def discard(self, key: str) -> None: ...


_store: Store | None = None


def use_store(store: Store | None) -> None:
    """Where dialogs keep their drafts from now on (None: they keep none)."""
    global _store
    _store = store


def _text(widget: TextWidget) -> str:
    return widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()


def _set_text(widget: TextWidget, text: str) -> None:
    if isinstance(widget, QLineEdit):
        widget.setText(text)
    else:
        widget.setPlainText(text)


class TextDrafts:
    """Keeps the text fields watched for `owner` as a draft under `key` (see the module).

    For a dialog, the draft goes when it finishes (`DialogDrafts`); for fields where a text
    is composed and then added (an agenda item, feedback), it goes once they are empty again.
    """

    def __init__(self, owner: QObject, key: str, label: Callable[[], str]) -> None:
        # Imported here, like the spelling below: the window names its store (`use_store`)
        # before its first paint, and needs neither until a dialog opens.
        from mentor_desktop.ui.autosave import Autosave

        self.key = key
        self.fields: dict[str, TextWidget] = {}
        self.autosave = Autosave(self._write, owner, label=label)

    def watch(self, name: str, widget: QWidget) -> None:
        """Keep `widget`'s text in the draft (only text fields; never a passphrase)."""
        if isinstance(widget, QLineEdit) and widget.echoMode() != QLineEdit.EchoMode.Normal:
            return
        if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
            self.fields[name] = widget
        if isinstance(widget, QPlainTextEdit) and not widget.isReadOnly():
            from mentor_desktop.ui.widgets.spelling_highlighter import enable_spelling

            enable_spelling(widget)

    def start(self, ask: Callable[[str], bool]) -> None:
        """The dialog is shown, filled in: offer back a draft a crash left, then keep
        what is typed from now on."""
        self.offer_back(ask)
        for widget in self.fields.values():
            widget.textChanged.connect(self.autosave.touch)

    def offer_back(self, ask: Callable[[str], bool]) -> bool:
        """If a crash left a draft, ask (`ask(text) -> bool`) and put it back; True if so."""
        store = _store
        if store is None:
            return False
        draft = store.load(self.key)
        now = {name: _text(widget) for name, widget in self.fields.items()}
        if not draft or all(draft.get(name, text) == text for name, text in now.items()):
            return False
        if not ask("The app closed while you were writing here. Put back the text you had typed?"):
            store.discard(self.key)
            return False
        for name, widget in self.fields.items():
            if name in draft:
                _set_text(widget, draft[name])
        return True

    def _write(self) -> None:
        store = _store
        if store is None:
            return
        texts = {name: _text(widget) for name, widget in self.fields.items()}
        try:
            if any(texts.values()):
                store.save(self.key, texts)
            else:
                store.discard(self.key)  # nothing left to keep (added, or cleared)
        except OSError as exc:
            raise MentorDesktopError(f"The draft of this text could not be kept ({exc}).") from exc

    def finish(self, *_args: object) -> None:
        """The text was saved for real, or dropped on purpose: the draft goes."""
        self.autosave.discard()
        if _store is not None:
            _store.discard(self.key)


class DialogDrafts(TextDrafts):
    """A dialog's drafts: kept while it is open, gone once OK or Cancel finishes it."""

    def __init__(self, dialog: QDialog, key: str) -> None:
        super().__init__(dialog, key, label=dialog.windowTitle)
        dialog.finished.connect(self.finish)
