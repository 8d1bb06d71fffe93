"""The layering rules of DESIGN.md, checked on the source."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parents[2] / "mentor_desktop"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


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
