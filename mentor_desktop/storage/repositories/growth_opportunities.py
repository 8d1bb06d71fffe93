"""Writing opportunities: create, edit, move along the pipeline (and take a move back),
texts, delete and put back with their moves, links and journal entries."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from mentor_desktop.domain.errors import NotFoundError
from mentor_desktop.domain.growth.opportunities import (
    Opportunity,
    OpportunityDraft,
    OpportunityStatus,
    StatusMove,
)
from mentor_desktop.storage.orm import Base
from mentor_desktop.storage.orm.growth import (
    JournalEntryOpportunityRow,
    OpportunityGoalRow,
    OpportunityMoveRow,
    OpportunityRow,
    OpportunitySkillRow,
)

RowT = TypeVar("RowT", bound=Base)
#: How a missing record is named in messages, by table.
ROW_NAMES = {
    "practice": "Practice",
    "skill": "Skill",
    "opportunity": "Opportunity",
    "measurement": "Measurement",
    "opportunity_move": "Status move",
}


class OpportunityRows:
    """The opportunity half of GrowthRepository, and the helpers both halves use."""

    session: Session

    def get(self, model: type[RowT], record_id: int) -> RowT:
        row = self.session.get(model, record_id)
        if row is None:
            raise NotFoundError(ROW_NAMES.get(model.__tablename__, model.__name__), record_id)
        return row

    def _add(self, row: Base) -> int:
        self.session.add(row)
        self.session.flush()
        return int(row.id)  # type: ignore[attr-defined]

    def _set_links(
        self, table: type[Base], key: str, owner: int, other: str, ids: Iterable[int]
    ) -> None:
        self.session.execute(delete(table).where(getattr(table, key) == owner))
        values = [{key: owner, other: linked} for linked in sorted(set(ids))]
        if values:
            self.session.execute(insert(table), values)

    def _relink(self, table: type[Base], key: str, owner: int, entry_ids: Iterable[int]) -> None:
        values: list[dict[str, Any]] = [{"entry_id": entry, key: owner} for entry in entry_ids]
        if values:
            self.session.execute(insert(table), values)

    # ---------------------------------------------------------------- opportunities

    def create_opportunity(self, draft: OpportunityDraft, spotted_on: date) -> int:
        row = OpportunityRow(
            status=OpportunityStatus.SPOTTED.value,
            risk_notes="",
            value_pitch="",
            outcome="",
            do_differently="",
        )
        self._apply_opportunity(row, draft)
        opportunity_id = self._add(row)
        self._opportunity_links(opportunity_id, draft)
        self._add(
            OpportunityMoveRow(
                opportunity_id=opportunity_id,
                from_status=None,
                to_status=OpportunityStatus.SPOTTED.value,
                moved_on=spotted_on,
            )
        )
        return opportunity_id

    @staticmethod
    def _apply_opportunity(row: OpportunityRow, draft: OpportunityDraft) -> None:
        row.title = draft.title.strip()
        row.kind = draft.kind.value
        row.source = draft.source.value
        row.deadline = draft.deadline
        row.impact = draft.impact
        row.risk = draft.risk

    def _opportunity_links(self, opportunity_id: int, draft: OpportunityDraft) -> None:
        self._set_links(
            OpportunitySkillRow, "opportunity_id", opportunity_id, "skill_id", draft.skill_ids
        )
        self._set_links(
            OpportunityGoalRow, "opportunity_id", opportunity_id, "goal_id", draft.goal_ids
        )

    def update_opportunity(self, opportunity_id: int, draft: OpportunityDraft) -> None:
        row = self.get(OpportunityRow, opportunity_id)
        self._apply_opportunity(row, draft)
        self._opportunity_links(opportunity_id, draft)
        self.session.flush()

    def set_opportunity_text(self, opportunity_id: int, name: str, text: str) -> None:
        setattr(self.get(OpportunityRow, opportunity_id), name, text)
        self.session.flush()

    def move_opportunity(
        self,
        opportunity_id: int,
        old: OpportunityStatus,
        new: OpportunityStatus,
        on: date,
        note: str,
    ) -> int:
        self.get(OpportunityRow, opportunity_id).status = new.value
        return self._add(
            OpportunityMoveRow(
                opportunity_id=opportunity_id,
                from_status=old.value,
                to_status=new.value,
                moved_on=on,
                note=note.strip(),
            )
        )

    def take_back_move(self, move_id: int) -> None:
        """Forget a status move and put the opportunity back where it was before it."""
        move = self.get(OpportunityMoveRow, move_id)
        row = self.get(OpportunityRow, move.opportunity_id)
        if move.from_status is not None:
            row.status = move.from_status
        self.session.delete(move)
        self.session.flush()

    def opportunity_entries(self, opportunity_id: int) -> list[int]:
        return list(
            self.session.scalars(
                select(JournalEntryOpportunityRow.entry_id).where(
                    JournalEntryOpportunityRow.opportunity_id == opportunity_id
                )
            )
        )

    def delete_opportunity(self, opportunity_id: int) -> None:
        self.session.delete(self.get(OpportunityRow, opportunity_id))
        self.session.flush()

    def restore_opportunity(self, o: Opportunity, entry_ids: Iterable[int]) -> None:
        row = OpportunityRow(
            id=o.id,
            status=o.status.value,
            risk_notes=o.risk_notes,
            value_pitch=o.value_pitch,
            outcome=o.outcome,
            do_differently=o.do_differently,
        )
        self._apply_opportunity(row, o.draft())
        self._add(row)
        self._opportunity_links(o.id, o.draft())
        for m in o.moves:
            self.session.add(self._move_row(m))
        self._relink(JournalEntryOpportunityRow, "opportunity_id", o.id, entry_ids)
        self.session.flush()

    @staticmethod
    def _move_row(m: StatusMove) -> OpportunityMoveRow:
        return OpportunityMoveRow(
            id=m.id,
            opportunity_id=m.opportunity_id,
            from_status=m.from_status.value if m.from_status else None,
            to_status=m.to_status.value,
            moved_on=m.moved_on,
            note=m.note,
        )
