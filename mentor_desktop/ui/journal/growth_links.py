"""The practice items and opportunities a journal entry is about, ticked in one list."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QListView

from mentor_desktop.domain.journal import JournalEntry
from mentor_desktop.services.journal import JournalService
from mentor_desktop.ui.models.journal_choices import GoalChecklistModel


class GrowthLinks(QObject):
    """Fills `view` with every practice item and opportunity (the linked ones first) and
    says which are ticked. In the list a practice keeps its id, an opportunity is negative.

    Signals:
        changed(): the person ticked or unticked one.
    """

    changed = Signal()

    def __init__(self, journal: JournalService, view: QListView) -> None:
        super().__init__(view)
        self._journal = journal
        self.model = GoalChecklistModel(self)
        view.setModel(self.model)
        self.model.checked_changed.connect(self.changed)

    def show(self, entry: JournalEntry | None) -> None:
        """Offer the choices again, ticking what `entry` links to (nothing for None)."""
        checked = set()
        if entry is not None:
            checked = {*entry.practice_ids, *(-o for o in entry.opportunity_ids)}
        practice, opportunities = self._journal.growth_choices()
        choices = [(p, f"Practice: {title}") for p, title in practice]
        choices += [(-o, f"Opportunity: {title}") for o, title in opportunities]
        self.model.set_goals(sorted(choices, key=lambda choice: choice[0] not in checked))
        self.model.set_checked(checked)

    def ids(self) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """(practice ids, opportunity ids) ticked now."""
        ticked = self.model.checked_ids()
        return tuple(i for i in ticked if i > 0), tuple(-i for i in ticked if i < 0)
