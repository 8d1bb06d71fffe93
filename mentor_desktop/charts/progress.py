"""The milestone-progress chart: cumulative milestones due versus done, month by month."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from mentor_desktop.charts.base import (
    PRINT_DPI,
    PRINT_PALETTE,
    ChartPalette,
    new_figure,
    render_png,
    style_axes,
)
from mentor_desktop.domain.sessions import MilestonePoint

if TYPE_CHECKING:
    from matplotlib.figure import Figure


def milestone_progress_figure(
    points: Sequence[MilestonePoint],
    palette: ChartPalette = PRINT_PALETTE,
    width_mm: float = 80,
    height_mm: float = 45,
) -> Figure:
    """A Figure with two lines: milestones due so far and milestones done so far."""
    figure = new_figure(width_mm, height_mm, palette)
    axes = figure.add_axes((0.12, 0.2, 0.85, 0.62))
    style_axes(axes, palette)
    xs = list(range(len(points)))
    if points:
        axes.plot(xs, [p.due for p in points], color=palette.muted, linewidth=1.2, label="Planned")
        axes.plot(xs, [p.done for p in points], color=palette.primary, linewidth=1.8, label="Done")
        axes.fill_between(xs, [p.done for p in points], color=palette.primary, alpha=0.12)
        step = max(1, -(-len(points) // 4))
        axes.set_xticks(xs[::step], [p.month.strftime("%b %Y") for p in points][::step])
        # from zero, so the gap between planned and done reads true to size
        axes.set_ylim(
            bottom=0, top=max(max(p.due for p in points), max(p.done for p in points), 1) * 1.1
        )
    else:
        axes.text(0.5, 0.5, "No milestones yet", ha="center", va="center", color=palette.muted)
    axes.set_title(
        "Milestones planned and done (cumulative)",
        fontsize=7.5,
        color=palette.foreground,
        loc="left",
    )
    legend = axes.legend(fontsize=6.5, frameon=False, loc="upper left", ncols=2)
    for text in legend.get_texts():
        text.set_color(palette.foreground)
    return figure


def milestone_progress_png(
    points: Sequence[MilestonePoint],
    palette: ChartPalette = PRINT_PALETTE,
    width_mm: float = 80,
    height_mm: float = 45,
    dpi: int = PRINT_DPI,
) -> bytes:
    """The chart as PNG bytes at print resolution."""
    return render_png(milestone_progress_figure(points, palette, width_mm, height_mm), dpi)


def preload() -> None:
    """Import Matplotlib's Figure and Agg canvas now (call it off the GUI thread), so the
    first brief does not pay the half-second import."""
    import matplotlib.backends.backend_agg
    import matplotlib.figure

    del matplotlib
