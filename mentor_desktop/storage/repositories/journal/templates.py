"""Writing prompts (journal templates)."""

from __future__ import annotations

from sqlalchemy import func, select

from mentor_desktop.domain.errors import NotFoundError
from mentor_desktop.domain.journal import EntryKind, PromptTemplate, TemplateDraft
from mentor_desktop.storage.orm import JournalTemplateRow
from mentor_desktop.storage.repositories.journal.base import JournalRows


def template_to_domain(row: JournalTemplateRow) -> PromptTemplate:
    return PromptTemplate(
        id=row.id,
        name=row.name,
        body=row.body,
        kind=EntryKind(row.kind) if row.kind else None,
        is_default=row.is_default,
        position=row.position,
    )


class Templates(JournalRows):
    """Writing prompts, in the user's order."""

    def templates(self) -> list[PromptTemplate]:
        rows = self.session.scalars(
            select(JournalTemplateRow).order_by(JournalTemplateRow.position, JournalTemplateRow.id)
        )
        return [template_to_domain(row) for row in rows]

    def add_template(self, draft: TemplateDraft) -> PromptTemplate:
        row = JournalTemplateRow(
            name=draft.name.strip(),
            body=draft.body,
            kind=draft.kind.value if draft.kind else None,
            is_default=False,
            position=self._next_template_position(),
        )
        self.session.add(row)
        self.session.flush()
        return template_to_domain(row)

    def update_template(self, template_id: int, draft: TemplateDraft) -> PromptTemplate:
        row = self._template_row(template_id)
        row.name = draft.name.strip()
        row.body = draft.body
        row.kind = draft.kind.value if draft.kind else None
        self.session.flush()
        return template_to_domain(row)

    def delete_template(self, template_id: int) -> PromptTemplate:
        """Delete the prompt; returns what it was."""
        row = self._template_row(template_id)
        snapshot = template_to_domain(row)
        self.session.delete(row)
        self.session.flush()
        return snapshot

    def _template_row(self, template_id: int) -> JournalTemplateRow:
        row = self.session.get(JournalTemplateRow, template_id)
        if row is None:
            raise NotFoundError("Template", template_id)
        return row

    def _next_template_position(self) -> int:
        highest = self.session.scalar(
            select(func.coalesce(func.max(JournalTemplateRow.position), -1))
        )
        return int(highest if highest is not None else -1) + 1
