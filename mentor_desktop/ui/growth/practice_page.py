"""The Practice page: experiments, assignments and small projects, measured and debriefed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from html import escape

from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from mentor_desktop.domain.growth.practice import (
    PRACTICE_TEXTS,
    MeasurementDraft,
    Practice,
    PracticeDraft,
    PracticeStatus,
)
from mentor_desktop.services.growth import GrowthService
from mentor_desktop.services.growth.practice import DeletedPractice
from mentor_desktop.ui.dialogs import Dialogs
from mentor_desktop.ui.growth.gap_actions import GapActions
from mentor_desktop.ui.growth.models import MeasurementTableModel, PracticeTableModel
from mentor_desktop.ui.growth.page import GrowthPage, button, quoted, table
from mentor_desktop.ui.growth.practice_dialogs import (
    MeasurementDialog,
    PracticeDialog,
    PracticeStatusDialog,
)
from mentor_desktop.ui.growth.texts import TextFields

PLAN_TEXTS = {"hypothesis": PRACTICE_TEXTS["hypothesis"]}
DEBRIEF_TEXTS = {k: v for k, v in PRACTICE_TEXTS.items() if k != "hypothesis"}
PLACEHOLDERS = {
    "hypothesis": "If I …, then I expect … (how will you know?)",
    "what_happened": "What did you do, and what happened?",
    "lessons": "What did you learn about yourself, others, the work?",
    "gaps_found": "Which skills fell short? (raise a target or add a skill below)",
    "next_step": "What will you try next? (make it an action item or a new practice)",
}


class PracticePage(GrowthPage[Practice]):
    """Practice items with their plan (hypothesis, metric, measurements) and debrief.

    Signals: inherits `changed()` and `status_message(str)` from GrowthPage.
    """

    noun = "practice"
    empty_text = (
        "No practice yet. Press Ctrl+N (or New practice…) to plan an experiment, an "
        "assignment or a small project to test a skill."
    )

    def __init__(
        self,
        growth: GrowthService,
        undo: QUndoStack,
        dialogs: Dialogs,
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(PracticeTableModel(), undo, dialogs, parent)
        self._growth = growth
        self._service = growth.practice
        self._today = today
        self.status_filter.addItem("All practice", None)
        self.status_filter.addItem("In progress (planned or running)", "open")
        for status in PracticeStatus:
            self.status_filter.addItem(status.label, status.value)
        self.status_filter.addItem("Needs a debrief", "debrief")
        self.new_button = button("&New practice…", "Plan a new practice (Ctrl+N)", self)
        self.edit_button = button("&Edit…", "Edit the selected practice (Enter)", self)
        self.status_button = button("S&tatus…", "Start, finish, drop or reopen it (Ctrl+M)", self)
        self.delete_button = button("&Delete", "Delete the selected practice (Del)", self)
        for widget in (self.new_button, self.edit_button, self.status_button, self.delete_button):
            self.buttons.addWidget(widget)
        self.buttons.addStretch(1)
        self._build_details()
        self.new_button.clicked.connect(self.new_item)
        self.edit_button.clicked.connect(self.edit_current)
        self.status_button.clicked.connect(self.change_status)
        self.delete_button.clicked.connect(self.delete_current)
        QShortcut(QKeySequence("Ctrl+M"), self, self.change_status)
        self.load_when_shown()

    def _build_details(self) -> None:
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
        self.plan_texts = TextFields(
            PLAN_TEXTS, self._save_text, self._what, plan, PLACEHOLDERS, height=56
        )
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
        self.debrief_texts = TextFields(
            DEBRIEF_TEXTS, self._save_text, self._what, debrief, PLACEHOLDERS, height=44
        )
        debrief_layout.addWidget(self.debrief_texts, 1)
        self.gaps = GapActions(self._growth, self, self._dialogs, debrief)
        debrief_layout.addWidget(self.gaps)
        self.sections.addTab(plan, "&Plan")
        self.sections.addTab(debrief, "De&brief")
        d.addWidget(self.title_label)
        d.addWidget(self.debrief_hint)
        d.addWidget(self.sections, 1)
        self.measure_button.clicked.connect(self.add_measurement)
        self.unmeasure_button.clicked.connect(self.remove_measurement)
        self.measurement_view.selectionModel().currentRowChanged.connect(
            lambda *_: self.update_buttons()
        )

    def _what(self) -> str:
        item = self.current_item()
        return f"The practice {quoted(item.title)}" if item else "A practice's text"

    def _save_text(self, practice_id: int, name: str, text: str) -> Practice:
        return self._service.save_text(practice_id, name, text)

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
        record_id = item.id if item else None
        texts = {name: item.text(name) for name in PRACTICE_TEXTS} if item else {}
        if not (
            self.plan_texts.show_record(record_id, texts)
            and self.debrief_texts.show_record(record_id, texts)
        ):
            return False
        self.title_label.setText(self._summary(item) if item else "Select a practice.")
        self.debrief_hint.setVisible(bool(item and item.needs_debrief))
        self.measurement_model.set_rows(item.measurements if item else ())
        self.gaps.set_practice(item)
        self.sections.setEnabled(item is not None)
        return True

    @staticmethod
    def _summary(p: Practice) -> str:
        dates = " → ".join(d.isoformat() for d in (p.start_date, p.due_date) if d) or "no dates"
        finished = f", finished {p.finished_on.isoformat()}" if p.finished_on else ""
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

    def flush(self) -> bool:
        return self.plan_texts.flush() and self.debrief_texts.flush()

    def unsaved_work(self) -> str:
        return self.plan_texts.unsaved_problem() or self.debrief_texts.unsaved_problem()

    def forget(self) -> None:
        self.plan_texts.forget()
        self.debrief_texts.forget()

    # ---------------------------------------------------------------- commands

    def new_item(self) -> None:
        initial = PracticeDraft(title="", start_date=self._today())

        def submit(draft: PracticeDraft) -> None:
            practice = self._service.create_practice(draft)
            state: dict[str, DeletedPractice] = {}  # filled by the first undo
            self.push(
                f"Add practice {quoted(practice.title)}",
                redo=lambda: self._service.restore_practice(state["deleted"]),
                undo=lambda: state.update(deleted=self._service.delete_practice(practice.id)),
            )
            self.open_id(practice.id)

        self.open_dialog(
            PracticeDialog("New practice", initial, self._growth.choices(), submit, self)
        )

    def edit_current(self) -> None:
        item = self.current_item()
        if item is None:
            return
        old = item.draft()

        def submit(draft: PracticeDraft) -> None:
            if draft == old:
                return
            self._service.update_practice(item.id, draft)
            self.push(
                f"Edit practice {quoted(draft.title)}",
                redo=lambda: self._service.update_practice(item.id, draft),
                undo=lambda: self._service.update_practice(item.id, old),
            )

        self.open_dialog(PracticeDialog("Edit practice", old, self._growth.choices(), submit, self))

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

    def delete_current(self) -> None:
        item = self.current_item()
        if item is None:
            return
        deleted = self.run(lambda: self._service.delete_practice(item.id))
        if deleted is None:
            return
        self.plan_texts.forget()
        self.debrief_texts.forget()
        state = {"deleted": deleted}
        self.push(
            f"Delete practice {quoted(item.title)}",
            redo=lambda: state.update(deleted=self._service.delete_practice(item.id)),
            undo=lambda: self._service.restore_practice(state["deleted"]),
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
