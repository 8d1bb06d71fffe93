"""The main window's tabs, in their fixed order, each given only the services it needs."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Protocol, cast

from mentor_desktop.settings import AppSettings
from mentor_desktop.ui.bus import ChangeBus, ItemKind
from mentor_desktop.ui.dialogs import Dialogs
from mentor_desktop.ui.widgets.lazy_tab import LazyTab
from mentor_desktop.ui.widgets.tab_page import TabPage

if TYPE_CHECKING:
    from mentor_desktop.services.goals import GoalService
    from mentor_desktop.services.growth import GrowthService
    from mentor_desktop.services.journal import JournalService
    from mentor_desktop.services.sessions import SessionService
    from mentor_desktop.services.timeline import TimelineService
    from mentor_desktop.ui.sessions.tab import SessionPrepTab
    from mentor_desktop.ui.timeline.tab import TimelineTab


class TabServices(Protocol):
    """The services the tabs are built from (app.Services has them)."""

    @property
    def goals(self) -> GoalService: ...
    @property
    def growth(self) -> GrowthService: ...
    @property
    def journal(self) -> JournalService: ...
    @property
    def sessions(self) -> SessionService: ...
    @property
    def timeline(self) -> TimelineService: ...


def build_tabs(
    services: TabServices, bus: ChangeBus, dialogs: Dialogs, settings: AppSettings
) -> list[TabPage]:
    """The tabs, in their fixed order, each given only the services it needs.

    Each is a LazyTab: its module is imported and the tab built when it is first shown (or
    asked to act), so start-up pays only for the tab on screen.
    """

    def goals_tab() -> TabPage:
        from mentor_desktop.ui.goals.tab import GoalsTab

        return GoalsTab(services.goals, bus, dialogs)

    def journal_tab() -> TabPage:
        from mentor_desktop.ui.journal.tab import JournalTab

        return JournalTab(services.journal, bus, dialogs)

    def sessions_tab() -> TabPage:
        from mentor_desktop.ui.sessions.tab import SessionPrepTab

        return SessionPrepTab(services.sessions, bus, dialogs)

    sessions = LazyTab(
        "Session prep",
        sessions_tab,
        opens=(ItemKind.SESSION, ItemKind.ACTION_ITEM),
        warm=lambda: (import_module("mentor_desktop.ui.sessions.tab"), services.sessions),
        commands=("print",),
    )
    sessions.add_file_action(
        "E&xport sessions to calendar…",
        "action_export_sessions",
        "Write upcoming sessions to an .ics file",
        lambda tab: cast("SessionPrepTab", tab).export_calendar(),
    )

    def growth_tab() -> TabPage:
        from mentor_desktop.ui.growth.tab import GrowthTab

        return GrowthTab(services.growth, bus, dialogs)

    growth = LazyTab(
        "Growth",
        growth_tab,
        opens=(ItemKind.PRACTICE, ItemKind.SKILL, ItemKind.OPPORTUNITY),
        warm=lambda: (import_module("mentor_desktop.ui.growth.tab"), services.growth),
        commands=("new", "find"),
    )

    def timeline_tab() -> TabPage:
        from mentor_desktop.ui.timeline.tab import TimelineTab

        return TimelineTab(services.timeline, bus, dialogs)

    timeline = LazyTab(
        "Timeline",
        timeline_tab,
        opens=(),
        warm=lambda: (import_module("mentor_desktop.ui.timeline.tab"), services.timeline),
        commands=("print",),
    )
    timeline.add_file_action(
        "Pre&view review pack…",
        "action_preview_review",
        "Preview the review pack for the period chosen in the Timeline tab",
        lambda tab: cast("TimelineTab", tab).preview_review(),
    )
    timeline.add_file_action(
        "Save review pack as P&DF…",
        "action_save_review",
        "Write the review pack for the period chosen in the Timeline tab as PDF",
        lambda tab: cast("TimelineTab", tab).save_review_pdf(),
    )
    return [
        LazyTab(
            "Goals", goals_tab, opens=(ItemKind.GOAL, ItemKind.MILESTONE), commands=("new", "find")
        ),
        LazyTab(
            "Journal",
            journal_tab,
            opens=(ItemKind.JOURNAL_ENTRY,),
            warm=lambda: (import_module("mentor_desktop.ui.journal.tab"), services.journal),
            commands=("new", "find"),
        ),
        sessions,
        growth,
        timeline,
    ]
