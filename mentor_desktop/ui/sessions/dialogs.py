"""Dialogs of the Session prep tab: the agreement (with its cadence) and a session's time."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateTimeEdit,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mentor_desktop.domain.cadence import CadenceRule
from mentor_desktop.domain.errors import ValidationError
from mentor_desktop.domain.sessions import Agreement, AgreementDraft, MentorDraft
from mentor_desktop.ui.models.session_cadence import CadenceRuleModel
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
        super().__init__("Edit agreement" if agreement else "New agreement", parent)
        self.setMinimumWidth(680)
        self._save = save
        self._confirm_discard = confirm_discard
        self.saved: Agreement | None = None
        self.mentor_name = QLineEdit(self)
        self.mentor_name.setObjectName("mentor_name")
        self.mentor_role = QLineEdit(self)
        self.mentor_organisation = QLineEdit(self)
        self.mentor_contact = QLineEdit(self)
        self.add_field("mentor.name", "Mentor &name:", self.mentor_name)
        self.add_field("mentor.role", "&Role:", self.mentor_role)
        self.add_field("mentor.organisation", "Or&ganisation:", self.mentor_organisation)
        self.add_field("mentor.contact", "Con&tact:", self.mentor_contact)
        self.texts: dict[str, QPlainTextEdit] = {}
        for name, label in TEXT_FIELDS:
            edit = _short_text(self)
            edit.setObjectName(name)
            self.texts[name] = edit
            self.add_field(name, label, edit)
        self.start_date = OptionalDateField("Start", self)
        self.review_date = OptionalDateField("Review", self)
        self.end_date = OptionalDateField("Ended", self)
        self.add_field("start_date", "Start date:", self.start_date)
        self.add_field("review_date", "Review date:", self.review_date)
        self.add_field("end_date", "End date:", self.end_date)
        self.active = QCheckBox("This mentorship is active", self)
        self.active.setChecked(True)
        self.add_field("active", "", self.active)

        self.rules = CadenceRuleModel(self)
        self.rules_view = QTableView(self)
        self.rules_view.setObjectName("cadence_rules")
        self.rules_view.setModel(self.rules)
        self.rules_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rules_view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.rules_view.setMinimumHeight(90)
        self.add_rule_button = QPushButton("Add rule", self)
        self.remove_rule_button = QPushButton("Remove rule", self)
        self.add_rule_button.clicked.connect(self._add_rule)
        self.remove_rule_button.clicked.connect(self._remove_rule)
        box = QWidget(self)
        box_layout = QVBoxLayout(box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        box_layout.addWidget(self.rules_view)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_rule_button)
        buttons.addWidget(self.remove_rule_button)
        buttons.addStretch(1)
        box_layout.addLayout(buttons)
        self.add_field("rules", "Cadence:", box)
        if agreement is not None:
            self._load(agreement.draft())
        self._loaded = self.draft()

    def is_changed(self) -> bool:
        """True when anything was typed or changed since the dialog opened."""
        return self.draft() != self._loaded or bool(self.rules.unreadable_starts())

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
        self.rules.set_rules(draft.rules)

    def _add_rule(self) -> None:
        start = (datetime.now() + timedelta(days=7)).replace(
            hour=17, minute=0, second=0, microsecond=0
        )
        self.rules.add_rule(CadenceRule("Session", "FREQ=MONTHLY;BYDAY=1TU", start, 60))
        self.rules_view.selectRow(self.rules.rowCount() - 1)

    def _remove_rule(self) -> None:
        index = self.rules_view.currentIndex()
        if index.isValid():
            self.rules.remove_rule(index.row())

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
            rules=tuple(self.rules.rules()),
            **{name: edit.toPlainText() for name, edit in self.texts.items()},
        )

    def submit(self) -> None:
        unreadable = self.rules.unreadable_starts()
        if unreadable:
            row, text = next(iter(unreadable.items()))
            raise ValidationError.single(
                "rules",
                f"Cadence rule {row + 1}: “{text}” is not a date and time (use 2026-12-01 17:00).",
            )
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
        self.when = QDateTimeEdit(QDateTime(start), self)
        self.when.setObjectName("session_when")
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.add_field("start", "&When:", self.when)
        self.minutes = QSpinBox(self)
        self.minutes.setRange(1, 24 * 60)
        self.minutes.setValue(60)
        self.minutes.setSuffix(" min")
        self.label = QLineEdit("Session", self)
        if with_details:
            self.add_field("duration_minutes", "&Length:", self.minutes)
            self.add_field("label", "&Name:", self.label)

    def submit(self) -> None:
        moment = self.when.dateTime().toPython().replace(second=0, microsecond=0)
        self._submit(moment, self.minutes.value(), self.label.text())
