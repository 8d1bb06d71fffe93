"""Every main-window command, registered once: the app's own against an ActionId, the ones
an area adds (Import…, a tab's File commands, Preferences…) by name.

The menus, the shortcut checks and Help > Keyboard shortcuts all read the one registry:

    registry = ActionRegistry(window)
    registry[ActionId.NEW].triggered.connect(...)
    menu.addAction(registry.register(controller.import_action))
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from PySide6.QtCore import QKeyCombination, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


class ActionId(enum.Enum):
    NEW = "new"
    PRINT = "print"
    QUIT = "quit"
    UNDO = "undo"
    REDO = "redo"
    FIND = "find"
    THEME_SYSTEM = "theme_system"
    THEME_LIGHT = "theme_light"
    THEME_DARK = "theme_dark"
    LOCK = "lock"
    SHORTCUTS = "shortcuts"
    ABOUT = "about"


Shortcut = QKeySequence.StandardKey | str | tuple[str, ...] | None


@dataclass(frozen=True)
class ActionSpec:
    text: str
    shortcut: Shortcut = None
    tip: str = ""
    checkable: bool = False


SPECS: dict[ActionId, ActionSpec] = {
    ActionId.NEW: ActionSpec("&New…", QKeySequence.StandardKey.New, "Add a new item in this tab"),
    ActionId.PRINT: ActionSpec(
        "&Print…", QKeySequence.StandardKey.Print, "Print the brief for the selected session"
    ),
    # Ctrl+Q itself: some platforms name no key for the standard Quit
    ActionId.QUIT: ActionSpec("&Quit", "Ctrl+Q", "Save and quit"),
    ActionId.UNDO: ActionSpec("&Undo", QKeySequence.StandardKey.Undo, "Undo the last change"),
    # both the KDE/GNOME key and the one people bring from other systems, each once
    ActionId.REDO: ActionSpec("&Redo", ("Ctrl+Shift+Z", "Ctrl+Y"), "Redo what was undone"),
    ActionId.FIND: ActionSpec("&Find…", QKeySequence.StandardKey.Find, "Search in this tab"),
    ActionId.THEME_SYSTEM: ActionSpec("&System theme", checkable=True),
    ActionId.THEME_LIGHT: ActionSpec("&Light theme", checkable=True),
    ActionId.THEME_DARK: ActionSpec("&Dark theme", checkable=True),
    ActionId.LOCK: ActionSpec(
        "&Lock now", "Ctrl+L", "Hide everything until the passphrase is typed again"
    ),
    ActionId.SHORTCUTS: ActionSpec(
        "&Keyboard shortcuts", tip="Every command that has a key, and its key"
    ),
    ActionId.ABOUT: ActionSpec("&About Mentor Desktop", tip="Version and where your data is"),
}

#: Keys that act inside lists and editors rather than through a menu command.
WIDGET_KEYS: tuple[tuple[str, str], ...] = (
    ("Delete", "Delete the selected goal, entry or agenda item (asks first or can be undone)"),
    ("Ctrl+Shift+P", "Journal: show or hide the preview"),
    ("Ctrl+Tab", "Next tab (Ctrl+Shift+Tab: previous)"),
)


def key_sequences(shortcut: Shortcut) -> list[QKeySequence]:
    """The keys for `shortcut`, each once (a platform may list a standard key twice)."""
    if shortcut is None:
        return []
    if isinstance(shortcut, QKeySequence.StandardKey):
        keys = QKeySequence.keyBindings(shortcut)
    elif isinstance(shortcut, str):
        keys = [QKeySequence(shortcut)]
    else:
        keys = [QKeySequence(text) for text in shortcut]
    unique: list[QKeySequence] = []
    for key in keys:
        if not key.isEmpty() and key not in unique:
            unique.append(key)
    return unique


def plain_text(action: QAction) -> str:
    """The action's menu text without the mnemonic's "&" and the trailing "…"."""
    return action.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")


_NATIVE = QKeySequence.SequenceFormat.NativeText
_F_KEYS = range(Qt.Key.Key_F1.value, Qt.Key.Key_F12.value + 1)


def _typed(key: QKeySequence) -> bool:
    """False for keys only special keyboards have (a "New" or "Undo" key, F13 and up)."""
    combination: QKeyCombination = key[0]  # type: ignore[index]  # the stubs omit [] (Qt has it)
    if combination.keyboardModifiers() != Qt.KeyboardModifier.NoModifier:
        return True
    return combination.key() == Qt.Key.Key_Delete or combination.key().value in _F_KEYS


class ActionRegistry:
    """The window's commands: one QAction each, created from SPECS or handed in by an area."""

    def __init__(self, parent: QWidget) -> None:
        self._parent = parent
        self._by_id: dict[ActionId, QAction] = {}
        self._all: list[QAction] = []
        for action_id, spec in SPECS.items():
            if action_id not in (ActionId.UNDO, ActionId.REDO):  # made by the undo group
                self.adopt(QAction(spec.text, parent), action_id)

    def adopt(self, action: QAction, action_id: ActionId) -> QAction:
        """Make `action` the command `action_id`: its name, shortcut, tip from SPECS."""
        spec = SPECS[action_id]
        action.setObjectName(f"action_{action_id.value}")
        action.setShortcuts(key_sequences(spec.shortcut))
        action.setStatusTip(spec.tip)
        action.setCheckable(spec.checkable)
        self._by_id[action_id] = action
        return self.register(action)

    def register(self, action: QAction) -> QAction:
        """Add an area's command (it keeps its own name and shortcut); each only once."""
        if not action.objectName():
            raise ValueError(f"the command {action.text()!r} needs an object name")
        for known in self._all:
            if known is not action and known.objectName() == action.objectName():
                raise ValueError(f"two commands are named {action.objectName()!r}")
        if action not in self._all:
            self._all.append(action)
        return action

    def __getitem__(self, action_id: ActionId) -> QAction:
        return self._by_id[action_id]

    def actions(self) -> list[QAction]:
        return list(self._all)

    def shortcut_rows(self) -> list[tuple[str, str]]:
        """(keys, what they do) for every command with a key, then the keys of lists/editors."""
        rows = []
        for action in self._all:
            keys = [key.toString(_NATIVE) for key in action.shortcuts() if _typed(key)]
            if keys:
                rows.append((" or ".join(keys), plain_text(action)))
        native = [(QKeySequence(key).toString(_NATIVE), what) for key, what in WIDGET_KEYS]
        return rows + native
