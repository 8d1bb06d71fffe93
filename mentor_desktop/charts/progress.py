"""The milestone-progress chart: cumulative milestones due versus done, month by month."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from mentor_desktop.charts.base import (
    PRINT_PALETTE,
    TITLE_Y,
    ChartPalette,
    new_figure,
    style_axes,
    style_legend,
)
from mentor_desktop.domain.dates import month_text
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
        last = points[-1]
        planned = [p.due for p in points]
        done = [p.done for p in points]
        axes.plot(xs, planned, color=palette.muted, linewidth=1.2, label=f"Planned {last.due}")
        axes.plot(xs, done, color=palette.primary, linewidth=1.8, label=f"Done {last.done}")
        axes.fill_between(xs, done, color=palette.primary, alpha=0.12)
        step = max(1, -(-len(points) // 4))
        axes.set_xticks(xs[::step], [month_text(p.month) for p in points][::step])
        # from zero, so the gap between planned and done reads true to size
        axes.set_ylim(bottom=0, top=max(*planned, *done, 1) * 1.1)
        axes.set_xlim(xs[0], xs[-1])
        # in the lower right, on the filled area, where it never covers the lines
        legend = axes.legend(
            fontsize=6.5,
            loc="lower right",
            ncols=2,
            frameon=True,
            framealpha=0.9,
            facecolor=palette.background,
            edgecolor=palette.grid,
        )
        style_legend(legend, palette)
    else:
        axes.text(0.5, 0.5, "No milestones yet", ha="center", va="center", color=palette.muted)
    axes.set_title(
        "Milestones planned and done, to date",
        fontsize=7.5,
        color=palette.foreground,
        loc="left",
        y=TITLE_Y,
    )
    return figure
