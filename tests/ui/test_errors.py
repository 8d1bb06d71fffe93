"""One UI path for errors: a database problem in a slot is shown in its words, never raised."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QWidget

from mentor_desktop.domain.errors import DatabaseBusyError, DiskFullError, ValidationError
from mentor_desktop.ui.errors import ErrorReporter, describe, reports_errors


class _Panel(QWidget):
    def __init__(self, dialogs) -> None:
        super().__init__()
        self.errors = ErrorReporter(dialogs, self)
        self.saved: list[str] = []
        self.save_button = QPushButton("Save", self)
        self.save_button.clicked.connect(self._save)
        self.add_button = QPushButton("Add", self)
        self.add_button.clicked.connect(self.errors.guard("Could not add", self._add))

    @reports_errors("Could not save")
    def _save(self) -> None:
        raise DiskFullError("save the goal")

    def _add(self) -> None:
        self.saved.append("tried")
        raise DatabaseBusyError()


def test_a_database_error_in_a_slot_is_shown_with_what_to_do(qtbot, dialogs) -> None:
    panel = _Panel(dialogs)
    qtbot.addWidget(panel)
    panel.save_button.click()
    assert dialogs.errors == [
        "Could not save the goal: the disk is full.\n\n"
        "Nothing was changed. Free some space on the disk, then try again."
    ]
    panel.add_button.click()
    assert panel.saved == ["tried"]
    assert dialogs.errors[-1].startswith("The database is busy (another program is using it).")


def test_input_errors_are_shown_as_they_are() -> None:
    assert describe(ValidationError.single("title", "A goal needs a title.")) == (
        "A goal needs a title."
    )
