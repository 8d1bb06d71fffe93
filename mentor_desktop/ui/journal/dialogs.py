"""The dialog where a user edits the writing prompts and adds their own."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mentor_desktop.domain.errors import MentorDesktopError
from mentor_desktop.domain.journal import EntryKind, PromptTemplate, TemplateDraft
from mentor_desktop.services.journal import JournalService
from mentor_desktop.ui.dialogs import Dialogs
from mentor_desktop.ui.models.journal_choices import TemplateListModel
from mentor_desktop.ui.theme import show_as_error


class TemplatesDialog(QDialog):
    """Lists the prompts; edit one, add one, delete one. Each change is saved when made.

    Signals: none beyond QDialog's.
    """

    def __init__(
        self, journal: JournalService, dialogs: Dialogs, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Writing prompts")
        self.setObjectName("journal_templates_dialog")
        self.resize(720, 460)
        self._journal = journal
        self._dialogs = dialogs
        self.model = TemplateListModel(self)
        self.list_view = QListView()
        self.list_view.setObjectName("templates_list")
        self.list_view.setAccessibleName("Prompts")
        self.list_view.setModel(self.model)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("template_name")
        self.name_edit.setAccessibleName("Prompt name")
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("template_kind")
        self.kind_combo.setAccessibleName("For entries of kind")
        self.kind_combo.addItem("Any kind", None)
        for kind in EntryKind:
            self.kind_combo.addItem(kind.label, kind.value)
        self.body_edit = QPlainTextEdit()
        self.body_edit.setObjectName("template_body")
        self.body_edit.setAccessibleName("Prompt text (Markdown)")
        self.error_label = QLabel()
        self.error_label.setObjectName("template_error")
        show_as_error(self.error_label)
        self.error_label.setWordWrap(True)
        self.save_button = QPushButton("Save prompt")
        self.save_button.setObjectName("template_save")
        self.add_button = QPushButton("Add new")
        self.add_button.setObjectName("template_add")
        self.delete_button = QPushButton("Delete")
        self.delete_button.setObjectName("template_delete")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow("Name", self.name_edit)
        form.addRow("For", self.kind_combo)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(self.body_edit, 1)
        right.addWidget(self.error_label)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.delete_button)
        row.addStretch(1)
        row.addWidget(self.save_button)
        right.addLayout(row)
        columns = QHBoxLayout()
        columns.addWidget(self.list_view, 1)
        columns.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(buttons)

        self.list_view.selectionModel().currentChanged.connect(lambda *_: self._show_current())
        self.save_button.clicked.connect(self.save_current)
        self.add_button.clicked.connect(self.add_new)
        self.delete_button.clicked.connect(self.delete_current)
        self._reload()
        self.select_row(0)

    def _reload(self, select_id: int | None = None) -> None:
        self.model.set_templates(self._journal.templates())
        if select_id is not None:
            self.select_row(self.model.row_of(select_id))

    def select_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.list_view.selectionModel().setCurrentIndex(
                self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        self._show_current()

    def current(self) -> PromptTemplate | None:
        return self.model.template_at(self.list_view.currentIndex().row())

    def _show_current(self) -> None:
        template = self.current()
        self.error_label.clear()
        self.name_edit.setText(template.name if template else "")
        self.body_edit.setPlainText(template.body if template else "")
        kind = template.kind.value if template and template.kind else None
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(kind)))
        for widget in (self.save_button, self.delete_button):
            widget.setEnabled(template is not None)

    def _draft(self) -> TemplateDraft:
        kind = self.kind_combo.currentData()
        return TemplateDraft(
            self.name_edit.text(), self.body_edit.toPlainText(), EntryKind(kind) if kind else None
        )

    def save_current(self) -> None:
        template = self.current()
        if template is None:
            return
        try:
            saved = self._journal.update_template(template.id, self._draft())
        except MentorDesktopError as exc:
            self.error_label.setText(str(exc))
            return
        self._reload(saved.id)

    def add_new(self) -> None:
        kind = self.kind_combo.currentData()
        try:
            added = self._journal.add_template(
                TemplateDraft("New prompt", "", EntryKind(kind) if kind else None)
            )
        except MentorDesktopError as exc:
            self.error_label.setText(str(exc))
            return
        self._reload(added.id)
        self.name_edit.setFocus()
        self.name_edit.selectAll()

    def delete_current(self) -> None:
        template = self.current()
        if template is None:
            return
        if not self._dialogs.confirm(
            self, "Delete prompt", f"Delete the prompt “{template.name}”?", "Delete"
        ):
            return
        self._journal.delete_template(template.id)
        self._reload()
        self.select_row(0)
