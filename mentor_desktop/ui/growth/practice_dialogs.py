"""Dialogs of the Practice page: a practice, a measurement, a status move."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QLineEdit, QWidget

from mentor_desktop.domain.dates import date_pattern
from mentor_desktop.domain.errors import ValidationError
from mentor_desktop.domain.growth.practice import (
    MeasurementDraft,
    Metric,
    PracticeDraft,
    PracticeKind,
    PracticeOrigin,
    PracticeStatus,
)
from mentor_desktop.ui.growth.fields import (
    CheckList,
    NumberField,
    choice_combo,
    enum_combo,
    select,
)
from mentor_desktop.ui.qt_values import to_date
from mentor_desktop.ui.widgets.date_field import OptionalDateField
from mentor_desktop.ui.widgets.validated_dialog import ValidatedDialog

Choices = Sequence[tuple[int, str]]


def date_edit(day: date, parent: QWidget, name: str) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(date_pattern())
    edit.setDate(QDate(day.year, day.month, day.day))
    edit.setAccessibleName(name)
    return edit


class PracticeDialog(ValidatedDialog):
    """Create or edit a practice; `on_submit(draft)` saves it or raises ValidationError.

    Signals: those of QDialog.
    """

    def __init__(
        self,
        title: str,
        draft: PracticeDraft,
        choices: dict[str, list[tuple[int, str]]],
        on_submit: Callable[[PracticeDraft], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, parent)
        self.setObjectName("practice_dialog")
        self._on_submit = on_submit
        self.title_edit = QLineEdit(draft.title, self)
        self.title_edit.setPlaceholderText("What will you try? (e.g. Run the retro, speak last)")
        self.kind_combo = enum_combo(PracticeKind, self)
        self.origin_combo = enum_combo(PracticeOrigin, self)
        self.session_combo = choice_combo(choices["sessions"], self, "(no session)")
        self.start_field = OptionalDateField("Start date", self)
        self.due_field = OptionalDateField("Due date", self)
        self.metric_box = QCheckBox("Measure it", self)
        self.metric_name = QLineEdit(self)
        self.metric_name.setPlaceholderText("Metric, e.g. Share of time I talk")
        self.metric_unit = QLineEdit(self)
        self.metric_unit.setPlaceholderText("Unit, e.g. %")
        self.baseline = NumberField("Baseline (where it starts)", self)
        self.target = NumberField("Target", self)
        self.skills = CheckList("Skills it trains", self)
        self.goals = CheckList("Goals it serves", self)
        self.add_field("title", "&Title:", self.title_edit)
        self.add_field("kind", "&Kind:", self.kind_combo)
        self.add_field("origin", "&From:", self.origin_combo)
        self.add_field("session", "Se&ssion:", self.session_combo)
        self.add_field("start_date", "&Starts:", self.start_field)
        self.add_field("due_date", "&Due:", self.due_field)
        self.add_field("metric", "&Metric:", self.metric_box)
        self.add_field("metric_name", "Metric name:", self.metric_name)
        self.add_field("metric_unit", "Unit:", self.metric_unit)
        self.add_field("baseline", "Baseline:", self.baseline)
        self.add_field("target", "Target:", self.target)
        self.add_field("skills", "S&kills it trains:", self.skills)
        self.add_field("goals", "&Goals it serves:", self.goals)
        select(self.kind_combo, draft.kind.value)
        select(self.origin_combo, draft.origin.value)
        select(self.session_combo, draft.session_id)
        self.start_field.set_value(draft.start_date)
        self.due_field.set_value(draft.due_date)
        metric = draft.metric
        self.metric_box.setChecked(metric is not None)
        if metric is not None:
            self.metric_name.setText(metric.name)
            self.metric_unit.setText(metric.unit)
            self.baseline.set_value(metric.baseline)
            self.target.set_value(metric.target)
        self.skills.set_choices(choices["skills"], draft.skill_ids)
        self.goals.set_choices(choices["goals"], draft.goal_ids)
        self.metric_box.toggled.connect(self._sync)
        self.origin_combo.currentIndexChanged.connect(self._sync)
        self._sync()
        self.title_edit.setFocus()

    def _sync(self) -> None:
        measured = self.metric_box.isChecked()
        for widget in (self.metric_name, self.metric_unit, self.baseline, self.target):
            widget.setEnabled(measured)
        self.session_combo.setEnabled(self.origin_combo.currentData() == PracticeOrigin.SESSION)

    def draft(self) -> PracticeDraft:
        metric = None
        if self.metric_box.isChecked():
            errors = {}
            values: list[float | None] = []
            for field, widget, what in (
                ("baseline", self.baseline, "The baseline"),
                ("target", self.target, "The target"),
            ):
                try:
                    values.append(widget.value(field, what))
                except ValidationError as exc:
                    errors.update(exc.errors)
                    values.append(None)
            if errors:
                raise ValidationError(errors)
            metric = Metric(self.metric_name.text(), self.metric_unit.text(), *values)
        origin = PracticeOrigin(self.origin_combo.currentData())
        return PracticeDraft(
            title=self.title_edit.text(),
            kind=PracticeKind(self.kind_combo.currentData()),
            origin=origin,
            session_id=self.session_combo.currentData()
            if origin is PracticeOrigin.SESSION
            else None,
            start_date=self.start_field.value(),
            due_date=self.due_field.value(),
            metric=metric,
            skill_ids=self.skills.checked_ids(),
            goal_ids=self.goals.checked_ids(),
        )

    def show_errors(self, errors) -> None:
        placed = dict(errors)
        if "metric" in placed:  # the metric's problems sit under its name
            placed["metric_name"] = placed.pop("metric")
        super().show_errors(placed)

    def submit(self) -> None:
        self._on_submit(self.draft())


class MeasurementDialog(ValidatedDialog):
    """Record a measurement of a practice's metric; `on_submit(draft)` saves it.

    Signals: those of QDialog.
    """

    def __init__(
        self,
        title: str,
        unit: str,
        today: date,
        on_submit: Callable[[MeasurementDraft], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, parent)
        self.setObjectName("measurement_dialog")
        self._on_submit = on_submit
        self.day_edit = date_edit(today, self, "Day measured")
        self.value_edit = NumberField(f"Value{f' in {unit}' if unit else ''}", self)
        self.note_edit = QLineEdit(self)
        self.note_edit.setPlaceholderText("What was going on (optional)")
        self.add_field("measured_on", "&Day:", self.day_edit)
        self.add_field("value", "&Value:", self.value_edit)
        self.add_field("note", "&Note:", self.note_edit)
        self.value_edit.setFocus()

    def draft(self) -> MeasurementDraft:
        return MeasurementDraft(
            measured_on=to_date(self.day_edit.date()),
            value=self.value_edit.value("value", "The value"),
            note=self.note_edit.text(),
        )

    def submit(self) -> None:
        self._on_submit(self.draft())


class PracticeStatusDialog(ValidatedDialog):
    """Move a practice to another status (finishing dates it); `on_submit(status, day)`.

    Signals: those of QDialog.
    """

    def __init__(
        self,
        title: str,
        current: PracticeStatus,
        today: date,
        on_submit: Callable[[PracticeStatus, date], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, parent)
        self.setObjectName("practice_status_dialog")
        self._on_submit = on_submit
        self.status_combo: QComboBox = enum_combo(
            (s for s in PracticeStatus if s is not current), self
        )
        self.day_edit = date_edit(today, self, "Finished on")
        self.add_field("status", "&New status:", self.status_combo)
        self.add_field("finished_on", "&Finished on:", self.day_edit)
        self.status_combo.currentIndexChanged.connect(self._sync)
        self._sync()
        self.status_combo.setFocus()

    def _sync(self) -> None:
        self.day_edit.setEnabled(PracticeStatus(self.status_combo.currentData()).is_finished)

    def submit(self) -> None:
        self._on_submit(
            PracticeStatus(self.status_combo.currentData()), to_date(self.day_edit.date())
        )
