"""The session rhythm editor: words and controls, the next five dates, the RRULE as an
advanced field, and the first session on or after the chosen start."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import QDialogButtonBox

from mentor_desktop.domain.cadence import CadenceRule
from mentor_desktop.ui.sessions.cadence_editor import CadenceEditor, CadenceRuleDialog

TODAY = date(2026, 12, 1)  # a Tuesday


def _editor(qtbot, rule: CadenceRule | None = None) -> CadenceEditor:
    editor = CadenceEditor(rule, TODAY)
    qtbot.addWidget(editor)
    editor.show()
    return editor


def test_the_default_rhythm_starts_a_week_from_today_without_skipping_a_month(qtbot) -> None:
    editor = _editor(qtbot)
    assert editor.rule().rrule == "FREQ=MONTHLY;BYDAY=2TU"
    assert editor.nth_combo.currentText() == "the second"
    assert editor.first_label.text().startswith(
        "First session: Tue, 8 Dec 2026 at 17:00 — the first date this rhythm gives "
        "on or after 8 Dec 2026"
    )
    assert editor.dates_label.text().splitlines() == [
        "Tue, 8 Dec 2026 17:00",
        "Tue, 12 Jan 2027 17:00",
        "Tue, 9 Feb 2027 17:00",
        "Tue, 9 Mar 2027 17:00",
        "Tue, 13 Apr 2027 17:00",
    ]
    assert not editor.rrule_edit.isVisible()  # the rule text is for experts, on request


def test_the_first_session_is_the_first_date_on_or_after_the_start(qtbot) -> None:
    editor = _editor(qtbot)
    editor.nth_combo.setCurrentIndex(editor.nth_combo.findData(1))  # the first Tuesday
    assert "First session: Tue, 5 Jan 2027 at 17:00" in editor.first_label.text()
    assert "on or after 8 Dec 2026" in editor.first_label.text()
    assert editor.rule().first_start == datetime(2027, 1, 5, 17)


def test_every_two_weeks_with_a_time_and_length(qtbot) -> None:
    editor = _editor(qtbot)
    editor.unit_combo.setCurrentIndex(editor.unit_combo.findData("WEEKLY"))
    editor.interval_spin.setValue(2)
    editor.weekday_combo.setCurrentIndex(4)  # Friday
    editor.time_edit.setTime(QTime(9, 30))
    editor.length_spin.setValue(30)
    assert not editor.nth_combo.isVisible()
    assert editor.unit_combo.currentText() == "weeks"
    rule = editor.rule()
    assert (rule.rrule, rule.first_start, rule.duration_minutes) == (
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR",
        datetime(2026, 12, 11, 9, 30),
        30,
    )
    assert editor.dates_label.text().splitlines()[:2] == [
        "Fri, 11 Dec 2026 09:30",
        "Fri, 25 Dec 2026 09:30",
    ]


def test_a_rule_richer_than_the_controls_is_kept_as_typed(qtbot) -> None:
    rule = CadenceRule("Session", "FREQ=MONTHLY;BYMONTHDAY=15", datetime(2026, 12, 15, 8), 45)
    editor = _editor(qtbot, rule)
    assert editor.advanced_box.isChecked() and editor.rrule_edit.isVisible()
    assert editor.text_note.isVisible()
    assert not editor.repeat_row.isEnabled()
    assert editor.dates_label.text().splitlines()[1] == "Fri, 15 Jan 2027 08:00"
    editor.rrule_edit.setText("FREQ=WEEKLY;BYDAY=WE")  # the controls can show this one
    assert editor.repeat_row.isEnabled() and not editor.text_note.isVisible()
    assert editor.weekday_combo.currentText() == "Wednesday"


def test_bad_input_keeps_the_dialog_open_with_the_reason_under_the_field(qtbot) -> None:
    dialog = CadenceRuleDialog(None, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    editor = dialog.editor
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    editor.label_edit.clear()
    editor.advanced_box.setChecked(True)
    editor.rrule_edit.setText("FREQ=SOMETIMES")
    assert "not a valid recurrence rule" in editor.errors["rrule"].text()
    assert editor.first_label.text() == "No dates yet: the rule needs fixing."
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.result_rule is None
    assert "Give the session a name" in editor.errors["label"].text()
    qtbot.keyClicks(editor.label_edit, "Check-in")
    assert editor.errors["label"].isHidden()  # gone once the field is right
    editor.rrule_edit.setText("FREQ=MONTHLY;BYDAY=-1FR")
    assert editor.errors["rrule"].isHidden()
    editor.start_edit.setDate(QDate(2027, 1, 1))
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert dialog.result_rule == CadenceRule(
        "Check-in", "FREQ=MONTHLY;BYDAY=-1FR", datetime(2027, 1, 29, 17), 60
    )
