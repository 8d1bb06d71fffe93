"""Progress by goal: each active goal's progress against the share of its time spent."""

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
)
from mentor_desktop.domain.bidi import mark_bidi
from mentor_desktop.domain.progress import percent
from mentor_desktop.domain.timeline.goal_pace import GoalProgressData, Pace

if TYPE_CHECKING:
    from matplotlib.figure import Figure

TITLE = "Progress by goal (bar) against time spent (line)"
EMPTY = "No active goals.\nAdd a goal with a start and target date in the Goals tab."
MAX_TITLE = 34


def _short(title: str) -> str:
    title = mark_bidi(title)
    return title if len(title) <= MAX_TITLE else title[: MAX_TITLE - 1] + "…"


def goal_progress_figure(
    data: GoalProgressData,
    palette: ChartPalette = PRINT_PALETTE,
    width_mm: float = 160,
    height_mm: float = 90,
) -> Figure:
    """Horizontal bars, coloured by ahead/on track/behind, with a tick at the time spent."""
    figure = new_figure(width_mm, height_mm, palette)
    if data.is_empty:
        return empty_state(figure, palette, "Progress by goal", EMPTY)
    goals = data.goals
    axes = figure.add_axes((0.3, 0.16, 0.52, 0.7))
    style_axes(axes, palette)
    axes.grid(False, axis="y")
    colours = {
        Pace.AHEAD: palette.positive,
        Pace.ON_TRACK: palette.primary,
        Pace.BEHIND: palette.negative,
        Pace.OVERDUE: palette.negative,
        Pace.NO_DATES: palette.muted,
    }
    rows = list(range(len(goals)))
    axes.barh(rows, [100] * len(goals), height=0.6, color=palette.grid, alpha=0.5)
    axes.barh(
        rows, [g.progress * 100 for g in goals], height=0.6, color=[colours[g.pace] for g in goals]
    )
    for row, goal in zip(rows, goals, strict=True):
        if goal.time_share is not None:
            x = goal.time_share * 100
            axes.plot([x, x], [row - 0.42, row + 0.42], color=palette.foreground, linewidth=1.4)
        axes.text(
            101.5,
            row,
            f"{percent(goal.progress)} % · {goal.pace_text.lower()}",
            va="center",
            ha="left",
            fontsize=6.5,
            color=palette.foreground,
        )
    axes.set_yticks(rows, [_short(g.title) for g in goals])
    axes.set_ylim(len(goals) - 0.5, -0.5)
    axes.set_xlim(0, 100)
    axes.set_xticks([0, 25, 50, 75, 100], ["0 %", "25 %", "50 %", "75 %", "100 %"])
    if len(goals) > 12:
        axes.tick_params(axis="y", labelsize=5.5)
    chart_title(axes, TITLE, palette)
    label_axes(axes, palette, "Progress and share of time spent", "")
    return figure
