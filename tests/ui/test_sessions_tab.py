"""The Session prep tab driven like a user: agreement, agenda building, after the session."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import select

from mentor_desktop.domain.cadence import CadenceRule
from mentor_desktop.domain.sessions import (
    ActionItemDraft,
    AgendaSource,
    FeedbackDraft,
    SessionStatus,
)
from mentor_desktop.services.sessions import SessionService
from mentor_desktop.storage.orm import (
    ActionItemRow,
    AgendaItemRow,
    CadenceRuleRow,
    FeedbackRow,
    JournalEntryRow,
    MentorshipRow,
    SessionRow,
)
from mentor_desktop.storage.uow import unit_of_work_factory
from mentor_desktop.ui.bus import ChangeBus
from mentor_desktop.ui.models.action_items import ActionItemTableModel
from mentor_desktop.ui.models.session_feedback import FeedbackTableModel
from mentor_desktop.ui.sessions.cadence_editor import CadenceRuleDialog
from mentor_desktop.ui.sessions.tab import SessionPrepTab
from tests.factories import NOW, agreement_draft

MONTHLY = CadenceRule("Session", "FREQ=MONTHLY;BYDAY=1TU", datetime(2026, 1, 6, 17), 60)


@pytest.fixture
def service(engine) -> SessionService:
    return SessionService(unit_of_work_factory(engine)).with_now(NOW)


@pytest.fixture
def saved_files(tmp_path: Path) -> list[Path]:
    return []


def make_tab(qtbot, service, dialogs, tmp_path: Path, answers: list[str] | None = None):
    dialogs.save_answers.extend(tmp_path / name for name in answers or [])
    tab = SessionPrepTab(service, ChangeBus(), dialogs)
    qtbot.addWidget(tab)
    tab.resize(1200, 800)
    tab.show()
    return tab


def rows(engine, model, *where):
    with unit_of_work_factory(engine)() as uow:
        return list(uow.session.scalars(select(model).where(*where)))


def test_models_pass_the_model_tester(qtmodeltester, qtbot, service, dialogs, tmp_path, engine):
    agreement = service.save_agreement(None, agreement_draft())
    session = service.store(service.next_session(agreement.id))
    service.add_agenda_item(session, "Topic")
    action = service.add_action(session, ActionItemDraft("Do it", due_date=date(2026, 4, 20)))
    service.add_feedback(session.id, FeedbackDraft("Demo", "Rushed", "Lost the room", "Slow down"))
    tab = make_tab(qtbot, service, dialogs, tmp_path)
    for model in (tab.agreements, tab.sessions, tab.suggestions, tab.agenda):
        qtmodeltester.check(model)
    actions = ActionItemTableModel()
    actions.set_items([action], NOW.date())
    qtmodeltester.check(actions)
    feedback = FeedbackTableModel()
    feedback.set_rows(service.detail(session.id).feedback)
    qtmodeltester.check(feedback)


def test_editing_the_agreement(qtbot, service, dialogs, tmp_path, engine) -> None:
    tab = make_tab(qtbot, service, dialogs, tmp_path)
    assert "No agreement yet" in tab.view.agreement_summary.text()
    dialog = tab.agreement_dialog(None)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.error_text("mentor.name") == "The mentor needs a name."
    assert rows(engine, MentorshipRow) == []

    qtbot.keyClicks(dialog.mentor_name, "Zoe Angstrom")
    assert dialog.error_text("mentor.name") == ""  # gone once the field is right
    qtbot.keyClicks(dialog.texts["purpose"], "Grow into a staff role")

    def set_rhythm(rule):
        editor_dialog = CadenceRuleDialog(rule, dialog, today=date(2026, 3, 25))
        qtbot.addWidget(editor_dialog)
        editor = editor_dialog.editor
        editor.unit_combo.setCurrentIndex(editor.unit_combo.findData("MONTHLY"))
        editor.nth_combo.setCurrentIndex(editor.nth_combo.findData(1))
        editor.weekday_combo.setCurrentIndex(1)  # Tuesday
        editor.start_edit.setDate(QDate(2026, 4, 1))
        assert editor.first_label.text().startswith("First session: Tue, 7 Apr 2026 at 17:00")
        qtbot.mouseClick(
            editor_dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
            Qt.MouseButton.LeftButton,
        )
        return editor_dialog.result_rule

    dialog.rule_editor = set_rhythm
    qtbot.mouseClick(dialog.add_rule_button, Qt.MouseButton.LeftButton)
    assert "monthly on the first Tuesday at 17:00" in dialog.rules_list.item(0).text()
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    tab.agreement_saved(dialog.saved)

    (mentorship,) = rows(engine, MentorshipRow)
    saved = service.agreement(mentorship.id)
    assert saved.mentor.name == "Zoe Angstrom" and mentorship.purpose == "Grow into a staff role"
    (rule,) = rows(engine, CadenceRuleRow)
    assert (rule.rrule, rule.first_start) == ("FREQ=MONTHLY;BYDAY=1TU", datetime(2026, 4, 7, 17))
    assert tab.view.agreement_combo.currentText() == "Zoe Angstrom"
    assert "monthly on the first Tuesday" in tab.view.agreement_summary.text()
    assert tab.sessions.row_at(0).start == datetime(2026, 4, 7, 17)
    assert tab.view.session_title.text().startswith("Session on Tue, 7 Apr 2026")


def test_building_an_agenda(qtbot, service, dialogs, tmp_path, engine) -> None:
    agreement = service.save_agreement(None, agreement_draft(rules=(MONTHLY,)))
    with unit_of_work_factory(engine)() as uow:
        uow.session.add_all(
            [
                JournalEntryRow(
                    entry_date=date(2026, 3, 5),
                    title="Tension with PM",
                    kind="setback",
                    flagged=True,
                ),
                JournalEntryRow(entry_date=date(2026, 3, 6), title="Shipped the API", kind="win"),
            ]
        )
    tab = make_tab(qtbot, service, dialogs, tmp_path)
    assert tab.view.session_title.text().startswith("Session on Tue, 7 Apr 2026")
    assert [tab.suggestions.row_at(r).text for r in range(tab.suggestions.rowCount())] == [
        "Tension with PM",
        "Shipped the API",
    ]
    # accept the flagged entry
    tab.view.suggestions_view.selectRow(0)
    qtbot.mouseClick(tab.view.accept_button, Qt.MouseButton.LeftButton)
    assert tab.agenda.texts() == ["Tension with PM"]
    assert tab.suggestions.rowCount() == 1
    # own topic and a question, typed
    qtbot.keyClicks(tab.view.new_item_edit, "How do I say no to a second project?")
    tab.view.kind_combo.setCurrentIndex(1)
    qtbot.keyClick(tab.view.new_item_edit, Qt.Key.Key_Return)
    assert tab.agenda.texts() == ["Tension with PM", "How do I say no to a second project?"]
    # reorder: the question first
    tab.view.agenda_view.selectRow(1)
    qtbot.mouseClick(tab.view.up_button, Qt.MouseButton.LeftButton)
    assert tab.agenda.texts() == ["How do I say no to a second project?", "Tension with PM"]
    # drop the win suggestion
    tab.view.suggestions_view.selectRow(0)
    qtbot.mouseClick(tab.view.drop_button, Qt.MouseButton.LeftButton)
    assert tab.suggestions.rowCount() == 0
    # edit an item's text in place
    tab.agenda.setData(tab.agenda.index(1, 2), "Working with my PM")
    stored = rows(engine, AgendaItemRow, AgendaItemRow.dropped.is_(False))
    assert [
        (r.position, r.text, r.kind, r.source) for r in sorted(stored, key=lambda r: r.position)
    ] == [
        (0, "How do I say no to a second project?", "question", "own"),
        (1, "Working with my PM", "topic", AgendaSource.JOURNAL.value),
    ]
    # personal update saves on its own
    qtbot.keyClicks(tab.view.personal_update, "Good month, new team lead role.")
    qtbot.waitUntil(
        lambda: rows(engine, SessionRow)[0].personal_update == "Good month, new team lead role.",
        timeout=3000,
    )
    assert agreement.id == rows(engine, SessionRow)[0].mentorship_id


def test_finishing_a_session(qtbot, service, dialogs, tmp_path, engine) -> None:
    agreement = service.save_agreement(None, agreement_draft(rules=(MONTHLY,)))
    with unit_of_work_factory(engine)() as uow:
        held = SessionRow(
            mentorship_id=agreement.id,
            rule_id=agreement.rules[0].id,
            original_start=datetime(2026, 3, 3, 17),
            start=datetime(2026, 3, 3, 17),
            label="Session",
            status="planned",
        )
        uow.session.add(held)
        uow.session.flush()
        uow.session.add_all(
            [
                AgendaItemRow(session_id=held.id, position=0, text="Promotion case"),
                AgendaItemRow(session_id=held.id, position=1, text="Conference talk"),
            ]
        )
    tab = make_tab(qtbot, service, dialogs, tmp_path)
    tab.view.sessions_view.selectRow(
        tab.sessions.row_of(f"r{agreement.rules[0].id}@2026-03-03T17:00:00")
    )
    assert tab.view.session_title.text().startswith("Session on Tue, 3 Mar 2026")
    qtbot.mouseClick(tab.view.done_session_button, Qt.MouseButton.LeftButton)
    assert rows(engine, SessionRow)[0].status == "done"

    # tick the first agenda item as discussed with the keyboard
    tab.view.agenda_view.setFocus()
    tab.view.agenda_view.setCurrentIndex(tab.agenda.index(0, 0))
    qtbot.keyClick(tab.view.agenda_view, Qt.Key.Key_Space)
    assert [r.discussed for r in sorted(rows(engine, AgendaItemRow), key=lambda r: r.position)] == [
        True,
        False,
    ]

    tab.view.pages.setCurrentIndex(1)
    qtbot.keyClicks(tab.view.notes, "Talked about scope.")
    qtbot.keyClicks(tab.view.takeaways, "Ask for the decision I need.")
    tab.flush()
    held_row = rows(engine, SessionRow)[0]
    assert (held_row.notes, held_row.takeaways) == (
        "Talked about scope.",
        "Ask for the decision I need.",
    )

    # an action item due before the session is refused with a message
    qtbot.keyClicks(tab.view.action_text, "Send the proposal")
    tab.view.action_due.enabled_box.setChecked(True)
    tab.view.action_due.date_edit.setDate(QDate(2026, 3, 1))
    qtbot.mouseClick(tab.view.add_action_button, Qt.MouseButton.LeftButton)
    assert "before the session" in tab.view.action_error.text()
    assert rows(engine, ActionItemRow) == []
    tab.view.action_due.date_edit.setDate(QDate(2026, 3, 20))
    tab.view.action_owner.setCurrentIndex(1)
    qtbot.mouseClick(tab.view.add_action_button, Qt.MouseButton.LeftButton)
    (action,) = rows(engine, ActionItemRow)
    assert (action.text, action.owner, action.due_date) == (
        "Send the proposal",
        "mentor",
        date(2026, 3, 20),
    )
    assert tab.view.action_error.text() == ""

    for name, text in (("situation", "Demo day"), ("behaviour", "Rushed the ending")):
        qtbot.keyClicks(tab.view.feedback_fields[name], text)
    qtbot.mouseClick(tab.view.add_feedback_button, Qt.MouseButton.LeftButton)
    (feedback,) = rows(engine, FeedbackRow)
    assert (feedback.situation, feedback.behaviour) == ("Demo day", "Rushed the ending")
    assert tab.feedback.rowCount() == 1

    # the open action item and the undiscussed item show up for the next session
    next_row = tab.sessions.next_row()
    tab.view.sessions_view.selectRow(next_row)
    sources = {tab.suggestions.row_at(r).source for r in range(tab.suggestions.rowCount())}
    assert sources == {AgendaSource.CARRIED, AgendaSource.ACTION}
    # the mentor's item is not one of my commitments
    assert tab.view.follow_through_label.text() == (
        "Follow-through: No commitments of mine with a due date yet."
    )


def test_cancel_one_occurrence_keeps_the_others(qtbot, service, dialogs, tmp_path, engine) -> None:
    service.save_agreement(None, agreement_draft(rules=(MONTHLY,)))
    tab = make_tab(qtbot, service, dialogs, tmp_path)
    first = tab.sessions.next_row()
    before = [tab.sessions.row_at(r).start for r in range(first, tab.sessions.rowCount())]
    dialogs.confirm_answers.append(True)
    qtbot.mouseClick(tab.view.cancel_session_button, Qt.MouseButton.LeftButton)
    after = [tab.sessions.row_at(r) for r in range(first, tab.sessions.rowCount())]
    assert [s.start for s in after] == before
    assert [s.status for s in after[:2]] == [SessionStatus.CANCELLED, SessionStatus.PLANNED]
    assert tab.view.session_title.text().endswith("— cancelled")
    assert tab.sessions.row_at(tab.sessions.next_row()).start == datetime(2026, 5, 5, 17)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_save_brief_as_pdf_and_export_calendar(qtbot, service, dialogs, tmp_path, engine) -> None:
    agreement = service.save_agreement(None, agreement_draft(rules=(MONTHLY,)))
    service.add_agenda_item(service.store(service.next_session(agreement.id)), "Ask about scope")
    tab = make_tab(qtbot, service, dialogs, tmp_path, answers=["brief", "cal"])
    messages: list[str] = []
    tab.status_message.connect(messages.append)
    qtbot.mouseClick(tab.view.pdf_button, Qt.MouseButton.LeftButton)
    pdf = tmp_path / "brief.pdf"
    qtbot.waitUntil(lambda: any(m.startswith("Saved the brief") for m in messages), timeout=20_000)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "Zoë Ångström" in text and "Ask about scope" in text
    path = tab.export_calendar()
    assert path == tmp_path / "cal.ics" and b"RRULE:FREQ=MONTHLY;BYDAY=1TU" in path.read_bytes()
    assert [kind for _title, kind, _name in dialogs.save_requests] == ["brief", "calendar"]


def test_main_window_offers_print_and_calendar_export(
    qtbot, services, dialogs, app_settings, tmp_path
):
    from PySide6.QtGui import QKeySequence

    from mentor_desktop.ui.actions import ActionId
    from mentor_desktop.ui.main_window import MainWindow, build_tabs

    window = MainWindow(app_settings, dialogs, tmp_path / "x.sqlite3")
    qtbot.addWidget(window)
    for tab in build_tabs(services, window.change_bus, dialogs, app_settings):
        window.add_tab(tab)
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles.index("Session prep") == titles.index("Goals") + 2 or "Journal" not in titles
    texts = [a.text() for a in window.file_menu.actions()]
    assert "&Print…" in texts and "E&xport sessions to calendar…" in texts
    print_action = window.action_registry[ActionId.PRINT]
    assert print_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Print)
    # no agreement yet: printing has nothing to print and says so
    window.print_document()
    assert window.statusBar().currentMessage() == "There is nothing to print yet."


def test_moving_one_session_with_the_dialog(qtbot, service, dialogs, tmp_path, engine) -> None:
    from PySide6.QtCore import QDateTime

    service.save_agreement(None, agreement_draft(rules=(MONTHLY,)))
    tab = make_tab(qtbot, service, dialogs, tmp_path)
    dialog = tab.move_dialog()
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.when.setDateTime(QDateTime(datetime(2026, 3, 1, 10)))
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert "is in the past" in dialog.error_text("start")
    assert rows(engine, SessionRow) == []
    dialog.when.setDateTime(QDateTime(datetime(2026, 4, 9, 18, 30)))
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    (moved,) = rows(engine, SessionRow)
    assert (moved.start, moved.original_start, moved.status) == (
        datetime(2026, 4, 9, 18, 30),
        datetime(2026, 4, 7, 17),
        "moved",
    )
    tab.refresh_current()
    first = tab.sessions.row_of(f"r{moved.rule_id}@2026-04-07T17:00:00")
    starts = [tab.sessions.row_at(r).start for r in range(first, first + 3)]
    assert starts == [
        datetime(2026, 4, 9, 18, 30),
        datetime(2026, 5, 5, 17),
        datetime(2026, 6, 2, 17),
    ]


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="needs poppler-utils")
def test_print_preview_paints_the_brief(qtbot, service, dialogs, tmp_path) -> None:
    from PySide6.QtPrintSupport import QPrinter

    service.save_agreement(None, agreement_draft(rules=(MONTHLY,)))
    tab = make_tab(qtbot, service, dialogs, tmp_path)
    qtbot.mouseClick(tab.view.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.preview is not None and tab.preview.isVisible(), timeout=20_000)
    assert tab.preview.windowTitle().startswith("Print preview — Session brief")
    from PySide6.QtPrintSupport import QPrintPreviewWidget

    shown = tab.preview.findChild(QPrintPreviewWidget)
    assert shown.zoomMode() == QPrintPreviewWidget.ZoomMode.FitToWidth  # not a small 38 %
    screen = tab.preview.screen().availableGeometry()
    assert tab.preview.height() >= screen.height() - 80 - 1
    tab.preview.close()
    dialog = tab.preview
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    dialog.paintRequested.emit(printer)
    info = subprocess.run(
        ["pdfinfo", str(tmp_path / "printed.pdf")], capture_output=True, text=True
    )
    assert "Pages:           1" in info.stdout


def test_agenda_keys_and_undo(qtbot, service, dialogs, tmp_path, engine) -> None:
    agreement = service.save_agreement(None, agreement_draft(rules=(MONTHLY,)))
    tab = make_tab(qtbot, service, dialogs, tmp_path)
    for text in ("First", "Second", "Third"):
        qtbot.keyClicks(tab.view.new_item_edit, text)
        qtbot.keyClick(tab.view.new_item_edit, Qt.Key.Key_Return)
    assert tab.agenda.texts() == ["First", "Second", "Third"]
    view = tab.view.agenda_view
    view.setFocus()
    view.setCurrentIndex(tab.agenda.index(0, 2))
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert tab.agenda.texts() == ["Second", "First", "Third"]
    view.setCurrentIndex(tab.agenda.index(2, 2))
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert tab.agenda.texts() == ["Second", "First"]
    stack = tab.undo_stack()
    stack.undo()
    assert tab.agenda.texts() == ["Second", "First", "Third"]
    stack.undo()
    assert tab.agenda.texts() == ["First", "Second", "Third"]
    stack.redo()
    stack.redo()
    assert tab.agenda.texts() == ["Second", "First"]
    in_db = sorted(rows(engine, AgendaItemRow), key=lambda r: r.position)
    assert [r.text for r in in_db] == ["Second", "First"]
    assert in_db[0].session_id == service.next_session(agreement.id).id
    # the After page shows the same agenda, to tick what was discussed
    assert tab.view.after_agenda_view.model() is tab.agenda


def test_removing_an_action_item_and_feedback_asks_first(qtbot, service, dialogs, tmp_path, engine):
    agreement = service.save_agreement(None, agreement_draft(rules=(MONTHLY,)))
    session = service.store(service.next_session(agreement.id))
    service.add_action(session, ActionItemDraft("Mistake", due_date=date(2026, 4, 20)))
    service.add_feedback(session.id, FeedbackDraft("Wrong", "Typed in error"))
    tab = make_tab(qtbot, service, dialogs, tmp_path)
    tab.view.pages.setCurrentIndex(1)
    tab.view.actions_view.selectRow(0)
    dialogs.confirm_answers.extend([False, True])
    qtbot.mouseClick(tab.view.remove_action_button, Qt.MouseButton.LeftButton)
    assert len(rows(engine, ActionItemRow)) == 1
    qtbot.mouseClick(tab.view.remove_action_button, Qt.MouseButton.LeftButton)
    assert rows(engine, ActionItemRow) == [] and tab.action_items.rowCount() == 0
    tab.view.feedback_view.selectRow(0)
    dialogs.confirm_answers.append(True)
    qtbot.mouseClick(tab.view.remove_feedback_button, Qt.MouseButton.LeftButton)
    assert rows(engine, FeedbackRow) == [] and tab.feedback.rowCount() == 0
    assert dialogs.asked[-1] == "Remove the feedback about “Wrong”?"


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="needs poppler-utils")
def test_paper_size_choice_is_used_and_remembered(qtbot, service, dialogs, tmp_path, app_settings):
    service.save_agreement(None, agreement_draft(rules=(MONTHLY,)))
    tab = make_tab(qtbot, service, dialogs, tmp_path, answers=["letter.pdf"])
    tab.view.paper_combo.setCurrentIndex(tab.view.paper_combo.findText("Letter"))
    messages: list[str] = []
    tab.status_message.connect(messages.append)
    qtbot.mouseClick(tab.view.pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(m.startswith("Saved the brief") for m in messages), timeout=20_000)
    info = subprocess.run(["pdfinfo", str(tmp_path / "letter.pdf")], capture_output=True, text=True)
    assert "(letter)" in info.stdout
    tab.save_state(app_settings)
    again = make_tab(qtbot, service, dialogs, tmp_path)
    again.restore_state(app_settings)
    assert again.view.paper_combo.currentText() == "Letter"


def _held_session(engine, agreement) -> str:
    """Store the 3 March occurrence (a past session still to be recorded); returns its key."""
    with unit_of_work_factory(engine)() as uow:
        uow.session.add(
            SessionRow(
                mentorship_id=agreement.id,
                rule_id=agreement.rules[0].id,
                original_start=datetime(2026, 3, 3, 17),
                start=datetime(2026, 3, 3, 17),
                label="Session",
                status="planned",
            )
        )
    return f"r{agreement.rules[0].id}@2026-03-03T17:00:00"


def _stored_session(engine) -> SessionRow:
    (row,) = rows(engine, SessionRow, SessionRow.start == datetime(2026, 3, 3, 17))
    return row


@pytest.mark.parametrize("act", ["mark done", "add an agenda item", "tick discussed", "undo"])
def test_text_typed_just_before_acting_is_kept(
    qtbot, service, dialogs, tmp_path, engine, act: str
) -> None:
    agreement = service.save_agreement(None, agreement_draft(rules=(MONTHLY,)))
    key = _held_session(engine, agreement)
    service.add_agenda_item(service.session(_stored_session(engine).id), "Promotion case")
    tab = make_tab(qtbot, service, dialogs, tmp_path)
    tab.view.sessions_view.selectRow(tab.sessions.row_of(key))
    if act == "undo":
        qtbot.keyClicks(tab.view.new_item_edit, "Scope")
        qtbot.keyClick(tab.view.new_item_edit, Qt.Key.Key_Return)
    tab.view.pages.setCurrentIndex(1)
    qtbot.keyClicks(tab.view.takeaways, "Ask for the decision I need.")
    # at once, well before the autosave runs
    if act == "mark done":
        qtbot.mouseClick(tab.view.done_session_button, Qt.MouseButton.LeftButton)
    elif act == "add an agenda item":
        qtbot.keyClicks(tab.view.new_item_edit, "Budget")
        qtbot.keyClick(tab.view.new_item_edit, Qt.Key.Key_Return)
    elif act == "tick discussed":
        tab.view.after_agenda_view.setFocus()
        tab.view.after_agenda_view.setCurrentIndex(tab.agenda.index(0, 0))
        qtbot.keyClick(tab.view.after_agenda_view, Qt.Key.Key_Space)
    else:
        tab.undo_stack().undo()
    assert _stored_session(engine).takeaways == "Ask for the decision I need."
    assert tab.view.takeaways.toPlainText() == "Ask for the decision I need."


def test_text_that_cannot_be_saved_stays_with_a_message_and_the_session_stays_selected(
    qtbot, service, dialogs, tmp_path, engine
) -> None:
    from mentor_desktop.services.sessions import MAX_SESSION_TEXT

    agreement = service.save_agreement(None, agreement_draft(rules=(MONTHLY,)))
    key = _held_session(engine, agreement)
    tab = make_tab(qtbot, service, dialogs, tmp_path)
    tab.view.sessions_view.selectRow(tab.sessions.row_of(key))
    tab.view.pages.setCurrentIndex(1)
    long_notes = "x" * 50_000  # well over the old limit: saved now
    tab.view.notes.setPlainText(long_notes)
    qtbot.keyClicks(tab.view.takeaways, "Important takeaway")
    assert tab.flush()
    assert (_stored_session(engine).notes, _stored_session(engine).takeaways) == (
        long_notes,
        "Important takeaway",
    )
    # a pasted transcript: lines of words (one endless word would only test Qt's line layout)
    too_long = ("a line of pasted words\n" * 50_000)[: MAX_SESSION_TEXT + 1]
    tab.view.notes.setPlainText(too_long)
    tab.view.takeaways.setPlainText("A second takeaway")
    assert not tab.flush()
    # the field that fits is saved on its own; the other keeps its text and says why
    assert _stored_session(engine).takeaways == "A second takeaway"
    assert _stored_session(engine).notes == long_notes
    error = tab.view.text_errors["notes"]
    assert error.isVisible() and "keep it under 1,000,000" in error.text()
    assert not tab.view.text_errors["takeaways"].isVisible()
    assert "Notes is 1,000,001 characters long" in tab.unsaved_work()
    # choosing another session is refused until the text fits
    tab.view.sessions_view.selectRow(tab.sessions.next_row())
    assert tab.current_session().key == key
    assert tab.view.sessions_view.currentIndex().row() == tab.sessions.row_of(key)
    assert tab.view.notes.toPlainText() == too_long
    # acting on the session reloads it but keeps the text in its box
    qtbot.mouseClick(tab.view.done_session_button, Qt.MouseButton.LeftButton)
    assert _stored_session(engine).status == "done"
    assert tab.view.notes.toPlainText() == too_long and error.isVisible()
    # shortened: saved, the message goes, and the next session can be chosen
    tab.view.notes.setPlainText("Short notes")
    assert tab.flush()
    assert _stored_session(engine).notes == "Short notes" and not error.isVisible()
    tab.view.sessions_view.selectRow(tab.sessions.next_row())
    assert tab.current_session().start == datetime(2026, 4, 7, 17)
    assert tab.view.notes.toPlainText() == ""


def test_closing_a_changed_agreement_asks_first(qtbot, service, dialogs, tmp_path) -> None:
    agreement = service.save_agreement(None, agreement_draft(rules=(MONTHLY,)))
    tab = make_tab(qtbot, service, dialogs, tmp_path)
    untouched = tab.agreement_dialog(agreement)
    qtbot.addWidget(untouched)
    untouched.show()
    qtbot.keyClick(untouched, Qt.Key.Key_Escape)  # nothing changed: closes without asking
    assert not untouched.isVisible() and dialogs.asked == []

    dialog = tab.agreement_dialog(agreement)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.texts["hopes"], "Learn to delegate")
    dialogs.confirm_answers.extend([False, True])
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialogs.asked == ["Close the agreement without saving what you changed?"]
    assert dialog.isVisible() and dialog.texts["hopes"].toPlainText().endswith("delegate")
    cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and dialog.result() == dialog.DialogCode.Rejected
    assert service.agreement(agreement.id).mentorship.hopes == agreement.mentorship.hopes


def test_agenda_text_edits_and_ticks_can_be_undone_and_bad_text_is_kept_to_fix(
    qtbot, service, dialogs, tmp_path, engine
) -> None:
    from PySide6.QtWidgets import QLineEdit

    agreement = service.save_agreement(None, agreement_draft(rules=(MONTHLY,)))
    service.add_agenda_item(service.store(service.next_session(agreement.id)), "Scope")
    tab = make_tab(qtbot, service, dialogs, tmp_path)
    view = tab.view.agenda_view
    text_index = tab.agenda.index(0, 2)

    def open_editor() -> QLineEdit | None:
        shown = [w for w in view.findChildren(QLineEdit) if w.isVisible()]
        return shown[0] if shown else None

    def type_in_place(text: str) -> None:
        view.setFocus()
        view.setCurrentIndex(text_index)
        qtbot.keyClick(view, Qt.Key.Key_F2)
        editor = open_editor()
        assert editor is not None
        editor.selectAll()
        qtbot.keyClicks(editor, text)
        qtbot.keyClick(editor, Qt.Key.Key_Return)

    too_long = "z" * 2_001
    type_in_place(too_long)
    qtbot.waitUntil(lambda: bool(dialogs.errors))  # the view commits the edit queued
    assert "keep it under 2,000" in dialogs.errors[-1]
    assert rows(engine, AgendaItemRow)[0].text == "Scope"
    # the item opens for editing again with what was typed, to be shortened
    qtbot.waitUntil(lambda: open_editor() is not None)
    editor = open_editor()
    assert editor.text() == too_long
    editor.setText("Scope of the migration")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: rows(engine, AgendaItemRow)[0].text == "Scope of the migration")
    assert tab.agenda.texts() == ["Scope of the migration"]

    view.setCurrentIndex(tab.agenda.index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert rows(engine, AgendaItemRow)[0].discussed is True
    stack = tab.undo_stack()
    assert stack.undoText() == "Tick as discussed"
    stack.undo()
    assert rows(engine, AgendaItemRow)[0].discussed is False
    assert tab.agenda.item_at(0).discussed is False
    assert stack.undoText() == "Edit agenda item"
    stack.undo()
    assert rows(engine, AgendaItemRow)[0].text == "Scope" and tab.agenda.texts() == ["Scope"]
    stack.redo()
    stack.redo()
    assert (rows(engine, AgendaItemRow)[0].text, rows(engine, AgendaItemRow)[0].discussed) == (
        "Scope of the migration",
        True,
    )


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="needs poppler-utils")
def test_the_brief_is_prepared_off_the_gui_thread_and_laid_out_on_it(
    qtbot, service, dialogs, tmp_path, monkeypatch
) -> None:
    """Its data and chart on a pool thread; its text laid out on the GUI thread: Qt's text
    layout on a pool thread could freeze the window for good (see `ui.report_jobs`)."""
    from PySide6.QtCore import QThread

    import mentor_desktop.reports.brief as brief_module
    import mentor_desktop.reports.chart_images as chart_images

    drawn_on: list[QThread] = []
    laid_out_on: list[QThread] = []
    real_images, real_room_left = chart_images.brief_images, brief_module.room_left

    def drawing(data):
        drawn_on.append(QThread.currentThread())
        return real_images(data)

    def measuring(*args, **kwargs):
        laid_out_on.append(QThread.currentThread())
        return real_room_left(*args, **kwargs)

    monkeypatch.setattr(chart_images, "brief_images", drawing)
    monkeypatch.setattr(brief_module, "room_left", measuring)
    service.save_agreement(None, agreement_draft(rules=(MONTHLY,)))
    tab = make_tab(qtbot, service, dialogs, tmp_path, answers=["brief.pdf"])
    messages: list[str] = []
    tab.status_message.connect(messages.append)
    qtbot.mouseClick(tab.view.pdf_button, Qt.MouseButton.LeftButton)
    assert messages[-1] == "Preparing the brief…"
    assert not tab.view.pdf_button.isEnabled()
    qtbot.waitUntil(lambda: messages[-1].startswith("Saved the brief"), timeout=20_000)
    assert drawn_on and all(thread is not tab.thread() for thread in drawn_on)
    assert laid_out_on and all(thread is tab.thread() for thread in laid_out_on)
    assert tab.view.pdf_button.isEnabled() and (tmp_path / "brief.pdf").stat().st_size > 0


def test_brief_and_calendar_on_a_full_disk_say_so(qtbot, service, dialogs, full_disk) -> None:
    agreement = service.save_agreement(None, agreement_draft(rules=(MONTHLY,)))
    service.add_agenda_item(service.store(service.next_session(agreement.id)), "Ask about scope")
    tab = make_tab(qtbot, service, dialogs, full_disk.root, answers=["brief.pdf", "cal.ics"])
    (full_disk.root / "cal.ics").write_bytes(b"older calendar")
    full_disk.fill()
    qtbot.mouseClick(tab.view.pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(dialogs.errors), timeout=20_000)
    assert dialogs.errors[0].endswith("brief.pdf: the disk is full. Nothing was written.")
    assert tab.export_calendar() is None
    assert "cal.ics: the disk is full. The earlier file there was kept" in dialogs.errors[1]
    assert (full_disk.root / "cal.ics").read_bytes() == b"older calendar"
    assert not (full_disk.root / "brief.pdf").exists()


def test_an_own_edit_updates_its_rows_and_does_not_reload_the_tab(
    qtbot, service, dialogs, tmp_path, engine
) -> None:
    from mentor_desktop.ui.bus import EXTERNAL, ChangeKind

    service.save_agreement(None, agreement_draft(rules=(MONTHLY,)))
    bus = ChangeBus()
    tab = SessionPrepTab(service, bus, dialogs)
    qtbot.addWidget(tab)
    tab.show()
    heard = []
    bus.changed.connect(heard.append)
    reloads: list[str] = []
    tab.agreements.modelReset.connect(lambda: reloads.append("agreements"))
    tab.sessions.modelReset.connect(lambda: reloads.append("sessions"))
    session = tab.current_session()
    assert session is not None and session.id is None  # the next cadence occurrence
    tab.view.new_item_edit.setText("Ask about the budget")
    qtbot.mouseClick(tab.view.add_item_button, Qt.MouseButton.LeftButton)
    assert tab.agenda.texts() == ["Ask about the budget"]
    row = tab.sessions.row_of(session.key)
    assert tab.sessions.index(row, 3).data() == "1"  # its row in the list counts the item
    tab.view.action_text.setText("Send the draft")
    qtbot.mouseClick(tab.view.add_action_button, Qt.MouseButton.LeftButton)
    assert [tab.action_items.item_at(0).text] == ["Send the draft"]
    assert reloads == []  # the list was not read again for an edit of one session
    stored = rows(engine, SessionRow)[0]
    assert [(c.kind, c.origin, c.ids) for c in heard] == [
        (ChangeKind.SESSIONS, tab, (stored.id,)),
        (ChangeKind.SESSIONS, tab, (stored.id,)),
    ]
    # the tab ignores its own announcement; another's change to goals asks for suggestions
    bus.announce(ChangeKind.SESSIONS, tab, (stored.id,))
    bus.announce(ChangeKind.GOALS, EXTERNAL)
    assert reloads == []


def test_steady_typing_in_the_session_notes_is_saved_while_typing(
    qtbot, service, dialogs, tmp_path, engine
) -> None:
    agreement = service.save_agreement(None, agreement_draft(rules=(MONTHLY,)))
    key = _held_session(engine, agreement)
    tab = make_tab(qtbot, service, dialogs, tmp_path)
    tab.view.sessions_view.selectRow(tab.sessions.row_of(key))
    tab.view.pages.setCurrentIndex(1)
    notes = tab.view.notes
    notes.setFocus()
    words = "we agreed on a plan for the migration and who asks the budget owner next "
    typed = ""
    seen: list[str] = []
    for index in range(50):  # a key every 100 ms for five seconds, never pausing
        typed += words[index % len(words)]
        qtbot.keyClicks(notes, typed[-1])
        qtbot.wait(100)
        stored = _stored_session(engine).notes
        if stored and stored not in seen:
            seen.append(stored)
    assert notes.toPlainText() == typed
    # written again and again while typing went on, each time what was typed so far
    assert len(seen) >= 2 and all(typed.startswith(text) for text in seen)
    assert tab.flush() and _stored_session(engine).notes == typed


def test_a_locked_database_is_reported_through_the_one_error_path(
    qtbot, service, dialogs, tmp_path, engine, monkeypatch
) -> None:
    from mentor_desktop.domain.errors import DatabaseBusyError

    agreement = service.save_agreement(None, agreement_draft(rules=(MONTHLY,)))
    service.add_agenda_item(service.store(service.next_session(agreement.id)), "Scope")
    tab = make_tab(qtbot, service, dialogs, tmp_path)

    def locked(*_args, **_kwargs):
        raise DatabaseBusyError("remove the agenda item")

    monkeypatch.setattr(service, "remove_agenda_item", locked)
    tab.view.agenda_view.selectRow(0)
    qtbot.mouseClick(tab.view.remove_item_button, Qt.MouseButton.LeftButton)
    assert "Could not remove the agenda item: the database is busy" in dialogs.errors[-1]
    assert "Close the other program or wait a moment" in dialogs.errors[-1]
    assert tab.agenda.texts() == ["Scope"] and rows(engine, AgendaItemRow)[0].text == "Scope"
