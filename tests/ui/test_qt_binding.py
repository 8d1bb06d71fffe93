"""The installed Qt binding keeps Python's reference counts intact.

PySide6 6.12.0 drops a reference to None on every call that returns nothing; on Python 3.11
(where None is not immortal) the app then aborts after a few thousand calls.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QLabel


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_calls_that_return_nothing_keep_none_alive(qtbot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("x")
        label.setEnabled(True)
    assert sys.getrefcount(None) - before > -100
