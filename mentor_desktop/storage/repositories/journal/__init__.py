"""The journal's repository: entries, tags and links, lists and search, writing prompts.

`JournalRepository` is the one way services reach journal data; each of its parts lives in
its own module (entries, links, reads, templates) and every method returns dataclasses.
"""

from __future__ import annotations

from mentor_desktop.storage.repositories.journal.entries import EntryWrites, entry_to_domain
from mentor_desktop.storage.repositories.journal.reads import JournalLists, filter_conditions
from mentor_desktop.storage.repositories.journal.templates import Templates, template_to_domain
from mentor_desktop.storage.repositories.journal_search import PREVIEW_CHARS, RANK_WINDOW

__all__ = [
    "PREVIEW_CHARS",
    "RANK_WINDOW",
    "JournalRepository",
    "entry_to_domain",
    "filter_conditions",
    "template_to_domain",
]

class JournalRepository(EntryWrites, JournalLists, Templates):
    """Journal data read and written within one session, as dataclasses."""
