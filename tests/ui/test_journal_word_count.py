"""The word count under an entry: exact, and counted a slice at a time for a long text."""

from __future__ import annotations

import itertools
import random
from datetime import date

import pytest

from mentor_desktop.domain.journal import EntryDraft
from mentor_desktop.ui.bus import ChangeBus
from mentor_desktop.ui.journal.tab import JournalTab
from mentor_desktop.ui.journal.word_count import SLICE, count_words

DAY = date(2026, 3, 2)


@pytest.fixture
def make_tab(qtbot, services, dialogs):
    def make(body: str) -> JournalTab:
        services.journal.create_entry(EntryDraft(DAY, "Counted", body))
        tab = JournalTab(services.journal, ChangeBus(), dialogs)
        qtbot.addWidget(tab)
        tab.resize(1300, 800)
        tab.show()
        return tab

    return make


def _label(tab: JournalTab) -> str:
    return tab.view.editor.word_count_label.text()


def test_slices_count_each_word_once_wherever_they_are_cut() -> None:
    rng = random.Random(4)
    text = "".join(rng.choice("ab  \n\u00a0\t") for _ in range(5000))
    for size in (1, 7, 100, 999):
        cuts = [*range(0, len(text), size), len(text)]
        total = sum(count_words(text, a, b) for a, b in itertools.pairwise(cuts))
        assert total == len(text.split()), size


def test_typing_updates_the_count_after_a_pause(qtbot, make_tab) -> None:
    tab = make_tab("One two")
    qtbot.waitUntil(lambda: _label(tab) == "2 words", timeout=2000)
    body = tab.view.editor.body_edit
    body.setFocus()
    body.moveCursor(body.textCursor().MoveOperation.End)
    qtbot.keyClicks(body, " three")
    qtbot.waitUntil(lambda: _label(tab) == "3 words", timeout=2000)
    body.selectAll()
    qtbot.keyClicks(body, "x")
    qtbot.waitUntil(lambda: _label(tab) == "1 word", timeout=2000)


def test_a_long_entry_on_one_line_is_counted_exactly(qtbot, make_tab) -> None:
    # one line of 3 slices, shown in soft-broken pieces, with words longer than a piece
    words = ["mentor", "feedback", "délégation", "x" * 1500, "plan\u00a0review"]
    rng = random.Random(2)
    body = " ".join(rng.choice(words) for _ in range(120_000))[: 3 * SLICE + 17]
    tab = make_tab(body)
    assert tab.view.editor.body_edit.document().blockCount() > 100  # soft breaks in it
    expected = len(body.split())
    qtbot.waitUntil(lambda: _label(tab) == f"{expected:,} words", timeout=5000)


def test_typing_during_a_long_count_starts_it_again(qtbot, make_tab) -> None:
    body = "word " * (SLICE // 2)  # 2.5 slices
    tab = make_tab(body)
    view = tab.view.editor
    view.update_word_count()
    assert view.word_counter.counting  # the first slice was counted, the rest follow
    edit = view.body_edit
    edit.setFocus()
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    qtbot.keyClicks(edit, "last")
    assert not view.word_counter.counting  # the count of the old text was dropped
    qtbot.waitUntil(lambda: _label(tab) == f"{SLICE // 2 + 1:,} words", timeout=5000)
