"""The main window: tabs, menus, status bar, remembered geometry."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QUndoGroup
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QTabWidget, QWidget

from mentor_desktop.settings import AppSettings, Theme
from mentor_desktop.ui.actions import ActionId, ActionRegistry
from mentor_desktop.ui.app_icon import app_icon
from mentor_desktop.ui.autosave import unsaved_autosaves
from mentor_desktop.ui.bus import ChangeBus
from mentor_desktop.ui.dialogs import Dialogs
from mentor_desktop.ui.tab_list import build_tabs
from mentor_desktop.ui.theme import apply_theme
from mentor_desktop.ui.widgets.lazy_tab import LazyTab
from mentor_desktop.ui.widgets.tab_page import TabPage

if TYPE_CHECKING:
    from mentor_desktop.services.privacy import PrivacyService
    from mentor_desktop.ui.lock.window_lock import WindowLock
    from mentor_desktop.ui.preferences.registry import PreferencesRegistry

__all__ = ["MIN_TABS_WIDTH", "MainWindow", "build_tabs"]

#: The narrowest the tabs get; every tab fits in it (so the window never widens itself).
MIN_TABS_WIDTH = 980

_THEME_ACTIONS = {
    ActionId.THEME_SYSTEM: Theme.SYSTEM,
    ActionId.THEME_LIGHT: Theme.LIGHT,
    ActionId.THEME_DARK: Theme.DARK,
}


class MainWindow(QMainWindow):
    """Holds the tabs and routes the standard commands to the current one.

    Signals: none of its own; tabs talk to each other through `change_bus.changed`.
    """

    def __init__(
        self,
        settings: AppSettings,
        dialogs: Dialogs,
        db_path: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.dialogs = dialogs
        self.db_path = db_path
        self.change_bus = ChangeBus(self)
        self.change_bus.open_requested.connect(self.open_item)
        # the desktop adds the application's name after the title ("mentor.sqlite3 — Mentor
        # Desktop"), so the title names only the file
        self.setWindowTitle(db_path.name)
        self.setWindowIcon(app_icon())
        self._fit_to_screen()
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("main_tabs")
        self.tabs.setDocumentMode(True)
        # an explicit minimum: a tab built later (or a theme with wider fonts) can never make
        # the window wider than it is; tests keep every tab's own minimum within it
        self.tabs.setMinimumWidth(MIN_TABS_WIDTH)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.setCentralWidget(self.tabs)
        self.undo_group = QUndoGroup(self)
        #: Every menu command, once (see ui/actions.py).
        self.action_registry = ActionRegistry(self)
        self._build_menus()
        self.statusBar().showMessage(f"Data: {db_path}", 5000)
        self._closing = False
        #: True when closing the window should only hide it in the tray (ui/tray).
        self.keep_in_tray: Callable[[], bool] = lambda: False
        #: The reminders and tray icon (ui/tray.ReminderController), once started.
        self.reminders: QObject | None = None
        #: Edit > Preferences… (set by `set_preferences` once the app is built).
        self.preferences: PreferencesRegistry | None = None
        #: The welcome page's controller while an empty database is open (set by app.py).
        self.welcome: QObject | None = None
        #: The idle lock and the privacy service behind it (set by ui/lock/wiring.py).
        self.window_lock: WindowLock | None = None
        self.privacy_service: PrivacyService | None = None
        #: Called on close once the tabs saved their work and the window is hidden (the backup
        #: on quit), so the person never waits on a visible window.
        self.close_hooks: list[Callable[[], None]] = []

    def add_file_actions(self, actions: list[QAction]) -> None:
        """App-wide File commands (Import…, Export…, Backups…), in their own group above Quit."""
        self.file_menu.insertSeparator(self._file_tab_anchor)
        for action in actions:
            registered = self.action_registry.register(action)
            self.file_menu.insertAction(self._file_tab_anchor, registered)

    def _fit_to_screen(self) -> None:
        """Open at 1100x720, or smaller so the whole window (and its frame) is on the screen."""
        available = self.screen().availableGeometry()
        self.resize(min(1100, available.width() - 40), min(720, available.height() - 60))

    def set_preferences(self, preferences: PreferencesRegistry) -> None:
        """Edit > Preferences…, at the foot of the Edit menu, opening `preferences`' pages."""
        self.preferences = preferences
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.action_registry.register(preferences.action))

    # ---------------------------------------------------------------- tabs

    def add_tab(self, tab: TabPage) -> None:
        tab.setAccessibleName(tab.title)
        self.tabs.addTab(tab, tab.title)
        stack = tab.undo_stack()
        if stack is not None:
            self.undo_group.addStack(stack)
        if isinstance(tab, LazyTab):
            tab.created.connect(self._on_tab_built)
        tab.status_message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        for action in tab.file_actions():
            registered = self.action_registry.register(action)
            self.file_menu.insertAction(self._file_tab_anchor, registered)
        if self.tabs.count() == 1:
            self._on_tab_changed(0)

    def tab_pages(self) -> list[TabPage]:
        widgets = (self.tabs.widget(i) for i in range(self.tabs.count()))
        return [widget for widget in widgets if isinstance(widget, TabPage)]

    def tab_named(self, title: str) -> TabPage:
        """The real tab with this title (built now if it was waiting to be shown)."""
        for page in self.tab_pages():
            if page.title == title:
                return page.tab() if isinstance(page, LazyTab) else page
        raise KeyError(title)

    def _on_tab_built(self, tab: TabPage) -> None:
        stack = tab.undo_stack()
        if stack is not None:
            self.undo_group.addStack(stack)
            current = self.current_tab()
            if current is not None and current.undo_stack() is stack:
                self.undo_group.setActiveStack(stack)

    def current_tab(self) -> TabPage | None:
        widget = self.tabs.currentWidget()
        return widget if isinstance(widget, TabPage) else None

    def open_item(self, kind: str, item_id: int) -> None:
        """Switch to the tab that shows items of `kind` and open item `item_id` there."""
        for index, page in enumerate(self.tab_pages()):
            if kind in page.opens():
                self.tabs.setCurrentIndex(index)
                page.open_item(kind, item_id)
                return

    def _on_tab_changed(self, index: int) -> None:
        tab = self.tabs.widget(index)
        if isinstance(tab, TabPage):
            # a tab without undo (None) leaves Undo/Redo disabled; the stubs omit None
            self.undo_group.setActiveStack(tab.undo_stack())  # type: ignore[arg-type]
            commands = tab.window_commands()
            self.action_registry[ActionId.NEW].setEnabled("new" in commands)
            self.action_registry[ActionId.FIND].setEnabled("find" in commands)

    # ---------------------------------------------------------------- menus

    def _build_menus(self) -> None:
        a = self.action_registry
        a[ActionId.NEW].triggered.connect(self._new_item)
        a[ActionId.FIND].triggered.connect(self._find)
        a[ActionId.QUIT].triggered.connect(self.close)
        a[ActionId.ABOUT].triggered.connect(self._about)

        file_menu = self.menuBar().addMenu("&File")
        file_menu.addAction(a[ActionId.NEW])
        file_menu.addSeparator()
        a[ActionId.PRINT].triggered.connect(self.print_document)
        file_menu.addAction(a[ActionId.PRINT])
        self.file_menu = file_menu
        self._file_tab_anchor = file_menu.addSeparator()
        file_menu.addAction(a[ActionId.QUIT])

        edit_menu = self.menuBar().addMenu("&Edit")
        # one Undo/Redo pair for the window, acting on the current tab's QUndoStack
        undo = a.adopt(self.undo_group.createUndoAction(self, "&Undo"), ActionId.UNDO)
        redo = a.adopt(self.undo_group.createRedoAction(self, "&Redo"), ActionId.REDO)
        self.undo_action, self.redo_action = undo, redo
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)
        edit_menu.addSeparator()
        edit_menu.addAction(a[ActionId.FIND])
        self.edit_menu = edit_menu

        view_menu = self.menuBar().addMenu("&View")
        themes = QActionGroup(self)
        current = self.settings.theme
        for action_id, theme in _THEME_ACTIONS.items():
            action = a[action_id]
            themes.addAction(action)
            action.setChecked(theme is current)
            action.triggered.connect(lambda _=False, t=theme: self.set_theme(t))
            view_menu.addAction(action)
        view_menu.addSeparator()
        view_menu.addAction(a[ActionId.LOCK])

        help_menu = self.menuBar().addMenu("&Help")
        guide = QAction("&User guide", self)
        guide.setObjectName("action_user_guide")
        guide.setShortcuts(QKeySequence.StandardKey.HelpContents)
        guide.setStatusTip("How to use Mentor Desktop, section by section")
        guide.triggered.connect(self._user_guide)
        help_menu.addAction(a.register(guide))
        a[ActionId.SHORTCUTS].triggered.connect(self.show_shortcuts)
        help_menu.addAction(a[ActionId.SHORTCUTS])
        help_menu.addAction(a[ActionId.ABOUT])
        self.help_menu = help_menu

    def _new_item(self) -> None:
        tab = self.current_tab()
        if tab is not None:
            tab.new_item()

    def _find(self) -> None:
        tab = self.current_tab()
        if tab is not None:
            tab.focus_search()

    def show_shortcuts(self) -> QDialog:
        """Help > Keyboard shortcuts: every command's keys, from the action registry."""
        from mentor_desktop.ui.shortcuts_dialog import ShortcutsDialog

        dialog = ShortcutsDialog(self.action_registry.shortcut_rows(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def set_theme(self, theme: Theme) -> None:
        self.settings.theme = theme
        for action_id, choice in _THEME_ACTIONS.items():
            self.action_registry[action_id].setChecked(choice is theme)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, theme)

    def print_document(self) -> None:
        """File > Print: the current tab's document, else the first tab that prints one."""
        current = self.current_tab()
        others = [t for t in self.tab_pages() if t is not current]
        for tab in ([current] if current is not None else []) + others:
            if tab.print_document():
                return
        self.statusBar().showMessage("There is nothing to print yet.", 6000)

    def _about(self) -> QDialog:
        """Version, licence and the data file, with a button that opens its folder."""
        from mentor_desktop.ui.help.about import AboutDialog

        return self._open_help(AboutDialog(self.db_path, self))

    def _user_guide(self) -> QDialog:
        from mentor_desktop.ui.help.guide import UserGuideDialog

        return self._open_help(UserGuideDialog(self))

    def _open_help(self, dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    # ---------------------------------------------------------------- state

    def restore_state(self) -> None:
        geometry = self.settings.state_bytes("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.settings.state_bytes("main_window/state")
        if state is not None:
            self.restoreState(state)
        index = self.settings.state_text("main_window/tab", "0")
        if index.isdigit() and int(index) < self.tabs.count():
            self.tabs.setCurrentIndex(int(index))
        for tab in self.tab_pages():
            tab.restore_state(self.settings)

    def flush_tabs(self) -> list[str]:
        """Save what every tab has pending; what could not be saved, and why (empty: all saved)."""
        problems = []
        for tab in self.tab_pages():
            if not tab.flush():
                problems.append(tab.unsaved_work() or f"{tab.title}: changes not saved")
        for autosave in unsaved_autosaves(self):  # every free-text field, whichever tab
            problem = autosave.unsaved_problem()
            if problem and problem not in problems:
                problems.append(problem)
        return problems

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closing and event.spontaneous() and self.keep_in_tray():
            # the close button, with "keep running in the tray" on: save, hide, keep reminding
            self.flush_tabs()  # what cannot be saved stays in its field, the window with it
            self.hide()
            event.ignore()
            return
        if not self._closing:
            problems = self.flush_tabs()
            if problems and not self.dialogs.confirm(
                self,
                "Some changes could not be saved",
                "These changes could not be saved:\n\n"
                + "\n".join(f"• {problem}" for problem in problems)
                + "\n\nKeep editing to fix them, or close without saving them.",
                "Close without saving",
                "Keep editing",
            ):
                event.ignore()  # keep editing
                return
            self._closing = True
            for tab in self.tab_pages():
                tab.save_state(self.settings)
            self.settings.set_state_bytes("main_window/geometry", self.saveGeometry())
            self.settings.set_state_bytes("main_window/state", self.saveState())
            self.settings.set_state_text("main_window/tab", str(self.tabs.currentIndex()))
            self.settings.sync()
            if self.close_hooks:
                self.hide()  # the window goes at once; the hooks (a backup) run after it
            for hook in self.close_hooks:
                hook()
        event.accept()
