"""A form dialog that shows each validation message right under its field."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from mentor_desktop.domain.errors import MentorDesktopError, ValidationError
from mentor_desktop.ui.theme import show_as_error


class ValidatedDialog(QDialog):
    """A form whose OK runs `submit()`; a ValidationError keeps it open with messages shown.

    Subclasses add fields with `add_field(name, label, widget)` and implement `submit()`,
    which does the work (through a service) and raises ValidationError when input is wrong.

    Signals: those of QDialog (accepted, rejected, finished).
    """

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        self._form = QFormLayout()
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self._errors: dict[str, QLabel] = {}
        self.general_error = self._error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._try_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self._form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.submit_handler: Callable[[], None] | None = None

    def _error_label(self) -> QLabel:
        label = QLabel(self)
        label.setWordWrap(True)
        label.setVisible(False)
        show_as_error(label)
        label.setForegroundRole(QPalette.ColorRole.BrightText)
        return label

    def add_field(self, name: str, label: str, widget: QWidget) -> None:
        widget.setAccessibleName(label.replace("&", "").rstrip(":"))
        self._form.addRow(label, widget)
        error = self._error_label()
        error.setObjectName(f"error_{name}")
        error.setAccessibleName(f"{label.replace('&', '').rstrip(':')} problem")
        self._form.addRow("", error)
        self._errors[name] = error

    def error_text(self, name: str) -> str:
        """The message shown under field `name` ('' when none)."""
        label = self._errors.get(name)
        return label.text() if label is not None and not label.isHidden() else ""

    def show_errors(self, errors: Mapping[str, str]) -> None:
        unplaced = []
        for name, label in self._errors.items():
            label.setText(errors.get(name, ""))
            label.setVisible(name in errors)
        unplaced = [message for name, message in errors.items() if name not in self._errors]
        self.general_error.setText("\n".join(unplaced))
        self.general_error.setVisible(bool(unplaced))

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
