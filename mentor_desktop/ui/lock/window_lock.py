"""The lock on the window: Lock now (Ctrl+L) and after a chosen idle time.

Locking saves what is pending first, then covers every visible window of the app (the main
window and any dialog, modal ones included, so nothing half-typed in them is lost): their
own widgets are hidden, a lock screen takes their place, and their titles say only that
they are locked. While locked no command runs (shortcuts and clicks outside the lock
screens are ignored). Unlocking shows everything as it was and gives the focus back.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QObject, QSize, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from mentor_desktop import APP_NAME
from mentor_desktop.ui.lock.lock_screen import LockScreen
from mentor_desktop.ui.lock.passphrase_dialog import WRONG, run_check

LOCKED_TITLE = f"{APP_NAME} (locked)"
_INPUT = {
    QEvent.Type.KeyPress,
    QEvent.Type.KeyRelease,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.Wheel,
    QEvent.Type.ContextMenu,
    QEvent.Type.ShortcutOverride,
}
_ACTIVITY = {*_INPUT, QEvent.Type.MouseMove}


@dataclass
class _Covered:
    """One window as it was before it was covered."""

    window: QWidget
    title: str
    hidden: list[QWidget]
    minimum: QSize
    maximum: QSize
    screen: LockScreen
    resize_filter: QObject = field(repr=False)


class _FollowSize(QObject):
    def __init__(self, screen: LockScreen) -> None:
        super().__init__(screen)
        self._screen = screen

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self._screen.setGeometry(watched.rect())
        return False


#: The tray icon's own window (on X11) shows only the app's icon; covering it would blank the
#: icon. Its tooltip and notifications hide their content themselves (ui/tray).
_TRAY_WINDOWS = ("QSystemTrayIconSys",)


class WindowLock(QObject):
    """Locks `window` and every other visible window of the app.

    `flush()` saves pending text (returns what could not be saved, kept in the widgets);
    `check(secret)` says whether a passphrase or recovery key is right (None: a plain
    database, unlocked with a button). `idle_minutes` 0 means no lock on idle.

    Signals:
        locked_changed(bool): True once locked, False once unlocked (the tray and
            notifications show no content while locked).
    """

    locked_changed = Signal(bool)

    def __init__(
        self,
        window: QWidget,
        action: QAction,
        flush: Callable[[], list[str]],
        check: Callable[[str], bool] | None,
        idle_minutes: int = 0,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._action = action
        self._flush = flush
        self._check = check
        self._covered: list[_Covered] = []
        self._focus: QWidget | None = None
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.timeout.connect(self.lock)
        self._filtering = False
        action.triggered.connect(self.lock)
        self.set_idle_minutes(idle_minutes)

    @property
    def locked(self) -> bool:
        return bool(self._covered)

    @property
    def idle_minutes(self) -> int:
        return self._idle.interval() // 60000 if self._idle.interval() else 0

    def set_idle_minutes(self, minutes: int) -> None:
        self._idle.stop()
        self._idle.setInterval(max(minutes, 0) * 60000)
        if minutes > 0 and not self.locked:
            self._idle.start()
        self._see_every_event(minutes > 0 or self.locked)

    def _see_every_event(self, see: bool) -> None:
        """Filter the application's events only while the idle lock needs to see activity
        or the lock holds input back: a filter in Python makes every event (each paint,
        each mouse move) call into Python, which a window with no idle lock never needs."""
        app = QApplication.instance()
        if app is None or see == self._filtering:
            return
        if see:
            app.installEventFilter(self)
        else:
            app.removeEventFilter(self)
        self._filtering = see

    def set_check(self, check: Callable[[str], bool] | None) -> None:
        """After encrypting or decrypting: how the next unlock is checked."""
        self._check = check

    # ---------------------------------------------------------------- locking

    def lock(self) -> None:
        if self.locked:
            return
        self._flush()
        self._see_every_event(True)
        self._focus = QApplication.focusWidget()
        windows = [self._window] + [
            widget
            for widget in QApplication.topLevelWidgets()
            if widget is not self._window
            and widget.isVisible()
            and not widget.isHidden()
            and widget.metaObject().className() not in _TRAY_WINDOWS
        ]
        for window in windows:
            self._covered.append(self._cover(window))
        self._idle.stop()
        self._action.setEnabled(False)
        self._front_screen().focus_field()
        self.locked_changed.emit(True)

    def unlock(self, secret: str) -> bool:
        """Unlock when `secret` is right (anything for a plain database); False, saying so
        on the lock screen, when it is wrong."""
        if not self.locked:
            return True
        if self._check is not None and not run_check(self._check, secret):
            for covered in self._covered:
                covered.screen.show_error(WRONG)
            return False
        for covered in reversed(self._covered):
            self._uncover(covered)
        self._covered.clear()
        self._action.setEnabled(True)
        if self._focus is not None:
            with contextlib.suppress(RuntimeError):  # the widget went away while locked
                self._focus.setFocus()
        self._focus = None
        self.set_idle_minutes(self.idle_minutes)
        self.locked_changed.emit(False)
        return True

    def screens(self) -> list[LockScreen]:
        return [covered.screen for covered in self._covered]

    def _front_screen(self) -> LockScreen:
        modal = QApplication.activeModalWidget()
        for covered in self._covered:
            if covered.window is modal:
                return covered.screen
        return self._covered[0].screen

    def _cover(self, window: QWidget) -> _Covered:
        hidden = [
            child
            for child in window.findChildren(QWidget, options=_direct())
            if child.isVisibleTo(window) and not child.isWindow()
        ]
        minimum, maximum = window.minimumSize(), window.maximumSize()
        if window is not self._window:
            window.setFixedSize(window.size())  # no shrinking while its widgets are hidden
        title = window.windowTitle()
        for child in hidden:
            child.hide()
        screen = LockScreen(window, needs_secret=self._check is not None)
        screen.unlock_requested.connect(self.unlock)
        screen.setGeometry(window.rect())
        follow = _FollowSize(screen)
        window.installEventFilter(follow)
        screen.show()
        screen.raise_()
        window.setWindowTitle(LOCKED_TITLE)
        return _Covered(window, title, hidden, minimum, maximum, screen, follow)

    def _cover_late(self, window: QDialog) -> None:
        """A dialog that opened while locked (a timer's question) is covered too."""
        known = any(covered.window is window for covered in self._covered)
        if self.locked and window.isVisible() and not known:
            self._covered.append(self._cover(window))

    def _uncover(self, covered: _Covered) -> None:
        window = covered.window
        try:
            window.removeEventFilter(covered.resize_filter)
            covered.screen.hide()
            covered.screen.deleteLater()
            for child in covered.hidden:
                child.show()
            window.setMinimumSize(covered.minimum)
            window.setMaximumSize(covered.maximum)
            window.setWindowTitle(covered.title)
        except RuntimeError:  # a dialog closed while locked
            pass

    # ---------------------------------------------------------------- events

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Show and self._covered and isinstance(watched, QDialog):
            if not any(covered.window is watched for covered in self._covered):
                QTimer.singleShot(0, lambda: self._cover_late(watched))
            return False
        if not self._covered:
            if kind in _ACTIVITY and self._idle.interval() > 0:
                self._idle.start()
            return False
        if kind == QEvent.Type.Shortcut:
            return True  # no command runs while locked
        if kind in _INPUT and isinstance(watched, QWidget):
            return not any(
                covered.screen is watched or covered.screen.isAncestorOf(watched)
                for covered in self._covered
            )
        return False


def _direct():  # Qt.FindChildOption.FindDirectChildrenOnly, kept apart for readability
    from PySide6.QtCore import Qt

    return Qt.FindChildOption.FindDirectChildrenOnly
