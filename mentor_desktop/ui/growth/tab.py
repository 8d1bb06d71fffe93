"""The Growth tab: Practice, Skills and Opportunities pages sharing one undo history."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QTabWidget, QVBoxLayout

from mentor_desktop.services.growth import GrowthService
from mentor_desktop.settings import AppSettings
from mentor_desktop.ui.bus import Change, ChangeBus, ChangeKind, ItemKind
from mentor_desktop.ui.dialogs import Dialogs
from mentor_desktop.ui.growth.opportunities_page import OpportunitiesPage
from mentor_desktop.ui.growth.page import GrowthPage
from mentor_desktop.ui.growth.practice_page import PracticePage
from mentor_desktop.ui.growth.skills_page import SkillsPage
from mentor_desktop.ui.widgets.tab_page import TabPage

OPENS = (ItemKind.PRACTICE, ItemKind.SKILL, ItemKind.OPPORTUNITY)


class GrowthTab(TabPage):
    """The growth loop between sessions; every edit is undoable, every text autosaved.

    Signals: inherits `status_message(str)` from TabPage.
    """

    title = "Growth"

    def __init__(
        self,
        growth: GrowthService,
        bus: ChangeBus,
        dialogs: Dialogs,
        today: Callable[[], date] | None = None,
    ) -> None:
        super().__init__()
        self._bus = bus
        self._undo = QUndoStack(self)
        clock = today or growth.today
        self.pages = QTabWidget(self)
        self.pages.setObjectName("growth_pages")
        self.pages.setAccessibleName("Growth pages")
        self.practice = PracticePage(growth, self._undo, dialogs, clock, self)
        self.skills = SkillsPage(growth, self._undo, dialogs, clock, self)
        self.opportunities = OpportunitiesPage(growth, self._undo, dialogs, clock, self)
        self.pages.addTab(self.practice, "&Practice")
        self.pages.addTab(self.skills, "S&kills")
        self.pages.addTab(self.opportunities, "&Opportunities")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.pages)
        for page in self.all_pages():
            page.changed.connect(self._announce)
            page.status_message.connect(self.status_message)
        bus.changed.connect(self._on_bus_changed)

    def all_pages(self) -> list[GrowthPage]:
        return [self.practice, self.skills, self.opportunities]

    def current_page(self) -> GrowthPage:
        page = self.pages.currentWidget()
        return page if isinstance(page, GrowthPage) else self.practice

    def _announce(self) -> None:
        # One page's edit can change what another shows (a skill deleted, a gap raised).
        sender = self.sender()
        for page in self.all_pages():
            if page is not sender:
                page.refresh()
        self._bus.announce(ChangeKind.GROWTH, self)

    def _on_bus_changed(self, change: Change) -> None:
        if change.origin is self:
            return
        if change.kind == ChangeKind.DATA_REPLACED:
            self._undo.clear()  # its steps refer to the data that was replaced
            for page in self.all_pages():
                page.forget()
                page.refresh()
        elif change.kind in (ChangeKind.GROWTH, ChangeKind.GOALS):
            for page in self.all_pages():
                page.refresh()

    # ---------------------------------------------------------------- TabPage

    def undo_stack(self) -> QUndoStack:
        return self._undo

    def new_item(self) -> None:
        self.current_page().new_item()

    def focus_search(self) -> None:
        edit = self.current_page().filter_edit
        edit.setFocus()
        edit.selectAll()

    def opens(self) -> tuple[str, ...]:
        return OPENS

    def open_item(self, kind: str, item_id: int) -> None:
        pages: dict[str, GrowthPage] = {
            ItemKind.PRACTICE: self.practice,
            ItemKind.SKILL: self.skills,
            ItemKind.OPPORTUNITY: self.opportunities,
        }
        page = pages.get(kind)
        if page is not None:
            self.pages.setCurrentWidget(page)
            page.open_id(item_id)

    def flush(self) -> bool:
        return all([page.flush() for page in self.all_pages()])

    def unsaved_work(self) -> str:
        return "\n".join(p for p in (page.unsaved_work() for page in self.all_pages()) if p)

    def save_state(self, settings: AppSettings) -> None:
        settings.set_state_text("growth/page", str(self.pages.currentIndex()))
        for name, page in zip(
            ("practice", "skills", "opportunities"), self.all_pages(), strict=True
        ):
            settings.set_state_bytes(f"growth/{name}_splitter", page.splitter.saveState())

    def restore_state(self, settings: AppSettings) -> None:
        index = settings.state_text("growth/page", "0")
        if index.isdigit() and int(index) < self.pages.count():
            self.pages.setCurrentIndex(int(index))
        for name, page in zip(
            ("practice", "skills", "opportunities"), self.all_pages(), strict=True
        ):
            state = settings.state_bytes(f"growth/{name}_splitter")
            if state is not None:
                page.splitter.restoreState(state)
