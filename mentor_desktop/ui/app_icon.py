"""The app's icon as a QIcon, from the PNG sizes shipped in mentor_desktop/icons/."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from mentor_desktop.icons import PNG_SIZES, png


@cache
def app_icon() -> QIcon:
    """Every size, so Qt picks a sharp one for the title bar, the taskbar and the tray.

    PNGs rather than the SVG: no SVG icon engine is needed (nor bundled). Up to 256 px: the
    window manager is sent every size, and none shows a window's icon larger.
    """
    icon = QIcon()
    for size in (s for s in PNG_SIZES if s <= 256):
        icon.addFile(str(png(size)), QSize(size, size))
    return icon
