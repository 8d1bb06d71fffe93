"""Skills: each skill's current level against its target, and how far it moved in the period."""

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
from mentor_desktop.domain.growth.overview import SkillsChartData
from mentor_desktop.domain.growth.skills import LEVEL_WORDS, MAX_LEVEL

if TYPE_CHECKING:
    from matplotlib.figure import Figure

TITLE = "Skills now against target, and the change since {start}"
EMPTY = "No skills on the map yet.\nAdd skills with a current and a target level in the Growth tab."
MAX_NAME = 28
MAX_BARS = 20


def _short(name: str) -> str:
    return name if len(name) <= MAX_NAME else name[: MAX_NAME - 1] + "…"


def skills_figure(
    data: SkillsChartData,
    palette: ChartPalette = PRINT_PALETTE,
    width_mm: float = 160,
    height_mm: float = 90,
) -> Figure:
    """Horizontal bars: the target as an outline, the level now filled, a dot where the
    level stood at the start of the period, and the change written beside each bar."""
    figure = new_figure(width_mm, height_mm, palette)
    if data.is_empty:
        return empty_state(figure, palette, "Skills", EMPTY)
    bars = data.bars[:MAX_BARS]
    axes = figure.add_axes((0.26, 0.17, 0.6, 0.68))
    style_axes(axes, palette)
    axes.grid(False, axis="y")
    rows = list(range(len(bars)))
    axes.barh(
        rows,
        [b.target_level for b in bars],
        height=0.62,
        color="none",
        edgecolor=palette.muted,
        linewidth=1.0,
        label="Target",
    )
    axes.barh(
        rows, [b.current_level for b in bars], height=0.62, color=palette.primary, label="Now"
    )
    started = [(row, b) for row, b in zip(rows, bars, strict=True) if b.start_level is not None]
    if started:
        axes.scatter(
            [b.start_level for _row, b in started if b.start_level is not None],
            [row for row, _b in started],
            s=14,
            color=palette.secondary,
            zorder=3,
            label=f"On {data.start.isoformat()}",
        )
    for row, bar in zip(rows, bars, strict=True):
        if bar.start_level is None:
            note = "new"
        elif bar.change:
            note = f"{bar.change:+d}"
        else:
            note = "±0"
        colour = (
            palette.positive
            if bar.change > 0
            else (palette.negative if bar.change < 0 else palette.muted)
        )
        axes.text(MAX_LEVEL + 0.12, row, note, va="center", ha="left", fontsize=6.5, color=colour)
    axes.set_yticks(rows, [_short(b.name) for b in bars])
    axes.set_ylim(len(bars) - 0.5, -0.5)
    axes.set_xlim(0, MAX_LEVEL)
    axes.set_xticks(
        list(range(1, MAX_LEVEL + 1)), [f"{n} {LEVEL_WORDS[n]}" for n in range(1, MAX_LEVEL + 1)]
    )
    if len(bars) > 12:
        axes.tick_params(axis="y", labelsize=5.5)
    chart_title(axes, TITLE.format(start=data.start.isoformat()), palette)
    label_axes(axes, palette, f"Level on {data.end.isoformat()}", "")
    legend = axes.legend(
        loc="upper center",
        bbox_to_anchor=(0.5, -0.16),
        ncol=3,
        fontsize=6,
        frameon=False,
        handlelength=1.2,
    )
    style_legend(legend, palette)
    return figure
