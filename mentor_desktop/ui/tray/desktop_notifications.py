"""Notifications through the desktop's notification service (org.freedesktop.Notifications
over D-Bus), for a desktop without a tray such as plain GNOME: the app's name and icon, an
Open button, and a click that says which reminder it was."""

from __future__ import annotations

import html
import logging
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import Q_ARG, Q_RETURN_ARG, ClassInfo, QMetaObject, QObject, Qt, Signal, Slot
from PySide6.QtDBus import QDBusConnection, QDBusInterface, QDBusMessage

from mentor_desktop import DESKTOP_ID
from mentor_desktop.domain.reminders import Reminder, Target
from mentor_desktop.icons import png
from mentor_desktop.ui.tasks import run_in_background

log = logging.getLogger(__name__)

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
INTERFACE = SERVICE
#: The action the service invokes when the notification itself is clicked.
DEFAULT_ACTION = "default"
#: The action of the Open button.
OPEN_ACTION = "open"
#: How long a call may take (the service may be starting) before the reminder is given up.
CALL_TIMEOUT_MS = 10_000
#: Let the desktop decide how long a notification stays up.
DESKTOP_DECIDES = -1
APP_NAME = "Mentor Desktop"

OPEN_LABELS = {
    Target.SESSION: "Open session",
    Target.ACTION_ITEM: "Open action item",
    Target.OPPORTUNITY: "Open opportunity",
}


@dataclass(frozen=True, slots=True)
class Notification:
    """What the Notify call sends (summary, body, actions as key/label pairs, hints)."""

    summary: str
    body: str
    icon: str
    actions: list[str]
    hints: dict[str, str] = field(default_factory=dict)


def notification_for(shown: Reminder, markup: bool) -> Notification:
    """The notification for `shown`; its body escaped where the service reads markup."""
    icon = png(256).as_uri()
    return Notification(
        summary=shown.title,
        body=html.escape(shown.body, quote=False) if markup else shown.body,
        icon=icon,
        actions=[DEFAULT_ACTION, "Open", OPEN_ACTION, OPEN_LABELS[shown.target]],
        hints={"desktop-entry": DESKTOP_ID, "image-path": icon},
    )


#: ClassInfo as the decorator it is at run time (its stubs know no call).
_class_info: Any = ClassInfo


@_class_info({"D-Bus Interface": INTERFACE})
class _NotifyShape(QObject):
    """The specification's Notify and GetCapabilities with their D-Bus types, exported for
    a moment so the connection learns the interface from it (see `learn_interface`).

    Signals: none.
    """

    @Slot(str, "uint", str, str, str, "QStringList", "QVariantMap", int, result="uint")
    def Notify(
        self,
        app_name: str,
        replaces_id: int,
        app_icon: str,
        summary: str,
        body: str,
        actions: list[str],
        hints: dict[str, object],
        expire_timeout: int,
    ) -> int:
        return 0

    @Slot(result="QStringList")
    def GetCapabilities(self) -> list[str]:
        return []


def learn_interface(connection: QDBusConnection) -> bool:
    """Teach `connection` the notification interface's exact types (on the GUI thread).

    From Python every whole number goes out as int32, and the specification wants
    replaces_id as uint32: a call through a QDBusInterface converts each argument to the
    type the interface declares. The service's own description often leaves Qt unable to
    use Notify (hints' a{sv} comes out as a raw type without Qt's annotation), so the
    description is read once from the shape above, exported on this connection; Qt keeps
    an interface's description per connection and uses it for the service too.
    """
    shape = _NotifyShape()
    path = "/io/github/mentordesktop/NotifyShape"
    if not connection.registerObject(path, shape, QDBusConnection.RegisterOption.ExportAllSlots):
        return False
    try:
        return QDBusInterface(connection.baseService(), path, INTERFACE, connection).isValid()
    finally:
        connection.unregisterObject(path)


