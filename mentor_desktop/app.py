"""The one place that builds everything: paths, engine, migrations, services, main window."""

from __future__ import annotations

import contextlib
import sys
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from mentor_desktop.domain.errors import DatabaseOpenError

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from mentor_desktop.services.backups import BackupService
    from mentor_desktop.services.first_start import FirstStartService
    from mentor_desktop.services.goals import GoalService
    from mentor_desktop.services.growth import GrowthService
    from mentor_desktop.services.journal import JournalService
    from mentor_desktop.services.portability import PortabilityService
    from mentor_desktop.services.profile import ProfileService
    from mentor_desktop.services.reminders import ReminderService
    from mentor_desktop.services.sessions import SessionService
    from mentor_desktop.services.timeline import TimelineService
    from mentor_desktop.settings import AppSettings
    from mentor_desktop.storage.reopenable import ReopenableDatabase
    from mentor_desktop.storage.uow import UnitOfWorkFactory
    from mentor_desktop.storage.watch import ExternalWrites
    from mentor_desktop.ui.dialogs import Dialogs
    from mentor_desktop.ui.main_window import MainWindow
    from mentor_desktop.ui.portability.controller import PortabilityController
    from mentor_desktop.ui.preferences.dialog import PreferencesRegistry
    from mentor_desktop.ui.preferences.page import PreferencesPage
    from mentor_desktop.ui.single_window import WindowLock
    from mentor_desktop.ui.tasks import BackgroundTask
    from mentor_desktop.ui.welcome.page import WelcomePage


class Services:
    """The use cases the UI and CLI work through.

    Each service (and its module) is built on first use, so start-up only pays for what the
    first screen shows.
    """

    def __init__(self, uow: UnitOfWorkFactory) -> None:
        self.uow = uow

    @cached_property
    def goals(self) -> GoalService:
        from mentor_desktop.services.goals import GoalService

        return GoalService(self.uow)

    @cached_property
    def growth(self) -> GrowthService:
        from mentor_desktop.services.growth import GrowthService

        return GrowthService(self.uow)

    @cached_property
    def journal(self) -> JournalService:
        from mentor_desktop.services.journal import JournalService

        return JournalService(self.uow)

    @cached_property
    def sessions(self) -> SessionService:
        from mentor_desktop.services.sessions import SessionService

        return SessionService(self.uow)

    @cached_property
    def portability(self) -> PortabilityService:
        from mentor_desktop.services.portability import PortabilityService

        return PortabilityService(self.uow)

    @cached_property
    def first_start(self) -> FirstStartService:
        from mentor_desktop.services.first_start import FirstStartService

        return FirstStartService(
            self.uow, lambda: self.profile, lambda: self.sessions, lambda: self.goals
        )

    @cached_property
    def profile(self) -> ProfileService:
        from mentor_desktop.services.profile import ProfileService

        return ProfileService(self.uow)

    @cached_property
    def reminders(self) -> ReminderService:
        from mentor_desktop.services.reminders import ReminderService, opportunity_deadlines

        return ReminderService(self.sessions, opportunity_deadlines(self.growth.opportunities))

    @cached_property
    def timeline(self) -> TimelineService:
        from mentor_desktop.services.timeline import TimelineService

        return TimelineService(self.uow)


def build_services(engine: Engine) -> Services:
    from mentor_desktop.storage.uow import unit_of_work_factory

    return Services(unit_of_work_factory(engine))


def open_services(db_path: Path) -> tuple[Engine, Services]:
    """Open (and create or upgrade) the database at `db_path`; raises DatabaseOpenError.

    The user data folder is kept 0700 (the database files are made 0600 on opening)."""
    from mentor_desktop.paths import data_dir
    from mentor_desktop.storage.files import make_private
    from mentor_desktop.storage.migrate import open_database

    make_private(data_dir())
    engine = open_database(db_path)
    return engine, build_services(engine)


#: Pause between loading one tab's modules and the next's after start-up (the window stays
#: free to answer in between).
WARM_UP_STEP_MS = 120


def _warm_up(window: MainWindow) -> None:
    """Once the first screen is up: map the ORM classes, so the first edit answers at once,
    then load the other tabs' modules one at a time, so their first visit is quick too."""
    from PySide6.QtCore import QTimer
    from sqlalchemy.orm import configure_mappers

    import mentor_desktop.storage.orm  # noqa: F401 - imported for its mapped classes
    from mentor_desktop.ui.widgets.lazy_tab import LazyTab

    configure_mappers()
    lazy = [tab for tab in window.tab_pages() if isinstance(tab, LazyTab)]
    for number, tab in enumerate(lazy, start=1):
        QTimer.singleShot(number * WARM_UP_STEP_MS, tab.warm_up)


