"""The one autosave: steady typing is saved too, a pause saves soon, a failure keeps the text."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QPlainTextEdit

from mentor_desktop.domain.errors import DiskFullError, ValidationError
from mentor_desktop.ui.autosave import Autosave, Write, unsaved_autosaves


class _Field:
    """A text box whose text an Autosave writes into `stored` (failing while `failure` is set)."""

    def __init__(self, qtbot, later=None) -> None:
        self.edit = QPlainTextEdit()
        qtbot.addWidget(self.edit)
        self.stored: list[str] = []
        self.failure: Exception | None = None
        self.autosave = Autosave(self._write, self.edit, label=lambda: "The notes", later=later)
        self.edit.textChanged.connect(self.autosave.touch)
        self.messages: list[str] = []
        self.autosave.failed.connect(self.messages.append)

    def _write(self) -> None:
        if self.failure is not None:
            raise self.failure
        self.stored.append(self.edit.toPlainText())


def test_steady_typing_is_saved_within_two_seconds_while_it_goes_on(qtbot) -> None:
    field = _Field(qtbot)
    typist = QTimer()
    typist.setInterval(100)  # faster than any pause the idle timer waits for
    typist.timeout.connect(lambda: field.edit.insertPlainText("word "))
    typist.start()
    try:
        for saves in range(1, 4):  # each save comes within 2 s of the one before
            qtbot.waitUntil(lambda saves=saves: len(field.stored) >= saves, timeout=2000)
        assert typist.isActive()  # still typing: saved without waiting for a pause
    finally:
        typist.stop()
    assert field.stored[0].startswith("word ")


def test_a_pause_saves_within_a_second(qtbot) -> None:
    field = _Field(qtbot)
    qtbot.keyClicks(field.edit, "A thought")
    assert field.autosave.has_unsaved
    qtbot.waitUntil(lambda: field.stored == ["A thought"], timeout=1000)
    assert not field.autosave.has_unsaved and field.autosave.unsaved_problem() == ""


def test_a_failure_keeps_the_text_says_why_and_tries_again(qtbot) -> None:
    field = _Field(qtbot)
    field.failure = DiskFullError("save the notes")
    qtbot.keyClicks(field.edit, "Keep me")
    assert not field.autosave.flush()
    assert field.edit.toPlainText() == "Keep me"
    assert field.messages[-1].startswith("Could not save the notes: the disk is full.")
    assert "Trying again in" in field.messages[-1]
    assert field.autosave.unsaved_problem().startswith("The notes: Could not save the notes")
    assert field.autosave.timer.isActive()  # the retry is scheduled
    field.failure = None
    qtbot.waitUntil(lambda: field.stored == ["Keep me"], timeout=5000)
    assert not field.autosave.has_unsaved and field.autosave.error == ""


def test_bad_input_is_not_retried_but_kept_until_the_next_edit(qtbot) -> None:
    field = _Field(qtbot)
    field.failure = ValidationError.single("notes", "Too long.")
    qtbot.keyClicks(field.edit, "x")
    assert not field.autosave.flush()
    assert field.messages == ["Too long."] and not field.autosave.timer.isActive()
    field.failure = None
    qtbot.keyClicks(field.edit, "y")
    assert field.autosave.flush() and field.stored == ["xy"]


def test_the_window_finds_every_unsaved_autosave(qtbot) -> None:
    field = _Field(qtbot)
    field.failure = DiskFullError()
    qtbot.keyClicks(field.edit, "pending")
    assert unsaved_autosaves(field.edit) == [field.autosave]
    field.autosave.discard()
    assert unsaved_autosaves(field.edit) == []


def test_closing_with_unsaved_text_in_any_field_asks(qtbot, app_settings, dialogs, db_path) -> None:
    from mentor_desktop.ui.main_window import MainWindow

    window = MainWindow(app_settings, dialogs, db_path)
    qtbot.addWidget(window)
    field = _Field(qtbot)
    field.edit.setParent(window)  # a text box somewhere in the window
    field.failure = DiskFullError("save the notes")
    qtbot.keyClicks(field.edit, "pending")
    dialogs.confirm_answers.append(False)  # keep editing
    assert not window.close()
    assert "The notes: Could not save the notes: the disk is full." in dialogs.asked[-1]
    field.failure = None
    assert window.close()
    assert field.stored == ["pending"]


class _HandedOff(_Field):
    """A field whose Autosave hands every write to the writer thread (`later`)."""

    def __init__(self, qtbot) -> None:
        super().__init__(qtbot, later=self._later)
        self.landed: list[str] = []

    def _later(self) -> Write:
        text = self.edit.toPlainText()

        def work() -> str:
            if self.failure is not None:
                raise self.failure
            self.stored.append(text)
            return text

        return Write(work, self.landed.append)


def test_a_handed_off_write_lands_on_the_gui_thread(qtbot) -> None:
    field = _HandedOff(qtbot)
    qtbot.keyClicks(field.edit, "Far away")
    qtbot.waitUntil(lambda: field.landed == ["Far away"], timeout=2000)
    assert field.stored == ["Far away"] and not field.autosave.has_unsaved


def test_a_bug_in_a_handed_off_write_keeps_the_text_and_says_so(qtbot) -> None:
    field = _HandedOff(qtbot)
    field.failure = RuntimeError("no such column")
    qtbot.keyClicks(field.edit, "kept")
    qtbot.waitUntil(lambda: bool(field.messages), timeout=2000)
    assert "unexpected error (no such column)" in field.messages[-1]
    assert field.autosave.has_unsaved and field.landed == []
    field.failure = None
    assert field.autosave.flush()  # written at once, on the GUI thread
    assert field.stored == ["kept"]
