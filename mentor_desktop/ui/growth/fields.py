"""Small input widgets the growth dialogs share: choices, levels, numbers, checkable lists."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Protocol

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QLineEdit, QListView, QWidget

from mentor_desktop.domain.errors import ValidationError


class _Choice(Protocol):
    """An enum member with a label for people (the domain's choice enums)."""

    @property
    def label(self) -> str: ...
    @property
    def value(self) -> str: ...


def enum_combo(members: Iterable[_Choice], parent: QWidget) -> QComboBox:
    """A combo of enum members by label; `currentData()` is the value."""
    combo = QComboBox(parent)
    for member in members:
        combo.addItem(member.label, member.value)
    return combo


def rating_combo(words: Mapping[int, str], parent: QWidget) -> QComboBox:
    """1–5 with a word for each; `currentData()` is the number."""
    combo = QComboBox(parent)
    for value, word in words.items():
        combo.addItem(f"{value} · {word}", value)
    return combo


def choice_combo(choices: Iterable[tuple[int, str]], parent: QWidget, none: str) -> QComboBox:
    """Records to pick from by label, with `none` first (data None)."""
    combo = QComboBox(parent)
    combo.addItem(none, None)
    for record_id, label in choices:
        combo.addItem(label, record_id)
    combo.setMaxVisibleItems(15)
    return combo


def select(combo: QComboBox, value: object) -> None:
    combo.setCurrentIndex(max(0, combo.findData(value)))


class NumberField(QLineEdit):
    """A number that may be left empty; `value(field)` raises ValidationError for words.

    Signals: those of QLineEdit.
    """

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(placeholder)

    def value(self, field: str, what: str) -> float | None:
        text = self.text().strip().replace(" ", "")
        if not text:
            return None
        locale = QLocale()
        number, ok = locale.toDouble(text)
        if not ok:
            try:
                number = float(text)
            except ValueError:
                raise ValidationError.single(field, f"{what} must be a number.") from None
        return number

    def set_value(self, value: float | None) -> None:
        self.setText("" if value is None else f"{value:g}")


class CheckList(QListView):
    """A list of records with a check box each (goals, skills a thing serves).

    Signals: those of QListView.
    """

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.item_model = QStandardItemModel(self)
        self.setModel(self.item_model)
        self.setMaximumHeight(96)
        self.setUniformItemSizes(True)

    def set_choices(self, choices: Iterable[tuple[int, str]], checked: Iterable[int]) -> None:
        ticked = set(checked)
        self.item_model.clear()
        for record_id, label in choices:
            item = QStandardItem(label)
            item.setCheckable(True)
            item.setEditable(False)
            item.setData(record_id, Qt.ItemDataRole.UserRole)
            item.setCheckState(
                Qt.CheckState.Checked if record_id in ticked else Qt.CheckState.Unchecked
            )
            self.item_model.appendRow(item)
        if not self.item_model.rowCount():
            placeholder = QStandardItem("(none yet)")
            placeholder.setEnabled(False)
            self.item_model.appendRow(placeholder)

    def checked_ids(self) -> tuple[int, ...]:
        ids = []
        for row in range(self.item_model.rowCount()):
            item = self.item_model.item(row)
            if item.isCheckable() and item.checkState() == Qt.CheckState.Checked:
                ids.append(int(item.data(Qt.ItemDataRole.UserRole)))
        return tuple(ids)

    def set_checked(self, record_id: int, checked: bool = True) -> None:
        for row in range(self.item_model.rowCount()):
            item = self.item_model.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == record_id:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
