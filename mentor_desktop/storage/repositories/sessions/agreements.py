"""Mentorship agreements with their mentor and cadence rules."""

from __future__ import annotations

from sqlalchemy import select

from mentor_desktop.domain import cadence as cadence_rules
from mentor_desktop.domain.errors import NotFoundError
from mentor_desktop.domain.sessions import Agreement, AgreementDraft
from mentor_desktop.storage.orm import CadenceRuleRow, MentorRow, MentorshipRow
from mentor_desktop.storage.repositories.session_reads import load_agreements
from mentor_desktop.storage.repositories.sessions.mapping import RepositoryPart


class AgreementRows(RepositoryPart):
    """Reads and writes agreements."""

    def _mentorship(self, mentorship_id: int) -> MentorshipRow:
        row = self._db.get(MentorshipRow, mentorship_id)
        if row is None:
            raise NotFoundError("Mentorship", mentorship_id)
        return row

    def _rules(self, mentorship_id: int) -> list[CadenceRuleRow]:
        query = (
            select(CadenceRuleRow)
            .where(CadenceRuleRow.mentorship_id == mentorship_id)
            .order_by(CadenceRuleRow.position, CadenceRuleRow.id)
        )
        return list(self._db.scalars(query))

    def agreement(self, mentorship_id: int) -> Agreement:
        """One agreement; NotFoundError when there is none with that id (plain SQL)."""
        found = load_agreements(self._plain(), mentorship_id)
        if not found:
            raise NotFoundError("Mentorship", mentorship_id)
        return found[0]

    def agreements(self) -> list[Agreement]:
        """Every agreement, active ones first, then the most recent (plain SQL)."""
        return load_agreements(self._plain())

    def save_agreement(self, mentorship_id: int | None, draft: AgreementDraft) -> Agreement:
        """Create (`mentorship_id` None) or update an agreement with its cadence rules, as
        `draft` has them (a validated draft)."""
        if mentorship_id is None:
            row = MentorshipRow(mentor=MentorRow(name=""))
            self._db.add(row)
        else:
            row = self._mentorship(mentorship_id)
        mentor = row.mentor
        mentor.name = draft.mentor.name.strip()
        mentor.role = draft.mentor.role.strip()
        mentor.organisation = draft.mentor.organisation.strip()
        mentor.contact = draft.mentor.contact.strip()
        row.purpose = draft.purpose
        row.hopes = draft.hopes
        row.offers = draft.offers
        row.mentor_expectations = draft.mentor_expectations
        row.mentee_expectations = draft.mentee_expectations
        row.communication = draft.communication
        row.confidentiality = draft.confidentiality
        row.cadence = draft.cadence_notes
        row.start_date = draft.start_date
        row.review_date = draft.review_date
        row.end_date = draft.end_date
        row.active = draft.active
        self._db.flush()
        existing = {r.id: r for r in self._rules(row.id)}
        kept: set[int] = set()
        for position, rule in enumerate(draft.rules):
            rule_row = existing.get(rule.id) if rule.id is not None else None
            if rule_row is None:
                rule_row = CadenceRuleRow(mentorship_id=row.id)
                self._db.add(rule_row)
            else:
                kept.add(rule_row.id)
            rule_row.label = rule.label.strip()
            rule_row.rrule = cadence_rules.normalise_rrule(rule.rrule)
            rule_row.first_start = rule.first_start.replace(tzinfo=None, second=0, microsecond=0)
            rule_row.duration_minutes = rule.duration_minutes
            rule_row.position = position
        for rule_id, rule_row in existing.items():
            if rule_id not in kept:
                self._db.delete(rule_row)
        self._db.flush()
        return self.agreement(row.id)
