"""What follows a session: action items (commitments) and feedback."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from mentor_desktop.domain.errors import NotFoundError
from mentor_desktop.domain.sessions import (
    ActionItem,
    ActionOwner,
    Feedback,
    FeedbackDraft,
)
from mentor_desktop.storage.orm import ActionItemRow, FeedbackRow, SessionRow
from mentor_desktop.storage.repositories import agenda_reads
from mentor_desktop.storage.repositories.sessions.mapping import (
    RepositoryPart,
    action_to_domain,
    feedback_to_domain,
)


class FollowUpRows(RepositoryPart):
    """Reads and writes action items and feedback."""

    def _action_row(self, action_id: int) -> ActionItemRow:
        row = self._db.get(ActionItemRow, action_id)
        if row is None:
            raise NotFoundError("Action item", action_id)
        return row

    def _feedback_row(self, feedback_id: int) -> FeedbackRow:
        row = self._db.get(FeedbackRow, feedback_id)
        if row is None:
            raise NotFoundError("Feedback", feedback_id)
        return row

    def actions(
        self,
        session_id: int | None = None,
        open_only: bool = False,
        mentorship_id: int | None = None,
    ) -> list[ActionItem]:
        """Action items (of one session, or of one mentorship with those of no session),
        by due date (none last), with the title of the goal each serves (plain SQL)."""
        return agenda_reads.load_actions(self._plain(), session_id, open_only, mentorship_id)

    def add_action(
        self,
        session_id: int,
        owner: ActionOwner,
        text: str,
        due_date: date | None,
        goal_id: int | None,
    ) -> ActionItem:
        row = ActionItemRow(
            session_id=session_id,
            owner=owner.value,
            text=text,
            due_date=due_date,
            goal_id=goal_id,
        )
        self._db.add(row)
        self._db.flush()
        return action_to_domain(row)

    def set_action_done(self, action_id: int, done_date: date | None) -> ActionItem:
        """Mark an action item done on `done_date` (None: open again)."""
        row = self._action_row(action_id)
        row.done_date = done_date
        self._db.flush()
        return action_to_domain(row)

    def remove_action(self, action_id: int) -> ActionItem:
        """Delete an action item; returns it as it was."""
        row = self._action_row(action_id)
        snapshot = action_to_domain(row)
        self._db.delete(row)
        return snapshot

    def feedback(self, session_id: int) -> list[Feedback]:
        query = (
            select(FeedbackRow).where(FeedbackRow.session_id == session_id).order_by(FeedbackRow.id)
        )
        return [feedback_to_domain(r) for r in self._db.scalars(query)]

    def add_feedback(self, session_id: int, draft: FeedbackDraft) -> Feedback:
        """Record feedback as `draft` has it; NotFoundError when the session is gone."""
        if self._db.get(SessionRow, session_id) is None:
            raise NotFoundError("Session", session_id)
        row = FeedbackRow(
            session_id=session_id,
            situation=draft.situation,
            behaviour=draft.behaviour,
            impact=draft.impact,
            response=draft.response,
        )
        self._db.add(row)
        self._db.flush()
        return feedback_to_domain(row)

    def remove_feedback(self, feedback_id: int) -> Feedback:
        """Delete feedback; returns it as it was."""
        row = self._feedback_row(feedback_id)
        snapshot = feedback_to_domain(row)
        self._db.delete(row)
        return snapshot
