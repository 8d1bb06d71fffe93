"""The File menu's tab commands reach the tab they name, building it first if needed."""

from __future__ import annotations

from PySide6.QtGui import QAction


def test_file_preview_review_pack_opens_the_timeline_preview(
    qtbot, services, dialogs, app_settings, db_path
) -> None:
    from mentor_desktop.ui.main_window import MainWindow, build_tabs

    window = MainWindow(app_settings, dialogs, db_path)
    qtbot.addWidget(window)
    for tab in build_tabs(services, window.change_bus, dialogs, app_settings):
        window.add_tab(tab)
    window.show()
    action = window.findChild(QAction, "action_preview_review")
    assert action in window.file_menu.actions()
    action.trigger()
    timeline = window.tab_named("Timeline")
    assert timeline.view.pages.currentWidget() is timeline.view.review_page
    qtbot.waitUntil(
        lambda: timeline.preview is not None and timeline.preview.isVisible(), timeout=20_000
    )
    assert "Review pack" in timeline.preview.windowTitle()
    timeline.preview.close()
