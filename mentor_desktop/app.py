"""The one place that builds everything: paths, engine, migrations, services, main window."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine

from mentor_desktop.domain.errors import DatabaseOpenError
from mentor_desktop.services.goals import GoalService
from mentor_desktop.services.journal import JournalService
from mentor_desktop.services.sessions import SessionService
from mentor_desktop.storage.migrate import open_database
from mentor_desktop.storage.uow import unit_of_work_factory


@dataclass(frozen=True)
class Services:
    """The use cases the UI and CLI work through."""

    goals: GoalService
    journal: JournalService
    sessions: SessionService


def build_services(engine: Engine) -> Services:
    uow = unit_of_work_factory(engine)
    return Services(
        goals=GoalService(uow), sessions=SessionService(uow), journal=JournalService(uow)
    )


def open_services(db_path: Path) -> tuple[Engine, Services]:
    """Open (and create or upgrade) the database at `db_path`; raises DatabaseOpenError."""
    engine = open_database(db_path)
    return engine, build_services(engine)


def run_gui(db_path: Path, settings_path: Path, quit_after_show: bool = False) -> int:
    """Start the Qt application on `db_path`; returns the process exit code."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from mentor_desktop import APP_ID, APP_NAME
    from mentor_desktop.settings import AppSettings
    from mentor_desktop.ui.dialogs import Dialogs
    from mentor_desktop.ui.main_window import MainWindow, build_tabs
    from mentor_desktop.ui.theme import apply_theme

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName(APP_ID)
    settings = AppSettings(settings_path)
    apply_theme(app, settings.theme)
    dialogs = Dialogs()
    try:
        engine, services = open_services(db_path)
    except DatabaseOpenError as exc:
        print(f"mentor-desktop: {exc}", file=sys.stderr)
        if not quit_after_show:
            dialogs.error(None, "Cannot open the database", str(exc))
        return 2
    window = MainWindow(settings, dialogs, db_path)
    for tab in build_tabs(services, window.change_bus, dialogs, settings):
        window.add_tab(tab)
    window.restore_state()
    window.show()
    if quit_after_show:  # start-up checks and benchmarks: report what is shown, then close
        def report_and_close() -> None:
            tabs = ", ".join(tab.title for tab in window.tab_pages())
            print(f"shown: {window.windowTitle()} | tabs: {tabs}", flush=True)
            window.close()

        QTimer.singleShot(0, report_and_close)
    code = app.exec()
    engine.dispose()
    return code
