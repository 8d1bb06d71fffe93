"""Saving checks, in the same transaction, that the stored text is the one typed over."""

from __future__ import annotations

from datetime import date

import pytest

from mentor_desktop.domain.errors import NotFoundError, TextConflictError
from mentor_desktop.domain.journal import EntryDraft


def test_a_save_over_a_text_changed_elsewhere_is_refused(services) -> None:
    journal = services.journal
    entry = journal.create_entry(EntryDraft(date(2026, 3, 2), "Retro", "one"))
    base = (entry.title, entry.body)
    journal.save_text(entry.id, "Retro", "one two", base)  # the text typed over is stored
    with pytest.raises(TextConflictError) as caught:
        journal.save_text(entry.id, "Retro", "one three", base)  # "one" is gone meanwhile
    assert caught.value.theirs.body == "one two"
    assert journal.get_entry(entry.id).body == "one two"  # nothing was written
    journal.save_text(entry.id, "Retro", "one two", base)  # the same text again is no conflict
    with pytest.raises(TextConflictError):
        journal.update_entry(entry.id, EntryDraft(entry.entry_date, "Retro", "x"), base)
    journal.delete_entry(entry.id)
    with pytest.raises(NotFoundError):
        journal.save_text(entry.id, "Retro", "late", ("Retro", "one two"))
