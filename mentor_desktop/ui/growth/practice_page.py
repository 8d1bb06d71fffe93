"""The Practice page: experiments, assignments and small projects, measured and debriefed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from html import escape

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from mentor_desktop.domain.dates import date_text
from mentor_desktop.domain.growth.practice import (
    PRACTICE_TEXTS,
    MeasurementDraft,
    Practice,
    PracticeDraft,
    PracticeStatus,
)
from mentor_desktop.services.growth import GrowthService
from mentor_desktop.ui.dialogs import Dialogs
from mentor_desktop.ui.growth.gap_actions import GapActions
from mentor_desktop.ui.growth.models import MeasurementTableModel, PracticeTableModel
from mentor_desktop.ui.growth.page import button, quoted, table
from mentor_desktop.ui.growth.practice_dialogs import (
    MeasurementDialog,
    PracticeDialog,
    PracticeStatusDialog,
)
from mentor_desktop.ui.growth.record_page import RecordCommands, RecordPage

PLAN_TEXTS = {"hypothesis": PRACTICE_TEXTS["hypothesis"]}
DEBRIEF_TEXTS = {k: v for k, v in PRACTICE_TEXTS.items() if k != "hypothesis"}
PLACEHOLDERS = {
    "hypothesis": "If I …, then I expect … (how will you know?)",
    "what_happened": "What did you do, and what happened?",
    "lessons": "What did you learn about yourself, others, the work?",
    "gaps_found": "Which skills fell short? (raise a target or add a skill below)",
    "next_step": "What will you try next? (make it an action item or a new practice)",
}


class PracticePage(RecordPage[Practice]):
    """Practice items with their plan (hypothesis, metric, measurements) and debrief.

    Signals: inherits `changed()` and `status_message(str)` from GrowthPage.
    """

    noun = "practice"
    empty_text = (
        "No practice yet. Press Ctrl+N (or New practice…) to plan an experiment, an "
        "assignment or a small project to test a skill."
    )
    new_tip = "Plan a new practice"
    step_text = "S&tatus…"
    step_tip = "Start, finish, drop or reopen it"
    nameless_text = "A practice's text"
    text_names = tuple(PRACTICE_TEXTS)
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
            ("All practice", None),
            ("In progress (planned or running)", "open"),
            *((status.label, status.value) for status in PracticeStatus),
            ("Needs a debrief", "debrief"),
        ]
        p = growth.practice
        calls = RecordCommands(
            p.create_practice, p.update_practice, p.delete_practice, p.restore_practice,
            PracticeDialog,
        )  # fmt: skip
        super().__init__(
            PracticeTableModel(), growth, p, calls, filters, undo, dialogs, today, parent
        )
        self.status_button = self.step_button

    def build_details(self) -> None:
        d = self.details_layout
        self.title_label = QLabel(self.details)
        self.title_label.setWordWrap(True)
        self.title_label.setAccessibleName("Practice summary")
        self.debrief_hint = QLabel(
            "It is finished: write the debrief while it is fresh (Debrief tab).", self.details
        )
        self.debrief_hint.setWordWrap(True)
        self.debrief_hint.setVisible(False)
        self.sections = QTabWidget(self.details)
        self.sections.setAccessibleName("Practice sections")
        plan = QWidget(self.sections)
        plan_layout = QVBoxLayout(plan)
        self.plan_texts = self.first_texts = self.text_fields(PLAN_TEXTS, plan, 56)
        plan_layout.addWidget(self.plan_texts)
        plan_layout.addWidget(QLabel("Measurements:", plan))
        self.measurement_model = MeasurementTableModel(self)
        self.measurement_view = table(plan, "Measurements", 150)
        self.measurement_view.setModel(self.measurement_model)
        plan_layout.addWidget(self.measurement_view, 1)
        row = QHBoxLayout()
        self.measure_button = button("&Add measurement…", "Record a value of the metric", plan)
        self.unmeasure_button = button("Remove measurement", "Remove the selected value", plan)
        row.addWidget(self.measure_button)
        row.addWidget(self.unmeasure_button)
        row.addStretch(1)
        plan_layout.addLayout(row)
        debrief = QWidget(self.sections)
        debrief_layout = QVBoxLayout(debrief)
        self.debrief_texts = self.second_texts = self.text_fields(DEBRIEF_TEXTS, debrief, 44)
        debrief_layout.addWidget(self.debrief_texts, 1)
        self.gaps = GapActions(self._growth, self, self._dialogs, debrief)
        debrief_layout.addWidget(self.gaps)
        self.sections.addTab(plan, "P&lan")
        self.sections.addTab(debrief, "De&brief")
        d.addWidget(self.title_label)
        d.addWidget(self.debrief_hint)
        d.addWidget(self.sections, 1)
        self.measure_button.clicked.connect(self.add_measurement)
        self.unmeasure_button.clicked.connect(self.remove_measurement)
        self.measurement_view.selectionModel().currentRowChanged.connect(
            lambda *_: self.update_buttons()
        )

    # ---------------------------------------------------------------- GrowthPage

    def fetch(self) -> list[Practice]:
        return self._service.list_practice()

    def matches(self, item: Practice, words: str, status: object) -> bool:
        if status == "open" and item.status.is_finished:
            return False
        if status == "debrief" and not item.needs_debrief:
            return False
        if status not in (None, "open", "debrief") and item.status.value != status:
            return False
        return not words or words in f"{item.title}\n{item.hypothesis}".casefold()

    def show_item(self, item: Practice | None) -> bool:
        if not self.show_texts(item):
            return False
        self.title_label.setText(self._summary(item) if item else "Select a practice.")
        self.debrief_hint.setVisible(bool(item and item.needs_debrief))
        self.measurement_model.set_rows(item.measurements if item else ())
        self.gaps.set_practice(item)
        self.sections.setEnabled(item is not None)
        return True

    @staticmethod
    def _summary(p: Practice) -> str:
        dates = " → ".join(date_text(d) for d in (p.start_date, p.due_date) if d) or "no dates"
        finished = f", finished {date_text(p.finished_on)}" if p.finished_on else ""
        lines = [
            f"<b>{escape(p.title)}</b>",
            f"{p.kind.label} · {p.status.label} · {dates}{finished} · {p.origin.label.lower()}",
        ]
        if p.metric:
            lines.append(escape(p.metric_summary()))
        return "<br>".join(lines)

    def update_buttons(self) -> None:
        item = self.current_item()
        for widget in (self.edit_button, self.status_button, self.delete_button):
            widget.setEnabled(item is not None)
        self.measure_button.setEnabled(bool(item and item.metric))
        self.unmeasure_button.setEnabled(self.measurement_view.currentIndex().isValid())

    # ---------------------------------------------------------------- RecordPage

    def new_draft(self) -> PracticeDraft:
        return PracticeDraft(title="", start_date=self._today())

    # ---------------------------------------------------------------- commands

    def step(self) -> None:
        self.change_status()

    def change_status(self) -> None:
        item = self.current_item()
        if item is None:
            return

        def submit(status: PracticeStatus, day: date) -> None:
            change = self._service.move_practice(item.id, status, day)
            self.push(
                f"Practice {quoted(item.title)} {status.label.lower()}",
                redo=lambda: self._service.move_practice(item.id, status, day),
                undo=lambda: self._service.put_status_back(change.before),
            )
            if change.after.needs_debrief:
                self.sections.setCurrentIndex(1)
                self.debrief_texts.edits["what_happened"].setFocus()

        self.open_dialog(
            PracticeStatusDialog(
                f"Status of {quoted(item.title)} ({item.status.label.lower()})",
                item.status,
                self._today(),
                submit,
                self,
            )
        )

    def add_measurement(self) -> None:
        item = self.current_item()
        if item is None or item.metric is None:
            return

        def submit(draft: MeasurementDraft) -> None:
            measurement = self._service.add_measurement(item.id, draft)
            self.push(
                f"Measure {quoted(item.title)}",
                redo=lambda: self._service.restore_measurement(measurement),
                undo=lambda: self._service.delete_measurement(measurement.id),
            )

        self.open_dialog(
            MeasurementDialog(
                f"Measure {item.metric.name}", item.metric.unit, self._today(), submit, self
            )
        )

    def remove_measurement(self) -> None:
        row = self.measurement_model.row_at(self.measurement_view.currentIndex().row())
        if row is None:
            return
        removed = self.run(lambda: self._service.delete_measurement(row.id))
        if removed is None:
            return
        self.push(
            "Remove measurement",
            redo=lambda: self._service.delete_measurement(row.id),
            undo=lambda: self._service.restore_measurement(removed),
        )
