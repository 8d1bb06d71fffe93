"""Every main-window command, registered once against an id with its text and shortcut."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


class ActionId(enum.Enum):
    NEW = "new"
    QUIT = "quit"
    FIND = "find"
    PRINT = "print"
    THEME_SYSTEM = "theme_system"
    THEME_LIGHT = "theme_light"
    THEME_DARK = "theme_dark"
    ABOUT = "about"
    LOCK = "lock"


@dataclass(frozen=True)
class ActionSpec:
    text: str
    shortcut: QKeySequence.StandardKey | str | None = None
    tip: str = ""
    checkable: bool = False


SPECS: dict[ActionId, ActionSpec] = {
    ActionId.NEW: ActionSpec("&New…", QKeySequence.StandardKey.New, "Add a new item in this tab"),
    ActionId.QUIT: ActionSpec("&Quit", QKeySequence.StandardKey.Quit, "Save and quit"),
    ActionId.FIND: ActionSpec("&Find…", QKeySequence.StandardKey.Find, "Search in this tab"),
    ActionId.PRINT: ActionSpec(
        "&Print…", QKeySequence.StandardKey.Print, "Print the brief for the selected session"
    ),
    ActionId.THEME_SYSTEM: ActionSpec("&System theme", checkable=True),
    ActionId.THEME_LIGHT: ActionSpec("&Light theme", checkable=True),
    ActionId.THEME_DARK: ActionSpec("&Dark theme", checkable=True),
    ActionId.ABOUT: ActionSpec("&About Mentor Desktop", tip="Version and where your data is"),
    ActionId.LOCK: ActionSpec(
        "&Lock now", "Ctrl+L", "Hide everything until the passphrase is typed again"
    ),
}


def build_actions(parent: QWidget) -> dict[ActionId, QAction]:
    actions: dict[ActionId, QAction] = {}
    for action_id, spec in SPECS.items():
        action = QAction(spec.text, parent)
        action.setObjectName(f"action_{action_id.value}")
        if isinstance(spec.shortcut, QKeySequence.StandardKey):
            action.setShortcuts(spec.shortcut)
        elif spec.shortcut:
            action.setShortcut(QKeySequence(spec.shortcut))
        action.setStatusTip(spec.tip)
        action.setCheckable(spec.checkable)
        actions[action_id] = action
    return actions
