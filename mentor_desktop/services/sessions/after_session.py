"""Use cases after a session: its notes and takeaways (and the personal update before it),
everything recorded about it, action items, feedback, and follow-through."""

from __future__ import annotations

from datetime import date

from mentor_desktop.domain.errors import TextConflictError, ValidationError
from mentor_desktop.domain.sessions import (
    ActionItem,
    ActionItemDraft,
    Feedback,
    FeedbackDraft,
    FollowThrough,
    Session,
    SessionDetail,
    follow_through,
    overdue_first,
)
from mentor_desktop.domain.sessions.validation import (
    clean_action,
    validate_feedback,
    validate_session_texts,
)
from mentor_desktop.services.sessions.base import SessionUseCases
from mentor_desktop.storage.repositories.sessions import SessionRepository


class AfterSessionUseCases(SessionUseCases):
    """What came of a session."""

    def update_texts(
        self,
        session_id: int,
        personal_update: str | None = None,
        notes: str | None = None,
        takeaways: str | None = None,
        base: dict[str, str] | None = None,
    ) -> Session:
        """Save the texts given (None: leave as is); all or none, each under MAX_SESSION_TEXT.

        With `base` (field -> the stored text it was typed over), nothing is written when a
        stored text is neither its base nor the new text: TextConflictError, with the
        session as stored, says it was changed elsewhere. Check and write are one
        transaction."""
        texts = {"personal_update": personal_update, "notes": notes, "takeaways": takeaways}
        errors = validate_session_texts(texts)
        if errors:
            raise ValidationError(errors)
        with self._uow() as uow:
            repo = SessionRepository(uow.session)
            if base:
                stored = repo.session(session_id, with_agenda_count=False)
                for name, typed_over in base.items():
                    now = getattr(stored, name)
                    if now not in (typed_over, texts.get(name)):
                        label = name.replace("_", " ")
                        raise TextConflictError(f"The session's {label}", stored)
            return repo.update_texts(session_id, texts)

    def detail(self, session_id: int) -> SessionDetail:
        """A stored session with its agenda, action items and feedback."""
        with self._uow() as uow:
            repo = SessionRepository(uow.session)
            session = repo.session(session_id, with_agenda_count=False)
            agenda = tuple(repo.agenda(session_id))
            return SessionDetail(
                session=session.with_agenda_count(len(agenda)),
                agenda=agenda,
                actions=tuple(repo.actions(session_id=session_id)),
                feedback=tuple(repo.feedback(session_id)),
            )

    def add_action(self, session: Session, draft: ActionItemDraft) -> ActionItem:
        """A commitment made in `session` (an occurrence gets its row first)."""
        text = clean_action(session, draft)
        with self._uow() as uow:
            repo = SessionRepository(uow.session)
            stored = repo.stored(session)
            assert stored.id is not None
            if draft.goal_id is not None:
                repo.require_goal(draft.goal_id)
            return repo.add_action(stored.id, draft.owner, text, draft.due_date, draft.goal_id)

    def set_action_done(self, action_id: int, done: bool, on: date | None = None) -> ActionItem:
        """Tick an action item done (on `on`, default today), or open it again."""
        with self._uow() as uow:
            return SessionRepository(uow.session).set_action_done(
                action_id, (on or self._today()) if done else None
            )

    def open_actions(self, mentorship_id: int | None = None) -> list[ActionItem]:
        """Open commitments, overdue first, then by due date."""
        with self._uow() as uow:
            items = SessionRepository(uow.session).actions(
                open_only=True, mentorship_id=mentorship_id
            )
        return overdue_first(items, self._today())

    def remove_action(self, action_id: int) -> ActionItem:
        """Delete an action item recorded by mistake; returns it as it was."""
        with self._uow() as uow:
            return SessionRepository(uow.session).remove_action(action_id)

    def add_feedback(self, session_id: int, draft: FeedbackDraft) -> Feedback:
        errors = validate_feedback(draft)
        if errors:
            raise ValidationError(errors)
        cleaned = FeedbackDraft(
            draft.situation.strip(),
            draft.behaviour.strip(),
            draft.impact.strip(),
            draft.response.strip(),
        )
        with self._uow() as uow:
            return SessionRepository(uow.session).add_feedback(session_id, cleaned)

    def remove_feedback(self, feedback_id: int) -> Feedback:
        """Delete feedback recorded by mistake; returns it as it was."""
        with self._uow() as uow:
            return SessionRepository(uow.session).remove_feedback(feedback_id)

    def follow_through(self, mentorship_id: int | None = None) -> FollowThrough:
        """How well my commitments (of one mentorship, or all) were kept."""
        with self._uow() as uow:
            items = SessionRepository(uow.session).actions(mentorship_id=mentorship_id)
        return follow_through(items, self._today())
