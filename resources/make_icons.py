"""Render the app icon's PNG sizes (and .ico, .icns) from the one SVG master.

    python resources/make_icons.py          # rewrites mentor_desktop/icons/

The PNGs ship inside the Python package (the window, About dialog, tray and the bundle load
them from there; `make install-desktop` copies them into the XDG icon theme). Run this after
changing the SVG and commit the result; tests/unit/test_resources.py checks they match.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MASTER = ROOT / "resources" / "icons" / "io.github.mentordesktop.MentorDesktop.svg"
TARGET = ROOT / "mentor_desktop" / "icons"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(size: int):  # -> QImage
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(MASTER))
    if not renderer.isValid():
        raise SystemExit(f"{MASTER}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    TARGET.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(MASTER, TARGET / "app.svg")
    for size in SIZES:
        path = TARGET / f"app-{size}.png"
        if not render(size).save(str(path), "PNG"):
            raise SystemExit(f"could not write {path}")
        print(path.relative_to(ROOT))
    # Windows and macOS bundles take their own formats: an .ico of several sizes (Pillow, which
    # Matplotlib already brings) and an .icns (Qt's image plugin).
    from PIL import Image

    with Image.open(TARGET / "app-256.png") as image:
        image.save(TARGET / "app.ico", sizes=[(s, s) for s in ICO_SIZES])
    if not render(512).save(str(TARGET / "app.icns"), "ICNS"):
        raise SystemExit("could not write app.icns")
    print(*(f"mentor_desktop/icons/app.{ext}" for ext in ("ico", "icns")), sep="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
