"""Layout of the Journal tab: filters and entry list, the editor, the calendar side panel."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mentor_desktop.domain.dates import date_pattern, date_text
from mentor_desktop.domain.journal import MOOD_LABELS, EntryKind
from mentor_desktop.ui.journal.entry_body import EntryBody
from mentor_desktop.ui.journal.entry_card import EntryCardDelegate, fit_rows
from mentor_desktop.ui.journal.word_count import WordCounter
from mentor_desktop.ui.models.journal_entries import (
    COL_DATE,
    COL_KIND,
    COL_TAGS,
    COL_TEXT,
    COL_TITLE,
    HTML_ROLE,
)
from mentor_desktop.ui.theme import show_as_error
from mentor_desktop.ui.widgets.context_menu import buttons_menu

#: The word count follows the text this long after typing stops.
WORD_COUNT_DELAY_MS = 300
#: A date edit showing this date means "no date" (its special value text is shown instead).
NO_DATE = QDate(1900, 1, 1)


class SnippetDelegate(QStyledItemDelegate):
    """Draws the Text column as rich text, so search matches show in bold.

    Signals: none.
    """

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        html = index.data(HTML_ROLE)
        if not html:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        doc = QTextDocument()
        doc.setDefaultFont(opt.font)
        doc.setDocumentMargin(2)
        doc.setHtml(html)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        painter.save()
        painter.translate(opt.rect.topLeft())
        painter.setClipRect(QRectF(0, 0, opt.rect.width(), opt.rect.height()))
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height(), option.fontMetrics.height() + 6))


def compact(combo: QComboBox, characters: int = 8) -> QComboBox:
    """Let `combo` shrink to about `characters` wide (its list still shows whole items), so a
    long tag or goal never widens the window."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(characters)
    return combo


def optional_date_edit(name: str, special: str) -> QDateEdit:
    edit = QDateEdit()
    edit.setObjectName(name)
    edit.setDisplayFormat(date_pattern())
    edit.setCalendarPopup(True)
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText(special)
    edit.setDate(NO_DATE)
    return edit


