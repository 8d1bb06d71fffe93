"""Build the one-folder bundle and its archive: dist/mentor-desktop/ and
dist/mentor-desktop-VERSION-SYSTEM-MACHINE.tar.gz (`make package` runs this).

Name and version come from pyproject.toml, as in the spec. Prints the bundle's unpacked size
and how long the build took.
"""

from __future__ import annotations

import platform
import shutil
import subprocess
import sys
import tarfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"


def project() -> tuple[str, str]:
    with (ROOT / "pyproject.toml").open("rb") as file:
        data = tomllib.load(file)["project"]
    return data["name"], data["version"]


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def main() -> int:
    name, version = project()
    started = time.monotonic()
    shutil.rmtree(DIST / name, ignore_errors=True)
    shutil.rmtree(WORK, ignore_errors=True)
    subprocess.run(
        [
            sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
            "--distpath", str(DIST), "--workpath", str(WORK),
            str(ROOT / "packaging" / "mentor-desktop.spec"),
        ],
        check=True,
    )  # fmt: skip
    system = platform.system().lower()
    archive = DIST / f"{name}-{version}-{system}-{platform.machine().lower()}.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(DIST / name, arcname=name)
    elapsed = time.monotonic() - started
    print(f"{DIST / name}: {folder_size(DIST / name) / 1e6:.0f} MB unpacked")
    print(f"{archive}: {archive.stat().st_size / 1e6:.0f} MB; built in {elapsed:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
