"""What a debrief leads to, each in one step: a target, a new skill, an action, a practice."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QWidget

from mentor_desktop.domain.errors import ValidationError
from mentor_desktop.domain.growth.practice import Practice
from mentor_desktop.domain.growth.skills import LevelChangeNote, SkillDraft
from mentor_desktop.services.growth import GrowthService
from mentor_desktop.services.growth.practice import DeletedPractice
from mentor_desktop.services.growth.skills import DeletedSkill
from mentor_desktop.ui.dialogs import Dialogs
from mentor_desktop.ui.growth.page import button, quoted
from mentor_desktop.ui.growth.skill_dialogs import RaiseTargetDialog, SkillDialog

if TYPE_CHECKING:
    from mentor_desktop.ui.growth.practice_page import PracticePage


class GapActions(QWidget):
    """Buttons under a debrief; each result is one undoable edit on the page's history.

    Signals: none (it pushes its edits through the page).
    """

    def __init__(
        self, growth: GrowthService, page: PracticePage, dialogs: Dialogs, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self._growth = growth
        self._page = page
        self._dialogs = dialogs
        self._practice: Practice | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.raise_button = button(
            "&Raise a target…", "A gap found: raise the target of a skill", self
        )
        self.skill_button = button("Ne&w skill…", "A gap found: add it to your skills map", self)
        self.action_button = button(
            "Next step → a&ction", "Make the next step an action item of yours", self
        )
        self.practice_button = button(
            "Ne&xt step → practice", "Make the next step a new planned practice", self
        )
        for widget in (
            self.raise_button,
            self.skill_button,
            self.action_button,
            self.practice_button,
        ):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.raise_button.clicked.connect(self.raise_target)
        self.skill_button.clicked.connect(self.new_skill)
        self.action_button.clicked.connect(self.next_step_as_action)
        self.practice_button.clicked.connect(self.next_step_as_practice)
        self.setEnabled(False)

    def set_practice(self, practice: Practice | None) -> None:
        self._practice = practice
        self.setEnabled(practice is not None)

    def _ready(self) -> Practice | None:
        """The practice, with what was typed saved first (so the next step is current)."""
        if self._practice is None or not self._page.flush():
            return None
        return self._growth.practice.get_practice(self._practice.id)

    def raise_target(self) -> None:
        practice = self._ready()
        if practice is None:
            return
        skills = self._growth.skills

        def submit(skill_id: int | None, target: int, reason: str) -> None:
            if skill_id is None:
                raise ValidationError.single("skill", "Pick the skill whose target the gap raises.")
            before = skills.get_skill(skill_id)
            why = reason.strip() or practice.debrief.gaps_found.strip()[:200]
            update = skills.raise_target_from_debrief(skill_id, practice.id, target, why)
            state = {"ids": update.change_ids}

            def redo() -> None:
                state["ids"] = skills.raise_target_from_debrief(
                    skill_id, practice.id, target, why
                ).change_ids

            def undo() -> None:
                skills.revert_skill(skill_id, before.draft(), state["ids"])
                self._growth.practice.update_practice(practice.id, practice.draft())

            self._page.push(f"Raise the target of {quoted(before.name)}", redo, undo)

        self._page.open_dialog(
            RaiseTargetDialog(
                f"A gap found in {quoted(practice.title)}",
                self._growth.choices()["skills"],
                submit,
                self._page,
            )
        )

    def new_skill(self) -> None:
        practice = self._ready()
        if practice is None:
            return
        skills = self._growth.skills

        def submit(draft: SkillDraft, note: LevelChangeNote) -> None:
            skill = skills.create_from_debrief(practice.id, draft, practice.debrief.gaps_found)
            state: dict[str, DeletedSkill] = {}  # filled by the first undo
            self._page.push(
                f"Add skill {quoted(skill.name)} from a debrief",
                redo=lambda: (
                    skills.restore_skill(state["deleted"]),
                    self._growth.practice.update_practice(
                        practice.id,
                        replace(practice.draft(), skill_ids=(*practice.skill_ids, skill.id)),
                    ),
                ),
                undo=lambda: state.update(deleted=skills.delete_skill(skill.id)),
            )

        self._page.open_dialog(
            SkillDialog(
                f"New skill from {quoted(practice.title)}",
                SkillDraft(name=""),
                self._growth.choices(),
                self._growth.today(),
                submit,
                self._page,
                creating=True,
            )
        )

    def next_step_as_action(self) -> None:
        practice = self._ready()
        if practice is None:
            return
        service = self._growth.practice
        action_id = self._page.run(lambda: service.next_step_as_action(practice.id))
        if action_id is None:
            return
        state = {"id": action_id}
        self._page.push(
            "Make the next step an action item",
            redo=lambda: state.update(id=service.next_step_as_action(practice.id)),
            undo=lambda: service.remove_action(state["id"]),
        )

    def next_step_as_practice(self) -> None:
        practice = self._ready()
        if practice is None:
            return
        service = self._growth.practice
        created = self._page.run(lambda: service.next_step_as_practice(practice.id))
        if created is None:
            return
        state: dict[str, DeletedPractice] = {}  # filled by the first undo
        self._page.push(
            f"New practice {quoted(created.title)}",
            redo=lambda: service.restore_practice(state["deleted"]),
            undo=lambda: state.update(deleted=service.delete_practice(created.id)),
        )
        self._page.open_id(created.id)
