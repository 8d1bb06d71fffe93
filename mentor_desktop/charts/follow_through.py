"""Follow-through: my commitments per quarter, kept on time, kept late or missed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mentor_desktop.charts.base import (
    PRINT_PALETTE,
    ChartPalette,
    chart_title,
    empty_state,
    label_axes,
    new_figure,
    style_axes,
    style_legend,
)
from mentor_desktop.domain.timeline import FollowThroughData

if TYPE_CHECKING:
    from matplotlib.figure import Figure

TITLE = "Follow-through: my commitments kept on time, per quarter"
EMPTY = "No commitments with a due date have come due yet.\nAdd action items to a session."


def follow_through_figure(
    data: FollowThroughData,
    palette: ChartPalette = PRINT_PALETTE,
    width_mm: float = 160,
    height_mm: float = 90,
) -> Figure:
    """Stacked bars per quarter with the share kept on time written above each bar."""
    figure = new_figure(width_mm, height_mm, palette)
    if data.is_empty:
        return empty_state(figure, palette, "Follow-through", EMPTY)
    quarters = data.quarters
    axes = figure.add_axes((0.08, 0.2, 0.9, 0.64))
    style_axes(axes, palette)
    axes.grid(False, axis="x")
    xs = list(range(len(quarters)))
    on_time = [q.on_time for q in quarters]
    late = [q.late for q in quarters]
    missed = [q.missed for q in quarters]
    axes.bar(xs, on_time, width=0.7, color=palette.positive, label="Kept on time")
    axes.bar(xs, late, width=0.7, bottom=on_time, color=palette.secondary, label="Kept late")
    axes.bar(
        xs,
        missed,
        width=0.7,
        bottom=[a + b for a, b in zip(on_time, late, strict=True)],
        color=palette.negative,
        label="Missed (still open)",
    )
    if len(quarters) <= 24:
        for x, quarter in zip(xs, quarters, strict=True):
            if quarter.total:
                axes.text(
                    x,
                    quarter.total,
                    f"{round(quarter.on_time_share * 100)}%",
                    ha="center",
                    va="bottom",
                    fontsize=5.5,
                    color=palette.foreground,
                )
    step = max(1, len(quarters) // 12)
    axes.set_xticks(xs[::step], [q.label for q in quarters][::step], rotation=0)
    axes.set_xlim(-0.6, len(quarters) - 0.4)
    top = max(q.total for q in quarters)
    axes.set_ylim(0, max(1, top) * 1.18)
    axes.yaxis.get_major_locator().set_params(integer=True)  # type: ignore[call-arg]  # MaxNLocator takes it; the hint names the base class
    chart_title(axes, TITLE, palette)
    label_axes(axes, palette, "Quarter the commitment was due", "Commitments")
    style_legend(axes.legend(fontsize=6.5, frameon=False, loc="upper left", ncols=3), palette)
    return figure