class EntryEditorView(QWidget):
    """The fields of one entry and its Markdown text with a rendered view.

    Signals: none (the editor controller listens to the child widgets).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("journal_title")
        self.title_edit.setPlaceholderText("Title")
        self.title_edit.setAccessibleName("Entry title")
        self.date_edit = QDateEdit()
        self.date_edit.setObjectName("journal_date")
        self.date_edit.setDisplayFormat(date_pattern())
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setMinimumDate(QDate(1900, 1, 1))
        self.date_edit.setMaximumDate(QDate(2999, 12, 31))
        self.date_edit.setAccessibleName("Entry date")
        self.kind_combo = compact(QComboBox(), 7)
        self.kind_combo.setObjectName("journal_kind")
        self.kind_combo.setAccessibleName("Kind of entry")
        for kind in EntryKind:
            self.kind_combo.addItem(kind.label, kind.value)
        self.mood_combo = compact(QComboBox(), 6)
        self.mood_combo.setObjectName("journal_mood")
        self.mood_combo.setAccessibleName("Mood")
        self.mood_combo.addItem("No mood", None)
        for value, label in MOOD_LABELS.items():
            self.mood_combo.addItem(label, value)
        self.flag_box = QCheckBox("Raise at next session")
        self.flag_box.setObjectName("journal_flag")
        self.tags_edit = QLineEdit()
        self.tags_edit.setObjectName("journal_tags")
        self.tags_edit.setPlaceholderText("Tags, separated by commas")
        self.tags_edit.setAccessibleName("Tags")
        self.goals_view = QListView()
        self.goals_view.setObjectName("journal_goals")
        self.goals_view.setAccessibleName("Linked goals")
        self.goals_view.setMaximumHeight(90)
        self.milestones_view = QListView()
        self.milestones_view.setObjectName("journal_milestones")
        self.milestones_view.setAccessibleName("Linked milestones")
        self.milestones_view.setMaximumHeight(70)
        self.growth_view = QListView()
        self.growth_view.setObjectName("journal_growth")
        self.growth_view.setAccessibleName("Linked practice and opportunities")
        self.growth_view.setMaximumHeight(60)
        self.error_label = QLabel()
        self.error_label.setObjectName("journal_error")
        self.error_label.setWordWrap(True)
        show_as_error(self.error_label)
        self.error_label.hide()

        #: The text and its rendering (alone, or side by side).
        self.body = EntryBody()
        self.body_edit = self.body.edit
        self.preview = self.body.preview
        self.preview_button = self.body.preview_button
        self.side_button = self.body.side_button
        self.prompt_button = QToolButton()
        self.prompt_button.setObjectName("journal_insert_prompt")
        self.prompt_button.setText("Insert prompt")
        self.prompt_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.delete_button = QPushButton("Delete")
        self.delete_button.setObjectName("journal_delete")
        self.delete_button.setToolTip("Delete this entry (can be undone)")
        self.saved_label = QLabel()
        self.saved_label.setObjectName("journal_saved")
        # "Saved 2026-11-30 19:35" may be cut short rather than widen the window
        self.saved_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.saved_label.setMinimumWidth(40)
        self.saved_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.word_count_label = QLabel()
        self.word_count_label.setObjectName("journal_word_count")
        self.word_count_label.setAccessibleName("Word count")
        #: Counts the words shortly after typing stops, so a long entry never slows typing.
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(WORD_COUNT_DELAY_MS)
        self._count_timer.timeout.connect(self.update_word_count)
        self.word_counter = WordCounter(self.body_edit)
        self.word_counter.counted.connect(self._show_word_count)
        self.body_edit.textChanged.connect(self._count_timer.start)
        self.body_edit.textChanged.connect(self.word_counter.stop)

        form = QFormLayout()
        form.addRow("Title", self.title_edit)
        row = QHBoxLayout()
        row.addWidget(self.date_edit)
        row.addWidget(self.kind_combo, 1)
        row.addWidget(self.mood_combo, 1)
        form.addRow("Date", row)
        tags_row = QHBoxLayout()
        tags_row.addWidget(self.tags_edit, 1)
        tags_row.addWidget(self.flag_box)
        form.addRow("Tags", tags_row)
        form.addRow("Goals", self.goals_view)
        form.addRow("Milestones", self.milestones_view)
        form.addRow("Growth", self.growth_view)
        tools = QHBoxLayout()
        tools.addWidget(self.prompt_button)
        tools.addWidget(self.preview_button)
        tools.addWidget(self.side_button)
        tools.addStretch(1)
        tools.addWidget(self.delete_button)
        footer = QHBoxLayout()
        footer.addWidget(self.word_count_label)
        footer.addWidget(self.saved_label, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addLayout(tools)
        layout.addWidget(self.body, 1)
        layout.addLayout(footer)

    def update_word_count(self) -> None:
        """“1 word”, “342 words” under the text (a long text is counted a slice at a time)."""
        self._count_timer.stop()
        self.word_counter.start()

    def _show_word_count(self, count: int) -> None:
        self.word_count_label.setText("1 word" if count == 1 else f"{count:,} words")


class JournalView(QWidget):
    """Search and filters over the entry list; the editor; a calendar with "on this day".

    Signals: none (the tab controller listens to the child widgets).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("journal_search")
        self.search_edit.setPlaceholderText('Search: words, "a phrase", prefix*, -exclude')
        self.search_edit.setAccessibleName("Search the journal")
        self.search_edit.setClearButtonEnabled(True)
        self.kind_filter = compact(QComboBox(), 6)
        self.kind_filter.setObjectName("journal_kind_filter")
        self.kind_filter.setAccessibleName("Filter by kind")
        self.kind_filter.addItem("All kinds", None)
        for kind in EntryKind:
            self.kind_filter.addItem(kind.label, kind.value)
        self.tag_filter = compact(QComboBox(), 6)
        self.tag_filter.setObjectName("journal_tag_filter")
        self.tag_filter.setAccessibleName("Filter by tag")
        self.goal_filter = compact(QComboBox(), 6)
        self.goal_filter.setObjectName("journal_goal_filter")
        self.goal_filter.setAccessibleName("Filter by goal")
        self.from_filter = optional_date_edit("journal_from_filter", "From: any")
        self.from_filter.setAccessibleName("From date")
        self.to_filter = optional_date_edit("journal_to_filter", "To: any")
        self.to_filter.setAccessibleName("To date")
        self.flagged_filter = QCheckBox("To raise")
        self.flagged_filter.setObjectName("journal_flagged_filter")
        self.flagged_filter.setToolTip("Only entries marked to raise at the next session")
        self.clear_filters_button = QPushButton("Clear")
        self.clear_filters_button.setObjectName("journal_clear_filters")
        self.new_button = QPushButton("New entry")
        self.new_button.setObjectName("journal_new")
        self.new_button.setToolTip("New entry for today (Ctrl+N)")
        self.result_label = QLabel()
        self.result_label.setObjectName("journal_result")
        self.result_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        self.list_view = QTableView()
        self.list_view.setObjectName("journal_list")
        self.list_view.setAccessibleName("Journal entries")
        self.list_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.setShowGrid(False)
        self.list_view.setAlternatingRowColors(True)
        self.list_view.setWordWrap(True)
        self.list_view.verticalHeader().hide()
        self.list_view.setItemDelegateForColumn(COL_TEXT, SnippetDelegate(self.list_view))

        filters = QGridLayout()
        filters.addWidget(self.search_edit, 0, 0, 1, 2)
        filters.addWidget(self.new_button, 0, 2)
        filters.addWidget(self.kind_filter, 1, 0)
        filters.addWidget(self.tag_filter, 1, 1)
        filters.addWidget(self.goal_filter, 1, 2)
        days = QHBoxLayout()  # the two days share the row, so their width never sets a column
        days.addWidget(self.from_filter, 1)
        days.addWidget(self.to_filter, 1)
        days.addWidget(self.flagged_filter)
        filters.addLayout(days, 2, 0, 1, 3)
        filters.addWidget(self.result_label, 3, 0, 1, 2)
        filters.addWidget(self.clear_filters_button, 3, 2)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.list_view, 1)

        self.editor = EntryEditorView()
        self.placeholder = QLabel("Pick an entry, or press Ctrl+N to write a new one.")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.editor_stack = QStackedWidget()
        self.editor_stack.addWidget(self.placeholder)
        self.editor_stack.addWidget(self.editor)

        self.calendar = QCalendarWidget()
        self.calendar.setObjectName("journal_calendar")
        self.calendar.setAccessibleName("Calendar of entries")
        self.calendar.setGridVisible(False)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.on_this_day_label = QLabel("On this day")
        self.on_this_day_label.setObjectName("journal_on_this_day_label")
        self.on_this_day_label.setWordWrap(True)
        self.on_this_day_view = QTableView()
        self.on_this_day_view.setObjectName("journal_on_this_day")
        self.on_this_day_view.setAccessibleName("Entries on this day in earlier years")
        self.on_this_day_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.on_this_day_view.setShowGrid(False)
        self.on_this_day_view.verticalHeader().hide()
        self.on_this_day_view.horizontalHeader().hide()
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.calendar)
        right_layout.addWidget(self.on_this_day_label)
        right_layout.addWidget(self.on_this_day_view, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("journal_splitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.editor_stack)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 1)
        self.splitter.setSizes([600, 560, 240])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter)
        self.list_menu = buttons_menu(self.list_view, self.new_button, self.editor.delete_button)

    def configure_list_columns(self) -> None:
        """Column widths once a model is set."""
        header = self.list_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        metrics = self.list_view.fontMetrics()  # the widest day this locale writes, on one line
        widest = max(metrics.horizontalAdvance(date_text(date(2026, m, 28))) for m in range(1, 13))
        self.list_view.setColumnWidth(COL_DATE, widest + 14)
        # the title column shows kind, tags and the passage too: nothing off to the right
        for column in (COL_KIND, COL_TAGS, COL_TEXT):
            self.list_view.setColumnHidden(column, True)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        self.list_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list_view.setItemDelegateForColumn(COL_TITLE, EntryCardDelegate(self.list_view))
        model = self.list_view.model()
        if model is not None:
            model.modelReset.connect(lambda: fit_rows(self.list_view))
            fit_rows(self.list_view)
        other = self.on_this_day_view.horizontalHeader()
        other.setStretchLastSection(True)
        for column in (2, 3, 4):
            self.on_this_day_view.setColumnHidden(column, True)

    def show_editor(self, visible: bool) -> None:
        self.editor_stack.setCurrentWidget(self.editor if visible else self.placeholder)
