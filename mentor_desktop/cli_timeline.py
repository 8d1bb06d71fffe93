"""`mentor-desktop chart` and `mentor-desktop report`: the timeline charts and the review pack.

Only argparse and the standard library are imported here: `cli.py` is loaded when the window
starts, so services, Qt and Matplotlib are imported inside the handlers.
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import TYPE_CHECKING

from mentor_desktop.cli_common import opened, output_path, parse_day, read_and_draw, written_pages
from mentor_desktop.domain.errors import FileWriteError, MentorDesktopError

if TYPE_CHECKING:
    from pathlib import Path

    from mentor_desktop.domain.timeline import ReviewData

CHART_CHOICES = ("burnup", "progress", "follow-through", "rhythm", "skills")
CHART_EXTENSIONS = (".png", ".svg", ".pdf")


# ---------------------------------------------------------------- chart


def _cmd_chart(args: argparse.Namespace) -> int:
    if args.name not in CHART_CHOICES:
        raise MentorDesktopError(
            f"There is no chart called {args.name!r}; choose one of {', '.join(CHART_CHOICES)}."
        )
    output = output_path(args.output, CHART_EXTENSIONS, "a chart")
    with opened(args) as (_engine, services):
        data = (
            services.growth.skills_chart_data()
            if args.name == "skills"
            else services.timeline.chart_data(args.name)
        )
    from mentor_desktop.charts.base import PRINT_PALETTE, ChartPalette, export_figure
    from mentor_desktop.charts.catalog import draw_chart

    palette = PRINT_PALETTE
    if args.dark:
        palette = ChartPalette.from_colours("#2b2d30", "#e6e6e6", "#3d7bd9")
    figure = draw_chart(args.name, data, palette, args.width, args.height)
    try:
        fmt = export_figure(figure, output)
    except FileWriteError:
        raise
    except OSError as exc:
        raise FileWriteError(output, f"{exc}.") from exc
    print(f"Wrote the {args.name} chart ({fmt.upper()}) to {output}")
    return 0


def _size_mm(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a size in millimetres, got {text!r}") from None
    if not 30 <= value <= 1000:
        raise argparse.ArgumentTypeError(f"expected 30 to 1000 millimetres, got {text}")
    return value


def _add_chart(commands: argparse._SubParsersAction) -> None:
    chart = commands.add_parser(
        "chart",
        help="write a chart (burnup, progress, follow-through, rhythm, skills) as PNG/SVG/PDF",
        description="Write one of the Timeline tab's charts, or the skills chart (the last "
        "year), to a file; the format follows the file's extension (.png, .svg or .pdf).",
    )
    chart.add_argument("name", metavar="NAME", help=f"one of {', '.join(CHART_CHOICES)}")
    chart.add_argument("-o", "--output", required=True, metavar="FILE", help="file to write")
    chart.add_argument("--width", type=_size_mm, default=160.0, help="width in mm (160)")
    chart.add_argument("--height", type=_size_mm, default=90.0, help="height in mm (90)")
    chart.add_argument("--dark", action="store_true", help="use the dark palette")
    chart.set_defaults(handler=_cmd_chart)


# ---------------------------------------------------------------- report


def _cmd_report(args: argparse.Namespace) -> int:
    from mentor_desktop.reports.chart_images import review_image_jobs

    start = parse_day(args.start, "--from") if args.start else None
    end = parse_day(args.end, "--to") if args.end else None
    if start and end and start > end:
        raise MentorDesktopError(
            f"--from {start.isoformat()} is after --to {end.isoformat()}; swap them."
        )
    output = output_path(args.output, (".pdf",), "the review pack")

    def quick(db_path: Path) -> ReviewData:
        from mentor_desktop.services.quick_reads import review_data

        return review_data(db_path, date.today(), start, end, args.reflection)

    with read_and_draw(
        args,
        lambda services: services.timeline.review_data(start, end, args.reflection),
        review_image_jobs,
        quick,
    ) as (data, images):
        from mentor_desktop.reports.review import range_label, write_review

        pages = written_pages(args, output, lambda paper: write_review(data, output, paper, images))
    plural = "s" if pages != 1 else ""
    note = " (nothing recorded in that range)" if data.is_empty else ""
    print(f"Wrote the review pack for {range_label(data)}{note} ({pages} page{plural}) to {output}")
    return 0


def _add_report(commands: argparse._SubParsersAction) -> None:
    report = commands.add_parser(
        "report",
        help="write the review pack (progress over a date range) as PDF",
        description="Write the review pack as PDF: what was planned, done and slipped, with "
        "evidence, feedback and charts. The range defaults to the last six months.",
    )
    report.add_argument("--from", dest="start", metavar="DATE", help="first day (YYYY-MM-DD)")
    report.add_argument("--to", dest="end", metavar="DATE", help="last day (YYYY-MM-DD)")
    report.add_argument("-o", "--output", required=True, metavar="FILE.pdf", help="PDF to write")
    report.add_argument(
        "--reflection",
        metavar="TEXT",
        help="closing reflection (default: the last one written in the Timeline tab)",
    )
    report.add_argument(
        "--page-size", choices=["a4", "letter"], help="paper size (default: from your locale)"
    )
    report.set_defaults(handler=_cmd_report)


def add_timeline_commands(commands: argparse._SubParsersAction) -> None:
    _add_chart(commands)
    _add_report(commands)
