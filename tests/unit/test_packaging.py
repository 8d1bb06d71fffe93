"""Every file the app needs at run time goes into an installed package, not only the source tree."""

from __future__ import annotations

import tomllib
from fnmatch import fnmatch
from pathlib import Path

ROOT = Path(__file__).parents[2]
PACKAGE = ROOT / "mentor_desktop"


def _shipped(path: Path, package_data: dict[str, list[str]]) -> bool:
    if path.suffix == ".py" and (path.parent / "__init__.py").exists():
        return True  # a module of a package that setuptools finds
    for package, patterns in package_data.items():
        package_dir = ROOT / package.replace(".", "/")
        if package_dir in path.parents:
            relative = path.relative_to(package_dir).as_posix()
            if any(fnmatch(relative, pattern) for pattern in patterns):
                return True
    return False


def test_migrations_templates_and_modules_are_all_installed() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    package_data = config["tool"]["setuptools"]["package-data"]
    files = [
        path for path in PACKAGE.rglob("*") if path.is_file() and "__pycache__" not in path.parts
    ]
    assert any(p.parent.name == "versions" for p in files)
    missing = [str(p.relative_to(ROOT)) for p in files if not _shipped(p, package_data)]
    assert missing == []
