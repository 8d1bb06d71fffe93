"""Dialogs to create and edit goals, milestones and resources."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from mentor_desktop.domain.models import (
    GoalDraft,
    GoalKind,
    GoalStatus,
    MilestoneDraft,
    ResourceDraft,
    ResourceKind,
    ResourceStatus,
)
from mentor_desktop.ui.widgets.date_field import OptionalDateField
from mentor_desktop.ui.widgets.validated_dialog import ValidatedDialog


def _enum_combo(enum_type, parent: QWidget) -> QComboBox:
    combo = QComboBox(parent)
    for member in enum_type:
        combo.addItem(member.label, member.value)
    return combo


def _select(combo: QComboBox, value: str) -> None:
    combo.setCurrentIndex(max(0, combo.findData(value)))


def _text_box(parent: QWidget, placeholder: str) -> QPlainTextEdit:
    box = QPlainTextEdit(parent)
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    box.setFixedHeight(72)
    return box


class GoalDialog(ValidatedDialog):
    """Create or edit a goal; `on_submit(draft)` saves it or raises ValidationError.

    Signals: those of QDialog.
    """

    def __init__(
        self,
        title: str,
        draft: GoalDraft | None,
        on_submit: Callable[[GoalDraft], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, parent)
        self.setObjectName("goal_dialog")
        self._on_submit = on_submit
        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText("What do you want to achieve?")
        self.kind_combo = _enum_combo(GoalKind, self)
        self.status_combo = _enum_combo(GoalStatus, self)
        self.why_edit = _text_box(self, "Why does it matter to you?")
        self.measure_edit = _text_box(self, "How will you know you got there?")
        self.start_field = OptionalDateField("Start date", self)
        self.target_field = OptionalDateField("Target date", self)
        self.add_field("title", "&Title:", self.title_edit)
        self.add_field("kind", "&Kind:", self.kind_combo)
        self.add_field("status", "St&atus:", self.status_combo)
        self.add_field("why", "&Why it matters:", self.why_edit)
        self.add_field("success_measure", "Success &measure:", self.measure_edit)
        self.add_field("start_date", "&Starts:", self.start_field)
        self.add_field("target_date", "Tar&get:", self.target_field)
        if draft is not None:
            self.title_edit.setText(draft.title)
            _select(self.kind_combo, draft.kind.value)
            _select(self.status_combo, draft.status.value)
            self.why_edit.setPlainText(draft.why)
            self.measure_edit.setPlainText(draft.success_measure)
            self.start_field.set_value(draft.start_date)
            self.target_field.set_value(draft.target_date)
        self.title_edit.setFocus()

    def draft(self) -> GoalDraft:
        return GoalDraft(
            title=self.title_edit.text(),
            kind=GoalKind(self.kind_combo.currentData()),
            status=GoalStatus(self.status_combo.currentData()),
            why=self.why_edit.toPlainText(),
            success_measure=self.measure_edit.toPlainText(),
            start_date=self.start_field.value(),
            target_date=self.target_field.value(),
        )

    def submit(self) -> None:
        self._on_submit(self.draft())


class MilestoneDialog(ValidatedDialog):
    """Create or edit a milestone; `on_submit(draft)` saves it or raises ValidationError.

    Signals: those of QDialog.
    """

    def __init__(
        self,
        title: str,
        draft: MilestoneDraft | None,
        on_submit: Callable[[MilestoneDraft], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, parent)
        self.setObjectName("milestone_dialog")
        self._on_submit = on_submit
        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText("A checkpoint on the way")
        self.due_field = OptionalDateField("Due date", self)
        self.done_field = OptionalDateField("Done on", self)
        self.notes_edit = _text_box(self, "Notes")
        self.add_field("title", "&Title:", self.title_edit)
        self.add_field("due_date", "&Due:", self.due_field)
        self.add_field("done_date", "D&one:", self.done_field)
        self.add_field("notes", "&Notes:", self.notes_edit)
        if draft is not None:
            self.title_edit.setText(draft.title)
            self.due_field.set_value(draft.due_date)
            self.done_field.set_value(draft.done_date)
            self.notes_edit.setPlainText(draft.notes)
        self.title_edit.setFocus()

    def draft(self) -> MilestoneDraft:
        return MilestoneDraft(
            title=self.title_edit.text(),
            due_date=self.due_field.value(),
            done_date=self.done_field.value(),
            notes=self.notes_edit.toPlainText(),
        )

    def submit(self) -> None:
        self._on_submit(self.draft())


class ResourceDialog(ValidatedDialog):
    """Create or edit a resource; `on_submit(draft)` saves it or raises ValidationError.

    Signals: those of QDialog.
    """

    def __init__(
        self,
        title: str,
        draft: ResourceDraft | None,
        on_submit: Callable[[ResourceDraft], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, parent)
        self.setObjectName("resource_dialog")
        self._on_submit = on_submit
        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText("Book title, course, person or page")
        self.kind_combo = _enum_combo(ResourceKind, self)
        self.status_combo = _enum_combo(ResourceStatus, self)
        self.location_edit = QLineEdit(self)
        self.location_edit.setPlaceholderText("Author, link, e-mail or where to find it")
        self.notes_edit = _text_box(self, "Notes")
        self.add_field("title", "&Title:", self.title_edit)
        self.add_field("kind", "&Kind:", self.kind_combo)
        self.add_field("status", "St&atus:", self.status_combo)
        self.add_field("location", "&Where:", self.location_edit)
        self.add_field("notes", "&Notes:", self.notes_edit)
        if draft is not None:
            self.title_edit.setText(draft.title)
            _select(self.kind_combo, draft.kind.value)
            _select(self.status_combo, draft.status.value)
            self.location_edit.setText(draft.location)
            self.notes_edit.setPlainText(draft.notes)
        self.title_edit.setFocus()

    def draft(self) -> ResourceDraft:
        return ResourceDraft(
            title=self.title_edit.text(),
            kind=ResourceKind(self.kind_combo.currentData()),
            status=ResourceStatus(self.status_combo.currentData()),
            location=self.location_edit.text(),
            notes=self.notes_edit.toPlainText(),
        )

    def submit(self) -> None:
        self._on_submit(self.draft())


class StepDialog(ValidatedDialog):
    """Add a step to a milestone; `on_submit(title)` saves it or raises ValidationError (the
    dialog then stays open with the reason under the title, and nothing typed is lost).

    Signals: those of QDialog.
    """

    def __init__(
        self, milestone_title: str, on_submit: Callable[[str], None], parent: QWidget | None = None
    ) -> None:
        super().__init__("New step", parent)
        self.setObjectName("step_dialog")
        self._on_submit = on_submit
        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText(f"A next action for “{milestone_title}”")
        self.add_field("title", "&Step:", self.title_edit)
        self.title_edit.setFocus()

    def submit(self) -> None:
        self._on_submit(self.title_edit.text())
