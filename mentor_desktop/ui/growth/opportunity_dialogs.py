"""Dialogs of the Opportunities page: an opportunity, and a dated move along the pipeline."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QLineEdit, QWidget

from mentor_desktop.domain.growth.opportunities import (
    IMPACT_WORDS,
    OPPORTUNITY_MOVES,
    RISK_WORDS,
    OpportunityDraft,
    OpportunityKind,
    OpportunitySource,
    OpportunityStatus,
)
from mentor_desktop.ui.growth.fields import CheckList, enum_combo, rating_combo, select
from mentor_desktop.ui.growth.practice_dialogs import date_edit
from mentor_desktop.ui.qt_values import to_date
from mentor_desktop.ui.widgets.date_field import OptionalDateField
from mentor_desktop.ui.widgets.validated_dialog import ValidatedDialog


class OpportunityDialog(ValidatedDialog):
    """Create or edit an opportunity; `on_submit(draft)` saves it or raises ValidationError.

    Signals: those of QDialog.
    """

    def __init__(
        self,
        title: str,
        draft: OpportunityDraft,
        choices: dict[str, list[tuple[int, str]]],
        on_submit: Callable[[OpportunityDraft], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, parent)
        self.setObjectName("opportunity_dialog")
        self._on_submit = on_submit
        self.title_edit = QLineEdit(draft.title, self)
        self.title_edit.setPlaceholderText("e.g. Lead the platform guild, Talk at the meetup")
        self.kind_combo = enum_combo(OpportunityKind, self)
        self.source_combo = enum_combo(OpportunitySource, self)
        self.deadline_field = OptionalDateField("Deadline", self)
        self.impact_combo = rating_combo(IMPACT_WORDS, self)
        self.risk_combo = rating_combo(RISK_WORDS, self)
        self.skills = CheckList("Skills it serves", self)
        self.goals = CheckList("Goals it serves", self)
        self.add_field("title", "&Title:", self.title_edit)
        self.add_field("kind", "&Kind:", self.kind_combo)
        self.add_field("source", "Surfaced &by:", self.source_combo)
        self.add_field("deadline", "&Deadline:", self.deadline_field)
        self.add_field("impact", "&Impact:", self.impact_combo)
        self.add_field("risk", "&Risk:", self.risk_combo)
        self.add_field("skills", "S&kills it serves:", self.skills)
        self.add_field("goals", "&Goals it serves:", self.goals)
        select(self.kind_combo, draft.kind.value)
        select(self.source_combo, draft.source.value)
        self.deadline_field.set_value(draft.deadline)
        select(self.impact_combo, draft.impact)
        select(self.risk_combo, draft.risk)
        self.skills.set_choices(choices["skills"], draft.skill_ids)
        self.goals.set_choices(choices["goals"], draft.goal_ids)
        self.title_edit.setFocus()

    def draft(self) -> OpportunityDraft:
        return OpportunityDraft(
            title=self.title_edit.text(),
            kind=OpportunityKind(self.kind_combo.currentData()),
            source=OpportunitySource(self.source_combo.currentData()),
            deadline=self.deadline_field.value(),
            impact=int(self.impact_combo.currentData()),
            risk=int(self.risk_combo.currentData()),
            skill_ids=self.skills.checked_ids(),
            goal_ids=self.goals.checked_ids(),
        )

    def submit(self) -> None:
        self._on_submit(self.draft())


class MoveDialog(ValidatedDialog):
    """Move an opportunity along the pipeline on a given day; `on_submit(status, day, note)`.

    Every status but the current one is offered, the allowed ones first; a move the pipeline
    does not allow is explained under the field.

    Signals: those of QDialog.
    """

    def __init__(
        self,
        title: str,
        current: OpportunityStatus,
        today: date,
        on_submit: Callable[[OpportunityStatus, date, str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, parent)
        self.setObjectName("move_dialog")
        self._on_submit = on_submit
        allowed = OPPORTUNITY_MOVES[current]
        others = [s for s in OpportunityStatus if s is not current and s not in allowed]
        self.status_combo = enum_combo([*allowed, *others], self)
        self.day_edit = date_edit(today, self, "Moved on")
        self.note_edit = QLineEdit(self)
        self.note_edit.setPlaceholderText("What happened (optional)")
        self.add_field("status", "&New status:", self.status_combo)
        self.add_field("moved_on", "&On:", self.day_edit)
        self.add_field("note", "N&ote:", self.note_edit)
        self.status_combo.setFocus()

    def submit(self) -> None:
        self._on_submit(
            OpportunityStatus(self.status_combo.currentData()),
            to_date(self.day_edit.date()),
            self.note_edit.text(),
        )
