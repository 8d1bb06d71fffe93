"""Table models of the Growth tab: practice, measurements, skills, level changes, opportunities."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt

from mentor_desktop.domain.dates import date_text
from mentor_desktop.domain.growth.opportunities import (
    IMPACT_WORDS,
    RISK_WORDS,
    Opportunity,
    StatusMove,
)
from mentor_desktop.domain.growth.practice import Measurement, Practice, number
from mentor_desktop.domain.growth.skills import Skill, SkillChange, level_label
from mentor_desktop.ui.models.list_table import ListTableModel

DISPLAY = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)


def _day(value: date | None) -> str:
    return date_text(value)


class PracticeColumn(IntEnum):
    TITLE = 0
    KIND = 1
    STATUS = 2
    DUE = 3
    METRIC = 4


class PracticeTableModel(ListTableModel[Practice]):
    """Practice items, one per row; a finished one without a debrief says so.

    Signals: none beyond QAbstractTableModel's.
    """

    HEADERS = ("Practice", "Kind", "Status", "Due", "Metric")

    #: What each column shows, computed for that cell only (a view asks often).
    COLUMNS: tuple[Callable[[Practice], str], ...] = (
        lambda p: p.title,
        lambda p: p.kind.label,
        lambda p: p.status.label + (" · debrief?" if p.needs_debrief else ""),
        lambda p: _day(p.due_date),
        lambda p: p.metric_summary(),
    )

    def cell(self, p: Practice, column: int, role: int) -> Any:
        if role in DISPLAY:
            return self.COLUMNS[column](p)
        if role == Qt.ItemDataRole.UserRole:
            return p.id
        return None


class MeasurementColumn(IntEnum):
    DAY = 0
    VALUE = 1
    NOTE = 2


class MeasurementTableModel(ListTableModel[Measurement]):
    """A practice's measurements, newest first.

    Signals: none beyond QAbstractTableModel's.
    """

    HEADERS = ("Day", "Value", "Note")

    def set_rows(self, rows: Iterable[Measurement]) -> None:
        super().set_rows(sorted(rows, key=lambda m: (m.measured_on, m.id), reverse=True))

    def cell(self, m: Measurement, column: int, role: int) -> Any:
        if role in DISPLAY:
            return (date_text(m.measured_on), number(m.value), m.note)[column]
        return None


class SkillColumn(IntEnum):
    NAME = 0
    AREA = 1
    CURRENT = 2
    TARGET = 3
    GAP = 4
    MOVED = 5


class SkillTableModel(ListTableModel[Skill]):
    """Skills, biggest gap first; a gap that has not moved for long is marked stale.

    Signals: none beyond QAbstractTableModel's.
    """

    HEADERS = ("Skill", "Area", "Current", "Target", "Gap", "Gap last moved")

    #: What each column but the last shows, computed for that cell only (a view asks often).
    COLUMNS: tuple[Callable[[Skill], str], ...] = (
        lambda s: s.name,
        lambda s: s.area,
        lambda s: level_label(s.current_level),
        lambda s: level_label(s.target_level),
        lambda s: str(s.gap),
    )

    def __init__(self, today: Callable[[], date], parent: Any = None) -> None:
        super().__init__(parent)
        self._today = today

    def cell(self, s: Skill, column: int, role: int) -> Any:
        if role in DISPLAY:
            if column == SkillColumn.MOVED:
                stale = " · stale" if s.is_stale(self._today()) else ""
                return date_text(s.gap_moved_on) + stale
            return self.COLUMNS[column](s)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == SkillColumn.GAP:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class ChangeColumn(IntEnum):
    DAY = 0
    WHAT = 1
    FROM = 2
    TO = 3
    WHY = 4
    EVIDENCE = 5


class SkillHistoryModel(ListTableModel[SkillChange]):
    """A skill's level changes, newest first; `describe_evidence` names what shows each.

    Signals: none beyond QAbstractTableModel's.
    """

    HEADERS = ("Day", "Level", "From", "To", "Why", "Evidence")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.describe_evidence: Callable[[SkillChange], str] = lambda _c: ""

    def set_rows(self, rows: Iterable[SkillChange]) -> None:
        super().set_rows(sorted(rows, key=lambda c: (c.changed_on, c.id), reverse=True))

    def cell(self, c: SkillChange, column: int, role: int) -> Any:
        if role in DISPLAY:
            values = (
                date_text(c.changed_on),
                c.field.label,
                level_label(c.old_level),
                level_label(c.new_level),
                c.reason or "(no reason given)",
                self.describe_evidence(c),
            )
            return values[column]
        return None


class OpportunityColumn(IntEnum):
    TITLE = 0
    KIND = 1
    STATUS = 2
    DEADLINE = 3
    IMPACT = 4
    RISK = 5


class OpportunityTableModel(ListTableModel[Opportunity]):
    """Opportunities: open ones by nearest deadline, then closed ones.

    Signals: none beyond QAbstractTableModel's.
    """

    HEADERS = ("Opportunity", "Kind", "Status", "Deadline", "Impact", "Risk")

    #: What each column shows, computed for that cell only (a view asks often).
    COLUMNS: tuple[Callable[[Opportunity], str], ...] = (
        lambda o: o.title,
        lambda o: o.kind.label,
        lambda o: o.status.label + (" · outcome?" if o.needs_outcome else ""),
        lambda o: _day(o.deadline),
        lambda o: f"{o.impact} · {IMPACT_WORDS[o.impact]}",
        lambda o: f"{o.risk} · {RISK_WORDS[o.risk]}",
    )

    def cell(self, o: Opportunity, column: int, role: int) -> Any:
        if role in DISPLAY:
            return self.COLUMNS[column](o)
        return None


class MoveColumn(IntEnum):
    DAY = 0
    MOVE = 1
    NOTE = 2


class MoveTableModel(ListTableModel[StatusMove]):
    """An opportunity's dated status moves, newest first.

    Signals: none beyond QAbstractTableModel's.
    """

    HEADERS = ("Day", "Move", "Note")

    def set_rows(self, rows: Iterable[StatusMove]) -> None:
        super().set_rows(sorted(rows, key=lambda m: (m.moved_on, m.id), reverse=True))

    def cell(self, m: StatusMove, column: int, role: int) -> Any:
        if role in DISPLAY:
            move = (
                f"{m.from_status.label} → {m.to_status.label}"
                if m.from_status
                else f"{m.to_status.label}"
            )
            return (date_text(m.moved_on), move, m.note)[column]
        return None
