"""The four timeline charts render to PNG, SVG and PDF at the size asked for, with empty
data (a message, no empty axis), one item, and a demo database."""

from __future__ import annotations

import re
import struct
from datetime import date
from pathlib import Path

import pytest

from mentor_desktop.charts.base import PRINT_PALETTE, ChartPalette, export_figure, export_format
from mentor_desktop.charts.catalog import CHART_NAMES, draw_chart
from mentor_desktop.domain.sessions import Commitment
from mentor_desktop.domain.timeline import (
    GoalPace,
    GoalProgressData,
    MilestoneDates,
    burnup,
    follow_through_by_quarter,
    rhythm,
    time_share,
)
from mentor_desktop.services.timeline import TimelineService
from mentor_desktop.storage.migrate import open_database
from mentor_desktop.storage.uow import unit_of_work_factory
from tests.factories import TODAY, write_demo_db

DARK = ChartPalette.from_colours("#2b2d30", "#e6e6e6", "#3d7bd9")
WIDTH_MM, HEIGHT_MM, DPI = 150.0, 80.0, 100


def empty_data(name: str):
    return {
        "burnup": burnup([], [], TODAY),
        "progress": GoalProgressData((), TODAY),
        "follow-through": follow_through_by_quarter([], TODAY),
        "rhythm": rhythm([]),
    }[name]


def one_item_data(name: str):
    start, target = date(2026, 1, 1), date(2026, 12, 31)
    return {
        "burnup": burnup(
            [MilestoneDates(1, 1, date(2026, 3, 1), date(2026, 3, 1), date(2026, 3, 5))],
            [(1, "Speak", target)],
            TODAY,
        ),
        "progress": GoalProgressData(
            (GoalPace(1, "Speak", 0.3, time_share(start, target, TODAY), start, target),), TODAY
        ),
        "follow-through": follow_through_by_quarter(
            [Commitment(date(2026, 2, 1), date(2026, 1, 30))], TODAY
        ),
        "rhythm": rhythm([(date(2026, 6, 1), 1, 1)]),
    }[name]


@pytest.fixture(scope="module")
def demo_timeline(tmp_path_factory: pytest.TempPathFactory):
    path = write_demo_db(tmp_path_factory.mktemp("demo") / "demo.sqlite3", years=2)
    engine = open_database(path)
    yield TimelineService(unit_of_work_factory(engine), today=lambda: TODAY)
    engine.dispose()


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def svg_size_pt(path: Path) -> tuple[float, float]:
    text = path.read_text(encoding="utf-8")
    width = re.search(r'<svg[^>]*\swidth="([\d.]+)pt"', text)
    height = re.search(r'<svg[^>]*\sheight="([\d.]+)pt"', text)
    assert width and height, text[:300]
    return float(width.group(1)), float(height.group(1))


def check_files(figure, tmp_path: Path, name: str) -> None:
    png, svg = tmp_path / f"{name}.png", tmp_path / f"{name}.svg"
    assert export_figure(figure, png, dpi=DPI) == "png"
    assert export_figure(figure, svg) == "svg"
    width, height = png_size(png)
    assert abs(width - WIDTH_MM / 25.4 * DPI) <= 1
    assert abs(height - HEIGHT_MM / 25.4 * DPI) <= 1
    width_pt, height_pt = svg_size_pt(svg)
    assert width_pt == pytest.approx(WIDTH_MM / 25.4 * 72, abs=0.5)
    assert height_pt == pytest.approx(HEIGHT_MM / 25.4 * 72, abs=0.5)


def texts(figure) -> str:
    found = [t.get_text() for t in figure.texts]
    for axes in figure.axes:
        found += [axes.get_title(loc="left"), axes.get_xlabel(), axes.get_ylabel()]
        found += [t.get_text() for t in axes.texts]
    return "\n".join(found)


@pytest.mark.parametrize("name", CHART_NAMES)
def test_empty_data_gives_a_message_instead_of_an_empty_axis(name: str, tmp_path: Path) -> None:
    figure = draw_chart(name, empty_data(name), PRINT_PALETTE, WIDTH_MM, HEIGHT_MM)
    assert figure.axes == []
    assert re.search(r"^No ", texts(figure), re.MULTILINE)
    check_files(figure, tmp_path, name)


