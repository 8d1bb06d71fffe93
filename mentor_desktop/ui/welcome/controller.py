"""Shows the welcome page on an empty database and leads from each choice to the tabs."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QMainWindow, QStackedWidget, QTabWidget

from mentor_desktop.services.first_start import FirstStartService
from mentor_desktop.ui.bus import EXTERNAL, Change, ChangeBus, ChangeKind
from mentor_desktop.ui.welcome.page import WelcomePage
from mentor_desktop.ui.welcome.setup import SetupWizard


class WelcomeController(QObject):
    """Puts a WelcomePage in front of the window's tabs until the database has data.

    `open_import()` opens the import dialog (which signals `imported`); `open_sample()`
    opens the sample mentorship in its own window.

    Signals:
        left(): the welcome page gave way to the tabs.
    """

    left = Signal()

    def __init__(
        self,
        service: FirstStartService,
        window: QMainWindow,
        tabs: QTabWidget,
        bus: ChangeBus,
        open_import: Callable[[], QDialog],
        open_sample: Callable[[], object],
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(window)
        self._service = service
        self._window = window
        self._tabs = tabs
        self._bus = bus
        self._open_import = open_import
        self._open_sample = open_sample
        self._today = today
        self.page = WelcomePage()
        self.page.start_own.connect(self.start_own)
        self.page.try_sample.connect(self.try_sample)
        self.page.import_journal.connect(self.import_journal)
        self.wizard: SetupWizard | None = None
        #: What `open_sample()` returned last (the background task preparing the sample).
        self.sample_task: object = None
        self._stack = QStackedWidget()
        self._stack.setObjectName("welcome_stack")
        bus.changed.connect(self._changed_elsewhere)

    def _changed_elsewhere(self, change: Change) -> None:
        """Data written from outside (the command line: `journal add`, `import`, `restore`)
        while the welcome page shows: the tabs show it."""
        if change.origin == EXTERNAL and self.showing():
            self.leave("Journal" if change.kind == ChangeKind.JOURNAL else None)

    def show(self) -> None:
        """The welcome page in place of the tabs."""
        self._window.takeCentralWidget()
        self._stack.addWidget(self.page)
        self._stack.addWidget(self._tabs)
        self._stack.setCurrentWidget(self.page)
        self._window.setCentralWidget(self._stack)

    def showing(self) -> bool:
        return self._stack.currentWidget() is self.page

    def leave(self, tab: str | None = None) -> None:
        """Show the tabs (on the tab titled `tab`, when given) from now on."""
        if not self.showing():
            return
        self._stack.setCurrentWidget(self._tabs)
        for index in range(self._tabs.count()):
            if self._tabs.tabText(index) == tab:
                self._tabs.setCurrentIndex(index)
        self.left.emit()

    # ---------------------------------------------------------------- choices

    def start_own(self) -> SetupWizard:
        wizard = SetupWizard(self._service, self._today(), self._window)
        wizard.finished.connect(lambda result: self._set_up(wizard, result))
        self.wizard = wizard
        wizard.open()
        return wizard

    def _set_up(self, wizard: SetupWizard, result: int) -> None:
        if result != QDialog.DialogCode.Accepted or wizard.progress is None:
            return
        for kind in (ChangeKind.GOALS, ChangeKind.MENTORSHIP, ChangeKind.SESSIONS):
            self._bus.announce(kind, self)
        self.leave("Session prep")

    def try_sample(self) -> None:
        self.sample_task = self._open_sample()

    def import_journal(self) -> QDialog:
        dialog = self._open_import()
        dialog.finished.connect(lambda _result: self._after_import())
        return dialog

    def _after_import(self) -> None:
        if not self._service.is_empty():
            self.leave("Journal")
