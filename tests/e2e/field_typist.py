"""Opens the app window on a database and types steadily into one text field until killed.

Run as `python -m tests.e2e.field_typist FIELD DB SETTINGS`. It first prints
"ready <record id>", then after each typed word "<unix time> <words typed>", so a test can
tell what was typed when it killed the process. FIELDS names the fields it can type into.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

from tests.e2e.journal_typist import WORD_INTERVAL_MS, word

#: field name -> (tab title, page object name or "", widget object name)
FIELDS: dict[str, tuple[str, str, str]] = {
    "journal body": ("Journal", "", ""),
    "session notes": ("Session prep", "after", "session_notes"),
    "session takeaways": ("Session prep", "after", "session_takeaways"),
    "personal update": ("Session prep", "", "personal_update"),
    "review reflection": ("Timeline", "review", "review_reflection"),
    # a modal dialog: its text is kept as a draft until OK, and offered back after a crash
    "goal why (dialog draft)": ("Goals", "dialog", "why_edit"),
}


def _field(window: Any, field: str) -> tuple[Any, int | None]:
    """The widget to type into (and the id of the record it belongs to)."""
    from PySide6.QtWidgets import QPlainTextEdit

    tab_title, page, name = FIELDS[field]
    titles = [page_.title for page_ in window.tab_pages()]
    window.tabs.setCurrentIndex(titles.index(tab_title))
    tab = window.tab_named(tab_title)
    if hasattr(tab, "tab"):
        tab = tab.tab()
    if page == "dialog":
        return None, None
    if field == "journal body":
        tab.new_item()
        return tab.view.editor.body_edit, tab.editor.entry_id
    if page == "after":
        tab.view.pages.setCurrentIndex(1)
    if page == "review":
        tab.view.pages.setCurrentWidget(tab.view.review_page)
    widget = tab.findChild(QPlainTextEdit, name)
    record = getattr(getattr(tab, "_current", None), "id", None)
    return widget, record


def main(field: str, db_path: Path, settings_path: Path) -> int:
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from mentor_desktop.app import open_services
    from mentor_desktop.settings import AppSettings
    from mentor_desktop.ui.dialogs import Dialogs
    from mentor_desktop.ui.main_window import MainWindow, build_tabs

    app = QApplication(sys.argv[:1])
    _engine, services = open_services(db_path)
    settings = AppSettings(settings_path)
    window = MainWindow(settings, Dialogs(), db_path)
    for tab in build_tabs(services, window.change_bus, window.dialogs, settings):
        window.add_tab(tab)
    window.show()
    widget, record = _field(window, field)
    if widget is None:  # a dialog: opened (modal) once the loop runs, typed into from there
        from mentor_desktop.app_window import keep_dialog_drafts

        keep_dialog_drafts(db_path)
        tab = window.tab_named(FIELDS[field][0])
        QTimer.singleShot(0, (tab.tab() if hasattr(tab, "tab") else tab).new_item)
    else:
        widget.setFocus()
        widget.selectAll()
        QTest.keyClick(widget, Qt.Key.Key_Delete)  # start from an empty field
    typed = 0

    def type_next() -> None:
        nonlocal typed, widget
        if widget is None:
            dialog = QApplication.activeModalWidget()
            if dialog is None:
                return
            widget = getattr(dialog, FIELDS[field][2])
            widget.setFocus()
        QTest.keyClicks(widget, word(typed))
        typed += 1
        print(f"{time.time():.3f} {typed}", flush=True)

    timer = QTimer()
    timer.setInterval(WORD_INTERVAL_MS)
    timer.timeout.connect(type_next)
    timer.start()
    print(f"ready {record}", flush=True)
    print(f"{time.time():.3f} 0", flush=True)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])))
