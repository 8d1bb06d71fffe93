"""The sessions area's repository: agreements, sessions, agendas, action items, feedback,
and the read-only queries of other areas the agenda builder needs. Every method returns
domain dataclasses; one part per group of tables:

* `agreements.AgreementRows`: mentorships, mentors, cadence rules;
* `schedule.ScheduleRows`: sessions;
* `agenda.AgendaRows`: agenda items;
* `follow_up.FollowUpRows`: action items and feedback;
* `sources.SourceReads`: flagged entries, wins, milestones, recalibrations, goals.
"""

from __future__ import annotations

from mentor_desktop.storage.repositories.sessions.agenda import AgendaRows
from mentor_desktop.storage.repositories.sessions.agreements import AgreementRows
from mentor_desktop.storage.repositories.sessions.follow_up import FollowUpRows
from mentor_desktop.storage.repositories.sessions.schedule import ScheduleRows
from mentor_desktop.storage.repositories.sessions.sources import SourceReads


class SessionRepository(AgreementRows, ScheduleRows, AgendaRows, FollowUpRows, SourceReads):
    """Reads and writes of the sessions area within one database session:
    `SessionRepository(uow.session)`."""


__all__ = ["SessionRepository"]
