"""A date that may be left empty: a check box that enables a calendar date edit."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QWidget

from mentor_desktop.domain.dates import date_pattern
from mentor_desktop.ui.qt_values import to_date


class OptionalDateField(QWidget):
    """A QDateEdit (locale date format, calendar pop-up), used only when its box is ticked.

    Signals:
        changed(): the date or whether it is set changed.
    """

    changed = Signal()

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.enabled_box = QCheckBox(label, self)
        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(date_pattern())
        self.date_edit.setDate(QDate.currentDate())
        self.date_edit.setEnabled(False)
        self.date_edit.setAccessibleName(label)
        self.enabled_box.setAccessibleName(f"Set {label.lower()}")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.enabled_box)
        layout.addWidget(self.date_edit, 1)
        self.enabled_box.toggled.connect(self.date_edit.setEnabled)
        self.enabled_box.toggled.connect(self.changed)
        self.date_edit.dateChanged.connect(self.changed)
        self.setFocusProxy(self.date_edit)

    def value(self) -> date | None:
        if not self.enabled_box.isChecked():
            return None
        return to_date(self.date_edit.date())

    def set_value(self, value: date | None) -> None:
        self.enabled_box.setChecked(value is not None)
        if value is not None:
            self.date_edit.setDate(QDate(value.year, value.month, value.day))
