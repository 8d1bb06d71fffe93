"""Milestone burn-up: milestones planned (by original due date) and done, with the current
pace projected to each active goal's target date."""

from __future__ import annotations

from datetime import date, timedelta
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
from mentor_desktop.domain.timeline.burnup import BurnupData
from mentor_desktop.domain.timeline.periods import FAR_FUTURE_YEARS

if TYPE_CHECKING:
    from matplotlib.figure import Figure

TITLE = "Milestone burn-up"
EMPTY = "No milestones with due or done dates yet.\nGive milestones a due date in the Goals tab."


def burnup_figure(
    data: BurnupData,
    palette: ChartPalette = PRINT_PALETTE,
    width_mm: float = 160,
    height_mm: float = 90,
) -> Figure:
    """A Figure: cumulative planned and done steps, today, and a dashed projection."""
    figure = new_figure(width_mm, height_mm, palette)
    if data.is_empty:
        return empty_state(figure, palette, TITLE, EMPTY)
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter

    axes = figure.add_axes((0.09, 0.17, 0.88, 0.68))
    style_axes(axes, palette)
    days = [p.day for p in data.points]
    axes.step(
        days,  # type: ignore[arg-type]  # Matplotlib plots dates; its hints name numbers only
        [p.planned for p in data.points],
        where="post",
        color=palette.muted,
        linewidth=1.2,
        label="Planned (original due date)",
    )
    past = [p for p in data.points if p.day <= data.today]
    axes.step(
        [p.day for p in past],  # type: ignore[arg-type]  # Matplotlib plots dates; its hints name numbers only
        [p.done for p in past],
        where="post",
        color=palette.primary,
        linewidth=1.8,
        label="Done",
    )
    axes.fill_between(
        [p.day for p in past],  # type: ignore[arg-type]  # Matplotlib plots dates; its hints name numbers only
        [p.done for p in past],
        step="post",
        color=palette.primary,
        alpha=0.12,
    )
    horizon = data.today + timedelta(days=365 * FAR_FUTURE_YEARS)
    targets = [p for p in data.projections if p.target_date > data.today]
    right = max(days[-1], data.today)
    if targets and data.pace_per_day > 0:
        end = min(max(p.target_date for p in targets), horizon)
        right = max(right, end)
        axes.plot(
            [data.today, end],  # type: ignore[arg-type]  # Matplotlib plots dates; its hints name numbers only
            [data.done_now, data.projected_at(end)],
            linestyle="--",
            color=palette.secondary,
            linewidth=1.3,
            label=f"Current pace ({data.pace_per_day * 30.4:.1f} a month)",
        )
    for kind, colour, label in (
        (True, palette.positive, "Goal target: on pace"),
        (False, palette.negative, "Goal target: behind pace"),
    ):
        chosen = [p for p in targets if p.on_track is kind and p.target_date <= horizon]
        if chosen:
            axes.scatter(
                [p.target_date for p in chosen],  # type: ignore[arg-type]  # Matplotlib plots dates; its hints name numbers only
                [p.projected_done for p in chosen],
                marker="D",
                s=14,
                color=colour,
                zorder=3,
                label=label,
            )
    axes.axvline(data.today, color=palette.foreground, linewidth=0.8, alpha=0.6)  # type: ignore[arg-type]  # Matplotlib plots dates; its hints name numbers only
    axes.annotate(
        data.today_label,
        (data.today, 1.0),
        xycoords=("data", "axes fraction"),
        xytext=(3, -9),
        textcoords="offset points",
        fontsize=6.5,
        color=palette.foreground,
    )
    # Explicit limits with a small margin: Matplotlib's own margin would step outside the
    # years it can draw (1 to 9999) for a date near either end.
    margin = timedelta(days=max(1, (right - days[0]).days // 40))
    left = days[0] - margin if days[0] - date.min > margin else days[0]
    right = right + margin if date.max - right > margin else right
    axes.set_xlim(left, right)  # type: ignore[arg-type]  # Matplotlib plots dates; its hints name numbers only
    locator = AutoDateLocator(maxticks=8)
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    axes.set_ylim(bottom=0)
    chart_title(axes, TITLE, palette)
    label_axes(axes, palette, "Date", "Milestones (cumulative)")
    style_legend(axes.legend(fontsize=6.5, frameon=False, loc="upper left"), palette)
    return figure
