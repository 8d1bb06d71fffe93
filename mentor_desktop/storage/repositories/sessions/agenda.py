"""Agenda items: listed in order, added, changed, dropped or deleted, restored, reordered."""

from __future__ import annotations

from sqlalchemy import select

from mentor_desktop.domain.errors import NotFoundError
from mentor_desktop.domain.sessions import AgendaItem, AgendaKind, AgendaSource
from mentor_desktop.storage.orm import AgendaItemRow, SessionRow
from mentor_desktop.storage.repositories import agenda_reads
from mentor_desktop.storage.repositories.sessions.mapping import RepositoryPart, agenda_to_domain


class AgendaRows(RepositoryPart):
    """Reads and writes agenda items; positions stay 0, 1, 2… over the items not dropped."""

    def _rows(self, session_id: int, include_dropped: bool = False) -> list[AgendaItemRow]:
        query = select(AgendaItemRow).where(AgendaItemRow.session_id == session_id)
        if not include_dropped:
            query = query.where(AgendaItemRow.dropped.is_(False))
        return list(self._db.scalars(query.order_by(AgendaItemRow.position, AgendaItemRow.id)))

    def _row(self, item_id: int) -> AgendaItemRow:
        row = self._db.get(AgendaItemRow, item_id)
        if row is None:
            raise NotFoundError("Agenda item", item_id)
        return row

    @staticmethod
    def _renumber(rows: list[AgendaItemRow]) -> None:
        for position, row in enumerate(rows):
            row.position = position

    def agenda(self, session_id: int) -> list[AgendaItem]:
        """The items on the agenda of a session (not the dropped ones), in order (plain SQL)."""
        return agenda_reads.load_agenda(self._plain(), session_id)

    def agenda_item(self, item_id: int) -> AgendaItem:
        return agenda_to_domain(self._row(item_id))

    def agenda_taken(self, session_id: int) -> frozenset[tuple[str, int | None]]:
        """(source, source id) of every item on the agenda or dropped from it (plain SQL)."""
        return agenda_reads.agenda_taken(self._plain(), session_id)

    def add_agenda_item(
        self,
        session_id: int,
        kind: AgendaKind,
        text: str,
        source: AgendaSource = AgendaSource.OWN,
        source_id: int | None = None,
        carried_from_id: int | None = None,
        dropped: bool = False,
    ) -> AgendaItem:
        """Put an item at the end of the agenda (or record a dropped suggestion)."""
        row = AgendaItemRow(
            session_id=session_id,
            position=len(self._rows(session_id)),
            kind=kind.value,
            text=text,
            source=source.value,
            source_id=source_id,
            carried_from_id=carried_from_id,
            dropped=dropped,
        )
        self._db.add(row)
        self._db.flush()
        return agenda_to_domain(row)

    def update_agenda_item(
        self,
        item_id: int,
        text: str | None = None,
        kind: AgendaKind | None = None,
        discussed: bool | None = None,
    ) -> AgendaItem:
        row = self._row(item_id)
        if text is not None:
            row.text = text
        if kind is not None:
            row.kind = kind.value
        if discussed is not None:
            row.discussed = discussed
        self._db.flush()
        return agenda_to_domain(row)

    def take_off_agenda(self, item_id: int, delete: bool) -> None:
        """Delete the item, or (`delete` False) mark it dropped; the rest close up."""
        row = self._row(item_id)
        if delete:
            self._db.delete(row)
        else:
            row.dropped = True
        self._db.flush()
        self._renumber(self._rows(row.session_id))

    def restore_agenda_item(self, item: AgendaItem) -> AgendaItem:
        """Put a removed item back where it was, with the same id."""
        row = self._db.get(AgendaItemRow, item.id)
        if row is None:
            if self._db.get(SessionRow, item.session_id) is None:
                raise NotFoundError("Session", item.session_id)
            row = AgendaItemRow(
                id=item.id,
                session_id=item.session_id,
                kind=item.kind.value,
                text=item.text,
                source=item.source.value,
                source_id=item.source_id,
                carried_from_id=item.carried_from_id,
                discussed=item.discussed,
                notes=item.notes,
            )
            self._db.add(row)
        row.dropped = False
        self._db.flush()
        rows = [r for r in self._rows(item.session_id) if r.id != row.id]
        rows.insert(min(item.position, len(rows)), row)
        self._renumber(rows)
        self._db.flush()
        return agenda_to_domain(row)

    def move_agenda_item(self, item_id: int, new_index: int) -> list[AgendaItem]:
        """Put the item at `new_index`; returns the agenda in its new order."""
        row = self._row(item_id)
        rows = self._rows(row.session_id)
        rows.remove(row)
        rows.insert(max(0, min(new_index, len(rows))), row)
        self._renumber(rows)
        self._db.flush()
        return [agenda_to_domain(r) for r in rows]
