"""Layout of the Session prep tab: widgets only, no service calls."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mentor_desktop.domain.sessions import ActionOwner, AgendaKind
from mentor_desktop.ui.theme import show_as_error
from mentor_desktop.ui.widgets.context_menu import buttons_menu
from mentor_desktop.ui.widgets.date_field import OptionalDateField


def _button(text: str, name: str, parent: QWidget, tip: str = "") -> QPushButton:
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setAccessibleName(text.replace("&", "").rstrip("…"))
    if tip:
        button.setToolTip(tip)
    return button


def _table(name: str, parent: QWidget, stretch_column: int) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.verticalHeader().setVisible(False)
    view.setWordWrap(True)
    view.setProperty("stretch_column", stretch_column)
    return view


def _text(name: str, placeholder: str, parent: QWidget, height: int = 70) -> QPlainTextEdit:
    edit = QPlainTextEdit(parent)
    edit.setObjectName(name)
    edit.setPlaceholderText(placeholder)
    edit.setAccessibleName(placeholder)
    edit.setTabChangesFocus(True)
    edit.setMaximumHeight(height)
    return edit


def _error_label(name: str, parent: QWidget) -> QLabel:
    """A hidden label in the error colour, shown under a field whose text cannot be saved."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    show_as_error(label)
    label.setVisible(False)
    return label


