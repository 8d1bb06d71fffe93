"""The Opportunities page: weigh impact and risk, pitch the value, move along a dated pipeline."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from html import escape

from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from mentor_desktop.domain.growth.opportunities import (
    IMPACT_WORDS,
    OPPORTUNITY_TEXTS,
    RISK_WORDS,
    Opportunity,
    OpportunityDraft,
    OpportunityStatus,
)
from mentor_desktop.services.growth import GrowthService
from mentor_desktop.services.growth.opportunities import DeletedOpportunity
from mentor_desktop.ui.dialogs import Dialogs
from mentor_desktop.ui.growth.models import MoveTableModel, OpportunityTableModel
from mentor_desktop.ui.growth.opportunity_dialogs import MoveDialog, OpportunityDialog
from mentor_desktop.ui.growth.page import GrowthPage, button, quoted, table
from mentor_desktop.ui.growth.texts import TextFields

WEIGH_TEXTS = {k: OPPORTUNITY_TEXTS[k] for k in ("risk_notes", "value_pitch")}
OUTCOME_TEXTS = {k: OPPORTUNITY_TEXTS[k] for k in ("outcome", "do_differently")}
PLACEHOLDERS = {
    "risk_notes": "What could go wrong? What would it cost you (time, standing, money)?",
    "value_pitch": "Why you: the value you bring, in two or three sentences.",
    "outcome": "What happened, and what it taught you.",
    "do_differently": "A setback to learn from: what will you do differently next time?",
}


class OpportunitiesPage(GrowthPage[Opportunity]):
    """Opportunities, open ones by nearest deadline, with their pitch, moves and outcome.

    Signals: inherits `changed()` and `status_message(str)` from GrowthPage.
    """

    noun = "opportunity"
    empty_text = (
        "No opportunities yet. Press Ctrl+N (or New opportunity…) when you spot a stretch "
        "role, a project, a talk, an introduction or a course."
    )

    def __init__(
        self,
        growth: GrowthService,
        undo: QUndoStack,
        dialogs: Dialogs,
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(OpportunityTableModel(), undo, dialogs, parent)
        self._growth = growth
        self._service = growth.opportunities
        self._today = today
        self.status_filter.addItem("All opportunities", None)
        self.status_filter.addItem("Open", "open")
        for status in OpportunityStatus:
            self.status_filter.addItem(status.label, status.value)
        self.new_button = button("&New opportunity…", "Note an opportunity (Ctrl+N)", self)
        self.edit_button = button("&Edit…", "Edit the selected opportunity (Enter)", self)
        self.move_button = button("&Move…", "Move it along the pipeline, dated (Ctrl+M)", self)
        self.delete_button = button("&Delete", "Delete the selected opportunity (Del)", self)
        for widget in (self.new_button, self.edit_button, self.move_button, self.delete_button):
            self.buttons.addWidget(widget)
        self.buttons.addStretch(1)
        d = self.details_layout
        self.summary_label = QLabel(self.details)
        self.summary_label.setWordWrap(True)
        self.summary_label.setAccessibleName("Opportunity summary")
        self.outcome_hint = QLabel(
            "It is closed: reflect on the outcome (Outcome tab).", self.details
        )
        self.outcome_hint.setVisible(False)
        self.sections = QTabWidget(self.details)
        weigh = QWidget(self.sections)
        QVBoxLayout(weigh).addWidget(
            weigh_texts := TextFields(
                WEIGH_TEXTS, self._save_text, self._what, weigh, PLACEHOLDERS, height=56
            )
        )
        self.weigh_texts = weigh_texts
        outcome = QWidget(self.sections)
        QVBoxLayout(outcome).addWidget(
            outcome_texts := TextFields(
                OUTCOME_TEXTS, self._save_text, self._what, outcome, PLACEHOLDERS, height=56
            )
        )
        self.outcome_texts = outcome_texts
        self.sections.addTab(weigh, "&Weigh and pitch")
        self.sections.addTab(outcome, "O&utcome")
        self.moves_model = MoveTableModel(self)
        self.moves_view = table(self.details, "Status moves", 140)
        self.moves_view.setModel(self.moves_model)
        d.addWidget(self.summary_label)
        d.addWidget(self.outcome_hint)
        d.addWidget(self.sections, 1)
        d.addWidget(QLabel("Pipeline (every move, dated):", self.details))
        d.addWidget(self.moves_view)
        self.new_button.clicked.connect(self.new_item)
        self.edit_button.clicked.connect(self.edit_current)
        self.move_button.clicked.connect(self.move_current)
        self.delete_button.clicked.connect(self.delete_current)
        QShortcut(QKeySequence("Ctrl+M"), self, self.move_current)
        self.load_when_shown()

    def _what(self) -> str:
        item = self.current_item()
        return f"The opportunity {quoted(item.title)}" if item else "An opportunity's text"

    def _save_text(self, opportunity_id: int, name: str, text: str) -> Opportunity:
        return self._service.save_text(opportunity_id, name, text)

    # ---------------------------------------------------------------- GrowthPage

    def fetch(self) -> list[Opportunity]:
        return self._service.list_opportunities()

    def matches(self, item: Opportunity, words: str, status: object) -> bool:
        if status == "open" and item.status.is_closed:
            return False
        if status not in (None, "open") and item.status.value != status:
            return False
        text = f"{item.title}\n{item.value_pitch}\n{item.outcome}".casefold()
        return not words or words in text

    def show_item(self, item: Opportunity | None) -> bool:
        record_id = item.id if item else None
        texts = {name: item.text(name) for name in OPPORTUNITY_TEXTS} if item else {}
        if not (
            self.weigh_texts.show_record(record_id, texts)
            and self.outcome_texts.show_record(record_id, texts)
        ):
            return False
        self.summary_label.setText(self._summary(item) if item else "Select an opportunity.")
        self.outcome_hint.setVisible(bool(item and item.needs_outcome))
        self.moves_model.set_rows(item.moves if item else ())
        self.sections.setEnabled(item is not None)
        return True

    @staticmethod
    def _summary(o: Opportunity) -> str:
        deadline = f"deadline {o.deadline.isoformat()}" if o.deadline else "no deadline"
        setback = " · a setback to learn from" if o.status.is_setback else ""
        return (
            f"<b>{escape(o.title)}</b><br>{o.kind.label} · surfaced by "
            f"{o.source.label.lower()} · {deadline}<br>Impact {o.impact} "
            f"({IMPACT_WORDS[o.impact].lower()}) · risk {o.risk} ({RISK_WORDS[o.risk].lower()})"
            f" · <b>{o.status.label}</b>{setback}"
        )

    def update_buttons(self) -> None:
        item = self.current_item()
        for widget in (self.edit_button, self.move_button, self.delete_button):
            widget.setEnabled(item is not None)

    def flush(self) -> bool:
        return self.weigh_texts.flush() and self.outcome_texts.flush()

    def unsaved_work(self) -> str:
        return self.weigh_texts.unsaved_problem() or self.outcome_texts.unsaved_problem()

    def forget(self) -> None:
        self.weigh_texts.forget()
        self.outcome_texts.forget()

    # ---------------------------------------------------------------- commands

    def new_item(self) -> None:
        def submit(draft: OpportunityDraft) -> None:
            opportunity = self._service.create_opportunity(draft)
            state: dict[str, DeletedOpportunity] = {}  # filled by the first undo
            self.push(
                f"Add opportunity {quoted(opportunity.title)}",
                redo=lambda: self._service.restore_opportunity(state["deleted"]),
                undo=lambda: state.update(deleted=self._service.delete_opportunity(opportunity.id)),
            )
            self.open_id(opportunity.id)

        self.open_dialog(
            OpportunityDialog(
                "New opportunity", OpportunityDraft(title=""), self._growth.choices(), submit, self
            )
        )

    def edit_current(self) -> None:
        item = self.current_item()
        if item is None:
            return
        old = item.draft()

        def submit(draft: OpportunityDraft) -> None:
            if draft == old:
                return
            self._service.update_opportunity(item.id, draft)
            self.push(
                f"Edit opportunity {quoted(draft.title)}",
                redo=lambda: self._service.update_opportunity(item.id, draft),
                undo=lambda: self._service.update_opportunity(item.id, old),
            )

        self.open_dialog(
            OpportunityDialog("Edit opportunity", old, self._growth.choices(), submit, self)
        )

    def move_current(self) -> None:
        item = self.current_item()
        if item is None:
            return

        def submit(status: OpportunityStatus, day: date, note: str) -> None:
            move = self._service.move(item.id, status, day, note)
            state = {"id": move.move_id}
            self.push(
                f"Move {quoted(item.title)} to {status.label.lower()}",
                redo=lambda: state.update(
                    id=self._service.move(item.id, status, day, note).move_id
                ),
                undo=lambda: self._service.take_back(state["id"]),
            )
            if move.opportunity.needs_outcome:
                self.sections.setCurrentIndex(1)
                self.outcome_texts.edits["outcome"].setFocus()

        self.open_dialog(
            MoveDialog(
                f"Move {quoted(item.title)} ({item.status.label.lower()})",
                item.status,
                self._today(),
                submit,
                self,
            )
        )

    def delete_current(self) -> None:
        item = self.current_item()
        if item is None:
            return
        deleted = self.run(lambda: self._service.delete_opportunity(item.id))
        if deleted is None:
            return
        self.forget()
        state = {"deleted": deleted}
        self.push(
            f"Delete opportunity {quoted(item.title)}",
            redo=lambda: state.update(deleted=self._service.delete_opportunity(item.id)),
            undo=lambda: self._service.restore_opportunity(state["deleted"]),
        )
