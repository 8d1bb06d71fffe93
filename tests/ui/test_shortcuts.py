"""Every command has one unambiguous key; Undo/Redo/New/Find act on the current tab."""

from __future__ import annotations

from collections import defaultdict

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QStackedWidget,
    QTabBar,
    QWidget,
)

from mentor_desktop.app import open_services
from mentor_desktop.app_window import build_window
from mentor_desktop.domain.models import GoalDraft
from mentor_desktop.services.backups import BackupService
from mentor_desktop.ui.actions import ActionId
from tests.factories import write_demo_db


@pytest.fixture
def window(qtbot, services, app_settings, dialogs, db_path):
    window, _ = build_window(
        services, BackupService(db_path, db_path.parent / "backups"), app_settings, dialogs, db_path
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    for index in range(window.tabs.count()):  # every tab built, with all its keys
        window.tabs.setCurrentIndex(index)
    window.tabs.setCurrentIndex(0)
    return window


def _scope(owner: QWidget, context: Qt.ShortcutContext) -> object:
    """Where a key with `context` on `owner` competes with others."""
    if context == Qt.ShortcutContext.ApplicationShortcut:
        return "application"
    if context == Qt.ShortcutContext.WindowShortcut:
        return owner.window()
    return owner


Pages = list[tuple[QStackedWidget, QWidget]]


def _pages(owner: QWidget) -> Pages:
    """The page `owner` sits on in each stack of pages around it (tabs, stacked pages):
    a key on one page never competes with the same key on another page of that stack."""
    pages: Pages = []
    widget: QWidget | None = owner
    while widget is not None:
        parent = widget.parentWidget()
        if isinstance(parent, QStackedWidget):
            pages.append((parent, widget))
        widget = parent
    return pages


Binding = tuple[str, Pages]


def _keys_in_use(window) -> dict[tuple[str, object], list[Binding]]:
    used: dict[tuple[str, object], list[Binding]] = defaultdict(list)

    def add(key: QKeySequence, owner: QWidget, context: Qt.ShortcutContext, name: str) -> None:
        used[(key.toString(), _scope(owner, context))].append((name, _pages(owner)))

    for action in window.findChildren(QAction):
        owners = [w for w in action.associatedObjects() if isinstance(w, QWidget)]
        if not owners or not action.isVisible():
            continue  # in no menu or widget: its key does nothing
        parent = action.parent()
        owner = parent if isinstance(parent, QWidget) else owners[0]
        for key in action.shortcuts():
            add(key, owner, action.shortcutContext(), action.objectName() or action.text())
    for shortcut in window.findChildren(QShortcut):
        parent = shortcut.parent()
        if isinstance(parent, QWidget):
            for key in list(shortcut.keys()):
                add(key, parent, shortcut.context(), shortcut.objectName() or shortcut.whatsThis())
    for button in window.findChildren(QAbstractButton):
        key = button.shortcut()
        if not key.isEmpty() and key != QKeySequence.mnemonic(button.text()):  # a real key
            add(key, button, Qt.ShortcutContext.WindowShortcut, button.objectName())
    return used


def _clash(one: Pages, other: Pages) -> bool:
    """True when both can be on screen at once (no stack shows them on different pages)."""
    return not any(
        stack is stack_b and page is not page_b for stack, page in one for stack_b, page_b in other
    )


def _duplicates(used: dict[tuple[str, object], list[Binding]]) -> dict[str, list[str]]:
    found = {}
    for (key, _where), bindings in used.items():
        names = [
            f"{a} / {b}"
            for i, (a, pages_a) in enumerate(bindings)
            for b, pages_b in bindings[i + 1 :]
            if _clash(pages_a, pages_b)
        ]
        if names:
            found[key] = names
    return found


def test_no_key_means_two_things_in_one_place(window) -> None:
    used = _keys_in_use(window)
    assert ("Ctrl+Y", window) in used and ("Ctrl+Shift+Z", window) in used
    assert not _duplicates(used), f"keys bound twice: {_duplicates(used)}"


def test_redo_answers_both_keys_and_undo_its_own(qtbot, window, services) -> None:
    goals_tab = window.tab_named("Goals")
    goal = services.goals.create_goal(GoalDraft("Temporary"))
    goals_tab.reload()
    goals_tab.select(("goal", goal.id))
    goals_tab.delete_selected()
    tree = goals_tab.view.tree
    tree.setFocus()
    titles = lambda: [g.title for g in services.goals.list_goals()]  # noqa: E731
    qtbot.keyClick(tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert titles() == ["Temporary"]
    qtbot.keyClick(
        tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert titles() == []
    qtbot.keyClick(tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert titles() == ["Temporary"]
    qtbot.keyClick(tree, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert titles() == []


def test_new_and_find_are_offered_only_where_they_do_something(window) -> None:
    new, find = window.action_registry[ActionId.NEW], window.action_registry[ActionId.FIND]
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        title = window.tabs.tabText(index)
        page = window.tab_pages()[index]
        expected = title in ("Goals", "Journal", "Growth")
        assert (new.isEnabled(), find.isEnabled()) == (expected, expected), title
        assert page.window_commands() == page.tab().window_commands(), title


def test_every_menu_command_is_in_the_registry_once(window) -> None:
    in_menus = []
    for menu_action in window.menuBar().actions():
        in_menus += [a for a in menu_action.menu().actions() if not a.isSeparator()]
    registered = window.action_registry.actions()
    assert all(any(a is r for r in registered) for a in in_menus), [
        a.objectName() for a in in_menus if not any(a is r for r in registered)
    ]
    names = [a.objectName() for a in in_menus]
    assert len(names) == len(set(names))


def test_help_lists_the_keyboard_shortcuts(qtbot, window) -> None:
    window.action_registry[ActionId.SHORTCUTS].trigger()
    dialog = next(d for d in QApplication.topLevelWidgets() if d.objectName() == "shortcuts_dialog")
    model = dialog.model
    rows = {model.index(r, 1).data(): model.index(r, 0).data() for r in range(model.rowCount())}
    native = QKeySequence.SequenceFormat.NativeText
    assert rows["Redo"] == (
        f"{QKeySequence('Ctrl+Shift+Z').toString(native)} or "
        f"{QKeySequence('Ctrl+Y').toString(native)}"
    )
    assert rows["Undo"].startswith(QKeySequence(QKeySequence.StandardKey.Undo).toString(native))
    assert {"New", "Find", "Print", "Quit", "Lock now"} <= set(rows), rows
    dialog.close()


def test_the_shortcut_table_passes_the_model_checks(qtmodeltester, window) -> None:
    from mentor_desktop.ui.shortcuts_dialog import ShortcutTableModel

    model = ShortcutTableModel()
    model.set_rows(window.action_registry.shortcut_rows())
    qtmodeltester.check(model)


def test_the_check_sees_a_key_bound_twice(window) -> None:
    extra = QShortcut(QKeySequence("Ctrl+L"), window)
    extra.setObjectName("second_lock")
    assert _duplicates(_keys_in_use(window)) == {"Ctrl+L": ["action_lock / second_lock"]}


def _shown_on_its_page(widget: QWidget) -> bool:
    """False when `widget` or a parent is hidden other than by a stack showing another page."""
    while widget is not None:
        parent = widget.parentWidget()
        if widget.isHidden() and not isinstance(parent, QStackedWidget) and not widget.isWindow():
            return False
        widget = parent
    return True


def _mnemonics(window) -> dict[tuple[str, object], list[Binding]]:
    """Every Alt+letter of the window: buttons, labels of fields, tabs and the menu bar."""
    used: dict[tuple[str, object], list[Binding]] = defaultdict(list)

    def add(text: str, owner: QWidget, name: str) -> None:
        key = QKeySequence.mnemonic(text)
        if not key.isEmpty() and _shown_on_its_page(owner):
            used[(key.toString(), window)].append((f"{name} {text!r}", _pages(owner)))

    for button in window.findChildren(QAbstractButton):
        add(button.text(), button, button.objectName() or type(button).__name__)
    for label in window.findChildren(QLabel):
        if label.buddy() is not None:
            add(label.text(), label, label.objectName() or "label")
    for box in window.findChildren(QGroupBox):
        add(box.title(), box, box.objectName() or "group")
    for bar in window.findChildren(QTabBar):
        for index in range(bar.count()):
            add(bar.tabText(index), bar, bar.objectName() or "tabs")
    for action in window.menuBar().actions():
        add(action.text(), window.menuBar(), "menu")
    return used


@pytest.fixture
def demo_window(qtbot, tmp_path, app_settings, dialogs):
    db_path = write_demo_db(tmp_path / "demo.sqlite3", years=1)
    engine, services = open_services(db_path)
    window, _ = build_window(
        services, BackupService(db_path, tmp_path / "backups"), app_settings, dialogs, db_path
    )
    qtbot.addWidget(window)
    window.show()
    for index in range(window.tabs.count()):  # every tab built, a session chosen
        window.tabs.setCurrentIndex(index)
        QApplication.processEvents()
    growth = window.tab_named("Growth").pages
    for index in range(growth.count()):  # and every page of the Growth tab
        growth.setCurrentIndex(index)
        QApplication.processEvents()
    goals = window.tab_named("Goals")
    goals.select(("goal", goals.model.goals()[0].id))  # the goal panel shown too
    yield window
    window.close()
    engine.dispose()


def test_no_alt_letter_means_two_things_on_one_page(demo_window) -> None:
    clashes = _duplicates(_mnemonics(demo_window))
    assert not clashes, f"Alt+letters used twice on one page: {clashes}"


def test_the_mnemonic_check_sees_a_letter_used_twice(demo_window) -> None:
    goals = demo_window.tab_named("Goals")
    goals.view.details.edit_goal_button.setText("Edit &goal…")  # as is "New &goal…"
    clashes = _duplicates(_mnemonics(demo_window))
    assert list(clashes) == ["Alt+G"], clashes
