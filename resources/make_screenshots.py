"""Make the AppStream screenshots (resources/screenshots/*.png) from the demo data, under Xvfb.

    python resources/make_screenshots.py       # or: make screenshots

Starts its own Xvfb (1366x768) unless $DISPLAY is set, writes a demo database into a
temporary folder (the real data and settings are never touched), opens the window at
1280x720 and saves one picture a tab. Run it again after a visible change.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "screenshots"
#: File name (as the metainfo lists it) -> the tab it shows.
SHOTS = {
    "session-prep.png": "Session prep",
    "goals.png": "Goals",
    "journal.png": "Journal",
    "timeline.png": "Timeline",
}
SIZE = (1280, 720)


@contextmanager
def display():
    """$DISPLAY if there is one, else a private Xvfb for as long as the block runs."""
    if os.environ.get("DISPLAY"):
        yield
        return
    if shutil.which("Xvfb") is None:
        raise SystemExit("Xvfb is not installed (apt-get install xvfb), and $DISPLAY is not set")
    number = 90 + os.getpid() % 100
    server = subprocess.Popen(
        ["Xvfb", f":{number}", "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while not Path(f"/tmp/.X11-unix/X{number}").exists():
            if server.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("Xvfb did not start")
            time.sleep(0.1)
        os.environ["DISPLAY"] = f":{number}"
        yield
    finally:
        server.terminate()
        server.wait(timeout=10)


def settle(app, seconds: float = 0.6) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def shoot(folder: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from mentor_desktop.app import open_services
    from mentor_desktop.app_window import build_window
    from mentor_desktop.services.backups import BackupService
    from mentor_desktop.settings import AppSettings
    from mentor_desktop.ui.app_icon import app_icon
    from mentor_desktop.ui.dialogs import Dialogs

    db = folder / "demo.sqlite3"
    subprocess.run(
        [sys.executable, "-m", "mentor_desktop", "--db", str(db), "demo", "--years", "2"],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setWindowIcon(app_icon())
    engine, services = open_services(db)
    backups = BackupService(db, folder / "backups")
    window, _ = build_window(services, backups, AppSettings(folder / "s.ini"), Dialogs(), db)
    window.resize(*SIZE)
    window.show()
    settle(app, 1.5)
    OUT.mkdir(parents=True, exist_ok=True)
    for name, title in SHOTS.items():
        index = next(i for i, page in enumerate(window.tab_pages()) if page.title == title)
        window.tabs.setCurrentIndex(index)
        settle(app, 1.0)
        window.statusBar().clearMessage()  # it names the temporary database file
        settle(app, 0.1)
        if not window.grab().save(str(OUT / name), "PNG"):
            raise SystemExit(f"could not write {OUT / name}")
        print(OUT.relative_to(ROOT) / name)
    window.close()
    engine.dispose()


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="mentor-shots-") as temporary:
        folder = Path(temporary)
        for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
            os.environ[name] = str(folder / name.lower())
        os.environ["QT_QPA_PLATFORM"] = "xcb"
        with display():
            shoot(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
