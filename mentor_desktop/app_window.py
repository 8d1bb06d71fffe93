"""The main window and what hangs off it, put together for `app.run_gui`: the tabs, the welcome
page, preferences, reminders, privacy, one window per database, and the work done once the
first screen is up. Every module is imported where it is first needed, so start-up pays only
for the first screen."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from mentor_desktop.domain.errors import MentorDesktopError

if TYPE_CHECKING:
    from mentor_desktop.app import Services
    from mentor_desktop.services.backups import BackupService
    from mentor_desktop.services.quick_reads import FirstScreen
    from mentor_desktop.settings import AppSettings
    from mentor_desktop.storage.reopenable import ReopenableDatabase
    from mentor_desktop.storage.watch import ExternalWrites
    from mentor_desktop.ui.dialogs import Dialogs
    from mentor_desktop.ui.main_window import MainWindow
    from mentor_desktop.ui.portability.controller import PortabilityController
    from mentor_desktop.ui.preferences.page import PreferencesPage
    from mentor_desktop.ui.preferences.registry import PreferencesRegistry
    from mentor_desktop.ui.single_window import WindowLock
    from mentor_desktop.ui.tasks import BackgroundTask
    from mentor_desktop.ui.welcome.page import WelcomePage


#: Pause between loading one tab's modules and the next's after start-up (the window stays
#: free to answer in between).
WARM_UP_STEP_MS = 120
#: Pause between the steps of opening the database after the first paint.
OPEN_STEP_MS = 20
#: A window not painted by then (started minimized) answers second starts all the same.
LISTEN_AT_THE_LATEST_MS = 1000


def warm_up(
    window: MainWindow,
    database: ReopenableDatabase | None = None,
    opened: Callable[[], None] | None = None,
) -> None:
    """Once the first screen is up: open `database` the full way if the first screen was
    read without it (then call `opened`), map the ORM classes, so the first edit answers at
    once, then load the other tabs' modules one at a time, so their first visit is quick.

    Each step is short and runs on its own turn of the event loop, so the window keeps
    answering; an edit made before the database is open opens it at once.
    """
    from PySide6.QtCore import QTimer

    from mentor_desktop.ui.widgets.lazy_tab import LazyTab

    def open_database() -> None:
        if database is not None:
            database.open()

    steps = [
        lambda: importlib.import_module("sqlalchemy"),
        lambda: importlib.import_module("sqlalchemy.orm"),
        lambda: importlib.import_module("mentor_desktop.storage.migrate"),
        open_database,
        opened or (lambda: None),
        lambda: importlib.import_module("mentor_desktop.storage.orm"),
        lambda: importlib.import_module("sqlalchemy.orm").configure_mappers(),
    ]

    def warm_tabs() -> None:
        lazy = [tab for tab in window.tab_pages() if isinstance(tab, LazyTab)]
        for number, tab in enumerate(lazy, start=1):
            QTimer.singleShot(number * WARM_UP_STEP_MS, tab.warm_up)

    def next_step() -> None:
        if not steps:
            warm_tabs()
            return
        try:
            steps.pop(0)()
        except MentorDesktopError as exc:  # it passed every check moments ago: say what changed
            window.statusBar().showMessage(f"The database could not be opened: {exc}")
            return
        QTimer.singleShot(OPEN_STEP_MS, next_step)

    next_step()


def one_window(lock: WindowLock, window: MainWindow, database: ReopenableDatabase) -> WritesWatch:
    """Answer second starts on this database by coming forward, from the first paint on (a
    second start keeps asking for a few seconds); returns the watch on what other processes
    (the command line) write to it, to start once the database is open."""
    from PySide6.QtCore import QTimer

    from mentor_desktop.ui.first_paint import FirstPaint
    from mentor_desktop.ui.single_window import bring_forward

    lock.raise_requested.connect(lambda: bring_forward(window))
    FirstPaint(window, lock.listen)
    QTimer.singleShot(LISTEN_AT_THE_LATEST_MS, lock.listen)  # a window not shown by then
    return WritesWatch(window, database)


class WritesWatch:
    """Shows in `window` what other processes write to `database`.

    `start` needs the database open: opening it (SQLAlchemy and all) before the first
    paint held the first paint back by half a second. Not a QObject: no signals.
    """

    def __init__(self, window: MainWindow, database: ReopenableDatabase) -> None:
        self._window = window
        self._database = database
        self._writes: ExternalWrites | None = None

    def start(self) -> None:
        """Watch from now on (once; opens the database if it is not open yet)."""
        from mentor_desktop.storage.watch import ExternalWrites
        from mentor_desktop.ui.external_changes import ExternalChangePoller

        if self._writes is None:
            database = self._database
            self._writes = ExternalWrites(lambda: database.engine)  # follows a reopened file
            bus = self._window.change_bus
            ExternalChangePoller(self._writes.changed_areas, bus, parent=self._window).start()

    def close(self) -> None:
        if self._writes is not None:
            self._writes.close()


def keep_dialog_drafts(db_path: Path) -> None:
    """Text typed in dialogs is kept as a draft (next to this database's backups)."""
    import hashlib

    from mentor_desktop.paths import data_dir
    from mentor_desktop.services.drafts import DraftStore
    from mentor_desktop.ui.widgets.dialog_drafts import use_store

    folder = hashlib.sha256(str(db_path.resolve()).encode("utf-8")).hexdigest()[:16]
    use_store(DraftStore(data_dir() / "drafts" / folder))


def use_spelling(settings: AppSettings) -> None:
    """Spelling in the language Preferences name; added words kept in the data folder."""
    from mentor_desktop.paths import data_dir
    from mentor_desktop.services.spelling_words import PersonalWords
    from mentor_desktop.ui.widgets.spelling import speller

    speller().set_language(settings.spelling_language)
    speller().use_word_store(PersonalWords(data_dir() / "dictionary.txt"))


def install_privacy(
    window: MainWindow,
    database: ReopenableDatabase,
    backups: BackupService,
    settings: AppSettings,
    dialogs: Dialogs,
) -> None:
    """View > Lock now, the idle lock and Preferences > Privacy."""
    from mentor_desktop.services.privacy import PrivacyService
    from mentor_desktop.ui.lock.wiring import install_privacy

    service = PrivacyService(
        database.path,
        lambda: [info.path for info in backups.list_backups(check=False)],
        database.release,
        database.reopen,
    )
    assert window.preferences is not None
    install_privacy(window, window.preferences, service, settings, dialogs)
    if service.is_encrypted():
        from PySide6.QtCore import QTimer

        from mentor_desktop.ui.lock.wiring import check_pages_later

        QTimer.singleShot(1500, lambda: check_pages_later(service, window, dialogs))


def build_window(
    services: Services,
    backups: BackupService,
    settings: AppSettings,
    dialogs: Dialogs,
    db_path: Path,
    first: FirstScreen | None = None,
) -> tuple[MainWindow, PortabilityController]:
    """The window with its tabs; `first` (read before the database was opened) fills the
    first screen, else the services read it."""
    from mentor_desktop.ui.main_window import MainWindow, build_tabs
    from mentor_desktop.ui.portability.controller import PortabilityController

    window = MainWindow(settings, dialogs, db_path)
    if first is not None:
        services.goals.prime(first.goals)
    for tab in build_tabs(services, window.change_bus, dialogs, settings):
        window.add_tab(tab)
    portability = PortabilityController(
        lambda: services.portability,
        backups,
        window.change_bus,
        dialogs,
        window,
        flush_tabs=window.flush_tabs,
    )
    window.add_file_actions(portability.actions())
    window.set_preferences(preferences_registry(services, backups, settings, window))
    portability.status_message.connect(lambda text: window.statusBar().showMessage(text, 6000))
    window.restore_state()
    if first is not None and first.later is not None:
        from mentor_desktop.ui.goals.later_goals import add_later_goals

        add_later_goals(window, services.goals, [goal.id for goal in first.goals], first.later)
    if first.is_empty if first is not None else services.first_start.is_empty():
        _welcome(services, backups, settings, dialogs, window, portability)
    return window, portability


def _welcome(
    services: Services,
    backups: BackupService,
    settings: AppSettings,
    dialogs: Dialogs,
    window: MainWindow,
    portability: PortabilityController,
) -> None:
    """The welcome page in front of the tabs of an empty database."""
    from mentor_desktop.ui.welcome.controller import WelcomeController

    welcome = WelcomeController(
        services.first_start,
        window,
        window.tabs,
        window.change_bus,
        portability.open_import,
        lambda: _open_sample(window, settings, dialogs, welcome.page),
    )
    welcome.show()
    window.welcome = welcome


def _open_sample(
    main: MainWindow, settings: AppSettings, dialogs: Dialogs, page: WelcomePage
) -> BackgroundTask:
    """Write a fresh sample mentorship to its own file (off the GUI thread), then open it in
    a window of its own with a way back; `main` hides meanwhile and comes back after."""
    from mentor_desktop.paths import data_dir
    from mentor_desktop.services.backups import BackupService
    from mentor_desktop.services.sample import SAMPLE_FILENAME, write_sample
    from mentor_desktop.ui.tasks import run_in_background
    from mentor_desktop.ui.welcome.sample import SampleBanner

    path = data_dir() / SAMPLE_FILENAME
    page.status_label.setText("Preparing the sample mentorship…")
    page.sample_button.setEnabled(False)

    def opened(sample_path: Path) -> None:
        page.status_label.clear()
        page.sample_button.setEnabled(True)
        from mentor_desktop.app import open_services

        engine, services = open_services(sample_path)
        backups = BackupService(sample_path, sample_path.parent / "sample-backups")
        window, _ = build_window(services, backups, settings, dialogs, sample_path)
        SampleBanner.attach(window, main)
        window.close_hooks.append(engine.dispose)
        window.show()
        main.hide()

    def failed(message: str) -> None:
        page.status_label.setText(f"The sample could not be prepared: {message}")
        page.sample_button.setEnabled(True)

    return run_in_background(
        lambda _report: write_sample(path), on_finished=opened, on_failed=failed
    )


def preferences_registry(
    services: Services, backups: BackupService, settings: AppSettings, window: MainWindow
) -> PreferencesRegistry:
    """Edit > Preferences… and its pages; other areas add theirs here with `add_page`."""
    from mentor_desktop.paths import data_dir
    from mentor_desktop.ui.preferences.registry import PreferencesRegistry

    def set_backups(folder: Path, keep_daily: int) -> None:
        backups.backup_dir = folder
        backups.keep_daily = keep_daily

    # Each page's module is imported by its factory, when the dialog first opens: a page
    # brings its service (and the ORM) with it, which start-up should not pay for.
    def general() -> PreferencesPage:
        from mentor_desktop.ui.preferences.general import GeneralPage

        return GeneralPage(
            services.profile, settings, data_dir() / "backups", window.set_theme, set_backups
        )

    def writing() -> PreferencesPage:
        from mentor_desktop.ui.preferences.writing import WritingPage

        return WritingPage(settings)

    preferences = PreferencesRegistry(window)
    preferences.add_page("General", general, order=0)
    preferences.add_page("Writing", writing, order=10)
    return preferences


def start_tray_reminders(services: Services, settings: AppSettings, window: MainWindow) -> None:
    """The tray icon (where the desktop has a tray), the reminders, their Preferences page;
    started once the first screen is up."""
    from mentor_desktop.desktop_entry import launcher_command
    from mentor_desktop.ui.tray import start_reminders

    controller = start_reminders(window, window.change_bus, lambda: services.reminders, settings)
    window.reminders = controller
    lock = window.window_lock
    if lock is not None:  # locked: the tray's tooltip and notifications show no content
        from mentor_desktop.ui.lock.wiring import follow_lock

        follow_lock(lock, controller.set_locked)
    window.keep_in_tray = lambda: controller.tray.available and settings.keep_in_tray

    def page() -> PreferencesPage:
        from mentor_desktop.ui.preferences.reminders import RemindersPage

        return RemindersPage(
            settings, controller.tray.available, launcher_command(), controller.preferences_changed
        )

    if window.preferences is not None:  # None only in windows built without preferences
        window.preferences.add_page("Reminders", page, order=20)


def close_on_terminate(window: MainWindow) -> None:
    """Close the window (saving everything) on SIGTERM or Ctrl+C, as on a log-out.

    Python handles a signal only when it runs, so a light timer gives it the chance while
    Qt's event loop waits.
    """
    import signal

    from PySide6.QtCore import QTimer

    def close(_signum: int, _frame: object) -> None:
        QTimer.singleShot(0, window.close)

    signal.signal(signal.SIGTERM, close)
    signal.signal(signal.SIGINT, close)
    ticker = QTimer(window)
    ticker.timeout.connect(lambda: None)
    ticker.start(300)


def report_and_close(window: MainWindow) -> None:
    tabs = ", ".join(tab.title for tab in window.tab_pages())
    print(f"shown: {window.windowTitle()} | tabs: {tabs}{_peak_memory()}", flush=True)
    window.close()


def _peak_memory() -> str:
    """' | peak memory: N MB' from /proc where there is one (Linux), else ''."""
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii")
    except OSError:
        return ""
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return f" | peak memory: {int(line.split()[1]) / 1024:.1f} MB"
    return ""
