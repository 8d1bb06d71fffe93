"""The Growth tab: Practice, Skills and Opportunities pages sharing one undo history.

Each page is built the first time it is shown or asked for (`practice`, `skills`,
`opportunities`), so opening the tab pays only for the page on screen.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QShowEvent, QUndoStack
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

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
#: What builds a page: (service, undo history, dialogs, today, parent) -> the page.
PageFactory = Callable[
    [GrowthService, QUndoStack, Dialogs, Callable[[], date], QWidget], GrowthPage
]
#: The pages in their order: the name their state is kept under, the tab's text, the builder.
PAGES: tuple[tuple[str, str, PageFactory], ...] = (
    ("practice", "&Practice", PracticePage),
    ("skills", "S&kills", SkillsPage),
    ("opportunities", "&Opportunities", OpportunitiesPage),
)
KIND_PAGES = {ItemKind.PRACTICE: "practice", ItemKind.SKILL: "skills",
              ItemKind.OPPORTUNITY: "opportunities"}  # fmt: skip


class PageSlot(QWidget):
    """Holds one Growth page in the tab bar; asks for it to be built when first shown.

    Signals: none.
    """

    def __init__(self, name: str, build: Callable[[str], GrowthPage], parent: QWidget) -> None:
        super().__init__(parent)
        self.name = name
        self.page: GrowthPage | None = None
        self._build = build
        self.slot_layout = QVBoxLayout(self)
        self.slot_layout.setContentsMargins(0, 0, 0, 0)

    def showEvent(self, event: QShowEvent) -> None:
        if self.page is None:
            self._build(self.name)
        super().showEvent(event)


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
        self._growth = growth
        self._dialogs = dialogs
        self._undo = QUndoStack(self)
        self._clock = today or growth.today
        self._splitter_states: dict[str, QByteArray] = {}  # for pages not built yet
        self.pages = QTabWidget(self)
        self.pages.setObjectName("growth_pages")
        self.pages.setAccessibleName("Growth pages")
        self._slots = {name: PageSlot(name, self._page, self.pages) for name, _, _ in PAGES}
        for name, text, _ in PAGES:
            self.pages.addTab(self._slots[name], text)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.pages)
        bus.changed.connect(self._on_bus_changed)

    # ---------------------------------------------------------------- pages

    @property
    def practice(self) -> PracticePage:
        page = self._page("practice")
        assert isinstance(page, PracticePage)
        return page

    @property
    def skills(self) -> SkillsPage:
        page = self._page("skills")
        assert isinstance(page, SkillsPage)
        return page

    @property
    def opportunities(self) -> OpportunitiesPage:
        page = self._page("opportunities")
        assert isinstance(page, OpportunitiesPage)
        return page

    def _page(self, name: str) -> GrowthPage:
        """The page called `name`, built now if it was not yet."""
        slot = self._slots[name]
        if slot.page is None:
            build = next(cls for page_name, _, cls in PAGES if page_name == name)
            page = build(self._growth, self._undo, self._dialogs, self._clock, slot)
            slot.page = page
            slot.slot_layout.addWidget(page)
            page.changed.connect(self._announce)
            page.status_message.connect(self.status_message)
            state = self._splitter_states.pop(name, None)
            if state is not None:
                page.splitter.restoreState(state)
            if slot.isVisible():
                page.show()
        return slot.page

    def all_pages(self) -> list[GrowthPage]:
        """The pages built so far (the others have nothing to save or refresh)."""
        return [slot.page for slot in self._slots.values() if slot.page is not None]

    def current_page(self) -> GrowthPage:
        slot = self.pages.currentWidget()
        return self._page(slot.name if isinstance(slot, PageSlot) else "practice")

    def show_page(self, page: GrowthPage) -> None:
        """Bring `page` to the front."""
        slot = page.parentWidget()
        if isinstance(slot, PageSlot):
            self.pages.setCurrentWidget(slot)

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
        name = KIND_PAGES.get(kind)
        if name is not None:
            page = self._page(name)
            self.show_page(page)
            page.open_id(item_id)

    def flush(self) -> bool:
        return all([page.flush() for page in self.all_pages()])

    def unsaved_work(self) -> str:
        return "\n".join(p for p in (page.unsaved_work() for page in self.all_pages()) if p)

    def save_state(self, settings: AppSettings) -> None:
        settings.set_state_text("growth/page", str(self.pages.currentIndex()))
        for name, slot in self._slots.items():
            if slot.page is not None:  # a page never built keeps what was remembered
                settings.set_state_bytes(f"growth/{name}_splitter", slot.page.splitter.saveState())

    def restore_state(self, settings: AppSettings) -> None:
        index = settings.state_text("growth/page", "0")
        if index.isdigit() and int(index) < self.pages.count():
            self.pages.setCurrentIndex(int(index))
        for name, slot in self._slots.items():
            state = settings.state_bytes(f"growth/{name}_splitter")
            if state is None:
                continue
            if slot.page is not None:
                slot.page.splitter.restoreState(state)
            else:
                self._splitter_states[name] = state
