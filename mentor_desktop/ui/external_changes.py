"""Writes made outside the window (the command line, another program) reach its tabs.

A light timer asks `changed_areas` (storage's ExternalWrites) every POLL_MS which areas
another process changed, and announces each on the change bus with the origin EXTERNAL, so
the tabs reload what they show of it (typed text stays; saving it checks for conflicts).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from mentor_desktop.ui.bus import EXTERNAL, ChangeBus

log = logging.getLogger(__name__)

#: How often to look: a change from the command line shows within about this long.
POLL_MS = 1500


class ExternalChangePoller(QObject):
    """Announces on `bus` what other processes changed in the database.

    Signals: none (it announces on the bus).
    """

    def __init__(
        self,
        changed_areas: Callable[[], list[str]],
        bus: ChangeBus,
        parent: QObject | None = None,
        interval_ms: int = POLL_MS,
    ) -> None:
        super().__init__(parent)
        self._changed_areas = changed_areas
        self._bus = bus
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.poll)

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def poll(self) -> list[str]:
        """Look once; returns the areas announced."""
        try:
            areas = self._changed_areas()
        except Exception:  # a watch that fails must never take the window down
            log.exception("looking for changes made outside the window failed")
            return []
        for area in areas:
            self._bus.announce(area, EXTERNAL)
        return areas
