"""The goals past the first screen's, added to the Goals tab once the window is up.

Past a screenful of goals (`quick_reads.FIRST_SCREEN_GOALS`), the window paints the first
ones; the others are read from the same snapshot of the file right after the first paint.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from mentor_desktop.domain.errors import MentorDesktopError
from mentor_desktop.ui.first_paint import FirstPaint
from mentor_desktop.ui.goals.tab import GoalsTab
from mentor_desktop.ui.widgets.lazy_tab import LazyTab

if TYPE_CHECKING:
    from mentor_desktop.domain.models import Goal
    from mentor_desktop.services.goals import GoalService
    from mentor_desktop.services.quick_reads import LaterGoals
    from mentor_desktop.ui.main_window import MainWindow

#: A window not painted by then (started minimized) adds the later goals all the same.
LATER_GOALS_MS = 1000
#: How many later goals are read in one turn of the event loop (about 20 ms at 100 years).
LATER_GOALS_STEP = 100


def add_later_goals(
    window: MainWindow, goals: GoalService, first_ids: list[int], later: LaterGoals
) -> None:
    """The goals after the first screen's (`first_ids`) join the Goals tab once `window` is
    on screen: right after its first paint, or after `LATER_GOALS_MS` if it is not shown
    by then. They are read `LATER_GOALS_STEP` at a time, the window answering in between,
    and shown at once (the tree lays itself out again on each addition). A Goals tab not
    built by then reads every goal itself when it is."""
    read: list[Goal] = []

    def built_goals_tab() -> GoalsTab | None:
        for page in window.tab_pages():
            if isinstance(page, LazyTab) and page.is_built:
                page = page.tab()
            if isinstance(page, GoalsTab):
                return page
        return None

    def add() -> None:
        if not later.is_open:
            return
        tab = built_goals_tab()
        if tab is None:
            later.close()
            goals.prime(None)
            return
        try:
            read.extend(later.read(LATER_GOALS_STEP))
        except MentorDesktopError as exc:
            message = f"Only the first {len(first_ids)} goals are shown: {exc}"
            window.statusBar().showMessage(message)
            return
        if later.is_open:
            QTimer.singleShot(0, add)
        else:
            tab.add_later_goals(read, first_ids)

    FirstPaint(window, add)
    QTimer.singleShot(LATER_GOALS_MS, add)
    window.close_hooks.append(later.close)
