"""Layout of the Goals tab: filters and commands, the goals tree, and the details panel."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from mentor_desktop.domain.bidi import mark_bidi
from mentor_desktop.domain.dates import date_text
from mentor_desktop.domain.models import Goal, GoalKind, GoalStatus, Milestone, Step
from mentor_desktop.domain.overdue import overdue_text
from mentor_desktop.domain.progress import goal_progress, percent
from mentor_desktop.ui.models.goal_cells import Column
from mentor_desktop.ui.models.goal_tree import PROGRESS_ROLE
from mentor_desktop.ui.theme import show_as_error
from mentor_desktop.ui.widgets.progress_delegate import ProgressBarDelegate


def _button(text: str, tip: str, parent: QWidget) -> QPushButton:
    button = QPushButton(text, parent)
    button.setToolTip(tip)
    button.setAccessibleName(text.replace("&", "").rstrip("…"))
    return button


def _wrapping_label(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAccessibleName(name)
    return label


class GoalDetailsPanel(QWidget):
    """The selected goal: what and why, progress, recalibration history and resources.

    Signals: none (the tab connects to its buttons and tables).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title_label = _wrapping_label(self, "Goal title")
        font = QFont(self.title_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title_label.setFont(font)
        self.meta_label = _wrapping_label(self, "Goal kind, status and dates")
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setFormat("%p % done")
        self.progress_bar.setAccessibleName("Goal progress")
        self.why_label = _wrapping_label(self, "Why it matters")
        self.measure_label = _wrapping_label(self, "Success measure")
        self.edit_goal_button = _button("Ed&it goal…", "Edit this goal", self)
        self.overdue_label = _wrapping_label(self, "Overdue")
        self.overdue_label.setObjectName("goal_overdue")
        self.recalibrate_button = _button(
            "Re&calibrate…", "Move the target date and say why (kept in the history)", self
        )
        self.recalibrate_button.setObjectName("goal_recalibrate")
        overdue_row = QHBoxLayout()
        overdue_row.setContentsMargins(0, 0, 0, 0)
        overdue_row.addWidget(self.overdue_label, 1)
        overdue_row.addWidget(self.recalibrate_button)
        self.overdue_box = QWidget(self)
        self.overdue_box.setLayout(overdue_row)

        self.history_view = QTableView(self)
        self.history_view.setAccessibleName("Recalibration history")
        self.history_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history_view.verticalHeader().setVisible(False)
        self.history_view.horizontalHeader().setStretchLastSection(True)
        self.history_view.setWordWrap(True)
        self.history_view.setMinimumHeight(90)
        self.history_view.setMaximumHeight(180)
        self.history_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.history_empty = QLabel("No recalibrations yet: dates have not moved.", self)
        history_box = QGroupBox("Recalibration history", self)
        history_layout = QVBoxLayout(history_box)
        history_layout.addWidget(self.history_empty)
        history_layout.addWidget(self.history_view)

        self.resource_view = QTableView(self)
        self.resource_view.setAccessibleName("Resources")
        self.resource_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.resource_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.resource_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.resource_view.verticalHeader().setVisible(False)
        self.resource_view.horizontalHeader().setStretchLastSection(True)
        self.resource_view.setMinimumHeight(90)
        self.resource_view.setMaximumHeight(180)
        self.resource_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.add_resource_button = _button(
            "Add &resource…", "Add a book, course, contact or link", self
        )
        self.edit_resource_button = _button("Edit…", "Edit the selected resource", self)
        self.delete_resource_button = _button("Remove", "Remove the selected resource", self)
        self.edit_resource_button.setAccessibleName("Edit resource")
        self.delete_resource_button.setAccessibleName("Remove resource")
        resource_box = QGroupBox("Resources", self)
        resource_layout = QVBoxLayout(resource_box)
        resource_layout.addWidget(self.resource_view)
        resource_buttons = QHBoxLayout()
        for button in (
            self.add_resource_button,
            self.edit_resource_button,
            self.delete_resource_button,
        ):
            resource_buttons.addWidget(button)
        resource_buttons.addStretch(1)
        resource_layout.addLayout(resource_buttons)

        self.placeholder = QLabel(
            "Select a goal to see why it matters, its history and resources.", self
        )
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.content = QWidget(self)
        content_layout = QVBoxLayout(self.content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addWidget(self.title_label)
        content_layout.addWidget(self.meta_label)
        content_layout.addWidget(self.overdue_box)
        content_layout.addWidget(self.progress_bar)
        content_layout.addWidget(self._caption("Why it matters"))
        content_layout.addWidget(self.why_label)
        content_layout.addWidget(self._caption("Success measure"))
        content_layout.addWidget(self.measure_label)
        edit_row = QHBoxLayout()
        edit_row.addWidget(self.edit_goal_button)
        edit_row.addStretch(1)
        content_layout.addLayout(edit_row)
        content_layout.addWidget(history_box)
        content_layout.addWidget(resource_box)
        content_layout.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.placeholder)
        layout.addWidget(self.content)
        self.show_goal(None)

    def size_columns(self) -> None:
        """Fit the tables to the panel (call once their models are set)."""
        history = self.history_view.horizontalHeader()
        fit, stretch = QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Stretch
        for column, mode in enumerate((fit, stretch, fit, fit, stretch)):
            history.setSectionResizeMode(column, mode)
        resources = self.resource_view.horizontalHeader()
        for column, mode in enumerate((stretch, fit, fit, stretch)):
            resources.setSectionResizeMode(column, mode)

    def _caption(self, text: str) -> QLabel:
        label = QLabel(text, self)
        font = QFont(label.font())
        font.setBold(True)
        label.setFont(font)
        return label

    def show_goal(self, goal: Goal | None, overdue_days: int = 0) -> None:
        """Show `goal` (None: the placeholder); `overdue_days` past its target, unfinished."""
        self.placeholder.setVisible(goal is None)
        self.content.setVisible(goal is not None)
        if goal is None:
            return
        self.title_label.setText(mark_bidi(goal.title))
        start = date_text(goal.start_date, empty="no start date")
        target = date_text(goal.target_date, empty="no target date")
        self.meta_label.setText(
            f"{goal.kind.label} goal · {goal.status.label} · {start} → {target}"
        )
        self.overdue_box.setVisible(overdue_days > 0)
        if overdue_days:
            self.overdue_label.setText(
                f"<b>{overdue_text(overdue_days)}</b>: the target date has passed and the goal "
                "is not done. Move the date to what is realistic now, or mark it achieved."
            )
            show_as_error(self.overdue_label)
        self.progress_bar.setValue(percent(goal_progress(goal)))
        self.why_label.setText(goal.why or "—")
        self.measure_label.setText(goal.success_measure or "—")
        self.history_empty.setVisible(not goal.changes)
        self.history_view.setVisible(bool(goal.changes))


class GoalsView(QWidget):
    """Filters, command buttons, the goals tree (or its empty state) and the details panel.

    Signals: none (the tab connects to the child widgets).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind_filter = QComboBox(self)
        self.kind_filter.setAccessibleName("Show goals of kind")
        self.kind_filter.addItem("All kinds", None)
        for kind in GoalKind:
            self.kind_filter.addItem(kind.label, kind.value)
        self.status_filter = QComboBox(self)
        self.status_filter.setAccessibleName("Show goals with status")
        self.status_filter.addItem("All statuses", None)
        for status in GoalStatus:
            self.status_filter.addItem(status.label, status.value)

        self.text_filter = QLineEdit(self)
        self.text_filter.setPlaceholderText("Filter by words in titles…")
        self.text_filter.setClearButtonEnabled(True)
        self.text_filter.setAccessibleName("Filter goals by words in titles")
        self.text_filter.setMaximumWidth(320)

        self.new_goal_button = _button("New &goal…", "Create a goal (Ctrl+N)", self)
        self.add_milestone_button = _button(
            "Add &milestone…", "Add a milestone to the selected goal", self
        )
        self.add_step_button = _button(
            "Add s&tep…", "Add an actionable step to the selected milestone", self
        )
        self.edit_button = _button("E&dit…", "Edit the selected item (Enter)", self)
        self.done_button = _button(
            "Mark d&one", "Mark the selected item done, or not done (Space on a step)", self
        )
        self.delete_button = _button(
            "De&lete", "Delete the selected item (Del); Ctrl+Z brings it back", self
        )
        self.up_button = _button("Move &up", "Move the selected item up (Ctrl+Up)", self)
        self.down_button = _button("Move do&wn", "Move the selected item down (Ctrl+Down)", self)

        filters = QHBoxLayout()
        filters.addWidget(QLabel("Show:", self))
        filters.addWidget(self.kind_filter)
        filters.addWidget(self.status_filter)
        filters.addWidget(self.text_filter, 1)
        filters.addStretch(1)
        filters.addWidget(self.new_goal_button)
        commands = QHBoxLayout()
        for button in (
            self.add_milestone_button,
            self.add_step_button,
            self.edit_button,
            self.done_button,
            self.delete_button,
            self.up_button,
            self.down_button,
        ):
            commands.addWidget(button)
        commands.addStretch(1)

        self.tree = QTreeView(self)
        self.tree.setObjectName("goals_tree")
        self.tree.setAccessibleName("Goals, milestones and steps")
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.progress_delegate = ProgressBarDelegate(PROGRESS_ROLE, self.tree)
        self.tree.setItemDelegateForColumn(Column.PROGRESS, self.progress_delegate)

        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("goals_empty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.tree_stack = QStackedWidget(self)
        self.tree_stack.addWidget(self.tree)
        self.tree_stack.addWidget(self.empty_label)

        self.details = GoalDetailsPanel(self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.details)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("goals_splitter")
        self.splitter.addWidget(self.tree_stack)
        self.splitter.addWidget(scroll)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([700, 440])

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(commands)
        layout.addWidget(self.splitter, 1)

    def set_empty(self, empty: bool, filtered: bool) -> None:
        if filtered:
            self.empty_label.setText(
                "No goals match these filters.\n\nChoose “All kinds” and “All statuses” and "
                "clear the words filter to see every goal."
            )
        else:
            self.empty_label.setText(
                "No goals here yet.\n\nPress “New goal…” (Ctrl+N) to write down what you want "
                "to achieve, then break it into milestones and steps."
            )
        self.tree_stack.setCurrentWidget(self.empty_label if empty else self.tree)

    def size_columns(self) -> None:
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)
        for column, width in ((Column.DATE, 100), (Column.PROGRESS, 110), (Column.STATUS, 150)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)

    def enable_for(self, item: Goal | Milestone | Step | None) -> None:
        """Enable the buttons that apply to `item`, the row chosen in the tree (None: no row),
        and the resource buttons when a resource is chosen."""
        self.add_milestone_button.setEnabled(item is not None)
        self.add_step_button.setEnabled(isinstance(item, Milestone | Step))
        for button in (
            self.edit_button, self.done_button, self.delete_button, self.up_button,
            self.down_button,
        ):  # fmt: skip
            button.setEnabled(item is not None)
        if isinstance(item, Goal):
            achieved = item.status is GoalStatus.ACHIEVED
            self.done_button.setText("Mark not achieved" if achieved else "Mark achieved")
        elif isinstance(item, Milestone):
            self.done_button.setText("Mark not done" if item.is_done else "Mark done")
        elif isinstance(item, Step):
            self.done_button.setText("Mark not done" if item.done else "Mark done")
        chosen = self.details.resource_view.currentIndex().isValid()
        self.details.edit_resource_button.setEnabled(chosen)
        self.details.delete_resource_button.setEnabled(chosen)