def _import_storage_before_qt() -> None:
    """Import the storage layer (SQLAlchemy) before Qt: once PySide6 is loaded it reads the
    source of every module imported after it, which makes large libraries slower to load."""
    import sqlalchemy.dialects.sqlite  # noqa: F401 - loaded by the first engine otherwise

    from mentor_desktop.storage import migrate, uow  # noqa: F401 - imported for their load


def begin_start_checks(db_path: Path) -> None:
    """Start the database's integrity check on a second thread, before the window's modules
    are imported: both take about as long, and the check is done by the time it is needed."""
    from mentor_desktop.storage.precheck import start_quick_check

    start_quick_check(db_path)


def run_gui(db_path: Path, settings_path: Path, quit_after_show: bool = False) -> int:
    """Start the Qt application on `db_path`; returns the process exit code.

    `quit_after_show` (start-up checks and benchmarks) prints what is shown and closes at
    once, without dialogs and without touching the backups.
    """
    _import_storage_before_qt()
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from mentor_desktop import APP_NAME, DESKTOP_ID
    from mentor_desktop.paths import data_dir
    from mentor_desktop.services.backups import BackupService
    from mentor_desktop.settings import AppSettings
    from mentor_desktop.ui.app_icon import app_icon
    from mentor_desktop.ui.dialogs import Dialogs
    from mentor_desktop.ui.theme import apply_theme

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName(DESKTOP_ID)  # the taskbar finds the menu entry and its icon
    app.setWindowIcon(app_icon())  # the window, its dialogs and the taskbar without the entry
    _private_settings_folder(settings_path)
    settings = AppSettings(settings_path)
    apply_theme(app, settings.theme)
    dialogs = Dialogs(settings)
    lock = None
    if not quit_after_show:
        from mentor_desktop.storage.files import new_folders_private
        from mentor_desktop.ui.single_window import WindowLock, hand_over

        with contextlib.suppress(OSError):  # a first start: the data folder is made here
            new_folders_private(db_path.parent)
        lock = WindowLock(db_path)
        if not lock.try_lock():
            return hand_over(lock)
        _keep_dialog_drafts(db_path)
    backups = BackupService(
        db_path,
        settings.backup_dir or data_dir() / "backups",
        keep_daily=settings.backups_kept_daily,
    )
    if not quit_after_show and not _unlock_at_start(db_path, backups):
        return 1
    try:
        engine, _services = _open_or_recover(db_path, backups, dialogs, ask=not quit_after_show)
    except DatabaseOpenError as exc:
        print(f"mentor-desktop: {exc}", file=sys.stderr)
        if not quit_after_show:
            dialogs.error(None, "Cannot open the database", str(exc))
        return 2
    backups.protect()
    from mentor_desktop.storage.reopenable import ReopenableDatabase

    database = ReopenableDatabase(db_path, engine)
    services = Services(database)
    window, portability = _build_window(services, backups, settings, dialogs, db_path)
    _install_privacy(window, database, backups, settings, dialogs)
    if quit_after_show:
        from mentor_desktop.ui.first_paint import FirstPaint

        FirstPaint(window, lambda: _report_and_close(window))
    window.show()
    if not quit_after_show:
        _close_on_terminate(window)
        window.close_hooks.append(portability.backup_on_quit)
        QTimer.singleShot(250, lambda: _warm_up(window))
        QTimer.singleShot(3000, portability.backup_if_due)  # off the GUI thread, after start
        QTimer.singleShot(1000, lambda: _start_reminders(services, settings, window))
    watch = None if lock is None else _one_window(lock, window, database)
    code = app.exec()
    if watch is not None:
        watch.close()
    if lock is not None:
        lock.release()
    database.dispose()
    return code


def _one_window(
    lock: WindowLock, window: MainWindow, database: ReopenableDatabase
) -> ExternalWrites:
    """Answer second starts on this database by coming forward, and show what other
    processes (the command line) write to it; returns the watch to close at the end."""
    from PySide6.QtCore import QTimer

    from mentor_desktop.storage.watch import ExternalWrites
    from mentor_desktop.ui.external_changes import ExternalChangePoller
    from mentor_desktop.ui.single_window import bring_forward

    lock.raise_requested.connect(lambda: bring_forward(window))
    QTimer.singleShot(0, lock.listen)
    watch = ExternalWrites(lambda: database.engine)  # it follows a reopened database
    poller = ExternalChangePoller(watch.changed_areas, window.change_bus, parent=window)
    poller.start()
    return watch