@pytest.mark.parametrize("name", CHART_NAMES)
def test_one_item_draws_a_titled_chart_with_labelled_axes(name: str, tmp_path: Path) -> None:
    figure = draw_chart(name, one_item_data(name), PRINT_PALETTE, WIDTH_MM, HEIGHT_MM)
    axes = figure.axes[0]
    assert axes.get_title(loc="left")
    assert axes.get_xlabel()
    check_files(figure, tmp_path, name)


@pytest.mark.parametrize("name", CHART_NAMES)
def test_demo_data_draws_in_light_and_dark(name: str, demo_timeline, tmp_path: Path) -> None:
    data = demo_timeline.chart_data(name)
    assert not data.is_empty
    light = draw_chart(name, data, PRINT_PALETTE, WIDTH_MM, HEIGHT_MM)
    dark = draw_chart(name, data, DARK, WIDTH_MM, HEIGHT_MM)
    assert light.get_facecolor()[:3] == (1.0, 1.0, 1.0)
    assert dark.get_facecolor()[:3] != (1.0, 1.0, 1.0)
    assert dark.axes[0].xaxis.label.get_color() == DARK.foreground
    assert light.axes[0].xaxis.label.get_color() == PRINT_PALETTE.foreground
    check_files(light, tmp_path, f"{name}-light")
    check_files(dark, tmp_path, f"{name}-dark")


def test_burnup_uses_readable_dates(demo_timeline) -> None:
    figure = draw_chart("burnup", demo_timeline.chart_data("burnup"))
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(figure).draw()
    labels = [t.get_text() for t in figure.axes[0].get_xticklabels() if t.get_text()]
    assert labels and all(re.fullmatch(r"\d{4}|[A-Z][a-z]{2}", label) for label in labels)


def test_export_format_comes_from_the_extension(tmp_path: Path) -> None:
    assert export_format(tmp_path / "x.PDF") == "pdf"
    for bad in ("x.jpg", "x"):
        with pytest.raises(ValueError, match=r"use a file name ending in \.png, \.svg, \.pdf"):
            export_format(tmp_path / bad)
    figure = draw_chart("rhythm", one_item_data("rhythm"))
    export_figure(figure, tmp_path / "r.pdf")
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")


def test_unknown_chart_name_is_refused() -> None:
    with pytest.raises(ValueError, match="no chart called 'pie'"):
        draw_chart("pie", None)


def test_charts_draw_dates_at_either_end_of_the_calendar(tmp_path: Path) -> None:
    first, last = date.min, date.max
    datas = {
        "burnup": burnup(
            [
                MilestoneDates(1, 1, first, first, date(1, 1, 2)),
                MilestoneDates(2, 1, last, last, TODAY),
            ],
            [(1, "Far", last)],
            TODAY,
        ),
        "follow-through": follow_through_by_quarter(
            [Commitment(last, TODAY), Commitment(date(9999, 6, 1), None)], TODAY
        ),
    }
    for name, data in datas.items():
        target = tmp_path / f"{name}.png"
        export_figure(draw_chart(name, data, PRINT_PALETTE, WIDTH_MM, HEIGHT_MM), target)
        assert png_size(target)[0] > 0


@pytest.mark.parametrize("palette", [PRINT_PALETTE, DARK], ids=["print", "dark"])
def test_a_document_picture_has_the_pixels_of_the_png(qapp, palette: ChartPalette) -> None:
    """Documents take a chart as the canvas's own pixels (PPM); they are the PNG's exactly."""
    from PySide6.QtGui import QImage

    from mentor_desktop.charts.base import render_document_image, render_png

    data = burnup(
        [MilestoneDates(1, 1, date(2026, 2, 1), date(2026, 3, 1), date(2026, 2, 20))],
        [(1, "Speak", date(2026, 9, 1))],
        TODAY,
    )
    png = render_png(draw_chart("burnup", data, palette, WIDTH_MM, HEIGHT_MM), DPI)
    picture = render_document_image(draw_chart("burnup", data, palette, WIDTH_MM, HEIGHT_MM), DPI)
    assert picture.startswith(b"P6\n")
    from_png, from_picture = QImage.fromData(png), QImage.fromData(picture)
    assert not from_picture.isNull()
    assert from_picture.size() == from_png.size()
    assert from_picture.width() == int(WIDTH_MM / 25.4 * DPI)
    rgb = QImage.Format.Format_RGB888
    assert from_picture.convertToFormat(rgb) == from_png.convertToFormat(rgb)