def send(connection: QDBusConnection, shown: Reminder) -> int | str:
    """Show `shown` through the service (a blocking call: run it off the GUI thread).
    Returns the notification's id, or the reason it was not shown."""
    service = QDBusInterface(SERVICE, PATH, INTERFACE, connection)
    service.setTimeout(CALL_TIMEOUT_MS)
    if not service.isValid():
        return service.lastError().message() or "no notification service"
    capabilities = service.call("GetCapabilities").arguments()
    markup = bool(capabilities) and "body-markup" in list(capabilities[0])
    notice = notification_for(shown, markup)
    try:
        sent = QMetaObject.invokeMethod(
            service,
            "Notify",
            Qt.ConnectionType.DirectConnection,
            Q_RETURN_ARG("uint"),
            Q_ARG(str, APP_NAME),
            Q_ARG("uint", 0),
            Q_ARG(str, notice.icon),
            Q_ARG(str, notice.summary),
            Q_ARG(str, notice.body),
            Q_ARG("QStringList", notice.actions),
            Q_ARG("QVariantMap", notice.hints),
            Q_ARG(int, DESKTOP_DECIDES),
        )
    except RuntimeError as exc:  # Notify not callable with these types
        return f"the notification service's Notify could not be called ({exc})"
    error = service.lastError()
    if error.isValid() or not isinstance(sent, int):
        return error.message() or "the notification service did not answer"
    return sent


class DesktopNotifications(QObject):
    """Reminders as the desktop's own notifications; clicking one (or its Open button)
    reports the reminder. Nothing fails where the session has no notification service:
    `available()` is False and a reminder handed over anyway is only logged.

    Signals:
        clicked(object): the Reminder whose notification was clicked.
        sent(object): a Reminder the service took, once it has its id.
        refused(str): why the service did not show a reminder (also logged).
    """

    clicked = Signal(object)
    sent = Signal(object)
    refused = Signal(str)

    def __init__(
        self, connection: QDBusConnection | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._connection = connection
        self._listening = False
        self._shown: dict[int, Reminder] = {}

    def connection(self) -> QDBusConnection:
        """The session bus, unless another connection was given (its signals connected once)."""
        if self._connection is None:
            self._connection = QDBusConnection.sessionBus()
        if not self._listening and self._connection.isConnected():
            self._listening = True
            learn_interface(self._connection)
            for signal, slot in (
                ("ActionInvoked", "1_action_invoked(QDBusMessage)"),
                ("NotificationClosed", "1_closed(QDBusMessage)"),
            ):
                # the stubs type the slot as bytes; the binding wants its signature as str
                self._connection.connect(SERVICE, PATH, INTERFACE, signal, self, slot)  # type: ignore[call-overload]
        return self._connection

    def available(self) -> bool:
        """True when the bus has a notification service running, or one it can start."""
        connection = self.connection()
        if not connection.isConnected():
            return False
        bus = connection.interface()
        running = bus.isServiceRegistered(SERVICE)
        if running.isValid() and running.value():
            return True
        names = bus.call("ListActivatableNames").arguments()
        return bool(names) and SERVICE in list(names[0])

    def notify(self, reminder: Reminder, shown: Reminder | None = None) -> None:
        """Show `shown` (what may be seen: `reminder` unless locked) off the GUI thread; a
        click on it later reports `reminder`."""
        connection = self.connection()
        run_in_background(
            lambda _report: send(connection, shown or reminder),
            on_finished=lambda result: self._sent(result, reminder),
            on_failed=self._refused,
            description="showing a notification",
        )

    def shown_ids(self) -> dict[int, Reminder]:
        """The notifications on screen (as far as the service said), by id."""
        return dict(self._shown)

    def _sent(self, result: int | str, reminder: Reminder) -> None:
        if isinstance(result, str):
            self._refused(result)
            return
        self._shown[result] = reminder
        self.sent.emit(reminder)

    def _refused(self, reason: str) -> None:
        log.info("reminder not shown by the notification service: %s", reason)
        self.refused.emit(reason)

    @Slot(QDBusMessage)
    def _action_invoked(self, message: QDBusMessage) -> None:
        args = message.arguments()
        if len(args) == 2 and args[1] in (DEFAULT_ACTION, OPEN_ACTION):
            reminder = self._shown.get(int(args[0]))
            if reminder is not None:
                self.clicked.emit(reminder)

    @Slot(QDBusMessage)
    def _closed(self, message: QDBusMessage) -> None:
        args = message.arguments()
        if args:
            self._shown.pop(int(args[0]), None)
