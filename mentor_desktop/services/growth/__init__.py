"""The growth loop's use cases: practice, skills and opportunities, and what they show
together (the skills chart)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, timedelta
from functools import cached_property

from mentor_desktop.domain.growth.overview import SkillsChartData, skills_chart_data
from mentor_desktop.domain.growth.review import evidence_wanted
from mentor_desktop.domain.growth.skills import SkillChange
from mentor_desktop.services.growth.opportunities import OpportunityService
from mentor_desktop.services.growth.practice import PracticeService
from mentor_desktop.services.growth.skills import SkillService
from mentor_desktop.storage.repositories import growth_reads
from mentor_desktop.storage.uow import UnitOfWorkFactory

#: The period the skills chart covers when none is given.
DEFAULT_PERIOD = timedelta(days=365)


class GrowthService:
    """One door to the three growth services (`practice`, `skills`, `opportunities`)."""

    def __init__(
        self, uow_factory: UnitOfWorkFactory, today: Callable[[], date] = date.today
    ) -> None:
        self._uow = uow_factory
        self._today = today

    @cached_property
    def practice(self) -> PracticeService:
        return PracticeService(self._uow, self._today)

    @cached_property
    def skills(self) -> SkillService:
        return SkillService(self._uow, self._today)

    @cached_property
    def opportunities(self) -> OpportunityService:
        return OpportunityService(self._uow, self._today)

    def today(self) -> date:
        return self._today()

    def skills_chart_data(
        self, start: date | None = None, end: date | None = None
    ) -> SkillsChartData:
        """Skills then (on `start`) and now (on `end`); the last year by default."""
        end = end or self._today()
        start = start or end - DEFAULT_PERIOD
        with self._uow() as uow:
            skills = growth_reads.load_skills(uow.session.connection())
        return skills_chart_data(skills, start, end)

    def choices(self, evidence: bool = False) -> dict[str, list[tuple[int, str]]]:
        """(id, label) lists for the pickers: goals, skills, sessions; with `evidence`, also
        recent journal entries, practice and feedback."""
        with self._uow() as uow:
            connection = uow.session.connection()
            found = {
                "goals": growth_reads.names(connection, "goal", "title"),
                "skills": growth_reads.names(connection, "skill", "name"),
                "sessions": growth_reads.session_choices(connection),
            }
            if evidence:
                found.update(growth_reads.evidence_choices(connection))
            return found

    def evidence_labels(self, changes: Iterable[SkillChange]) -> dict[str, dict[int, str]]:
        """Labels for what the level changes cite: {'journal'|'practice'|'feedback': {id: …}}."""
        with self._uow() as uow:
            return growth_reads.evidence_labels(
                uow.session.connection(), evidence_wanted(list(changes))
            )

    def counts(self) -> dict[str, int]:
        with self._uow() as uow:
            return growth_reads.counts(uow.session.connection())
