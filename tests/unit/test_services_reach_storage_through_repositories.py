"""Services reach the database only through repositories: no ORM rows, no SQLAlchemy."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parents[2] / "mentor_desktop"


def _imported(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", sorted((PACKAGE / "services").rglob("*.py")), ids=str)
def test_services_import_neither_orm_rows_nor_sqlalchemy(path: Path) -> None:
    bad = {
        name
        for name in _imported(path)
        if name.startswith("mentor_desktop.storage.orm") or name.split(".")[0] == "sqlalchemy"
    }
    assert bad == set()
