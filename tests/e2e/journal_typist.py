"""Opens the app window on a database and types into a new journal entry until killed.

Run as `python -m tests.e2e.journal_typist DB SETTINGS [PASTE]`; with PASTE (a number of
characters) it first pastes `pasted(PASTE)` into the entry. After each typed word it prints
"<unix time> <words typed>" so a test can tell what was typed when it killed the process.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

#: Milliseconds between typed words (far faster than anyone types).
WORD_INTERVAL_MS = 40


def word(index: int) -> str:
    return f"w{index:04d} "


def pasted(chars: int) -> str:
    """The text pasted before typing: `chars` characters on one line."""
    return ("mentor feedback délégation plan review " * (chars // 39 + 1))[:chars]


def main(db_path: Path, settings_path: Path, paste: int = 0) -> int:
    from PySide6.QtCore import QMimeData, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from mentor_desktop.app import open_services
    from mentor_desktop.settings import AppSettings
    from mentor_desktop.ui.dialogs import Dialogs
    from mentor_desktop.ui.journal.tab import JournalTab
    from mentor_desktop.ui.main_window import MainWindow, build_tabs

    app = QApplication(sys.argv[:1])
    _engine, services = open_services(db_path)
    settings = AppSettings(settings_path)
    window = MainWindow(settings, Dialogs(), db_path)
    for tab in build_tabs(services, window.change_bus, window.dialogs, settings):
        window.add_tab(tab)
    window.show()
    titles = [page.title for page in window.tab_pages()]
    window.tabs.setCurrentIndex(titles.index(JournalTab.title))
    journal = window.tab_named(JournalTab.title)
    journal.new_item()
    body = journal.view.editor.body_edit
    body.setFocus()
    if paste:
        data = QMimeData()
        data.setText(pasted(paste))
        body.insertFromMimeData(data)
    typed = 0

    def type_next() -> None:
        nonlocal typed
        QTest.keyClicks(body, word(typed))
        typed += 1
        print(f"{time.time():.3f} {typed}", flush=True)

    timer = QTimer()
    timer.setInterval(WORD_INTERVAL_MS)
    timer.timeout.connect(type_next)
    timer.start()
    print(f"{time.time():.3f} 0", flush=True)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2]), *map(int, sys.argv[3:4])))
