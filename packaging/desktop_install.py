"""Install or remove the menu entry, icon and AppStream metainfo for the current user.

    python packaging/desktop_install.py install --exec dist/mentor-desktop/mentor-desktop
    python packaging/desktop_install.py uninstall

`make install-desktop` and `make uninstall-desktop` run it. Files go into the XDG data folder
($XDG_DATA_HOME, else ~/.local/share): applications/, icons/hicolor/, metainfo/. The list of
what was installed is kept beside them, so uninstall removes exactly those files and no other.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mentor_desktop import DESKTOP_ID  # noqa: E402 - after the path is set
from mentor_desktop.desktop_entry import exec_line  # noqa: E402
from mentor_desktop.icons import PNG_SIZES, png, svg  # noqa: E402

RESOURCES = ROOT / "resources"
MANIFEST_NAME = f"{DESKTOP_ID}.installed-files"


def data_home() -> Path:
    configured = os.environ.get("XDG_DATA_HOME", "").strip()
    return Path(configured) if configured else Path.home() / ".local" / "share"


def manifest_path(home: Path) -> Path:
    return home / "applications" / MANIFEST_NAME


def desktop_entry(executable: Path) -> str:
    """The menu entry of resources/, with `Exec=` pointed at `executable`."""
    lines = (RESOURCES / f"{DESKTOP_ID}.desktop").read_text(encoding="utf-8").splitlines()
    out = [f"Exec={exec_line([str(executable)])}" if ln.startswith("Exec=") else ln for ln in lines]
    return "\n".join(out) + "\n"


def planned_files(executable: Path) -> dict[Path, bytes]:
    """Each file to install, relative to the data folder, with its content."""
    files: dict[Path, bytes] = {
        Path("applications") / f"{DESKTOP_ID}.desktop": desktop_entry(executable).encode(),
        Path("metainfo") / f"{DESKTOP_ID}.metainfo.xml": (
            RESOURCES / f"{DESKTOP_ID}.metainfo.xml"
        ).read_bytes(),
        Path("icons/hicolor/scalable/apps") / f"{DESKTOP_ID}.svg": svg().read_bytes(),
    }
    for size in PNG_SIZES:
        folder = Path("icons/hicolor") / f"{size}x{size}" / "apps"
        files[folder / f"{DESKTOP_ID}.png"] = png(size).read_bytes()
    return files


def install(executable: Path, home: Path) -> list[Path]:
    if not os.access(executable, os.X_OK):
        raise SystemExit(f"{executable}: no such program (build it first)")
    uninstall(home)  # an earlier install: what it put there and this one does not, goes
    written: list[Path] = []
    made: list[Path] = []  # folders that were not there before, removed again by uninstall
    for relative, content in planned_files(executable.resolve()).items():
        target = home / relative
        missing = [p for p in (target.parent, *target.parent.parents) if home in p.parents]
        made.extend(p for p in reversed(missing) if not p.exists() and p not in made)
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(target.name + ".tmp")
        temporary.write_bytes(content)
        os.replace(temporary, target)
        written.append(target)
    manifest = manifest_path(home)
    manifest.write_text(
        "".join(f"{path}\n" for path in written) + "".join(f"{path}/\n" for path in made),
        encoding="utf-8",
    )
    _refresh_caches(home)
    return written


def uninstall(home: Path) -> list[Path]:
    """Remove what `install` listed (and the list), and the folders it made once they are
    empty; nothing else."""
    manifest = manifest_path(home)
    if not manifest.is_file():
        return []
    removed: list[Path] = []
    folders: list[Path] = []
    for line in manifest.read_text(encoding="utf-8").splitlines():
        path = Path(line)
        if not line or home not in path.parents:
            continue
        if line.endswith("/"):
            folders.append(path)
        elif path.is_file():
            path.unlink()
            removed.append(path)
    manifest.unlink()
    for folder in sorted(folders, key=lambda p: len(p.parts), reverse=True):
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
    _refresh_caches(home)
    return removed


def _refresh_caches(home: Path) -> None:
    """Bring an icon cache that is already there up to date (a stale one would hide the new
    icon). None is made: without one, desktops look in the folders themselves."""
    theme = home / "icons" / "hicolor"
    if (theme / "icon-theme.cache").is_file() and shutil.which("gtk-update-icon-cache"):
        subprocess.run(
            ["gtk-update-icon-cache", "-q", "-t", "-f", str(theme)],
            check=False,
            capture_output=True,
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    add = commands.add_parser("install", help="install the menu entry, icon and metainfo")
    add.add_argument("--exec", dest="executable", type=Path, required=True, help="the program")
    commands.add_parser("uninstall", help="remove exactly what install put there")
    args = parser.parse_args(argv)
    home = data_home()
    if args.command == "install":
        for path in install(args.executable, home):
            print(f"installed {path}")
        print(f"The menu entry starts {args.executable.resolve()}")
    else:
        removed = uninstall(home)
        for path in removed:
            print(f"removed {path}")
        if not removed:
            print("Nothing to remove: the menu entry is not installed.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
