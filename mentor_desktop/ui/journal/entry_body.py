"""The entry's Markdown text and its rendered view: the text, the rendering, or side by side.

Side by side, the rendering follows the text PREVIEW_DELAY_MS after typing pauses, keeping
its place. An entry longer than LIVE_PREVIEW characters is not rendered while typing (it
would hold up the keys); the pane says so, and Preview renders it whole.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QPushButton, QSplitter, QTextBrowser, QWidget

from mentor_desktop.ui.widgets.long_text_edit import LongTextEdit

#: The rendering follows the text this long after typing pauses.
PREVIEW_DELAY_MS = 400
#: Longer entries are not rendered while typing side by side.
LIVE_PREVIEW = 50_000
TOO_LONG = (
    "This entry is too long to render while you type ({length:,} characters). "
    "Press Preview (Ctrl+Shift+P) to see it rendered."
)


class BodyMode(Enum):
    EDIT = "edit"
    PREVIEW = "preview"
    SIDE = "side"


class EntryBody(QSplitter):
    """The text editor and the rendered view in a splitter, with the two buttons that pick
    what shows: Preview (the rendering alone) and Side by side (both).

    Signals: none of its own (the buttons' `toggled` tell what changed).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setObjectName("journal_body_split")
        self.setChildrenCollapsible(False)
        self.edit = LongTextEdit()
        self.edit.setObjectName("journal_body")
        self.edit.setAccessibleName("Entry text (Markdown)")
        self.edit.setTabChangesFocus(False)
        self.preview = QTextBrowser()
        self.preview.setObjectName("journal_preview")
        self.preview.setAccessibleName("Rendered entry")
        self.preview.setOpenExternalLinks(False)
        self.addWidget(self.edit)
        self.addWidget(self.preview)
        self.setStretchFactor(0, 1)
        self.setStretchFactor(1, 1)
        self.preview.hide()

        self.preview_button = QPushButton("Preview")
        self.preview_button.setObjectName("journal_preview_toggle")
        self.preview_button.setCheckable(True)
        self.preview_button.setShortcut("Ctrl+Shift+P")
        self.preview_button.setToolTip("Show the text rendered (Ctrl+Shift+P)")
        self.side_button = QPushButton("Side by side")
        self.side_button.setObjectName("journal_side_by_side")
        self.side_button.setCheckable(True)
        self.side_button.setToolTip("Show the rendered text next to the text as you write")
        self.preview_button.toggled.connect(self._preview_toggled)
        self.side_button.toggled.connect(self._side_toggled)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.show_rendered)
        self.edit.textChanged.connect(self._typed)

    @property
    def mode(self) -> BodyMode:
        if self.preview_button.isChecked():
            return BodyMode.PREVIEW
        return BodyMode.SIDE if self.side_button.isChecked() else BodyMode.EDIT

    def set_mode(self, mode: BodyMode) -> None:
        self.preview_button.setChecked(mode is BodyMode.PREVIEW)
        self.side_button.setChecked(mode is BodyMode.SIDE)
        self._show()

    def _preview_toggled(self, on: bool) -> None:
        if on:
            self.side_button.setChecked(False)
        self._show()

    def _side_toggled(self, on: bool) -> None:
        if on:
            self.preview_button.setChecked(False)
        self._show()

    def _show(self) -> None:
        mode = self.mode
        self.edit.setVisible(mode is not BodyMode.PREVIEW)
        self.preview.setVisible(mode is not BodyMode.EDIT)
        if mode is BodyMode.SIDE and sum(self.sizes()) > 0 and min(self.sizes()) == 0:
            half = sum(self.sizes()) // 2
            self.setSizes([half, half])
        if mode is not BodyMode.EDIT:
            self.show_rendered()

    def changeEvent(self, event: QEvent) -> None:
        """A new theme: render again, so links take the new palette's colour."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.mode is not BodyMode.EDIT:
            self.show_rendered()

    def _typed(self) -> None:
        if self.mode is not BodyMode.EDIT:
            self._timer.start()

    def loaded(self) -> None:
        """A new entry is shown: render it now if the rendering is on screen."""
        self._timer.stop()
        if self.mode is not BodyMode.EDIT:
            self.show_rendered()
        else:
            self.preview.clear()

    def show_rendered(self) -> None:
        """Show the text rendered, where the reader was."""
        self._timer.stop()
        text = self.edit.text()
        bar = self.preview.verticalScrollBar()
        place = bar.value() / bar.maximum() if bar.maximum() else 0.0
        if self.mode is BodyMode.SIDE and len(text) > LIVE_PREVIEW:
            self.preview.setPlainText(TOO_LONG.format(length=len(text)))
            return
        self.preview.setMarkdown(text)
        bar.setValue(round(place * bar.maximum()))
