"""`make install-desktop` / `make uninstall-desktop`: what goes where, and that uninstall takes
away exactly that."""

from __future__ import annotations

import importlib.util
import stat
from pathlib import Path

from mentor_desktop import DESKTOP_ID

ROOT = Path(__file__).parents[2]


def _installer():
    spec = importlib.util.spec_from_file_location(
        "desktop_install", ROOT / "packaging" / "desktop_install.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _program(tmp_path: Path, name: str = "mentor desktop") -> Path:
    program = tmp_path / "bundle dir" / name
    program.parent.mkdir(parents=True, exist_ok=True)
    program.write_text("#!/bin/sh\n")
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    return program


def _tree(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


def test_install_puts_entry_icons_and_metainfo_in_the_xdg_data_folder(tmp_path: Path) -> None:
    installer = _installer()
    home = tmp_path / "share"
    program = _program(tmp_path)
    installer.install(program, home)
    entry = (home / "applications" / f"{DESKTOP_ID}.desktop").read_text()
    assert f'Exec="{program}"' in entry.splitlines()  # quoted: the path has a space
    assert f"Icon={DESKTOP_ID}" in entry
    assert (home / "metainfo" / f"{DESKTOP_ID}.metainfo.xml").is_file()
    assert (home / "icons/hicolor/scalable/apps" / f"{DESKTOP_ID}.svg").is_file()
    for size in (16, 32, 48, 256):
        assert (home / f"icons/hicolor/{size}x{size}/apps/{DESKTOP_ID}.png").is_file()


def test_uninstall_removes_exactly_what_install_added(tmp_path: Path) -> None:
    installer = _installer()
    home = tmp_path / "share"
    (home / "applications").mkdir(parents=True)
    (home / "applications" / "other.desktop").write_text("[Desktop Entry]\n")
    (home / "icons" / "hicolor" / "48x48" / "apps").mkdir(parents=True)
    before = _tree(home)
    installer.install(_program(tmp_path), home)
    installer.install(_program(tmp_path, "again"), home)  # a second install replaces the first
    assert _tree(home) > before
    removed = installer.uninstall(home)
    assert _tree(home) == before
    assert len(removed) == 12  # entry, metainfo, SVG and nine PNG sizes
    assert installer.uninstall(home) == []  # nothing left to remove


def test_a_missing_program_is_refused(tmp_path: Path) -> None:
    installer = _installer()
    try:
        installer.install(tmp_path / "not-built", tmp_path / "share")
    except SystemExit as exc:
        assert "not-built" in str(exc)
    else:
        raise AssertionError("installed an entry for a program that does not exist")
    assert not (tmp_path / "share").exists()
