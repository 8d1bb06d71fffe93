"""A form dialog that shows each validation message right under its field."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QSize, QTimer, SignalInstance
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from mentor_desktop.domain.errors import MentorDesktopError, ValidationError
from mentor_desktop.ui.theme import show_as_error
from mentor_desktop.ui.widgets.dialog_drafts import DialogDrafts

#: Room left for the window frame and a desktop panel when a dialog sizes itself to a screen.
SCREEN_MARGIN = QSize(40, 80)


def changed_signal(widget: QWidget) -> SignalInstance | None:
    """The signal `widget` sends when a person changes its value (None: it has none)."""
    own = getattr(widget, "changed", None)
    if isinstance(own, SignalInstance):
        return own
    if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
        return widget.textChanged
    if isinstance(widget, QComboBox):
        return widget.currentIndexChanged
    if isinstance(widget, QDateTimeEdit):
        return widget.dateTimeChanged
    if isinstance(widget, QSpinBox):
        return widget.valueChanged
    if isinstance(widget, QAbstractButton):
        return widget.toggled
    if isinstance(widget, QAbstractSpinBox):
        return widget.editingFinished
    return None


def error_label(parent: QWidget, name: str = "") -> QLabel:
    """A hidden, word-wrapped label in the error colour, for the message under a field."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setVisible(False)
    # it takes the field's width and as many lines as the message needs
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    show_as_error(label)
    return label


class ValidatedDialog(QDialog):
    """A form whose OK runs `submit()`; a ValidationError keeps it open with messages shown.

    Subclasses add fields with `add_field(name, label, widget)` and implement `submit()`,
    which does the work (through a service) and raises ValidationError when input is wrong.
    A message shows in full under its field and goes once the field is changed: then
    `check()` (a subclass's quick validation, without saving) says whether it is right now.
    With `scrolling`, the form scrolls and OK/Cancel stay in view on a small screen.

    Signals: those of QDialog (accepted, rejected, finished).
    """

    def __init__(self, title: str, parent: QWidget | None = None, scrolling: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        self._form = QFormLayout()
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self._errors: dict[str, QLabel] = {}
        self.general_error = error_label(self, "error_general")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._try_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        self.scroll_area: QScrollArea | None = None
        if scrolling:
            body = QWidget(self)
            body.setLayout(self._form)
            area = QScrollArea(self)
            area.setWidgetResizable(True)
            area.setFrameShape(QFrame.Shape.NoFrame)
            area.setWidget(body)
            layout.addWidget(area, 1)
            self.scroll_area = area
        else:
            layout.addLayout(self._form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.submit_handler: Callable[[], None] | None = None
        #: The text typed here is kept as a draft until OK or Cancel (survives a crash).
        self.drafts = DialogDrafts(self, f"{type(self).__name__}: {title}")
        self._offered_draft = False

    def add_field(self, name: str, label: str, widget: QWidget) -> None:
        widget.setAccessibleName(label.replace("&", "").rstrip(":"))
        self._form.addRow(label, widget)
        error = error_label(self, f"error_{name}")
        error.setAccessibleName(f"{label.replace('&', '').rstrip(':')} problem")
        self._form.addRow("", error)
        self._errors[name] = error
        self.drafts.watch(name, widget)
        signal = changed_signal(widget)
        if signal is not None:
            signal.connect(lambda *_args, field=name: self._field_changed(field))

    def add_row(self, label: str, widget: QWidget) -> None:
        """A row without its own error line (a heading, a note); no label: full width."""
        if label:
            self._form.addRow(label, widget)
        else:
            self._form.addRow(widget)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._offered_draft:
            self._offered_draft = True
            # with the dialog as context: a dialog closed before the timer fires is left alone
            QTimer.singleShot(0, self, self._offer_draft)

    def _offer_draft(self) -> None:
        self.drafts.start(self._ask_put_back)

    def _ask_put_back(self, text: str) -> bool:
        answer = QMessageBox.question(
            self,
            "Text kept from before",
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        return answer == QMessageBox.StandardButton.Yes

    def error_text(self, name: str) -> str:
        """The message shown under field `name` ('' when none)."""
        label = self._errors.get(name)
        return label.text() if label is not None and not label.isHidden() else ""

    def show_errors(self, errors: Mapping[str, str]) -> None:
        for name, label in self._errors.items():
            label.setText(errors.get(name, ""))
            label.setVisible(name in errors)
        unplaced = [message for name, message in errors.items() if name not in self._errors]
        self.general_error.setText("\n".join(unplaced))
        self.general_error.setVisible(bool(unplaced))
        self._make_room()
        first = next((name for name in self._errors if name in errors), None)
        if first is not None and self.scroll_area is not None:
            self.scroll_area.ensureWidgetVisible(self._errors[first])

    def check(self) -> Mapping[str, str] | None:
        """Field -> message for what is wrong now, without saving (None: cannot tell here)."""
        return None

    def _field_changed(self, name: str) -> None:
        label = self._errors[name]
        if label.isHidden():
            return
        current = self.check()
        message = None if current is None else current.get(name)
        label.setText(message or "")
        label.setVisible(bool(message))

    def _make_room(self) -> None:
        """Grow (up to the screen) so every message shows in full, never clipped."""
        layout = self.layout()
        if self.scroll_area is not None or layout is None or not self.isVisible():
            return
        layout.activate()
        needed = (
            layout.totalHeightForWidth(self.width())
            if layout.hasHeightForWidth()
            else layout.totalSizeHint().height()
        )
        limit = self.screen().availableGeometry().height() - SCREEN_MARGIN.height()
        if needed > self.height():
            self.resize(self.width(), min(needed, limit))

    def fit_to_screen(self, preferred: QSize) -> None:
        """Open at `preferred`, or smaller so the whole dialog and its frame are on screen."""
        available = self.screen().availableGeometry().size() - SCREEN_MARGIN
        self.resize(preferred.boundedTo(available))

    def submit(self) -> None:
        """Do the work; raise ValidationError to keep the dialog open."""
        if self.submit_handler is not None:
            self.submit_handler()

    def _try_accept(self) -> None:
        try:
            self.submit()
        except ValidationError as exc:
            self.show_errors(exc.errors)
            return
        except MentorDesktopError as exc:
            self.show_errors({"": str(exc)})
            return
        self.show_errors({})
        self.accept()
