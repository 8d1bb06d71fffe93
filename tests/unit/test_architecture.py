"""The layering rules of DESIGN.md, checked on the source."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parents[2] / "mentor_desktop"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every module `path` imports, relative imports resolved; `from a import b` also
    counts as importing `a.b` (b may be a module)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = _module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)
    return names


def _app_imports(path: Path) -> set[str]:
    return {name for name in _imports(path) if name.split(".")[0] == "mentor_desktop"}


def _relative(path: Path) -> str:
    return str(path.relative_to(PACKAGE))


def _modules(*layers: str) -> list[Path]:
    return [path for layer in layers for path in sorted((PACKAGE / layer).rglob("*.py"))]


@pytest.mark.parametrize("path", _modules("domain", "services", "storage"), ids=str)
def test_core_layers_never_import_qt(path: Path) -> None:
    assert not any(name.split(".")[0] == "PySide6" for name in _imports(path))


@pytest.mark.parametrize("path", _modules("ui"), ids=str)
def test_ui_never_imports_sqlalchemy_or_storage(path: Path) -> None:
    bad = {
        name
        for name in _imports(path)
        if name.split(".")[0] == "sqlalchemy" or name.startswith("mentor_desktop.storage")
    }
    assert bad == set()


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=str)
def test_matplotlib_only_in_charts_and_never_pyplot(path: Path) -> None:
    names = _imports(path)
    assert "matplotlib.pyplot" not in names
    if path.parent.name != "charts":
        assert not any(name.split(".")[0] == "matplotlib" for name in names)


def test_domain_has_no_io_imports() -> None:
    for path in _modules("domain"):
        assert not {"sqlite3", "sqlalchemy", "os", "subprocess"} & {
            name.split(".")[0] for name in _imports(path)
        }, path


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=str)
def test_no_relative_imports(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    relative = [n.lineno for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.level]
    assert relative == [], f"{_relative(path)}: import by full name (lines {relative})"


@pytest.mark.parametrize("path", _modules("storage"), ids=str)
def test_storage_never_imports_services_or_ui(path: Path) -> None:
    bad = {
        name
        for name in _app_imports(path)
        if name.startswith(("mentor_desktop.services", "mentor_desktop.ui"))
    }
    assert bad == set()


@pytest.mark.parametrize("path", _modules("domain"), ids=str)
def test_domain_imports_nothing_of_the_app(path: Path) -> None:
    bad = {name for name in _app_imports(path) if not name.startswith("mentor_desktop.domain")}
    assert bad == set()


def _uses_orm(path: Path) -> bool:
    return any(name.startswith("mentor_desktop.storage.orm") for name in _app_imports(path))


@pytest.mark.parametrize("path", _modules("services"), ids=str)
def test_services_never_import_the_orm(path: Path) -> None:
    assert not _uses_orm(path), "services call repositories; only storage/ knows the ORM"


def _uses_storage(path: Path) -> bool:
    return any(name.startswith("mentor_desktop.storage") for name in _app_imports(path))


@pytest.mark.parametrize("path", sorted(PACKAGE.glob("cli*.py")), ids=str)
def test_commands_reach_storage_only_through_the_app_and_services(path: Path) -> None:
    assert not _uses_storage(path), "commands go through app.py and the services"
