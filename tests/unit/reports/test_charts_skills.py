"""The skills chart: empty, one skill, and the demo's map in light and dark, in every format."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from mentor_desktop.charts.base import PRINT_PALETTE, ChartPalette, export_figure
from mentor_desktop.charts.catalog import ALL_CHARTS, draw_chart
from mentor_desktop.domain.growth.overview import SkillBar, SkillsChartData
from mentor_desktop.services.growth import GrowthService
from mentor_desktop.storage.migrate import open_database
from mentor_desktop.storage.uow import unit_of_work_factory
from tests.factories import TODAY, write_demo_db

DARK = ChartPalette.from_colours("#2b2d30", "#e6e6e6", "#3d7bd9")
START = date(2025, 6, 15)


def _texts(figure) -> str:
    found = [t.get_text() for t in figure.texts]
    for axes in figure.axes:
        found += [axes.get_title(loc="left"), axes.get_xlabel()]
        found += [t.get_text() for t in axes.texts]
    return "\n".join(found)


def _formats(figure, tmp_path: Path, stem: str) -> None:
    for suffix, magic in ((".png", b"\x89PNG"), (".svg", b"<?xml"), (".pdf", b"%PDF")):
        target = tmp_path / f"{stem}{suffix}"
        export_figure(figure, target, dpi=80)
        assert target.read_bytes().lstrip().startswith(magic)


def test_skills_is_one_of_the_charts() -> None:
    assert "skills" in ALL_CHARTS


def test_no_skills_says_how_to_start(tmp_path: Path) -> None:
    figure = draw_chart("skills", SkillsChartData(START, TODAY, ()))
    assert figure.axes == []
    assert "No skills on the map yet" in _texts(figure)
    _formats(figure, tmp_path, "empty")


def test_one_skill_shows_its_change_since_the_start(tmp_path: Path) -> None:
    data = SkillsChartData(START, TODAY, (SkillBar("Facilitation", "Leadership", 2, 3, 4),))
    figure = draw_chart("skills", data)
    text = _texts(figure)
    assert "since 2025-06-15" in figure.axes[0].get_title(loc="left")
    assert "+1" in text and figure.axes[0].get_xlabel()
    _formats(figure, tmp_path, "one")


@pytest.fixture(scope="module")
def demo_growth(tmp_path_factory: pytest.TempPathFactory) -> GrowthService:
    path = write_demo_db(tmp_path_factory.mktemp("skills") / "demo.sqlite3", years=3)
    return GrowthService(unit_of_work_factory(open_database(path)), today=lambda: TODAY)


def test_the_demo_map_draws_in_light_and_dark(demo_growth: GrowthService, tmp_path: Path) -> None:
    data = demo_growth.skills_chart_data()
    assert 8 <= len(data.bars) <= 12
    assert any(bar.change > 0 for bar in data.bars)
    light = draw_chart("skills", data, PRINT_PALETTE)
    dark = draw_chart("skills", data, DARK)
    assert light.get_facecolor()[:3] == (1.0, 1.0, 1.0)
    assert dark.get_facecolor()[:3] != (1.0, 1.0, 1.0)
    assert dark.axes[0].xaxis.label.get_color() == DARK.foreground
    _formats(light, tmp_path, "light")
    _formats(dark, tmp_path, "dark")
