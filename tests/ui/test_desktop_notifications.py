"""Reminders where the desktop has no tray: the desktop's notification service over D-Bus.

The slow tests start a private session bus (dbus-daemon) and a small notification service
written here (it records each Notify call and clicks a notification when told), so the app's
calls go over a real bus; they skip where dbus-daemon is missing."""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtDBus import QDBusConnection, QDBusMessage
from PySide6.QtWidgets import QSystemTrayIcon

from mentor_desktop import DESKTOP_ID
from mentor_desktop.domain.cadence import CadenceRule
from mentor_desktop.domain.reminders import (
    DueAction,
    ReminderData,
    ReminderPreferences,
    planned_reminders,
)
from mentor_desktop.domain.sessions import AgreementDraft, MentorDraft
from mentor_desktop.services.reminders import ReminderService
from mentor_desktop.ui.bus import ChangeBus, ItemKind
from mentor_desktop.ui.tray.desktop_notifications import (
    PATH,
    SERVICE,
    DesktopNotifications,
    notification_for,
)
from mentor_desktop.ui.tray.icon import TrayIcon
from mentor_desktop.ui.tray.reminders import ReminderController

DAY_BEFORE = datetime(2026, 12, 7, 10, 0)

#: A notification service: records each Notify call (one JSON line in CALLS) and emits
#: ActionInvoked when its Click method is called, as a desktop does when a person clicks.
FAKE_SERVICE = """
import json, sys
from PySide6.QtCore import ClassInfo, QCoreApplication, QObject, Signal, Slot
from PySide6.QtDBus import QDBusConnection

app = QCoreApplication([])
bus = QDBusConnection.connectToBus(sys.argv[1], "service")
calls = open(sys.argv[2], "a", encoding="utf-8")


@ClassInfo({"D-Bus Interface": "org.freedesktop.Notifications"})
class Service(QObject):
    ActionInvoked = Signal("uint", str)
    NotificationClosed = Signal("uint", "uint")

    @Slot(str, "uint", str, str, str, "QStringList", "QVariantMap", int, result="uint")
    def Notify(self, app_name, replaces_id, icon, summary, body, actions, hints, timeout):
        hints = {key: str(value) for key, value in dict(hints).items()}
        record = [app_name, replaces_id, icon, summary, body, list(actions), hints, timeout]
        calls.write(json.dumps(record) + "\\n")
        calls.flush()
        return 41

    @Slot(result="QStringList")
    def GetCapabilities(self):
        return ["actions", "body", "body-markup"]

    @Slot(int, str)
    def Click(self, notification_id, action):
        self.ActionInvoked.emit(notification_id, action)
        self.NotificationClosed.emit(notification_id, 2)


service = Service()
options = QDBusConnection.RegisterOption
bus.registerObject(
    "/org/freedesktop/Notifications", service, options.ExportAllSlots | options.ExportAllSignals
)
bus.registerService("org.freedesktop.Notifications")
app.exec()
"""


def _action_reminder(text: str = "Send the draft to Amara & Bo"):
    data = ReminderData(actions=(DueAction(12, text, DAY_BEFORE.date()),))
    return planned_reminders(data, ReminderPreferences())[0]


# ---------------------------------------------------------------- without processes


def test_the_notification_names_the_app_its_icon_and_an_open_button() -> None:
    reminder = _action_reminder()
    plain = notification_for(reminder, markup=False)
    assert (plain.summary, plain.body) == ("Action item due today", "Send the draft to Amara & Bo")
    assert plain.actions == ["default", "Open", "open", "Open action item"]
    assert plain.hints["desktop-entry"] == DESKTOP_ID
    assert plain.icon.startswith("file://") and Path(plain.icon[7:]).is_file()
    assert notification_for(reminder, markup=True).body == "Send the draft to Amara &amp; Bo"


def test_no_bus_and_no_tray_show_nothing_and_raise_nothing(qtbot, monkeypatch, caplog) -> None:
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: False))
    nowhere = QDBusConnection.connectToBus("unix:path=/nonexistent/bus", "mentor-nowhere")
    desktop = DesktopNotifications(nowhere)
    tray = TrayIcon(None, desktop)
    assert not desktop.available()
    with caplog.at_level(logging.INFO):
        assert tray.notify(_action_reminder()) is False
    assert "no tray and no notification service" in caplog.text


# ---------------------------------------------------------------- over a real session bus


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


@dataclass
class Bus:
    address: str
    connection: QDBusConnection


