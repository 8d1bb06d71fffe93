"""Journal rhythm: entries per week as a calendar heat map (a row per year), wins marked."""

from __future__ import annotations

from datetime import date
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
from mentor_desktop.domain.timeline import RhythmData

if TYPE_CHECKING:
    from matplotlib.figure import Figure

TITLE = "Journal rhythm: entries per week (dots: weeks with wins)"
EMPTY = "No journal entries yet.\nWrite one in the Journal tab."
MONTH_WEEKS = [(1, "Jan"), (14, "Apr"), (27, "Jul"), (40, "Oct")]


def rhythm_figure(
    data: RhythmData,
    palette: ChartPalette = PRINT_PALETTE,
    width_mm: float = 160,
    height_mm: float = 90,
) -> Figure:
    """Years down, ISO weeks across; colour = entries that week; a dot sized by the wins."""
    figure = new_figure(width_mm, height_mm, palette)
    if data.is_empty:
        return empty_state(figure, palette, "Journal rhythm", EMPTY)
    import numpy as np
    from matplotlib.colors import LinearSegmentedColormap

    assert data.first is not None and data.last is not None
    first_year = data.first.isocalendar().year
    last_year = data.last.isocalendar().year
    years = list(range(first_year, last_year + 1))
    # Weeks inside the journal's span without an entry show as zero; weeks outside it (and
    # week 53 of years that have none) are left blank.
    grid = np.zeros((len(years), 53))
    for row, year in enumerate(years):
        if date(year, 12, 28).isocalendar().week == 52:
            grid[row, 52] = np.nan
    win_x, win_y, win_size = [], [], []
    for week in data.weeks:
        iso = week.week.isocalendar()
        row = iso.year - first_year
        grid[row, iso.week - 1] = week.entries
        if week.wins:
            win_x.append(iso.week - 1)
            win_y.append(row)
            win_size.append(2 + 3 * min(week.wins, 4))
    first_iso = data.first.isocalendar()
    last_iso = data.last.isocalendar()
    grid[0, : first_iso.week - 1] = np.nan
    grid[-1, last_iso.week :] = np.nan
    cmap = LinearSegmentedColormap.from_list(
        "rhythm", [palette.grid, palette.primary]
    ).with_extremes(bad=palette.background)
    axes = figure.add_axes((0.08, 0.17, 0.8, 0.67))
    style_axes(axes, palette)
    axes.grid(False)
    image = axes.imshow(
        np.ma.masked_invalid(grid),
        aspect="auto",
        cmap=cmap,
        vmin=0,
        vmax=max(1, data.busiest),
        interpolation="nearest",
    )
    axes.scatter(
        win_x, win_y, s=win_size, color=palette.secondary, linewidths=0, label="Week with wins"
    )
    axes.set_yticks(range(len(years)), [str(y) for y in years])
    if len(years) > 12:
        axes.tick_params(axis="y", labelsize=5.0)
    axes.set_xticks([w - 1 for w, _ in MONTH_WEEKS], [name for _, name in MONTH_WEEKS])
    colour_axes = figure.add_axes((0.9, 0.17, 0.02, 0.67))
    bar = figure.colorbar(image, cax=colour_axes)
    bar.ax.tick_params(colors=palette.foreground, labelsize=6, length=2)
    bar.outline.set_edgecolor(palette.muted)
    bar.set_label("Entries per week", fontsize=6.5, color=palette.foreground)
    chart_title(axes, TITLE, palette)
    label_axes(axes, palette, "Week of the year", "Year")
    return figure
