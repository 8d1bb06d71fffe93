"""Shared fixtures: a migrated template database copied per test, services, settings, dialogs."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from mentor_desktop.app import Services, build_services
from mentor_desktop.storage.migrate import open_database

# Property tests check behaviour, not speed: no per-example deadline on a busy machine, and
# under CI the same examples every run, so a landing never depends on a random draw.
hypothesis_settings.register_profile("default", deadline=None)
hypothesis_settings.register_profile("ci", deadline=None, derandomize=True)
hypothesis_settings.load_profile("ci" if os.environ.get("CI") else "default")


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads or writes the real user's data, config or database."""
    home = tmp_path / "home"
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, str(home / name.lower()))
    monkeypatch.delenv("MENTOR_DESKTOP_DB", raising=False)


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database migrated to head once per test run."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    engine = open_database(path)
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


@pytest.fixture
def db_path(template_db: Path, tmp_path: Path) -> Path:
    path = tmp_path / "mentor.sqlite3"
    shutil.copyfile(template_db, path)
    return path


@pytest.fixture
def engine(db_path: Path) -> Iterator:
    engine = open_database(db_path)
    yield engine
    engine.dispose()


@pytest.fixture
def services(engine) -> Services:
    return build_services(engine)


@pytest.fixture
def app_settings(tmp_path: Path):
    from mentor_desktop.settings import AppSettings

    return AppSettings(tmp_path / "settings.ini")


@pytest.fixture
def dialogs():
    from tests.ui.scripted_dialogs import ScriptedDialogs

    return ScriptedDialogs()


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator:
    """A really small file system (1 MB tmpfs) for tests of a full disk; skipped where a
    test may not mount one."""
    from tests.factories import mount_full_disk, unmount

    disk = mount_full_disk(tmp_path / "small-disk")
    if disk is None:
        pytest.skip("mounting a small tmpfs is not allowed here (needs root and tmpfs)")
    yield disk
    unmount(disk)
