"""Past a screenful of goals, the window paints the first ones and adds the others right after,
from the same snapshot: every goal ends up in the tree once, the active ones open."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from mentor_desktop.app import Services, open_services
from mentor_desktop.app_window import build_window
from mentor_desktop.domain.errors import DiskIOError
from mentor_desktop.domain.models import GoalDraft, GoalStatus, MilestoneDraft
from mentor_desktop.services import quick_reads
from mentor_desktop.services.backups import BackupService
from mentor_desktop.services.quick_reads import FirstScreen, first_screen
from mentor_desktop.ui.goals import later_goals
from mentor_desktop.ui.goals.tab import GoalsTab
from mentor_desktop.ui.models.goal_tree import NodeKind

TITLES = ["Lead the guild", "Write a book", "Learn Rust", "Run a marathon", "Teach a course"]


@pytest.fixture
def start(qtbot, db_path: Path, app_settings, dialogs, monkeypatch):
    """build(on_journal=False) -> (window, goals tab or None, first screen, services): the
    window as a start builds it, before it is shown, with a first screen of two goals out
    of five. `on_journal`: the person left the window on the Journal tab, so the Goals tab
    is not built yet."""
    monkeypatch.setattr(quick_reads, "FIRST_SCREEN_GOALS", 2)
    monkeypatch.setattr(later_goals, "LATER_GOALS_STEP", 2)  # the three later ones in two
    engine, services = open_services(db_path)
    for number, title in enumerate(TITLES):
        status = GoalStatus.PAUSED if number == 2 else GoalStatus.ACTIVE
        goal = services.goals.create_goal(GoalDraft(title, status=status))
        services.goals.add_milestone(goal.id, MilestoneDraft(f"{title}: begin"))

    def build(on_journal: bool = False) -> tuple[Any, GoalsTab | None, FirstScreen, Services]:
        first = first_screen(db_path)
        if on_journal:
            app_settings.set_state_text("main_window/tab", "1")
        backups = BackupService(db_path, db_path.parent / "b")
        window, _ = build_window(services, backups, app_settings, dialogs, db_path, first)
        qtbot.addWidget(window)
        tab = None if on_journal else window.tab_named("Goals")
        assert tab is None or isinstance(tab, GoalsTab)
        return window, tab, first, services

    yield build
    engine.dispose()


@pytest.fixture
def started(start):
    return start()


def _shown_titles(tab: object) -> list[str]:
    assert isinstance(tab, GoalsTab)
    return [tab.model.index(row, 0).data() for row in range(tab.model.rowCount())]


def test_the_later_goals_join_the_tree_once_the_window_is_painted(qtbot, started) -> None:
    window, tab, first, _ = started
    assert _shown_titles(tab) == TITLES[:2]
    window.show()
    qtbot.waitUntil(lambda: tab.model.rowCount() == len(TITLES))
    assert _shown_titles(tab) == TITLES
    assert not first.later.is_open
    opened = [tab.view.tree.isExpanded(tab.model.index(row, 0)) for row in range(len(TITLES))]
    assert opened == [True, True, False, True, True]  # the paused goal stays closed
    milestone = tab.model.index(0, 0, tab.model.index(4, 0))
    assert milestone.data() == "Teach a course: begin"
    assert tab.model.index_for((NodeKind.GOAL, first.goals[0].id)).row() == 0


def test_goals_read_again_before_the_later_ones_arrive_are_shown_once(qtbot, started) -> None:
    window, tab, first, services = started
    services.goals.create_goal(GoalDraft("Added at once"))
    tab.reload()  # as an edit in the first moment does: every goal, read the full way
    window.show()
    qtbot.waitUntil(lambda: not first.later.is_open)
    assert _shown_titles(tab) == [*TITLES, "Added at once"]


def test_later_goals_that_cannot_be_read_are_named_in_the_status_bar(
    qtbot, started, monkeypatch
) -> None:
    window, tab, first, _ = started
    assert isinstance(first, FirstScreen) and first.later is not None

    def fail(limit: int | None = None) -> list:
        first.later.close()
        raise DiskIOError()

    monkeypatch.setattr(first.later, "read", fail)
    window.show()
    qtbot.waitUntil(
        lambda: "Only the first 2 goals are shown" in window.statusBar().currentMessage()
    )
    assert "disk" in window.statusBar().currentMessage().casefold()
    assert _shown_titles(tab) == TITLES[:2]


def test_a_goals_tab_first_shown_later_reads_every_goal_itself(qtbot, start) -> None:
    window, _, first, _ = start(on_journal=True)
    window.show()
    qtbot.waitUntil(lambda: not first.later.is_open)
    assert window.tabs.currentWidget().title == "Journal"
    assert _shown_titles(window.tab_named("Goals")) == TITLES
