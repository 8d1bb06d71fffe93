"""A reminder through a real notification service: dunst on a private X display and a private
session bus (no tray). The app's side sends the notification and hears its click, as on a
desktop without a tray. Skips where Xvfb, dbus-daemon or dunst is missing (CI installs them,
.ci/run, and fails there instead)."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtDBus import QDBusConnection

from mentor_desktop.domain.reminders import (
    DueAction,
    ReminderData,
    ReminderPreferences,
    planned_reminders,
)
from mentor_desktop.ui.tray.desktop_notifications import SERVICE, DesktopNotifications

pytestmark = pytest.mark.slow

#: A session bus that starts no installed service by itself.
BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=/tmp</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


def _tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is not installed (.ci/run installs {package})")
        pytest.skip(f"{name} is not installed (apt-get install {package})")
    return path


def _stop(*processes: subprocess.Popen) -> None:
    for process in processes:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def dunst_desktop(qtbot, tmp_path: Path) -> Iterator[tuple[QDBusConnection, dict[str, str]]]:
    """Xvfb, a private session bus and dunst on both; the app's connection and the env."""
    xvfb, daemon = _tool("Xvfb", "xvfb"), _tool("dbus-daemon", "dbus")
    dunst = _tool("dunst", "dunst")
    read, write = os.pipe()
    server = subprocess.Popen(
        [xvfb, "-displayfd", str(write), "-screen", "0", "1280x720x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as numbers:
        display = f":{numbers.readline().strip()}"
    config = tmp_path / "session-bus.conf"
    config.write_text(BUS_CONFIG, encoding="utf-8")
    bus = subprocess.Popen(
        [daemon, f"--config-file={config}", "--nofork", "--print-address"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert bus.stdout is not None
    address = bus.stdout.readline().strip()
    env = {
        **os.environ,
        "DISPLAY": display,
        "DBUS_SESSION_BUS_ADDRESS": address,
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    service = subprocess.Popen(
        [dunst], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    name = f"mentor-dunst-{tmp_path.name}"
    try:
        connection = QDBusConnection.connectToBus(address, name)
        assert connection.isConnected(), connection.lastError().message()

        def registered() -> bool:
            reply = connection.interface().isServiceRegistered(SERVICE)
            return reply.isValid() and bool(reply.value())

        qtbot.waitUntil(registered, timeout=20_000)
        yield connection, env
    finally:
        QDBusConnection.disconnectFromBus(name)
        _stop(service, bus, server)
        bus.stdout.close()


def test_dunst_shows_the_reminder_and_its_click_reaches_the_app(qtbot, dunst_desktop) -> None:
    connection, env = dunst_desktop
    desktop = DesktopNotifications(connection)
    assert desktop.available()
    data = ReminderData(actions=(DueAction(12, "Send the draft <b>to</b> Amara", date.today()),))
    reminder = planned_reminders(data, ReminderPreferences())[0]
    with qtbot.waitSignal(desktop.sent, timeout=20_000):
        desktop.notify(reminder)
    assert list(desktop.shown_ids().values()) == [reminder]
    with qtbot.waitSignal(desktop.clicked, timeout=20_000) as clicked:
        subprocess.run([shutil.which("dunstctl") or "dunstctl", "action", "0"], env=env, check=True)
    assert clicked.args == [reminder]
