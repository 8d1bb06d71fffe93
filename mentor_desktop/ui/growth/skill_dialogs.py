"""The skill dialog: name, area, levels, goals, and for a level change its reason and evidence."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from mentor_desktop.domain.growth.skills import (
    LEVEL_WORDS,
    STANDARD_AREAS,
    Evidence,
    LevelChangeNote,
    SkillDraft,
)
from mentor_desktop.ui.growth.fields import CheckList, choice_combo, rating_combo, select
from mentor_desktop.ui.growth.practice_dialogs import date_edit
from mentor_desktop.ui.qt_values import to_date
from mentor_desktop.ui.widgets.validated_dialog import ValidatedDialog


class SkillDialog(ValidatedDialog):
    """Create or edit a skill; `on_submit(draft, note)` saves it or raises ValidationError.

    The reason, day and evidence describe a level change (and are required for a target set
    below the current level).

    Signals: those of QDialog.
    """

    def __init__(
        self,
        title: str,
        draft: SkillDraft,
        choices: dict[str, list[tuple[int, str]]],
        today: date,
        on_submit: Callable[[SkillDraft, LevelChangeNote], None],
        parent: QWidget | None = None,
        creating: bool = False,
    ) -> None:
        super().__init__(title, parent)
        self.setObjectName("skill_dialog")
        self._on_submit = on_submit
        self.name_edit = QLineEdit(draft.name, self)
        self.name_edit.setPlaceholderText("e.g. Facilitation, Stakeholder management, SQL")
        self.area_combo = QComboBox(self)
        self.area_combo.setEditable(True)
        self.area_combo.addItems(list(STANDARD_AREAS))
        self.area_combo.setEditText(draft.area)
        self.current_combo = rating_combo(LEVEL_WORDS, self)
        self.target_combo = rating_combo(LEVEL_WORDS, self)
        self.goals = CheckList("Goals it serves", self)
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setPlaceholderText("Why the level moved (kept in its history)")
        self.day_edit = date_edit(today, self, "Changed on")
        self.journal_combo = choice_combo(choices.get("journal", []), self, "(no journal entry)")
        self.practice_combo = choice_combo(choices.get("practice", []), self, "(no practice)")
        self.feedback_combo = choice_combo(choices.get("feedback", []), self, "(no feedback)")
        self.add_field("name", "&Name:", self.name_edit)
        self.add_field("area", "&Area:", self.area_combo)
        self.add_field("current_level", "&Current level:", self.current_combo)
        self.add_field("target_level", "&Target level:", self.target_combo)
        self.add_field("goals", "&Goals it serves:", self.goals)
        self.add_field("reason", "&Reason:", self.reason_edit)
        self.add_field("changed_on", "Changed &on:", self.day_edit)
        self.add_field("journal_entry", "&Journal entry:", self.journal_combo)
        self.add_field("practice", "&Practice debrief:", self.practice_combo)
        self.add_field("feedback", "&Feedback:", self.feedback_combo)
        select(self.current_combo, draft.current_level)
        select(self.target_combo, draft.target_level)
        self.goals.set_choices(choices.get("goals", []), draft.goal_ids)
        if creating:  # a new skill has no history yet: only the day it was mapped
            for widget in (self.journal_combo, self.practice_combo, self.feedback_combo):
                self._form.setRowVisible(widget, False)
            label = self._form.labelForField(self.day_edit)
            if isinstance(label, QLabel):
                label.setText("On the map &since:")
            self.reason_edit.setPlaceholderText("Needed only for a target below the current level")
        self.name_edit.setFocus()

    def draft(self) -> SkillDraft:
        return SkillDraft(
            name=self.name_edit.text(),
            area=self.area_combo.currentText(),
            current_level=int(self.current_combo.currentData()),
            target_level=int(self.target_combo.currentData()),
            goal_ids=self.goals.checked_ids(),
        )

    def note(self) -> LevelChangeNote:
        return LevelChangeNote(
            reason=self.reason_edit.text(),
            changed_on=to_date(self.day_edit.date()),
            evidence=Evidence(
                journal_entry_id=self.journal_combo.currentData(),
                practice_id=self.practice_combo.currentData(),
                feedback_id=self.feedback_combo.currentData(),
            ),
        )

    def submit(self) -> None:
        self._on_submit(self.draft(), self.note())


class RaiseTargetDialog(ValidatedDialog):
    """A gap a debrief found raises a skill's target; `on_submit(skill_id, target, reason)`.

    Signals: those of QDialog.
    """

    def __init__(
        self,
        title: str,
        skills: list[tuple[int, str]],
        on_submit: Callable[[int | None, int, str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, parent)
        self.setObjectName("raise_target_dialog")
        self._on_submit = on_submit
        self.skill_combo = choice_combo(skills, self, "(pick a skill)")
        self.target_combo = rating_combo(LEVEL_WORDS, self)
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setPlaceholderText("The gap the debrief found (kept in its history)")
        self.add_field("skill", "&Skill:", self.skill_combo)
        self.add_field("target_level", "New &target:", self.target_combo)
        self.add_field("reason", "&Reason:", self.reason_edit)
        self.skill_combo.setFocus()

    def submit(self) -> None:
        self._on_submit(
            self.skill_combo.currentData(),
            int(self.target_combo.currentData()),
            self.reason_edit.text(),
        )
