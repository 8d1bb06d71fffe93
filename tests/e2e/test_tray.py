"""The tray icon on a real tray: a private Xvfb with a small system tray (trayer) and the app's
TrayIcon on the xcb platform, in a process of its own. It skips where Xvfb or trayer is
missing (CI installs both, .ci/run), and fails there instead."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

#: Builds a database with a weekly session, runs one reminder check at 10:00 the day before a
#: session with the real tray icon, waits until the tray has taken the icon in, and prints
#: what a person would see.
PROBE = """
import json, sys
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from mentor_desktop.app import build_services
from mentor_desktop.domain.cadence import CadenceRule
from mentor_desktop.domain.sessions import AgreementDraft, MentorDraft
from mentor_desktop.services.reminders import ReminderService
from mentor_desktop.settings import AppSettings
from mentor_desktop.storage.migrate import open_database
from mentor_desktop.ui.bus import ChangeBus
from mentor_desktop.ui.tray.icon import TrayIcon
from mentor_desktop.ui.tray.reminders import ReminderController

folder = Path(sys.argv[1])
app = QApplication([])
services = build_services(open_database(folder / "mentor.sqlite3"))
rule = CadenceRule("Session", "FREQ=WEEKLY;BYDAY=TU", datetime(2026, 12, 1, 17), 60)
services.sessions.save_agreement(
    None, AgreementDraft(mentor=MentorDraft(name="Ada Mentor"), rules=(rule,))
)
sessions = services.sessions.with_now(datetime(2026, 12, 7, 10, 0))
state = {"ticks": 0, "tray": None, "first": None, "available": False}


def tick():
    # the tray may still be starting: wait for it (up to 10 s), then for the icon to dock
    state["ticks"] += 1
    tray = state["tray"]
    if tray is None:
        state["available"] = QSystemTrayIcon.isSystemTrayAvailable()
        if state["available"] or state["ticks"] >= 200:
            start()
        return
    icon = tray.icon
    docked = icon is not None and icon.geometry() != state["first"]
    if not docked and state["ticks"] < 400:
        return
    print(json.dumps({
        "available": state["available"],
        "icon": icon is not None,
        "visible": icon is not None and icon.isVisible(),
        "docked": docked,
        "tooltip": tray.tooltip(),
    }), flush=True)
    app.quit()


def start():
    poll.stop()
    tray = TrayIcon(None)
    state["tray"] = tray
    state["first"] = tray.icon.geometry() if tray.icon is not None else None
    controller = ReminderController(
        lambda: ReminderService(sessions),
        AppSettings(folder / "settings.ini"),
        ChangeBus(),
        tray,
        show_window=lambda: None,
        say=lambda _text: None,
    )
    state["controller"] = controller
    controller.checked.connect(lambda _data: poll.start())
    controller.check()


poll = QTimer()
poll.setInterval(50)
poll.timeout.connect(tick)
poll.start()
sys.exit(app.exec())
"""


def _tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is not installed (.ci/run installs {package})")
        pytest.skip(f"{name} is not installed (apt-get install {package})")
    return path


@pytest.fixture(scope="module")
def desktop_with_a_tray() -> Iterator[str]:
    """A private X display (Xvfb picks a free number) with trayer's system tray on it."""
    xvfb = _tool("Xvfb", "xvfb")
    trayer = _tool("trayer", "trayer")
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
    env = {**os.environ, "DISPLAY": display}
    tray = subprocess.Popen(
        [trayer, "--edge", "top", "--align", "right", "--widthtype", "request", "--height", "24"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield display
    finally:
        for process in (tray, server):
            process.terminate()
            process.wait(timeout=10)


def test_the_tray_icon_shows_on_a_real_tray_with_the_next_session(
    desktop_with_a_tray: str, tmp_path: Path
) -> None:
    script = tmp_path / "tray_probe.py"
    script.write_text(PROBE, encoding="utf-8")
    env = {
        **os.environ,
        "DISPLAY": desktop_with_a_tray,
        "QT_QPA_PLATFORM": "xcb",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)  # the X tray, not a desktop's own
    result = subprocess.run(
        [sys.executable, str(script), str(tmp_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["available"], "QSystemTrayIcon.isSystemTrayAvailable() is False"
    assert seen["icon"] and seen["visible"] and seen["docked"]
    assert seen["tooltip"] == "Mentor Desktop: next session tomorrow at 17:00 with Ada Mentor"
