"""Use case: everything the one-page brief for a session shows."""

from __future__ import annotations

from mentor_desktop.domain.growth.brief import brief_growth
from mentor_desktop.domain.progress import goal_progress
from mentor_desktop.domain.sessions import (
    BriefData,
    GoalProgressLine,
    Session,
    follow_through,
    milestone_points,
    overdue_first,
)
from mentor_desktop.domain.sessions.brief import BRIEF_SUGGESTIONS, BRIEF_WINS
from mentor_desktop.domain.timeline import burnup
from mentor_desktop.services.sessions.agenda import AgendaUseCases
from mentor_desktop.storage.repositories.profile import load_profile
from mentor_desktop.storage.repositories.sessions import SessionRepository
from mentor_desktop.storage.repositories.timeline import TimelineRepository


class BriefUseCases(AgendaUseCases):
    """The brief (it shows the agenda builder's suggestions while the agenda is empty)."""

    def brief_data(self, session: Session) -> BriefData:
        """Everything the one-page brief for `session` shows."""
        today = self._today()
        with self._uow() as uow:
            repo = SessionRepository(uow.session)
            mentorship = repo.agreement(session.mentorship_id).mentorship
            if session.id is not None:
                agenda = tuple(repo.agenda(session.id))
                session = repo.session(session.id, with_agenda_count=False)
            else:
                agenda = ()
            goals = repo.active_goals()
            last = repo.last_done_before(session.mentorship_id, session.start)
            wins = tuple(
                note.text
                for note in repo.wins(
                    last.end if last is not None else None,
                    max(today, session.start.date()),
                    BRIEF_WINS,
                )
            )
            actions = repo.actions(mentorship_id=session.mentorship_id)
            # the burn-up's own numbers: planned for the original due date, done when done
            milestones = TimelineRepository(uow.session.connection()).milestone_dates()
            trend = burnup(milestones, (), today)
            growth = brief_growth(repo.growth_sources(), today)
            profile = load_profile(uow.session.connection())
        return BriefData(
            mentor=mentorship.mentor,
            purpose=mentorship.purpose,
            session=session,
            goals=tuple(GoalProgressLine(g.title, goal_progress(g), g.target_date) for g in goals),
            agenda=agenda,
            personal_update=session.personal_update,
            commitments=tuple(overdue_first((a for a in actions if not a.is_done), today)),
            wins=wins,
            milestone_points=tuple(
                milestone_points([(p.day, p.planned, p.done) for p in trend.points], today)
            ),
            follow_through=follow_through(actions, today),
            today=today,
            suggested=tuple(self.suggestions(session)[:BRIEF_SUGGESTIONS]) if not agenda else (),
            growth=growth,
            profile=profile,
        )
