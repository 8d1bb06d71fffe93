"""The charts by name (the timeline's four and the skills chart), so the tabs, the command line
and the review pack draw them the same way."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from mentor_desktop.charts.base import PRINT_PALETTE, ChartPalette

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from PySide6.QtWidgets import QWidget

#: Command-line names of the charts, in the order the tab lists them.
CHART_NAMES = ("burnup", "progress", "follow-through", "rhythm")
#: Every chart by name: the timeline's four and the Growth tab's skills chart.
ALL_CHARTS = (*CHART_NAMES, "skills")
DEFAULT_SIZE_MM = (160.0, 90.0)


def draw_chart(
    name: str,
    data: Any,
    palette: ChartPalette = PRINT_PALETTE,
    width_mm: float = DEFAULT_SIZE_MM[0],
    height_mm: float = DEFAULT_SIZE_MM[1],
) -> Figure:
    """The Figure of chart `name` for `data` (computed by TimelineService.chart_data)."""
    draw: Callable[[Any, ChartPalette, float, float], Figure]
    if name == "burnup":
        from mentor_desktop.charts.burnup import burnup_figure as draw
    elif name == "progress":
        from mentor_desktop.charts.goal_progress import goal_progress_figure as draw
    elif name == "follow-through":
        from mentor_desktop.charts.follow_through import follow_through_figure as draw
    elif name == "rhythm":
        from mentor_desktop.charts.rhythm import rhythm_figure as draw
    elif name == "skills":
        from mentor_desktop.charts.skills import skills_figure as draw
    else:
        raise ValueError(
            f"there is no chart called {name!r}; choose one of {', '.join(ALL_CHARTS)}"
        )
    return draw(data, palette, width_mm, height_mm)


def qt_canvas(figure: Figure) -> QWidget:
    """A Qt widget showing `figure` (FigureCanvasQTAgg; needs a QApplication)."""
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

    return FigureCanvasQTAgg(figure)
