"""The guided set-up of a first start: me, my first mentor and our rhythm, my first goal."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
    QWizard,
    QWizardPage,
)

from mentor_desktop.domain.errors import MentorDesktopError, ValidationError
from mentor_desktop.domain.models import GoalDraft
from mentor_desktop.domain.profile import Profile
from mentor_desktop.domain.sessions import AgreementDraft, MentorDraft
from mentor_desktop.services.first_start import (
    FirstStartService,
    SetupDraft,
    SetupProgress,
    setup_errors,
)
from mentor_desktop.ui.errors import describe
from mentor_desktop.ui.sessions.cadence_editor import CadenceEditor
from mentor_desktop.ui.widgets.date_field import OptionalDateField
from mentor_desktop.ui.widgets.validated_dialog import error_label


class _FormPage(QWizardPage):
    """A wizard page of labelled fields, each with its error line under it.

    Signals: those of QWizardPage.
    """

    def __init__(self, title: str, subtitle: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(title)
        self.setSubTitle(subtitle)
        self.form = QFormLayout(self)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.errors: dict[str, QLabel] = {}
        self.general_error = error_label(self, "setup_error")

    def add(self, name: str, label: str, widget: QWidget) -> None:
        widget.setAccessibleName(label.replace("&", "").rstrip(":"))
        self.form.addRow(label, widget)
        self.errors[name] = error_label(self, f"error_{name}")
        self.form.addRow("", self.errors[name])

    def finish(self) -> None:
        self.form.addRow(self.general_error)

    def show_errors(self, errors: Mapping[str, str]) -> bool:
        """Show the messages for this page's fields; True when there were none."""
        for name, label in self.errors.items():
            label.setText(errors.get(name, ""))
            label.setVisible(name in errors)
        return not any(name in errors for name in self.errors)


class SetupWizard(QWizard):
    """Three short pages; Finish saves it all through `service.set_up` (it stays open, with
    the reason shown, when something cannot be saved).

    Signals: those of QWizard; `finished(int)` once closed (Accepted when saved).
    """

    def __init__(
        self, service: FirstStartService, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("setup_wizard")
        self.setWindowTitle("Set up your mentorship")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self._service = service
        self._today = today
        self.progress: SetupProgress | None = None

        me = _FormPage("About you", "Your name and role appear on the brief and the review pack.")
        self.name_edit = QLineEdit(me)
        self.name_edit.setObjectName("setup_name")
        self.role_edit = QLineEdit(me)
        self.role_edit.setPlaceholderText("e.g. Software engineer")
        self.organisation_edit = QLineEdit(me)
        me.add("profile.name", "Your &name:", self.name_edit)
        me.add("profile.role", "Your &role:", self.role_edit)
        me.add("profile.organisation", "&Organisation:", self.organisation_edit)
        me.finish()

        mentor = _FormPage(
            "Your mentor",
            "Who mentors you, and how often you meet. The sessions are then planned for you.",
        )
        self.mentor_edit = QLineEdit(mentor)
        self.mentor_edit.setObjectName("setup_mentor")
        self.mentor_role_edit = QLineEdit(mentor)
        self.purpose_edit = QLineEdit(mentor)
        self.purpose_edit.setPlaceholderText("e.g. Grow into a team lead role")
        self.rhythm_box = QCheckBox("We meet on a regular rhythm", mentor)
        self.rhythm_box.setObjectName("setup_has_rhythm")
        self.rhythm_box.setChecked(True)
        self.rhythm = CadenceEditor(None, today, mentor)
        self.rhythm_box.toggled.connect(self.rhythm.setEnabled)
        mentor.add("mentor.name", "Mentor's &name:", self.mentor_edit)
        mentor.add("mentor.role", "Their r&ole:", self.mentor_role_edit)
        mentor.add("purpose", "&Purpose:", self.purpose_edit)
        mentor.form.addRow("", self.rhythm_box)
        mentor.form.addRow(self.rhythm)
        mentor.finish()

        goal = _FormPage(
            "Your first goal",
            "What do you want to work on? Leave it empty to add goals later in the Goals tab.",
        )
        self.goal_edit = QLineEdit(goal)
        self.goal_edit.setObjectName("setup_goal")
        self.goal_edit.setPlaceholderText("e.g. Lead a project end to end")
        self.why_edit = QPlainTextEdit(goal)
        self.why_edit.setTabChangesFocus(True)
        self.why_edit.setFixedHeight(64)
        self.target_field = OptionalDateField("Target date", goal)
        goal.add("goal.title", "&Goal:", self.goal_edit)
        goal.add("goal.why", "&Why it matters:", self.why_edit)
        goal.add("goal.target_date", "&Target:", self.target_field)
        goal.finish()
        self.pages = (me, mentor, goal)
        for page in self.pages:
            self.addPage(page)
        self.resize(640, 600)

    def draft(self) -> SetupDraft:
        rules = (self.rhythm.rule(),) if self.rhythm_box.isChecked() else ()
        title = self.goal_edit.text().strip()
        return SetupDraft(
            Profile(self.name_edit.text(), self.role_edit.text(), self.organisation_edit.text()),
            AgreementDraft(
                MentorDraft(self.mentor_edit.text(), self.mentor_role_edit.text()),
                purpose=self.purpose_edit.text().strip(),
                start_date=self._today,
                rules=rules,
            ),
            GoalDraft(
                title,
                why=self.why_edit.toPlainText(),
                start_date=self._today,
                target_date=self.target_field.value(),
            )
            if title
            else None,
        )

    def _errors(self) -> dict[str, str]:
        errors = setup_errors(self.draft())
        if not self.name_edit.text().strip():
            errors["profile.name"] = "Your name, as it should appear on the brief."
        rule_errors = {
            name.split(".")[-1]: text for name, text in errors.items() if name.startswith("rules.")
        }
        self.rhythm.show_errors(rule_errors)
        if rule_errors:
            errors["rules"] = "; ".join(rule_errors.values())
        return errors

    def validateCurrentPage(self) -> bool:
        page = self.currentPage()
        errors = self._errors()
        if not isinstance(page, _FormPage) or not page.show_errors(errors):
            return False
        if page is self.pages[1] and "rules" in errors:
            return False
        if page is not self.pages[-1]:
            return True
        return self._save()

    def _save(self) -> bool:
        page = self.pages[-1]
        try:
            self.progress = self._service.set_up(self.draft(), self.progress)
        except ValidationError as exc:
            for each in self.pages:
                each.show_errors(exc.errors)
            return False
        except MentorDesktopError as exc:
            page.general_error.setText(f"Not everything could be saved: {describe(exc)}")
            page.general_error.setVisible(True)
            return False
        return True
