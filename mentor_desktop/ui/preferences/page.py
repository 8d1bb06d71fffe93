"""The base of every Preferences page: a scrolling form with an error line under each field."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from mentor_desktop.ui.theme import show_as_error


class PreferencesPage(QWidget):
    """One page of the Preferences dialog.

    Subclasses set `title`, add fields with `add_row` (optionally under `add_group`) and
    implement `apply()`.

    Signals: none of its own.
    """

    title = "Page"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._form: QFormLayout | None = None
        self._errors: dict[str, QLabel] = {}
        #: Problems that belong to no one field (the database is locked…), at the page's foot.
        self.general_error = QLabel(self)
        self.general_error.setObjectName("error_general")
        self.general_error.setWordWrap(True)
        self.general_error.setVisible(False)
        show_as_error(self.general_error)

    def add_group(self, title: str) -> QFormLayout:
        """A titled group; the following `add_row` calls go into it."""
        group = QGroupBox(title, self)
        form = QFormLayout(group)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self._layout.addWidget(group)
        self._form = form
        return form

    def add_row(self, name: str, label: str, widget: QWidget, hint: str = "") -> None:
        """Field `widget` labelled `label`, with an optional hint and its error line under it."""
        if self._form is None:
            self.add_group(self.title)
        assert self._form is not None
        widget.setAccessibleName(label.replace("&", "").rstrip(":"))
        self._form.addRow(label, widget)
        if hint:
            note = QLabel(hint, self)
            note.setWordWrap(True)
            note.setObjectName(f"hint_{name}")
            self._form.addRow("", note)
        error = QLabel(self)
        error.setObjectName(f"error_{name}")
        error.setWordWrap(True)
        error.setVisible(False)
        show_as_error(error)
        self._form.addRow("", error)
        self._errors[name] = error

    def finish(self) -> None:
        """Call at the end of `__init__`: keeps the groups at the top of the page."""
        self._layout.addWidget(self.general_error)
        self._layout.addStretch(1)

    def error_text(self, name: str) -> str:
        label = self._errors.get(name)
        return label.text() if label is not None and not label.isHidden() else ""

    def show_errors(self, errors: Mapping[str, str]) -> None:
        """Show each message under its field (others at the page's foot); clear the rest."""
        for name, label in self._errors.items():
            label.setText(errors.get(name, ""))
            label.setVisible(name in errors)
        unplaced = [text for name, text in errors.items() if name not in self._errors]
        self.general_error.setText("\n".join(unplaced))
        self.general_error.setVisible(bool(unplaced))

    def apply(self) -> bool:
        """Save this page; False (with the reasons shown) keeps the dialog open."""
        return True
