"""One way to ask for a file to save: documents folder first, then the last folder per kind."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from mentor_desktop.settings import AppSettings
from mentor_desktop.ui.dialogs import Dialogs, documents_folder


@pytest.fixture
def save_dialog(monkeypatch: pytest.MonkeyPatch):
    """Stands in for the platform's dialog: records where it opened, answers from a list."""
    opened: list[str] = []
    answers: list[str] = []

    def fake(_parent, _title, start, _filters):
        opened.append(start)
        return (answers.pop(0) if answers else "", "")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    return opened, answers


def test_the_first_save_starts_in_documents_then_each_kind_in_its_last_folder(
    save_dialog, tmp_path: Path
) -> None:
    opened, answers = save_dialog
    settings_file = tmp_path / "settings.ini"
    dialogs = Dialogs(AppSettings(settings_file))
    briefs = tmp_path / "briefs"
    briefs.mkdir()
    answers.append(str(briefs / "brief-2026-03-03.pdf"))
    chosen = dialogs.ask_save_path(None, "Save brief", "brief", "brief.pdf", "PDF (*.pdf)")
    assert chosen == briefs / "brief-2026-03-03.pdf"
    assert opened[-1] == str(documents_folder() / "brief.pdf")

    assert dialogs.ask_save_path(None, "Save brief", "brief", "next.pdf") is None  # cancelled
    assert opened[-1] == str(briefs / "next.pdf")
    dialogs.ask_save_path(None, "Export chart", "chart", "burnup.png")
    assert opened[-1] == str(documents_folder() / "burnup.png")  # another kind of file

    again = Dialogs(AppSettings(settings_file))  # remembered across runs
    again.ask_save_path(None, "Save brief", "brief", "later.pdf")
    assert opened[-1] == str(briefs / "later.pdf")


def test_a_folder_that_is_gone_falls_back_to_documents(save_dialog, tmp_path: Path) -> None:
    opened, answers = save_dialog
    dialogs = Dialogs(AppSettings(tmp_path / "settings.ini"))
    gone = tmp_path / "gone"
    gone.mkdir()
    answers.append(str(gone / "a.ics"))
    dialogs.ask_save_path(None, "Export", "calendar", "a.ics")
    gone.rmdir()
    dialogs.ask_save_path(None, "Export", "calendar", "b.ics")
    assert opened[-1] == str(documents_folder() / "b.ics")


def test_export_asks_through_dialogs_and_fills_in_the_path(
    qtbot, services, dialogs, tmp_path: Path
) -> None:
    from mentor_desktop.ui.portability.export_dialog import ExportDialog

    dialog = ExportDialog(services.portability, dialogs=dialogs)
    qtbot.addWidget(dialog)
    target = tmp_path / "everything.json"
    dialogs.save_answers.append(target)
    dialog.path_field.browse.click()
    assert dialogs.save_requests == [("Save as", "export", "mentor-desktop-export.json")]
    assert dialog.path_field.text() == str(target)
