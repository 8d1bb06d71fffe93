"""The session rhythm, set with words and controls: every N weeks or months, which day, the
time, the length and where it starts; the next five dates show as it is edited.

The rule text (RFC 5545 RRULE) stays available as an advanced field; a rule richer than the
controls can show is kept as typed and the controls step aside.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QDate, QSignalBlocker, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from mentor_desktop.domain.cadence import (
    MAX_INTERVAL,
    MAX_MINUTES,
    MIN_MINUTES,
    CadenceRule,
    validate_rule,
)
from mentor_desktop.domain.cadence_pattern import (
    NTH_CHOICES,
    WEEKDAY_NAMES,
    CadencePattern,
    Unit,
    first_session,
    pattern_for_day,
    pattern_of,
    upcoming,
)
from mentor_desktop.domain.dates import (
    date_pattern,
    date_text,
    time_pattern,
    time_text,
    weekday_date_text,
    weekday_date_time_text,
)
from mentor_desktop.domain.errors import ValidationError
from mentor_desktop.ui.qt_values import to_date, to_time
from mentor_desktop.ui.widgets.validated_dialog import ValidatedDialog, error_label

#: Sessions start at this time unless the person picks another.
DEFAULT_TIME = time(17, 0)
#: How many coming dates the editor lists.
PREVIEW_COUNT = 5


def session_when(moment: datetime) -> str:
    """“Tue, 8 Dec 2026 at 17:00” (in the words of the locale)."""
    return f"{weekday_date_text(moment)} at {time_text(moment)}"


def default_rule(today: date) -> CadenceRule:
    """A monthly 60-minute session on the weekday a week from today falls on, at 17:00."""
    start = today + timedelta(days=7)
    rule = CadenceRule(
        "Session", pattern_for_day(start).rrule(), datetime.combine(start, DEFAULT_TIME), 60
    )
    found = first_session(rule, rule.first_start)
    return replace(rule, first_start=found) if found else rule


class CadenceEditor(QWidget):
    """Edits one CadenceRule; `rule()` is what is shown, with its first session on the first
    date the rule gives on or after the chosen start.

    Signals:
        changed(): anything was edited (the preview is already up to date).
    """

    changed = Signal()

    def __init__(
        self,
        rule: CadenceRule | None = None,
        today: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        today = today or date.today()
        rule = rule or default_rule(today)
        self._rule_id = rule.id
        self.label_edit = QLineEdit(rule.label, self)
        self.label_edit.setObjectName("cadence_label")
        self.label_edit.setPlaceholderText("Session, Check-in…")

        self.interval_spin = QSpinBox(self)
        self.interval_spin.setObjectName("cadence_interval")
        self.interval_spin.setRange(1, MAX_INTERVAL)
        self.interval_spin.setAccessibleName("Every how many")
        self.unit_combo = QComboBox(self)
        self.unit_combo.setObjectName("cadence_unit")
        self.unit_combo.setAccessibleName("Weeks or months")
        self.nth_combo = QComboBox(self)
        self.nth_combo.setObjectName("cadence_nth")
        self.nth_combo.setAccessibleName("Which week of the month")
        for value, word in NTH_CHOICES:
            self.nth_combo.addItem(f"the {word}", value)
        self.weekday_combo = QComboBox(self)
        self.weekday_combo.setObjectName("cadence_weekday")
        self.weekday_combo.setAccessibleName("Weekday")
        for index, name in enumerate(WEEKDAY_NAMES):
            self.weekday_combo.addItem(name, index)
        repeat = QHBoxLayout()
        repeat.setContentsMargins(0, 0, 0, 0)
        self.every_label = QLabel("Every", self)
        self.on_label = QLabel("on", self)
        for widget in (
            self.every_label,
            self.interval_spin,
            self.unit_combo,
            self.on_label,
            self.nth_combo,
            self.weekday_combo,
        ):
            repeat.addWidget(widget)
        repeat.addStretch(1)
        self.repeat_row = QWidget(self)
        self.repeat_row.setLayout(repeat)

        self.time_edit = QTimeEdit(QTime(rule.first_start.hour, rule.first_start.minute), self)
        self.time_edit.setObjectName("cadence_time")
        self.time_edit.setDisplayFormat(time_pattern())
        self.length_spin = QSpinBox(self)
        self.length_spin.setObjectName("cadence_length")
        self.length_spin.setRange(MIN_MINUTES, MAX_MINUTES)
        self.length_spin.setSingleStep(15)
        self.length_spin.setSuffix(" minutes")
        self.length_spin.setValue(max(MIN_MINUTES, min(rule.duration_minutes, MAX_MINUTES)))
        when = QHBoxLayout()
        when.setContentsMargins(0, 0, 0, 0)
        when.addWidget(self.time_edit)
        when.addWidget(QLabel("for", self))
        when.addWidget(self.length_spin)
        when.addStretch(1)
        self.when_row = QWidget(self)
        self.when_row.setLayout(when)

        self.start_edit = QDateEdit(self)
        self.start_edit.setObjectName("cadence_start")
        self.start_edit.setCalendarPopup(True)
        self.start_edit.setDisplayFormat(date_pattern())
        start = rule.first_start.date()
        self.start_edit.setDate(QDate(start.year, start.month, start.day))
        self.first_label = QLabel(self)
        self.first_label.setObjectName("cadence_first")
        self.first_label.setWordWrap(True)
        self.dates_label = QLabel(self)
        self.dates_label.setObjectName("cadence_dates")
        self.dates_label.setWordWrap(True)

        self.advanced_box = QCheckBox("Edit as a recurrence rule (RRULE, for experts)", self)
        self.advanced_box.setObjectName("cadence_advanced")
        self.rrule_edit = QLineEdit(rule.rrule, self)
        self.rrule_edit.setObjectName("cadence_rrule")
        self.rrule_edit.setAccessibleName("Recurrence rule (RRULE)")
        self.rrule_edit.setPlaceholderText("FREQ=MONTHLY;BYDAY=1TU")
        self.text_note = QLabel(
            "The controls above cannot show this rule; it is kept as typed.", self
        )
        self.text_note.setObjectName("cadence_text_note")
        self.text_note.setWordWrap(True)

        self.errors = {
            name: error_label(self, f"cadence_error_{name}")
            for name in ("label", "rrule", "duration_minutes")
        }
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow("&Name:", self.label_edit)
        form.addRow("", self.errors["label"])
        form.addRow("&Repeats:", self.repeat_row)
        form.addRow("&At:", self.when_row)
        form.addRow("", self.errors["duration_minutes"])
        form.addRow("&Starting:", self.start_edit)
        form.addRow("", self.first_label)
        form.addRow("Next sessions:", self.dates_label)
        form.addRow("", self.advanced_box)
        form.addRow("", self.rrule_edit)
        form.addRow("", self.text_note)
        form.addRow("", self.errors["rrule"])
        self.label_edit.setAccessibleName("Session name")
        self.time_edit.setAccessibleName("Time")
        self.length_spin.setAccessibleName("Length")
        self.start_edit.setAccessibleName("Starting on")

        pattern = pattern_of(rule.rrule)
        self._set_pattern(pattern or pattern_for_day(start))
        self.advanced_box.setChecked(pattern is None)
        for signal in (
            self.interval_spin.valueChanged,
            self.unit_combo.currentIndexChanged,
            self.nth_combo.currentIndexChanged,
            self.weekday_combo.currentIndexChanged,
        ):
            signal.connect(self._controls_changed)
        for signal in (
            self.label_edit.textChanged,
            self.time_edit.timeChanged,
            self.length_spin.valueChanged,
            self.start_edit.dateChanged,
        ):
            signal.connect(self._refresh)
        self.rrule_edit.textChanged.connect(self._text_changed)
        self.advanced_box.toggled.connect(self._refresh)
        self._refresh()

    # ---------------------------------------------------------------- reading

    def pattern(self) -> CadencePattern:
        return CadencePattern(
            Unit(self.unit_combo.currentData()),
            self.interval_spin.value(),
            int(self.weekday_combo.currentData()),
            int(self.nth_combo.currentData()),
        )

    def start(self) -> datetime:
        """The chosen start date at the chosen time (the first session is on or after it)."""
        return datetime.combine(
            to_date(self.start_edit.date()), to_time(self.time_edit.time()).replace(second=0)
        )

    def rule(self) -> CadenceRule:
        """The rule as shown; its first session is the rule's first date on or after the start."""
        rule = CadenceRule(
            self.label_edit.text().strip(),
            self.rrule_edit.text().strip(),
            self.start(),
            self.length_spin.value(),
            self._rule_id,
        )
        try:
            found = first_session(rule, rule.first_start)
        except ValidationError:
            return rule
        return replace(rule, first_start=found) if found else rule

    def problems(self) -> dict[str, str]:
        """Field ("label", "rrule", "duration_minutes") -> what is wrong (empty: all fine)."""
        return validate_rule(self.rule())

    def show_errors(self, errors: dict[str, str]) -> None:
        for name, label in self.errors.items():
            label.setText(errors.get(name, ""))
            label.setVisible(name in errors)

    # ---------------------------------------------------------------- keeping in step

    def _set_pattern(self, pattern: CadencePattern) -> None:
        blockers = [
            QSignalBlocker(w)
            for w in (self.interval_spin, self.unit_combo, self.nth_combo, self.weekday_combo)
        ]
        self.interval_spin.setValue(pattern.interval)
        self.unit_combo.clear()
        for unit in Unit:
            self.unit_combo.addItem(unit.plural(pattern.interval), unit.value)
        self.unit_combo.setCurrentIndex(self.unit_combo.findData(pattern.unit.value))
        self.nth_combo.setCurrentIndex(max(self.nth_combo.findData(pattern.nth), 0))
        self.weekday_combo.setCurrentIndex(pattern.weekday)
        self.nth_combo.setVisible(pattern.unit is Unit.MONTH)
        del blockers

    def _controls_changed(self) -> None:
        pattern = self.pattern()
        self._set_pattern(pattern)  # "week" / "weeks", the week-of-month choice
        with QSignalBlocker(self.rrule_edit):
            self.rrule_edit.setText(pattern.rrule())
        self._refresh()

    def _text_changed(self) -> None:
        pattern = pattern_of(self.rrule_edit.text())
        if pattern is not None:
            self._set_pattern(pattern)
        self._refresh()

    def _refresh(self) -> None:
        shown_by_controls = pattern_of(self.rrule_edit.text()) is not None
        self.repeat_row.setEnabled(shown_by_controls)
        self.rrule_edit.setVisible(self.advanced_box.isChecked() or not shown_by_controls)
        self.text_note.setVisible(not shown_by_controls)
        rule = self.rule()
        problems = validate_rule(rule)
        # once a message is up, it follows the field: gone as soon as the field is right
        self.show_errors({name: text for name, text in problems.items() if name in self._shown()})
        if "rrule" in problems:
            self.first_label.setText("No dates yet: the rule needs fixing.")
            self.dates_label.setText("")
            if self.rrule_edit.isVisible():
                self.errors["rrule"].setText(problems["rrule"])
                self.errors["rrule"].setVisible(True)
        else:
            dates = upcoming(rule, PREVIEW_COUNT)
            start = to_date(self.start_edit.date())
            self.first_label.setText(
                f"First session: {session_when(dates[0])} — the first date this rhythm "
                f"gives on or after {date_text(start)}."
                if dates
                else "This rhythm gives no dates."
            )
            self.dates_label.setText(
                "\n".join(weekday_date_time_text(d) for d in dates)
            )
        self.changed.emit()

    def _shown(self) -> set[str]:
        return {name for name, label in self.errors.items() if not label.isHidden()}


class CadenceRuleDialog(ValidatedDialog):
    """Add or change one session rhythm; OK keeps it in `result_rule` when it is valid.

    Signals: those of QDialog.
    """

    def __init__(
        self,
        rule: CadenceRule | None = None,
        parent: QWidget | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__("Session rhythm" if rule else "New session rhythm", parent)
        self.setObjectName("cadence_dialog")
        self.editor = CadenceEditor(rule, today, self)
        self.add_row("", self.editor)
        self.result_rule: CadenceRule | None = None

    def submit(self) -> None:
        problems = self.editor.problems()
        self.editor.show_errors(problems)
        if problems:
            raise ValidationError({})
        self.result_rule = self.editor.rule()
