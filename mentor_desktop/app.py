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
    from mentor_desktop.services.quick_reads import FirstScreen
    from mentor_desktop.services.reminders import ReminderService
    from mentor_desktop.services.sessions import SessionService
    from mentor_desktop.services.timeline import TimelineService
    from mentor_desktop.storage.uow import UnitOfWorkFactory
    from mentor_desktop.ui.dialogs import Dialogs


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


def begin_start_checks(db_path: Path) -> None:
    """Start the database's integrity check on a second thread, before the window's modules
    are imported: both take about as long, and the check is done by the time it is needed."""
    from mentor_desktop.storage.precheck import start_quick_check

    start_quick_check(db_path)


def run_gui(
    db_path: Path, settings_path: Path, quit_after_show: bool = False, own_process: bool = False
) -> int:
    """Start the Qt application on `db_path`; returns the process exit code.

    `quit_after_show` (start-up checks and benchmarks) prints what is shown and closes at
    once, without dialogs and without touching the backups; the rest of the start is a real
    one (the window lock, the watch on other programs' writes), so it costs what it costs.
    `own_process`: the window is the whole process (not a test calling in), so what
    start-up built may be set aside from the garbage collector (`_set_aside_start_up_objects`).
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from mentor_desktop import APP_NAME, DESKTOP_ID, app_window
    from mentor_desktop.paths import data_dir
    from mentor_desktop.services.backups import BackupService
    from mentor_desktop.settings import AppSettings
    from mentor_desktop.ui.app_icon import app_icon
    from mentor_desktop.ui.dialogs import Dialogs
    from mentor_desktop.ui.locale_dates import use_system_dates
    from mentor_desktop.ui.theme import apply_theme

    running = QApplication.instance()
    app = running if isinstance(running, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName(DESKTOP_ID)  # the taskbar finds the menu entry and its icon
    app.setWindowIcon(app_icon())  # the window, its dialogs and the taskbar without the entry
    use_system_dates()
    _private_settings_folder(settings_path)
    settings = AppSettings(settings_path)
    apply_theme(app, settings.theme)
    dialogs = Dialogs(settings)
    app_window.use_spelling(settings)
    from mentor_desktop.storage.files import new_folders_private
    from mentor_desktop.ui.single_window import WindowLock, hand_over

    with contextlib.suppress(OSError):  # a first start: the data folder is made here
        new_folders_private(db_path.parent)
    lock = WindowLock(db_path)
    if not lock.try_lock():
        return hand_over(lock)
    app_window.keep_dialog_drafts(db_path)
    backups = BackupService(
        db_path,
        settings.backup_dir or data_dir() / "backups",
        keep_daily=settings.backups_kept_daily,
    )
    if not quit_after_show and not _unlock_at_start(db_path, backups):
        return 1
    if own_process:
        _set_aside_start_up_objects()
    first = _first_screen(db_path)  # by now the integrity check begun at launch is done
    try:
        engine = _open(db_path, backups, dialogs, quit_after_show, first)
    except DatabaseOpenError as exc:
        print(f"mentor-desktop: {exc}", file=sys.stderr)
        if not quit_after_show:
            dialogs.error(None, "Cannot open the database", str(exc))
        lock.release()
        return 2
    backups.protect()
    from mentor_desktop.storage.reopenable import ReopenableDatabase

    database = ReopenableDatabase(db_path, engine)
    services = Services(database)
    window, portability = app_window.build_window(
        services, backups, settings, dialogs, db_path, first
    )
    app_window.install_privacy(window, database, backups, settings, dialogs)
    if quit_after_show:
        from mentor_desktop.ui.first_paint import FirstPaint

        FirstPaint(window, lambda: app_window.report_and_close(window))
    window.show()
    watch = app_window.one_window(lock, window, database)
    if not quit_after_show:
        app_window.close_on_terminate(window)
        window.close_hooks.append(portability.backup_on_quit)
        QTimer.singleShot(250, lambda: app_window.warm_up(window, database, watch.start))
        QTimer.singleShot(3000, portability.backup_if_due)  # off the GUI thread, after start
        QTimer.singleShot(1000, lambda: app_window.start_tray_reminders(services, settings, window))
    code = app.exec()
    watch.close()
    lock.release()
    database.dispose()
    return code


def _set_aside_start_up_objects() -> None:
    """Take what start-up has built so far out of the cyclic garbage collector's view.

    By now the imported modules, their classes and functions (about 27,000 objects) are
    tracked and live as long as the process; on a plain start none of them is garbage (a
    start that asked for a passphrase may keep its dialog's few objects). Every full
    collection walked them all: 20 ms during the first screen at 100 years of goals, and
    again on each later full collection while the person types. From here on only objects
    made after this point are walked.
    """
    import gc

    gc.freeze()


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


def _first_screen(db_path: Path) -> FirstScreen | None:
    """The first screen read with sqlite3 alone, after every check an open makes; None when
    the file must be opened the full way first (new, behind, encrypted and locked, or with
    something wrong that the full open explains and offers a backup for)."""
    from mentor_desktop.domain.errors import StorageFailedError
    from mentor_desktop.services.quick_reads import NeedsFullOpen, first_screen

    try:
        return first_screen(db_path)
    except (NeedsFullOpen, DatabaseOpenError, StorageFailedError):
        return None


def _open(
    db_path: Path, backups: BackupService, dialogs: Dialogs, quiet: bool, first: FirstScreen | None
) -> Engine | None:
    """The engine the window starts with: None when the first screen was read already (the
    file is opened once the window is painted, see `app_window.warm_up`)."""
    if first is None:
        return _open_or_recover(db_path, backups, dialogs, ask=not quiet)[0]
    from mentor_desktop.paths import data_dir
    from mentor_desktop.storage.files import make_private

    make_private(data_dir())
    return None


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
