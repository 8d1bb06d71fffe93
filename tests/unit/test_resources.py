"""resources/: the menu entry and AppStream metainfo validate and agree with the package; the
icons shipped in the package are the ones the SVG master renders to."""

from __future__ import annotations

import os
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from configparser import ConfigParser
from pathlib import Path

import pytest

from mentor_desktop import APP_NAME, DESKTOP_ID, __version__
from mentor_desktop.icons import PNG_SIZES, png, svg

ROOT = Path(__file__).parents[2]
RESOURCES = ROOT / "resources"
DESKTOP_FILE = RESOURCES / f"{DESKTOP_ID}.desktop"
METAINFO = RESOURCES / f"{DESKTOP_ID}.metainfo.xml"
MASTER_SVG = RESOURCES / "icons" / f"{DESKTOP_ID}.svg"


def _validator(name: str) -> str:
    """The validator's path; CI installs it (.ci/run), so there a missing one fails."""
    path = shutil.which(name)
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is not installed (.ci/run installs it)")
        pytest.skip(f"{name} is not installed (apt-get install desktop-file-utils appstream)")
    return path


def _project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def test_desktop_entry_validates() -> None:
    result = subprocess.run(
        [_validator("desktop-file-validate"), str(DESKTOP_FILE)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout


def test_metainfo_validates_offline() -> None:
    result = subprocess.run(
        [_validator("appstreamcli"), "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_desktop_entry_names_the_app_and_its_icon() -> None:
    entry = ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(DESKTOP_FILE, encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Name"] == APP_NAME
    assert section["Icon"] == DESKTOP_ID
    assert {"Office", "Education"} <= set(section["Categories"].strip(";").split(";"))
    assert section["Exec"].split()[0] == _project()["name"]  # the installed command


def test_metainfo_agrees_with_pyproject() -> None:
    component = ET.parse(METAINFO).getroot()
    assert component.findtext("id") == DESKTOP_ID
    assert component.findtext("project_license") == _project()["license"]
    assert component.find("launchable").text == f"{DESKTOP_ID}.desktop"  # type: ignore[union-attr]
    newest = component.find("releases/release")
    assert newest is not None and newest.get("version") == _project()["version"] == __version__
    assert component.find("content_rating") is not None
    shots = component.findall("screenshots/screenshot/image")
    assert shots, "the metainfo lists screenshots"
    for image in shots:  # each one is made by resources/make_screenshots.py
        assert (RESOURCES / "screenshots" / Path(image.text or "").name).is_file(), image.text


def test_package_icons_are_rendered_from_the_master_svg() -> None:
    from PySide6.QtGui import QImage

    assert svg().read_bytes() == MASTER_SVG.read_bytes(), "run `make icons` after editing the SVG"
    for size in PNG_SIZES:
        image = QImage(str(png(size)))
        assert (image.width(), image.height()) == (size, size)
        assert image.hasAlphaChannel()
    for other in ("app.ico", "app.icns"):  # the Windows and macOS bundles' icons
        assert (svg().parent / other).stat().st_size > 0


def test_the_window_shows_the_app_icon(qtbot, app_settings, dialogs, db_path) -> None:
    from mentor_desktop.ui.main_window import MainWindow

    window = MainWindow(app_settings, dialogs, db_path)
    qtbot.addWidget(window)
    sizes = {(s.width(), s.height()) for s in window.windowIcon().availableSizes()}
    assert {(16, 16), (32, 32), (256, 256)} <= sizes
