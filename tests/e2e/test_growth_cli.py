"""`mentor-desktop practice|skills|opportunities` and `chart skills`: listings, JSON, files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mentor_desktop.cli import main
from tests.factories import write_demo_db


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_demo_db(tmp_path_factory.mktemp("growth-cli") / "demo.sqlite3", years=3)


def _run(capsys, *args: str) -> str:
    assert main(list(args)) == 0
    return capsys.readouterr().out


def test_listings_show_the_demo_growth(demo_db: Path, capsys) -> None:
    practice = _run(capsys, "--db", str(demo_db), "practice")
    assert "running" in practice and "Speak last in the retro" in practice
    skills = _run(capsys, "--db", str(demo_db), "skills")
    first = skills.splitlines()[0]
    assert "gap 2" in first  # biggest gap first
    opportunities = _run(capsys, "--db", str(demo_db), "opportunities", "--open")
    assert "won" not in opportunities and "pursuing" in opportunities


def test_json_is_for_scripts_and_holds_every_status(demo_db: Path, capsys) -> None:
    rows = json.loads(_run(capsys, "--db", str(demo_db), "opportunities", "--json"))
    assert {r["status"] for r in rows} == {
        "spotted", "exploring", "pursuing", "won", "declined", "missed",
    }  # fmt: skip
    practice = json.loads(_run(capsys, "--db", str(demo_db), "practice", "--json"))
    done = [p for p in practice if p["status"] == "done"]
    assert done and all(p["debrief"]["lessons"] for p in done)
    assert any(p["measurements"] for p in practice)
    skills = json.loads(_run(capsys, "--db", str(demo_db), "skills", "--json"))
    assert 8 <= len(skills) <= 12 and any(s["changes"] for s in skills)


def test_empty_database_says_so(tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "empty.sqlite3")
    assert "No practice yet." in _run(capsys, "--db", db, "practice")
    assert "No skills on the map yet." in _run(capsys, "--db", db, "skills")
    assert json.loads(_run(capsys, "--db", db, "opportunities", "--json")) == []


@pytest.mark.parametrize("suffix", [".png", ".svg", ".pdf"])
def test_chart_skills_writes_each_format(demo_db: Path, tmp_path: Path, capsys, suffix) -> None:
    target = tmp_path / f"skills{suffix}"
    out = _run(capsys, "--db", str(demo_db), "chart", "skills", "-o", str(target))
    assert f"Wrote the skills chart ({suffix[1:].upper()})" in out
    assert target.stat().st_size > 1000
