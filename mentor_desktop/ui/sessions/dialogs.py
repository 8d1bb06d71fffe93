"""Dialogs of the Session prep tab: the agreement (with its cadence) and a session's time."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mentor_desktop.domain.cadence import CadenceRule, describe
from mentor_desktop.domain.dates import date_time_pattern
from mentor_desktop.domain.errors import ValidationError
from mentor_desktop.domain.sessions import Agreement, AgreementDraft, MentorDraft
from mentor_desktop.ui.qt_values import qt_datetime, to_datetime
from mentor_desktop.ui.sessions.cadence_editor import CadenceRuleDialog
from mentor_desktop.ui.widgets.date_field import OptionalDateField
from mentor_desktop.ui.widgets.validated_dialog import ValidatedDialog

TEXT_FIELDS = (
    ("purpose", "&Purpose:"),
    ("hopes", "What I hope to &gain:"),
    ("offers", "What I &offer:"),
    ("mentor_expectations", "I expect from my mentor:"),
    ("mentee_expectations", "My mentor can expect from me:"),
    ("communication", "Preferred &communication:"),
    ("confidentiality", "Con&fidentiality:"),
    ("cadence_notes", "Cadence notes:"),
)


def _short_text(parent: QWidget) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(48)
    return edit


def _heading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


class AgreementDialog(ValidatedDialog):
    """Create or edit one mentorship agreement; OK saves through `save(draft)`. Cancel or
    Escape after a change first asks `confirm_discard(dialog)` (None: closes without asking).

    Signals: those of QDialog.
    """

    def __init__(
        self,
        save: Callable[[AgreementDraft], Agreement],
        agreement: Agreement | None = None,
        parent: QWidget | None = None,
        confirm_discard: Callable[[QWidget], bool] | None = None,
    ) -> None:
        super().__init__("Edit agreement" if agreement else "New agreement", parent, scrolling=True)
        self.setMinimumWidth(520)
        self._save = save
        self._confirm_discard = confirm_discard
        self.saved: Agreement | None = None
        self.mentor_name = QLineEdit(self)
        self.mentor_name.setObjectName("mentor_name")
        self.mentor_role = QLineEdit(self)
        self.mentor_organisation = QLineEdit(self)
        self.mentor_contact = QLineEdit(self)
        self.texts: dict[str, QPlainTextEdit] = {}
        for name, _label in TEXT_FIELDS:
            edit = _short_text(self)
            edit.setObjectName(name)
            self.texts[name] = edit
        self.start_date = OptionalDateField("Start", self)
        self.review_date = OptionalDateField("Review", self)
        self.end_date = OptionalDateField("Ended", self)
        self.active = QCheckBox("This mentorship is active", self)
        self.active.setChecked(True)
        self._rules: list[CadenceRule] = []
        self.rules_list = QListWidget(self)
        self.rules_list.setObjectName("cadence_rules")
        self.rules_list.setAccessibleName("Session rhythms")
        self.rules_list.setWordWrap(True)
        self.rules_list.setMaximumHeight(110)
        self.rules_list.itemDoubleClicked.connect(lambda _item: self.edit_rule())
        self.rules_list.currentRowChanged.connect(lambda _row: self._update_rule_buttons())
        self.rules_hint = QLabel(
            "No rhythm yet: add one and the coming sessions are planned for you.", self
        )
        self.rules_hint.setWordWrap(True)
        self.add_rule_button = QPushButton("&Add a rhythm…", self)
        self.add_rule_button.setObjectName("add_rule")
        self.edit_rule_button = QPushButton("Change…", self)
        self.edit_rule_button.setObjectName("edit_rule")
        self.remove_rule_button = QPushButton("Remove", self)
        self.remove_rule_button.setObjectName("remove_rule")
        self.add_rule_button.clicked.connect(lambda: self.add_rule())
        self.edit_rule_button.clicked.connect(lambda: self.edit_rule())
        self.remove_rule_button.clicked.connect(self._remove_rule)
        box = QWidget(self)
        box_layout = QVBoxLayout(box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        box_layout.addWidget(self.rules_hint)
        box_layout.addWidget(self.rules_list)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_rule_button)
        buttons.addWidget(self.edit_rule_button)
        buttons.addWidget(self.remove_rule_button)
        buttons.addStretch(1)
        box_layout.addLayout(buttons)

        self.add_row("", _heading("Your mentor", self))
        self.add_field("mentor.name", "Mentor &name:", self.mentor_name)
        self.add_field("mentor.role", "&Role:", self.mentor_role)
        self.add_field("mentor.organisation", "Or&ganisation:", self.mentor_organisation)
        self.add_field("mentor.contact", "Con&tact:", self.mentor_contact)
        self.add_row("", _heading("When you meet", self))
        self.add_field("rules", "Session rhythm:", box)
        self.add_field("start_date", "Start date:", self.start_date)
        self.add_field("review_date", "Review date:", self.review_date)
        self.add_field("end_date", "End date:", self.end_date)
        self.add_field("active", "", self.active)
        self.add_row("", _heading("What you agree", self))
        for name, label in TEXT_FIELDS:
            self.add_field(name, label, self.texts[name])
        #: Opens the rhythm editor; returns the rule to keep (None: cancelled). Tests replace it.
        self.rule_editor: Callable[[CadenceRule | None], CadenceRule | None] = self._run_editor
        self._show_rules()
        if agreement is not None:
            self._load(agreement.draft())
        self._loaded = self.draft()
        self.fit_to_screen(QSize(700, 760))

    def is_changed(self) -> bool:
        """True when anything was typed or changed since the dialog opened."""
        return self.draft() != self._loaded

    def reject(self) -> None:
        """Cancel, Escape or closing the window: ask before throwing away changes."""
        if (
            self.saved is None
            and self._confirm_discard is not None
            and self.is_changed()
            and not self._confirm_discard(self)
        ):
            return
        super().reject()

    def _load(self, draft: AgreementDraft) -> None:
        self.mentor_name.setText(draft.mentor.name)
        self.mentor_role.setText(draft.mentor.role)
        self.mentor_organisation.setText(draft.mentor.organisation)
        self.mentor_contact.setText(draft.mentor.contact)
        for name, edit in self.texts.items():
            edit.setPlainText(getattr(draft, name))
        self.start_date.set_value(draft.start_date)
        self.review_date.set_value(draft.review_date)
        self.end_date.set_value(draft.end_date)
        self.active.setChecked(draft.active)
        self._rules = list(draft.rules)
        self._show_rules()

    # ---------------------------------------------------------------- rhythms

    def rules(self) -> list[CadenceRule]:
        return list(self._rules)

    def _run_editor(self, rule: CadenceRule | None) -> CadenceRule | None:
        dialog = CadenceRuleDialog(rule, self)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.result_rule if accepted else None

    def add_rule(self) -> None:
        rule = self.rule_editor(None)
        if rule is not None:
            self._rules.append(rule)
            self._show_rules(len(self._rules) - 1)
            self._field_changed("rules")

    def edit_rule(self) -> None:
        row = self.rules_list.currentRow()
        if not 0 <= row < len(self._rules):
            return
        rule = self.rule_editor(self._rules[row])
        if rule is not None:
            self._rules[row] = rule
            self._show_rules(row)
            self._field_changed("rules")

    def _remove_rule(self) -> None:
        row = self.rules_list.currentRow()
        if 0 <= row < len(self._rules):
            del self._rules[row]
            self._show_rules(min(row, len(self._rules) - 1))
            self._field_changed("rules")

    def _show_rules(self, current: int = 0) -> None:
        self.rules_list.clear()
        for rule in self._rules:
            self.rules_list.addItem(describe(rule))
        self.rules_list.setVisible(bool(self._rules))
        self.rules_hint.setVisible(not self._rules)
        if self._rules:
            self.rules_list.setCurrentRow(max(current, 0))
        self._update_rule_buttons()

    def _update_rule_buttons(self) -> None:
        chosen = 0 <= self.rules_list.currentRow() < len(self._rules)
        self.edit_rule_button.setEnabled(chosen)
        self.remove_rule_button.setEnabled(chosen)

    def draft(self) -> AgreementDraft:
        return AgreementDraft(
            mentor=MentorDraft(
                self.mentor_name.text(),
                self.mentor_role.text(),
                self.mentor_organisation.text(),
                self.mentor_contact.text(),
            ),
            start_date=self.start_date.value(),
            review_date=self.review_date.value(),
            end_date=self.end_date.value(),
            active=self.active.isChecked(),
            rules=tuple(self._rules),
            **{name: edit.toPlainText() for name, edit in self.texts.items()},
        )

    def submit(self) -> None:
        try:
            self.saved = self._save(self.draft())
        except ValidationError as exc:
            errors = dict(exc.errors)
            rule_messages = [m for k, m in errors.items() if k.startswith("rules.")]
            if rule_messages:
                errors["rules"] = "\n".join(rule_messages)
            raise ValidationError(errors) from None


class SessionTimeDialog(ValidatedDialog):
    """Pick a date and time (and, for a new session, a length and a name).

    Signals: those of QDialog.
    """

    def __init__(
        self,
        title: str,
        submit: Callable[[datetime, int, str], object],
        start: datetime,
        with_details: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, parent)
        self._submit = submit
        self.when = QDateTimeEdit(qt_datetime(start), self)
        self.when.setObjectName("session_when")
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat(date_time_pattern())
        self.add_field("start", "&When:", self.when)
        self.minutes = QSpinBox(self)
        self.minutes.setRange(1, 24 * 60)
        self.minutes.setValue(60)
        self.minutes.setSuffix(" min")
        self.label = QLineEdit("Session", self)
        if with_details:
            self.add_field("duration_minutes", "&Length:", self.minutes)
            self.add_field("label", "&Name:", self.label)
        else:  # moving keeps length and name: the fields are not part of this form
            self.minutes.hide()
            self.label.hide()

    def submit(self) -> None:
        moment = to_datetime(self.when.dateTime()).replace(second=0, microsecond=0)
        self._submit(moment, self.minutes.value(), self.label.text())
