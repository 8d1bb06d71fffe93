"""The window lock sees the application's events only while it needs them: while locked (to
hold input back) and while an idle lock waits for the person to stop; never otherwise, so a
window without an idle lock does not call into Python for every paint and mouse move."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLineEdit

from mentor_desktop.ui.lock.window_lock import WindowLock


class CountingLock(WindowLock):
    """A WindowLock that counts the events it is shown."""

    seen = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        self.seen += 1
        return super().eventFilter(watched, event)


def _typing(qtbot, field: QLineEdit, text: str = "a") -> None:
    qtbot.keyClicks(field, text)


def _lock(qtbot, idle_minutes: int) -> tuple[CountingLock, QLineEdit]:
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    qtbot.waitExposed(field)
    lock = CountingLock(field, QAction(field), lambda: [], None, idle_minutes)
    return lock, field


def test_without_an_idle_lock_the_events_never_pass_through_it(qtbot) -> None:
    lock, field = _lock(qtbot, idle_minutes=0)
    _typing(qtbot, field, "private")
    assert lock.seen == 0 and field.text() == "private"
    lock.lock()
    seen = lock.seen
    _typing(qtbot, field, "more")  # held back while locked
    assert lock.seen > seen and field.text() == "private"
    assert lock.unlock("")
    lock.seen = 0
    _typing(qtbot, field, "!")
    assert lock.seen == 0 and field.text() == "private!"


def test_an_idle_lock_sees_the_typing_that_postpones_it(qtbot) -> None:
    lock, field = _lock(qtbot, idle_minutes=5)
    lock._idle.setInterval(400)  # five minutes, shortened for the test
    lock._idle.start()
    for _ in range(6):  # 600 ms of typing: longer than the idle time
        qtbot.wait(100)
        _typing(qtbot, field)
    assert not lock.locked and lock.seen > 0
    qtbot.waitUntil(lambda: lock.locked, timeout=5000)
    assert lock.unlock("")
    lock.set_idle_minutes(0)
    lock.seen = 0
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    assert lock.seen == 0
