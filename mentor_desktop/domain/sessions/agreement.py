"""A mentorship agreement as stored (`Agreement`) and as edited (`AgreementDraft`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from mentor_desktop.domain.cadence import CadenceRule
from mentor_desktop.domain.models import Mentor, Mentorship


@dataclass(frozen=True, slots=True)
class MentorDraft:
    name: str
    role: str = ""
    organisation: str = ""
    contact: str = ""


@dataclass(frozen=True, slots=True)
class AgreementDraft:
    """Everything a user edits about one mentorship agreement."""

    mentor: MentorDraft
    purpose: str = ""
    hopes: str = ""
    offers: str = ""
    mentor_expectations: str = ""
    mentee_expectations: str = ""
    communication: str = ""
    confidentiality: str = ""
    cadence_notes: str = ""
    start_date: date | None = None
    review_date: date | None = None
    end_date: date | None = None
    active: bool = True
    rules: tuple[CadenceRule, ...] = ()


@dataclass(frozen=True, slots=True)
class Agreement:
    """A mentorship agreement with its cadence rules."""

    mentorship: Mentorship
    rules: tuple[CadenceRule, ...] = ()

    @property
    def id(self) -> int:
        return self.mentorship.id

    @property
    def mentor(self) -> Mentor:
        return self.mentorship.mentor

    def draft(self) -> AgreementDraft:
        m = self.mentorship
        return AgreementDraft(
            mentor=MentorDraft(
                m.mentor.name, m.mentor.role, m.mentor.organisation, m.mentor.contact
            ),
            purpose=m.purpose,
            hopes=m.hopes,
            offers=m.offers,
            mentor_expectations=m.mentor_expectations,
            mentee_expectations=m.mentee_expectations,
            communication=m.communication,
            confidentiality=m.confidentiality,
            cadence_notes=m.cadence,
            start_date=m.start_date,
            review_date=m.review_date,
            end_date=m.end_date,
            active=m.active,
            rules=self.rules,
        )
