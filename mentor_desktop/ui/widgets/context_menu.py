"""Right-click menus on lists and trees: the commands of the row under the pointer.

Each entry is the command a button or window menu already carries out: `from_button` makes
an action that clicks the button (enabled only while the button is), `window_action` finds a
command of the window's registry (Undo, Redo…) by its name. Right-clicking a row first makes
it the current row, so the commands act on what was clicked.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QLayout, QMenu, QWidget

#: A menu entry: an action, or None for a separator.
Entry = QAction | None
#: The standard window commands a list's menu ends with.
EDIT_COMMANDS = ("action_undo", "action_redo")


def from_button(button: QAbstractButton, parent: QMenu) -> QAction:
    """An action doing what `button` does, named and enabled like it (at this moment)."""
    action = QAction(button.text(), parent)
    action.setObjectName(f"menu_{button.objectName() or button.text()}")
    action.setToolTip(button.toolTip())
    action.setStatusTip(button.toolTip())
    action.setEnabled(button.isEnabled() and not button.isHidden())
    action.triggered.connect(button.click)
    return action


def command(text: str, run: Callable[[], object], parent: QMenu, enabled: bool = True) -> QAction:
    """An action for a command that has no button of its own."""
    action = QAction(text, parent)
    action.setEnabled(enabled)
    action.triggered.connect(lambda _checked=False: run())
    return action


def window_action(widget: QWidget, name: str) -> QAction | None:
    """The window's command `name` (e.g. "action_undo"), None when the window has none."""
    window = widget.window()
    return window.findChild(QAction, name) if window is not None else None


#: Gives the entries of a menu; actions it makes are parented to the menu it is handed.
Entries = Callable[[QMenu], Sequence[Entry]]


def build_menu(parent: QWidget, entries: Entries, with_edit: bool = True) -> QMenu:
    """A menu of `entries` (None: a separator), then the window's Undo and Redo."""
    menu = QMenu(parent)
    for entry in entries(menu):
        if entry is None:
            menu.addSeparator()
        else:
            menu.addAction(entry)
    found = [a for a in (window_action(parent, n) for n in EDIT_COMMANDS) if a] if with_edit else []
    if found:
        menu.addSeparator()
        menu.addActions(found)
    return menu


class ContextMenu:
    """The right-click menu of one item view: `entries()` gives what it lists at that moment.

    `menu_at(pos)` makes the row at `pos` current and builds the menu (tests look at it);
    a right-click or the Menu key opens it. Not a QObject: it has no signals.
    """

    def __init__(self, view: QAbstractItemView, entries: Entries, with_edit: bool = True) -> None:
        self._view = view
        self._entries = entries
        self._with_edit = with_edit
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._open)

    def menu_at(self, pos: QPoint) -> QMenu:
        """The menu for the viewport position `pos`, after making its row current."""
        index = self._view.indexAt(pos)
        if index.isValid() and index != self._view.currentIndex():
            self._view.setCurrentIndex(index)
        return build_menu(self._view, self._entries, self._with_edit)

    def _open(self, pos: QPoint) -> None:
        menu = self.menu_at(pos)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self._view.viewport().mapToGlobal(pos))



def menu_texts(menu: QMenu) -> list[str]:
    """What `menu` lists, as a person reads it ("" for a separator, no mnemonic marks)."""
    return ["" if a.isSeparator() else a.text().replace("&", "") for a in menu.actions()]


def buttons_menu(view: QAbstractItemView, *buttons: QAbstractButton) -> ContextMenu:
    """A right-click menu on `view` with the commands of `buttons`, then Undo and Redo."""
    return ContextMenu(view, lambda menu: [from_button(b, menu) for b in buttons])


def layout_buttons(layout: QLayout) -> list[QAbstractButton]:
    """The buttons in `layout`, in their order (a page's command row)."""
    items = (layout.itemAt(i) for i in range(layout.count()))
    widgets = (item.widget() for item in items if item is not None)
    return [w for w in widgets if isinstance(w, QAbstractButton)]
