"""Long text typed in a dialog is kept as a draft and offered back after a crash."""

from __future__ import annotations

from pathlib import Path

import pytest

from mentor_desktop.services.drafts import DraftStore
from mentor_desktop.ui.goals.dialogs import GoalDialog
from mentor_desktop.ui.widgets import dialog_drafts
from mentor_desktop.ui.widgets.validated_dialog import ValidatedDialog


@pytest.fixture
def store(tmp_path: Path):
    store = DraftStore(tmp_path / "drafts")
    dialog_drafts.use_store(store)
    yield store
    dialog_drafts.use_store(None)


def _open(qtbot, answer: bool = True) -> GoalDialog:
    dialog = GoalDialog("New goal", None, lambda _draft: None)
    dialog._ask_put_back = lambda _text: answer  # type: ignore[method-assign]
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog._offered_draft)
    qtbot.wait(10)
    return dialog


def test_text_typed_in_a_dialog_comes_back_after_a_crash(qtbot, store: DraftStore) -> None:
    first = _open(qtbot)
    first.why_edit.setFocus()
    qtbot.keyClicks(first.why_edit, "Because I want to lead the platform team")
    key = first.drafts.key
    qtbot.waitUntil(lambda: bool(store.load(key)), timeout=3000)
    assert store.load(key)["why"] == "Because I want to lead the platform team"
    first.drafts.autosave.discard()
    first.hide()  # the app is killed: the dialog never finishes, its draft stays
    first.finished.disconnect()
    second = _open(qtbot)
    assert second.why_edit.toPlainText() == "Because I want to lead the platform team"
    second.reject()
    assert store.load(key) is None  # Cancel drops the draft


def test_ok_removes_the_draft_and_a_refused_offer_drops_it(qtbot, store: DraftStore) -> None:
    dialog = _open(qtbot)
    qtbot.keyClicks(dialog.title_edit, "Lead the platform team")
    qtbot.waitUntil(lambda: bool(store.load(dialog.drafts.key)), timeout=3000)
    ValidatedDialog._try_accept(dialog)
    assert store.load(dialog.drafts.key) is None
    store.save(dialog.drafts.key, {"title": "left by a crash"})
    declined = _open(qtbot, answer=False)
    assert declined.title_edit.text() == ""
    assert store.load(declined.drafts.key) is None


def test_without_a_store_nothing_is_kept(qtbot, tmp_path: Path) -> None:
    dialog = _open(qtbot)
    qtbot.keyClicks(dialog.title_edit, "x")
    dialog.drafts.autosave.save_now()
    assert not (tmp_path / "drafts").exists()


def test_a_passphrase_is_never_kept(qtbot, store: DraftStore) -> None:
    from PySide6.QtWidgets import QLineEdit

    dialog = ValidatedDialog("Passphrase")
    secret = QLineEdit(dialog)
    secret.setEchoMode(QLineEdit.EchoMode.Password)
    dialog.add_field("passphrase", "Passphrase:", secret)
    assert "passphrase" not in dialog.drafts.fields


def test_text_being_added_in_session_prep_comes_back(
    qtbot, store: DraftStore, services, dialogs
) -> None:
    from mentor_desktop.ui.bus import ChangeBus
    from mentor_desktop.ui.sessions.tab import SessionPrepTab

    first = SessionPrepTab(services.sessions, ChangeBus(), dialogs)
    qtbot.addWidget(first)
    first.view.feedback_fields["situation"].setText("In the design review on Monday")
    qtbot.waitUntil(lambda: bool(store.load(first.composing.key)), timeout=3000)
    first.composing.autosave.discard()  # then the app is killed
    dialogs.confirm_answers.append(True)
    second = SessionPrepTab(services.sessions, ChangeBus(), dialogs)
    qtbot.addWidget(second)
    assert second.view.feedback_fields["situation"].text() == "In the design review on Monday"
    second.view.feedback_fields["situation"].clear()  # added (or cleared): nothing to keep
    second.composing.autosave.save_now()
    assert store.load(second.composing.key) is None