def _keep_dialog_drafts(db_path: Path) -> None:
    """Text typed in dialogs is kept as a draft (next to this database's backups)."""
    import hashlib

    from mentor_desktop.paths import data_dir
    from mentor_desktop.services.drafts import DraftStore
    from mentor_desktop.ui.widgets.dialog_drafts import use_store

    folder = hashlib.sha256(str(db_path.resolve()).encode("utf-8")).hexdigest()[:16]
    use_store(DraftStore(data_dir() / "drafts" / folder))


def _private_settings_folder(settings_path: Path) -> None:
    """The settings (window layout, backup folder, recent paths) are the person's too: their
    folder is 0700 and the file 0600."""
    from mentor_desktop.storage.files import make_private, new_folders_private

    try:
        new_folders_private(settings_path.parent)
    except OSError:
        return  # QSettings reports nothing either; the app still runs
    make_private(settings_path.parent)
    make_private(settings_path)


def _unlock_at_start(db_path: Path, backups: BackupService) -> bool:
    """An encrypted database asks for its passphrase first (False: the person quit)."""
    from mentor_desktop.services.privacy import PrivacyService

    service = PrivacyService(
        db_path, lambda: [info.path for info in backups.list_backups(check=False)]
    )
    if not service.needs_unlock():
        return True
    from mentor_desktop.ui.lock.wiring import unlock_at_start

    return unlock_at_start(service)


def _install_privacy(
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


def _open_or_recover(
    db_path: Path, backups: BackupService, dialogs: Dialogs, ask: bool
) -> tuple[Engine, Services]:
    """Open the database; when it is damaged or truncated, not a database, or another
    program's, offer the latest good backup (if `ask`). The file is left as it is unless
    the person agrees."""
    try:
        return open_services(db_path)
    except DatabaseOpenError as exc:
        from mentor_desktop.ui.portability.recovery import offer_restore

        if not ask or not offer_restore(exc, backups, dialogs):
            raise
        return open_services(db_path)


def _build_window(
    services: Services,
    backups: BackupService,
    settings: AppSettings,
    dialogs: Dialogs,
    db_path: Path,
) -> tuple[MainWindow, PortabilityController]:
    from mentor_desktop.ui.main_window import MainWindow, build_tabs
    from mentor_desktop.ui.portability.controller import PortabilityController

    window = MainWindow(settings, dialogs, db_path)
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
    window.set_preferences(_preferences(services, backups, settings, window))
    portability.status_message.connect(lambda text: window.statusBar().showMessage(text, 6000))
    window.restore_state()
    if services.first_start.is_empty():
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
        engine, services = open_services(sample_path)
        backups = BackupService(sample_path, sample_path.parent / "sample-backups")
        window, _ = _build_window(services, backups, settings, dialogs, sample_path)
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


def _preferences(
    services: Services, backups: BackupService, settings: AppSettings, window: MainWindow
) -> PreferencesRegistry:
    """Edit > Preferences… and its pages; other areas add theirs here with `add_page`."""
    from mentor_desktop.paths import data_dir
    from mentor_desktop.ui.preferences.dialog import PreferencesRegistry

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

    preferences = PreferencesRegistry(window)
    preferences.add_page("General", general, order=0)
    return preferences


def _start_reminders(services: Services, settings: AppSettings, window: MainWindow) -> None:
    """The tray icon (where the desktop has a tray), the reminders, their Preferences page;
    started once the first screen is up."""
    from mentor_desktop.desktop_entry import launcher_command
    from mentor_desktop.ui.tray import start_reminders

    controller = start_reminders(window, window.change_bus, lambda: services.reminders, settings)
    window.reminders = controller
    lock = getattr(window, "window_lock", None)
    if lock is not None:  # locked: the tray's tooltip and notifications show no content
        from mentor_desktop.ui.lock.wiring import follow_lock

        follow_lock(lock, controller.set_locked)
    window.keep_in_tray = lambda: controller.tray.available and settings.keep_in_tray

    def page() -> PreferencesPage:
        from mentor_desktop.ui.preferences.reminders import RemindersPage

        return RemindersPage(
            settings, controller.tray.available, launcher_command(), controller.preferences_changed
        )

    window.preferences.add_page("Reminders", page, order=20)


def _close_on_terminate(window: MainWindow) -> None:
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


def _report_and_close(window: MainWindow) -> None:
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