@pytest.fixture
def session_bus(qtbot, tmp_path: Path) -> Iterator[Bus]:
    """A private session bus, and the connection the app's side uses."""
    daemon = shutil.which("dbus-daemon")
    if daemon is None:
        if os.environ.get("CI"):
            pytest.fail("dbus-daemon is not installed (.ci/run installs the dbus package)")
        pytest.skip("dbus-daemon is not installed (apt-get install dbus)")
    # a bus of its own: no service files, so nothing installed here is started on it
    config = tmp_path / "session-bus.conf"
    config.write_text(BUS_CONFIG, encoding="utf-8")
    process = subprocess.Popen(
        [daemon, f"--config-file={config}", "--nofork", "--print-address"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    name = f"mentor-test-{tmp_path.name}"
    try:
        assert process.stdout is not None
        address = process.stdout.readline().strip()
        connection = QDBusConnection.connectToBus(address, name)
        assert connection.isConnected(), connection.lastError().message()
        yield Bus(address, connection)
    finally:
        QDBusConnection.disconnectFromBus(name)
        process.terminate()
        process.wait(10)
        if process.stdout is not None:
            process.stdout.close()


@pytest.fixture
def fake_service(qtbot, session_bus: Bus, tmp_path: Path) -> Iterator[Path]:
    """The notification service above on the private bus; the file of its Notify calls."""
    calls = tmp_path / "notify-calls.jsonl"
    calls.touch()
    script = tmp_path / "fake_notifications.py"
    script.write_text(FAKE_SERVICE, encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    service = subprocess.Popen(
        [sys.executable, str(script), session_bus.address, str(calls)], env=env
    )
    try:
        qtbot.waitUntil(lambda: _registered(session_bus.connection), timeout=20_000)
        yield calls
    finally:
        service.terminate()
        service.wait(10)


def _registered(connection: QDBusConnection) -> bool:
    reply = connection.interface().isServiceRegistered(SERVICE)
    return reply.isValid() and bool(reply.value())


def _click(connection: QDBusConnection, notification_id: int, action: str = "default") -> None:
    call = QDBusMessage.createMethodCall(SERVICE, PATH, SERVICE, "Click")
    call.setArguments([notification_id, action])
    reply = connection.call(call)
    assert reply.type() is not QDBusMessage.MessageType.ErrorMessage, reply.errorMessage()


def _calls(path: Path) -> list[list]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.slow
def test_a_notification_goes_to_the_service_and_its_click_comes_back(
    qtbot, session_bus: Bus, fake_service: Path
) -> None:
    desktop = DesktopNotifications(session_bus.connection)
    assert desktop.available()
    reminder = _action_reminder()
    with qtbot.waitSignal(desktop.sent, timeout=20_000):
        desktop.notify(reminder)
    ((app, replaces, icon, summary, body, actions, hints, timeout),) = _calls(fake_service)
    assert (app, replaces, timeout) == ("Mentor Desktop", 0, -1)
    assert (summary, body) == ("Action item due today", "Send the draft to Amara &amp; Bo")
    assert actions == ["default", "Open", "open", "Open action item"]
    assert icon.startswith("file://") and hints["desktop-entry"] == DESKTOP_ID
    assert list(desktop.shown_ids()) == [41]
    with qtbot.waitSignal(desktop.clicked, timeout=20_000) as clicked:
        _click(session_bus.connection, 41, "open")
    assert clicked.args == [reminder]
    qtbot.waitUntil(lambda: desktop.shown_ids() == {})  # the service closed it


@pytest.fixture
def sessions(services):
    """Every Tuesday at 17:00 from 1 December 2026, the service on the Monday before the
    second session."""
    rule = CadenceRule("Session", "FREQ=WEEKLY;BYDAY=TU", datetime(2026, 12, 1, 17), 60)
    draft = AgreementDraft(mentor=MentorDraft(name="Ada Mentor"), rules=(rule,))
    services.sessions.save_agreement(None, draft)
    return services.sessions.with_now(DAY_BEFORE)


@pytest.mark.slow
def test_without_a_tray_the_reminder_shows_through_the_service_and_its_click_opens_it(
    qtbot, monkeypatch, session_bus: Bus, fake_service: Path, sessions, app_settings, services
) -> None:
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: False))
    bus = ChangeBus()
    desktop = DesktopNotifications(session_bus.connection)
    tray = TrayIcon(None, desktop)
    assert not tray.available  # no icon
    controller = ReminderController(
        lambda: ReminderService(sessions),
        app_settings,
        bus,
        tray,
        show_window=lambda: None,
        say=lambda _text: None,
    )
    with qtbot.waitSignal(desktop.sent, timeout=20_000):
        controller.check()
    ((_app, _replaces, _icon, summary, body, *_rest),) = _calls(fake_service)
    assert summary == "Session with Ada Mentor: Tue 08 Dec at 17:00"
    assert body.startswith("Prepare your agenda")
    with qtbot.waitSignal(bus.open_requested, timeout=20_000) as opened:
        _click(session_bus.connection, 41)
    kind, session_id = opened.args
    assert kind == ItemKind.SESSION
    assert services.sessions.session(session_id).start == datetime(2026, 12, 8, 17)


@pytest.mark.slow
def test_a_bus_without_a_notification_service_is_not_available(
    qtbot, monkeypatch, session_bus: Bus, caplog
) -> None:
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: False))
    desktop = DesktopNotifications(session_bus.connection)
    assert not desktop.available()
    with caplog.at_level(logging.INFO):
        assert TrayIcon(None, desktop).notify(_action_reminder()) is False
    assert "no tray and no notification service" in caplog.text