def _scrolling(page: QWidget) -> QScrollArea:
    """`page` in a scroll area, so a small window scrolls it instead of growing past the screen."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(page)
    return area


class SessionPrepView(QWidget):
    """Agreement bar, the sessions list, and the Prepare / After the session pages.

    Signals: none of its own; the tab connects to its widgets.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # agreement bar
        self.agreement_combo = QComboBox(self)
        self.agreement_combo.setObjectName("agreement_combo")
        self.agreement_combo.setAccessibleName("Mentor")
        self.agreement_combo.setMinimumWidth(240)
        self.edit_agreement_button = _button("Edit agreeme&nt…", "edit_agreement", self)
        self.new_agreement_button = _button("New a&greement…", "new_agreement", self)
        self.agreement_summary = QLabel(self)
        self.agreement_summary.setObjectName("agreement_summary")
        self.agreement_summary.setWordWrap(True)
        self.follow_through_label = QLabel(self)
        self.follow_through_label.setObjectName("follow_through")
        self.follow_through_label.setWordWrap(True)
        bar = QHBoxLayout()
        mentor_label = QLabel("&Mentor:", self)
        mentor_label.setBuddy(self.agreement_combo)
        bar.addWidget(mentor_label)
        bar.addWidget(self.agreement_combo)
        bar.addWidget(self.edit_agreement_button)
        bar.addWidget(self.new_agreement_button)
        bar.addStretch(1)

        # sessions list
        left = QWidget(self)
        self.sessions_view = _table("sessions_view", left, 0)
        self.sessions_view.setAccessibleName("Sessions")
        self.add_session_button = _button("&Add session…", "add_session", left)
        self.move_session_button = _button("M&ove…", "move_session", left)
        self.cancel_session_button = _button("&Cancel session", "cancel_session", left)
        self.done_session_button = _button("Mar&k done", "done_session", left)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.sessions_view, 1)
        row = QHBoxLayout()
        for button in (
            self.add_session_button,
            self.move_session_button,
            self.cancel_session_button,
            self.done_session_button,
        ):
            row.addWidget(button)
        left_layout.addLayout(row)

        # the selected session
        right = QWidget(self)
        self.session_title = QLabel(right)
        self.session_title.setObjectName("session_title")
        self.session_title.setWordWrap(True)
        font = self.session_title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.session_title.setFont(font)
        self.pages = QTabWidget(right)
        self.pages.setObjectName("session_pages")
        self.pages.addTab(_scrolling(self._prepare_page()), "&Prepare")
        self.pages.addTab(_scrolling(self._after_page()), "After the &session")
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.session_title)
        right_layout.addWidget(self.pages, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("sessions_splitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.agreement_summary)
        layout.addWidget(self.follow_through_label)
        layout.addWidget(self.splitter, 1)
        self.menus = [  # right-click on a list: the commands of its buttons
            buttons_menu(self.sessions_view, self.add_session_button, self.move_session_button,
                         self.cancel_session_button, self.done_session_button),
            buttons_menu(self.suggestions_view, self.accept_button, self.accept_edited_button,
                         self.drop_button),
            buttons_menu(self.agenda_view, self.up_button, self.down_button,
                         self.remove_item_button),
            buttons_menu(self.actions_view, self.add_action_button, self.remove_action_button),
            buttons_menu(self.feedback_view, self.add_feedback_button,
                         self.remove_feedback_button),
        ]  # fmt: skip

    def _prepare_page(self) -> QWidget:
        page = QWidget(self)
        suggestions_box = QGroupBox("Suggestions since the last session", page)
        self.suggestions_view = _table("suggestions_view", suggestions_box, 1)
        self.suggestions_view.setAccessibleName("Suggestions")
        self.accept_button = _button("Add &to agenda", "accept_suggestion", suggestions_box)
        self.accept_edited_button = _button(
            "Add &reworded…", "accept_edited", suggestions_box, "Add it with your own wording"
        )
        self.drop_button = _button(
            "Drop", "drop_suggestion", suggestions_box, "Do not suggest it for this session"
        )
        box_layout = QVBoxLayout(suggestions_box)
        box_layout.addWidget(self.suggestions_view, 1)
        row = QHBoxLayout()
        row.addWidget(self.accept_button)
        row.addWidget(self.accept_edited_button)
        row.addWidget(self.drop_button)
        row.addStretch(1)
        box_layout.addLayout(row)

        agenda_box = QGroupBox("Agenda", page)
        self.agenda_view = _table("agenda_view", agenda_box, 2)
        self.agenda_view.setAccessibleName("Agenda")
        self.new_item_edit = QLineEdit(agenda_box)
        self.new_item_edit.setObjectName("new_agenda_item")
        self.new_item_edit.setPlaceholderText("A topic, question or update of my own")
        self.new_item_edit.setAccessibleName("New agenda item")
        self.kind_combo = QComboBox(agenda_box)
        self.kind_combo.setObjectName("agenda_kind")
        self.kind_combo.setAccessibleName("Kind of agenda item")
        for kind in AgendaKind:
            self.kind_combo.addItem(kind.label, kind)
        self.add_item_button = _button("A&dd", "add_agenda_item", agenda_box)
        self.up_button = _button("&Up", "agenda_up", agenda_box)
        self.down_button = _button("Do&wn", "agenda_down", agenda_box)
        self.remove_item_button = _button("Remove", "remove_agenda_item", agenda_box)
        agenda_layout = QVBoxLayout(agenda_box)
        agenda_layout.addWidget(self.agenda_view, 1)
        row = QHBoxLayout()
        row.addWidget(self.new_item_edit, 1)
        row.addWidget(self.kind_combo)
        row.addWidget(self.add_item_button)
        row.addSpacing(12)
        row.addWidget(self.up_button)
        row.addWidget(self.down_button)
        row.addWidget(self.remove_item_button)
        agenda_layout.addLayout(row)

        self.personal_update = _text("personal_update", "Personal update for my mentor", page)
        #: Field name -> the label under its text box saying why it could not be saved.
        self.text_errors: dict[str, QLabel] = {
            name: _error_label(f"{name}_error", self)
            for name in ("personal_update", "notes", "takeaways")
        }
        self.preview_button = _button("Pr&int preview…", "preview_brief", page)
        self.print_button = _button("Print &brief…", "print_brief", page)
        self.pdf_button = _button("Save brief as PDF…", "save_brief_pdf", page)
        self.paper_combo = QComboBox(page)
        self.paper_combo.setObjectName("paper_size")
        self.paper_combo.setAccessibleName("Paper size of the brief")
        brief_row = QHBoxLayout()
        brief_row.addStretch(1)
        paper_label = QLabel("Paper:", page)
        paper_label.setBuddy(self.paper_combo)
        brief_row.addWidget(paper_label)
        brief_row.addWidget(self.paper_combo)
        brief_row.addWidget(self.preview_button)
        brief_row.addWidget(self.print_button)
        brief_row.addWidget(self.pdf_button)

        layout = QVBoxLayout(page)
        split = QSplitter(Qt.Orientation.Vertical, page)
        split.addWidget(suggestions_box)
        split.addWidget(agenda_box)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 2)
        layout.addWidget(split, 1)
        layout.addWidget(QLabel("Personal update:", page))
        layout.addWidget(self.personal_update)
        layout.addWidget(self.text_errors["personal_update"])
        layout.addLayout(brief_row)
        return page

    def _after_page(self) -> QWidget:
        page = QWidget(self)
        self.notes = _text("session_notes", "Notes from the session", page, 16777215)
        self.takeaways = _text("session_takeaways", "Key takeaways", page, 16777215)
        for edit in (self.notes, self.takeaways):
            edit.setMinimumHeight(48)

        actions_box = QGroupBox("Action items", page)
        self.actions_view = _table("actions_view", actions_box, 2)
        self.actions_view.setAccessibleName("Action items")
        self.action_text = QLineEdit(actions_box)
        self.action_text.setObjectName("action_text")
        self.action_text.setPlaceholderText("What will be done")
        self.action_text.setAccessibleName("New action item")
        self.action_owner = QComboBox(actions_box)
        self.action_owner.setObjectName("action_owner")
        self.action_owner.setAccessibleName("Owner")
        for owner in ActionOwner:
            self.action_owner.addItem(owner.label, owner)
        self.action_due = OptionalDateField("Due", actions_box)
        self.action_due.setObjectName("action_due")
        self.add_action_button = _button("Add ac&tion", "add_action", actions_box)
        self.remove_action_button = _button("Remove", "remove_action", actions_box)
        self.action_error = QLabel(actions_box)
        self.action_error.setObjectName("action_error")
        show_as_error(self.action_error)
        self.action_error.setWordWrap(True)
        actions_layout = QVBoxLayout(actions_box)
        actions_layout.addWidget(self.actions_view, 1)
        row = QHBoxLayout()
        row.addWidget(self.action_text, 1)
        row.addWidget(self.action_owner)
        row.addWidget(self.action_due)
        row.addWidget(self.add_action_button)
        row.addWidget(self.remove_action_button)
        actions_layout.addLayout(row)
        actions_layout.addWidget(self.action_error)

        feedback_box = QGroupBox("Feedback received", page)
        self.feedback_view = _table("feedback_view", feedback_box, 1)
        self.feedback_view.setAccessibleName("Feedback received")
        form = QGridLayout()
        self.feedback_fields: dict[str, QLineEdit] = {}
        for index, (name, label) in enumerate(
            (
                ("situation", "Sit&uation:"),
                ("behaviour", "&Behaviour:"),
                ("impact", "&Impact:"),
                ("response", "My &response:"),
            )
        ):
            field = QLineEdit(feedback_box)
            field.setObjectName(f"feedback_{name}")
            field.setAccessibleName(label.replace("&", "").rstrip(":"))
            caption = QLabel(label, feedback_box)
            caption.setBuddy(field)
            grid_row, column = divmod(index, 2)
            form.addWidget(caption, grid_row, column * 2)
            form.addWidget(field, grid_row, column * 2 + 1)
            self.feedback_fields[name] = field
        self.add_feedback_button = _button("Add fee&dback", "add_feedback", feedback_box)
        self.remove_feedback_button = _button("Remove", "remove_feedback", feedback_box)
        self.feedback_error = QLabel(feedback_box)
        self.feedback_error.setObjectName("feedback_error")
        show_as_error(self.feedback_error)
        feedback_layout = QVBoxLayout(feedback_box)
        feedback_layout.addWidget(self.feedback_view, 1)
        feedback_layout.addLayout(form)
        row = QHBoxLayout()
        row.addWidget(self.feedback_error, 1)
        row.addWidget(self.remove_feedback_button)
        row.addWidget(self.add_feedback_button)
        feedback_layout.addLayout(row)

        self.after_agenda_view = _table("after_agenda_view", page, 2)
        self.after_agenda_view.setAccessibleName("Agenda: tick what was discussed")

        def pane(*widgets: QWidget) -> QWidget:
            box = QWidget(page)
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(0, 0, 0, 0)
            for widget in widgets:
                box_layout.addWidget(widget, 1 if isinstance(widget, QTableView) else 0)
            return box

        notes_box = QWidget(page)
        notes_layout = QGridLayout(notes_box)
        notes_layout.setContentsMargins(0, 0, 0, 0)
        notes_layout.addWidget(QLabel("Notes:", page), 0, 0)
        notes_layout.addWidget(self.notes, 1, 0)
        notes_layout.addWidget(self.text_errors["notes"], 2, 0)
        notes_layout.addWidget(QLabel("Key takeaways:", page), 0, 1)
        notes_layout.addWidget(self.takeaways, 1, 1)
        notes_layout.addWidget(self.text_errors["takeaways"], 2, 1)
        notes_layout.setColumnStretch(0, 3)
        notes_layout.setColumnStretch(1, 2)
        notes_layout.setRowStretch(1, 1)
        for table in (self.after_agenda_view, self.actions_view, self.feedback_view):
            table.setMinimumHeight(56)
        # the parts share the page through a splitter: no table scrolls inside a scrolling page
        split = QSplitter(Qt.Orientation.Vertical, page)
        split.setObjectName("after_splitter")
        split.setChildrenCollapsible(False)
        split.addWidget(
            pane(QLabel("Agenda — tick what you discussed:", page), self.after_agenda_view)
        )
        split.addWidget(notes_box)
        split.addWidget(actions_box)
        split.addWidget(feedback_box)
        for index, stretch in enumerate((2, 2, 3, 3)):
            split.setStretchFactor(index, stretch)
        layout = QVBoxLayout(page)
        layout.addWidget(split, 1)
        return page
