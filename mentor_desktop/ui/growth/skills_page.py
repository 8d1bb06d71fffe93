"""The Skills page: the competency map, biggest gap first, with each skill's dated history."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from html import escape

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLabel, QWidget

from mentor_desktop.domain.dates import date_text
from mentor_desktop.domain.growth.review import evidence_describer
from mentor_desktop.domain.growth.skills import (
    STANDARD_AREAS,
    LevelChangeNote,
    Skill,
    SkillChange,
    SkillDraft,
    level_label,
)
from mentor_desktop.services.growth import GrowthService
from mentor_desktop.ui.dialogs import Dialogs
from mentor_desktop.ui.growth.models import SkillHistoryModel, SkillTableModel
from mentor_desktop.ui.growth.page import GrowthPage, button, quoted, table
from mentor_desktop.ui.growth.skill_dialogs import SkillDialog
from mentor_desktop.ui.growth.texts import TextFields


class SkillsPage(GrowthPage[Skill]):
    """Skills with current and target level, the gap, why it matters and every level change.

    Signals: inherits `changed()` and `status_message(str)` from GrowthPage.
    """

    noun = "skill"
    empty_text = (
        "No skills on your map yet. Press Ctrl+N (or New skill…) to add a competency with "
        "where you are (1–5) and where you want to be."
    )

    def __init__(
        self,
        growth: GrowthService,
        undo: QUndoStack,
        dialogs: Dialogs,
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(SkillTableModel(today), undo, dialogs, parent)
        self._today = today
        self._growth = growth
        self._service = growth.skills
        self.status_filter.addItem("All skills", None)
        self.status_filter.addItem("With a gap", "gap")
        self.status_filter.addItem("Stale gaps", "stale")
        for area in STANDARD_AREAS:
            self.status_filter.addItem(area, area)
        self.new_button = button("&New skill…", "Add a skill to your map (Ctrl+N)", self)
        self.edit_button = button("Ed&it…", "Edit the skill; a level change asks why (Enter)", self)
        self.delete_button = button("&Delete", "Delete the selected skill (Del)", self)
        for widget in (self.new_button, self.edit_button, self.delete_button):
            self.buttons.addWidget(widget)
        self.buttons.addStretch(1)
        d = self.details_layout
        self.summary_label = QLabel(self.details)
        self.summary_label.setWordWrap(True)
        self.summary_label.setAccessibleName("Skill summary")
        self.why_text = TextFields(
            {"why": "Why it matters"},
            lambda skill_id, _name, text: self._service.save_why(skill_id, text),
            lambda: (
                f"Why {quoted(skill.name)} matters"
                if (skill := self.current_item())
                else "A skill's text"
            ),
            self.details,
            {"why": "What will this skill let you do? Which goals need it?"},
            height=60,
        )
        self.history_model = SkillHistoryModel(self)
        self.history_view = table(self.details, "Level history")
        self.history_view.setModel(self.history_model)
        self.history_view.setWordWrap(True)
        d.addWidget(self.summary_label)
        d.addWidget(self.why_text)
        d.addWidget(QLabel("Level history (every change, with why and what shows it):", self))
        d.addWidget(self.history_view, 1)
        self.new_button.clicked.connect(self.new_item)
        self.edit_button.clicked.connect(self.edit_current)
        self.delete_button.clicked.connect(self.delete_current)
        self._evidence: dict[str, dict[int, str]] = {}
        self.history_model.describe_evidence = self._describe_evidence
        self.load_when_shown()

    # ---------------------------------------------------------------- GrowthPage

    def fetch(self) -> list[Skill]:
        return self._service.list_skills()

    def matches(self, item: Skill, words: str, status: object) -> bool:
        if status == "gap" and item.gap == 0:
            return False
        if status == "stale" and not item.is_stale(self._today()):
            return False
        if status not in (None, "gap", "stale") and item.area != status:
            return False
        return not words or words in f"{item.name}\n{item.area}\n{item.why}".casefold()

    def show_item(self, item: Skill | None) -> bool:
        if not self.why_text.show_record(
            item.id if item else None, {"why": item.why} if item else {}
        ):
            return False
        self._evidence = self._growth.evidence_labels(item.changes) if item else {}
        self.history_model.set_rows(item.changes if item else ())
        self.history_view.resizeRowsToContents()
        self.summary_label.setText(self._summary(item) if item else "Select a skill.")
        return True

    def _summary(self, s: Skill) -> str:
        stale = (
            f" · <b>the gap has not moved since {date_text(s.gap_moved_on)}</b>"
            if s.is_stale(self._today())
            else ""
        )
        return (
            f"<b>{escape(s.name)}</b> · {escape(s.area)}<br>"
            f"Now {level_label(s.current_level)}, target {level_label(s.target_level)}, "
            f"gap {s.gap}{stale}<br>On the map since {date_text(s.since)}"
        )

    def _describe_evidence(self, change: SkillChange) -> str:
        return evidence_describer(self._evidence)(change)

    def update_buttons(self) -> None:
        item = self.current_item()
        self.edit_button.setEnabled(item is not None)
        self.delete_button.setEnabled(item is not None)

    def flush(self) -> bool:
        return self.why_text.flush()

    def unsaved_work(self) -> str:
        return self.why_text.unsaved_problem()

    def forget(self) -> None:
        self.why_text.forget()

    # ---------------------------------------------------------------- commands

    def new_item(self) -> None:
        area = self.status_filter.currentData()
        initial = SkillDraft(name="", area=area if area in STANDARD_AREAS else STANDARD_AREAS[0])

        def submit(draft: SkillDraft, note: LevelChangeNote) -> None:
            skill = self._service.create_skill(draft, note)
            s = self._service
            self.push_added(
                f"Add skill {quoted(skill.name)}", skill.id, s.delete_skill, s.restore_skill
            )

        self.open_dialog(
            SkillDialog(
                "New skill",
                initial,
                self._growth.choices(),
                self._today(),
                submit,
                self,
                creating=True,
            )
        )

    def edit_current(self) -> None:
        item = self.current_item()
        if item is None:
            return
        old = item.draft()

        def submit(draft: SkillDraft, note: LevelChangeNote) -> None:
            if draft == old:
                return
            update = self._service.update_skill(item.id, draft, note)
            state = {"ids": update.change_ids}

            def redo() -> None:
                state["ids"] = self._service.update_skill(item.id, draft, note).change_ids

            self.push(
                f"Edit skill {quoted(draft.name)}",
                redo=redo,
                undo=lambda: self._service.revert_skill(item.id, old, state["ids"]),
            )

        self.open_dialog(
            SkillDialog(
                "Edit skill",
                old,
                self._growth.choices(evidence=True),
                self._today(),
                submit,
                self,
            )
        )

    def delete_current(self) -> None:
        item = self.current_item()
        if item is None:
            return
        users = self.run(lambda: self._service.users(item.id))
        if users is None:
            return
        if users.any:
            what = []
            if users.practice_ids:
                what.append(f"{len(users.practice_ids)} practice item(s) train it")
            if users.opportunity_ids:
                what.append(f"{len(users.opportunity_ids)} opportunity(ies) serve it")
            if users.evidence_count:
                what.append(f"{users.evidence_count} level change(s) cite evidence")
            if not self._dialogs.confirm(
                self,
                "Delete this skill?",
                f"{quoted(item.name)} is in use: " + "; ".join(what) + ".\n\n"
                "Deleting it removes those links and its history. You can undo it (Ctrl+Z).",
                "Delete skill",
                "Keep it",
            ):
                return
        deleted = self.run(lambda: self._service.delete_skill(item.id))
        if deleted is None:
            return
        self.why_text.forget()
        state = {"deleted": deleted}
        self.push(
            f"Delete skill {quoted(item.name)}",
            redo=lambda: state.update(deleted=self._service.delete_skill(item.id)),
            undo=lambda: self._service.restore_skill(state["deleted"]),
        )
