"""The Opportunities page: weigh impact and risk, pitch the value, move along a dated pipeline."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from html import escape

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from mentor_desktop.domain.dates import date_text
from mentor_desktop.domain.growth.opportunities import (
    IMPACT_WORDS,
    OPPORTUNITY_TEXTS,
    RISK_WORDS,
    Opportunity,
    OpportunityDraft,
    OpportunityStatus,
)
from mentor_desktop.services.growth import GrowthService
from mentor_desktop.ui.dialogs import Dialogs
from mentor_desktop.ui.growth.models import MoveTableModel, OpportunityTableModel
from mentor_desktop.ui.growth.opportunity_dialogs import MoveDialog, OpportunityDialog
from mentor_desktop.ui.growth.page import quoted, table
from mentor_desktop.ui.growth.record_page import RecordCommands, RecordPage

WEIGH_TEXTS = {k: OPPORTUNITY_TEXTS[k] for k in ("risk_notes", "value_pitch")}
OUTCOME_TEXTS = {k: OPPORTUNITY_TEXTS[k] for k in ("outcome", "do_differently")}
PLACEHOLDERS = {
    "risk_notes": "What could go wrong? What would it cost you (time, standing, money)?",
    "value_pitch": "Why you: the value you bring, in two or three sentences.",
    "outcome": "What happened, and what it taught you.",
    "do_differently": "A setback to learn from: what will you do differently next time?",
}


class OpportunitiesPage(RecordPage[Opportunity]):
    """Opportunities, open ones by nearest deadline, with their pitch, moves and outcome.

    Signals: inherits `changed()` and `status_message(str)` from GrowthPage.
    """

    noun = "opportunity"
    empty_text = (
        "No opportunities yet. Press Ctrl+N (or New opportunity…) when you spot a stretch "
        "role, a project, a talk, an introduction or a course."
    )
    new_tip = "Note an opportunity"
    step_text = "&Move…"
    step_tip = "Move it along the pipeline, dated"
    nameless_text = "An opportunity's text"
    text_names = tuple(OPPORTUNITY_TEXTS)
    placeholders = PLACEHOLDERS

    def __init__(
        self,
        growth: GrowthService,
        undo: QUndoStack,
        dialogs: Dialogs,
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        filters: list[tuple[str, object]] = [
            ("All opportunities", None),
            ("Open", "open"),
            *((status.label, status.value) for status in OpportunityStatus),
        ]
        o = growth.opportunities
        calls = RecordCommands(
            o.create_opportunity, o.update_opportunity, o.delete_opportunity,
            o.restore_opportunity, OpportunityDialog,
        )  # fmt: skip
        model = OpportunityTableModel()
        super().__init__(model, growth, o, calls, filters, undo, dialogs, today, parent)
        self.move_button = self.step_button

    def build_details(self) -> None:
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
        self.weigh_texts = self.first_texts = self.text_fields(WEIGH_TEXTS, weigh, 56)
        QVBoxLayout(weigh).addWidget(self.weigh_texts)
        outcome = QWidget(self.sections)
        self.outcome_texts = self.second_texts = self.text_fields(OUTCOME_TEXTS, outcome, 56)
        QVBoxLayout(outcome).addWidget(self.outcome_texts)
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
        if not self.show_texts(item):
            return False
        self.summary_label.setText(self._summary(item) if item else "Select an opportunity.")
        self.outcome_hint.setVisible(bool(item and item.needs_outcome))
        self.moves_model.set_rows(item.moves if item else ())
        self.sections.setEnabled(item is not None)
        return True

    @staticmethod
    def _summary(o: Opportunity) -> str:
        deadline = f"deadline {date_text(o.deadline)}" if o.deadline else "no deadline"
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

    # ---------------------------------------------------------------- RecordPage

    def new_draft(self) -> OpportunityDraft:
        return OpportunityDraft(title="")

    # ---------------------------------------------------------------- commands

    def step(self) -> None:
        self.move_current()

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
