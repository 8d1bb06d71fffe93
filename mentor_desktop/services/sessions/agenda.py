"""Use cases: the agenda builder's suggestions, and the agenda itself (add, change, remove,
restore for undo, reorder)."""

from __future__ import annotations

from mentor_desktop.domain.sessions import (
    MAX_AGENDA_TEXT,
    AgendaItem,
    AgendaKind,
    AgendaSource,
    Session,
    Suggestion,
    suggest,
)
from mentor_desktop.domain.sessions.validation import check_agenda_room, clean_agenda_text
from mentor_desktop.services.brief_reads import agenda_sources
from mentor_desktop.services.sessions.base import SessionUseCases
from mentor_desktop.storage.repositories.sessions import SessionRepository


class AgendaUseCases(SessionUseCases):
    """What to talk about in a session."""

    def suggestions(self, session: Session) -> list[Suggestion]:
        """What the agenda builder proposes for `session`, minus what was accepted or dropped
        (see `domain.sessions.suggestions`; the sources are read by
        `brief_reads.agenda_sources`)."""
        today = self._today()
        with self._uow() as uow:
            sources = agenda_sources(uow.session.connection(), session, today)
        return suggest(sources, today)

    def _add(
        self,
        repo: SessionRepository,
        session: Session,
        kind: AgendaKind,
        text: str,
        suggestion: Suggestion | None = None,
    ) -> AgendaItem:
        stored = repo.stored(session)
        assert stored.id is not None
        check_agenda_room(len(repo.agenda(stored.id)))
        source = suggestion.source if suggestion is not None else AgendaSource.OWN
        source_id = suggestion.source_id if suggestion is not None else None
        return repo.add_agenda_item(
            stored.id,
            kind,
            clean_agenda_text(text),
            source,
            source_id,
            carried_from_id=source_id if source is AgendaSource.CARRIED else None,
        )

    def accept_suggestion(
        self, session: Session, suggestion: Suggestion, text: str | None = None
    ) -> AgendaItem:
        """Put `suggestion` (optionally reworded) on the agenda of `session`."""
        with self._uow() as uow:
            repo = SessionRepository(uow.session)
            return self._add(repo, session, suggestion.kind, text or suggestion.text, suggestion)

    def drop_suggestion(self, session: Session, suggestion: Suggestion) -> None:
        """Do not suggest this again for `session`."""
        with self._uow() as uow:
            repo = SessionRepository(uow.session)
            stored = repo.stored(session)
            assert stored.id is not None
            repo.add_agenda_item(
                stored.id,
                suggestion.kind,
                suggestion.text[:MAX_AGENDA_TEXT] or "(dropped)",
                suggestion.source,
                suggestion.source_id,
                dropped=True,
            )

    def add_agenda_item(
        self, session: Session, text: str, kind: AgendaKind = AgendaKind.TOPIC
    ) -> AgendaItem:
        """One of my own topics, questions or updates."""
        with self._uow() as uow:
            return self._add(SessionRepository(uow.session), session, kind, text)

    def update_agenda_item(
        self,
        item_id: int,
        text: str | None = None,
        kind: AgendaKind | None = None,
        discussed: bool | None = None,
    ) -> AgendaItem:
        cleaned = clean_agenda_text(text) if text is not None else None
        with self._uow() as uow:
            return SessionRepository(uow.session).update_agenda_item(
                item_id, cleaned, kind, discussed
            )

    def remove_agenda_item(self, item_id: int, forget: bool = False) -> AgendaItem:
        """Take an item off the agenda; one that came from a suggestion is not suggested again
        (unless `forget`, which deletes it so the suggestion comes back: undoing an accept).

        Returns the item as it was, for `restore_agenda_item` (undo).
        """
        with self._uow() as uow:
            repo = SessionRepository(uow.session)
            snapshot = repo.agenda_item(item_id)
            repo.take_off_agenda(item_id, delete=forget or snapshot.source is AgendaSource.OWN)
            return snapshot

    def restore_agenda_item(self, item: AgendaItem) -> AgendaItem:
        """Put a removed item back where it was, with the same id."""
        with self._uow() as uow:
            return SessionRepository(uow.session).restore_agenda_item(item)

    def move_agenda_item(self, item_id: int, new_index: int) -> list[AgendaItem]:
        """Reorder: put the item at `new_index`; returns the agenda in its new order."""
        with self._uow() as uow:
            return SessionRepository(uow.session).move_agenda_item(item_id, new_index)
