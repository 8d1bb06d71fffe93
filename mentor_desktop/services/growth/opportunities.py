"""Opportunity use cases: spot, weigh, pitch, move along the pipeline, reflect on the outcome."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from mentor_desktop.domain.growth.opportunities import (
    Opportunity,
    OpportunityDraft,
    OpportunityStatus,
    check_opportunity_move,
    pipeline_order,
    validate_opportunity,
    validate_opportunity_text,
)
from mentor_desktop.services.growth.base import GrowthBase, rows
from mentor_desktop.storage.repositories import growth_reads
from mentor_desktop.storage.uow import UnitOfWork


@dataclass(frozen=True, slots=True)
class DeletedOpportunity:
    opportunity: Opportunity
    entry_ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Move:
    """An opportunity after a status move, and the move's id (undo takes it back)."""

    opportunity: Opportunity
    move_id: int


class OpportunityService(GrowthBase):
    """Everything the Opportunities page (and reports, agenda, the CLI) does with them."""

    def list_opportunities(self) -> list[Opportunity]:
        """Open ones by nearest deadline, then closed ones, latest first."""
        with self._uow() as uow:
            return pipeline_order(growth_reads.load_opportunities(uow.session.connection()))

    def get_opportunity(self, opportunity_id: int) -> Opportunity:
        with self._uow() as uow:
            return self._load(uow, opportunity_id)

    def _load(self, uow: UnitOfWork, opportunity_id: int) -> Opportunity:
        return growth_reads.load_one_opportunity(uow.session.connection(), opportunity_id)

    def create_opportunity(
        self, draft: OpportunityDraft, spotted_on: date | None = None
    ) -> Opportunity:
        validate_opportunity(draft)
        with self._uow() as uow:
            self.check_links(uow, goal_ids=draft.goal_ids, skill_ids=draft.skill_ids)
            new_id = rows(uow).create_opportunity(draft, spotted_on or self._today())
            return self._load(uow, new_id)

    def update_opportunity(self, opportunity_id: int, draft: OpportunityDraft) -> Opportunity:
        validate_opportunity(draft)
        with self._uow() as uow:
            self.check_links(uow, goal_ids=draft.goal_ids, skill_ids=draft.skill_ids)
            rows(uow).update_opportunity(opportunity_id, draft)
            return self._load(uow, opportunity_id)

    def move(
        self,
        opportunity_id: int,
        status: OpportunityStatus,
        on: date | None = None,
        note: str = "",
    ) -> Move:
        """Move along the pipeline on day `on` (today by default); every move is kept."""
        with self._uow() as uow:
            current = self._load(uow, opportunity_id)
            day = on or self._today()
            last = max((m.moved_on for m in current.moves), default=None)
            check_opportunity_move(current.status, status, day, last)
            move_id = rows(uow).move_opportunity(opportunity_id, current.status, status, day, note)
            return Move(self._load(uow, opportunity_id), move_id)

    def take_back(self, move_id: int) -> None:
        """Undo a move: it is forgotten and the opportunity is where it was before."""
        with self._uow() as uow:
            rows(uow).take_back_move(move_id)

    def save_text(self, opportunity_id: int, name: str, text: str) -> Opportunity:
        """Save the risk notes, the value pitch, the outcome or the lesson (autosaved)."""
        validate_opportunity_text(name, text)
        with self._uow() as uow:
            rows(uow).set_opportunity_text(opportunity_id, name, text)
            return self._load(uow, opportunity_id)

    def delete_opportunity(self, opportunity_id: int) -> DeletedOpportunity:
        with self._uow() as uow:
            opportunity = self._load(uow, opportunity_id)
            repo = rows(uow)
            entries = repo.opportunity_entries(opportunity_id)
            repo.delete_opportunity(opportunity_id)
            return DeletedOpportunity(opportunity, tuple(entries))

    def restore_opportunity(self, deleted: DeletedOpportunity) -> Opportunity:
        with self._uow() as uow:
            o = deleted.opportunity
            restored = replace(  # links to what was deleted meanwhile are left out
                o,
                skill_ids=self.live(uow, "skill", o.skill_ids),
                goal_ids=self.live(uow, "goal", o.goal_ids),
            )
            entries = self.live(uow, "journal_entry", deleted.entry_ids)
            rows(uow).restore_opportunity(restored, entries)
            return self._load(uow, deleted.opportunity.id)
