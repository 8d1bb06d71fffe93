"""What every chart shares: a palette, a Figure without pyplot, and rendering to PNG bytes.

Matplotlib is imported inside the functions (it costs about half a second), so importing
this module is free.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

#: Dots per inch for charts that go into a PDF or onto paper.
PRINT_DPI = 300
MM_PER_INCH = 25.4


@dataclass(frozen=True, slots=True)
class ChartPalette:
    """Colours a chart uses; the UI builds one from the Qt palette, print uses PRINT_PALETTE."""

    background: str
    foreground: str
    grid: str
    primary: str
    secondary: str
    muted: str

    @classmethod
    def from_colours(cls, background: str, foreground: str, highlight: str) -> ChartPalette:
        """A palette derived from a window background, its text colour and a highlight."""
        dark = _luminance(background) < 0.5
        return cls(
            background=background,
            foreground=foreground,
            grid="#4a4f57" if dark else "#d7dbe2",
            primary=highlight,
            secondary="#e0a030" if dark else "#c46a10",
            muted="#8a9099",
        )


def _luminance(colour: str) -> float:
    value = colour.lstrip("#")
    r, g, b = (int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


#: Black on white, one blue and one orange: prints well in colour and in grey.
PRINT_PALETTE = ChartPalette(
    background="#ffffff",
    foreground="#1f2328",
    grid="#d7dbe2",
    primary="#2f6fd0",
    secondary="#c46a10",
    muted="#8a9099",
)


def new_figure(width_mm: float, height_mm: float, palette: ChartPalette) -> Figure:
    """A Matplotlib Figure (never pyplot) of the given size, coloured by `palette`."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width_mm / MM_PER_INCH, height_mm / MM_PER_INCH))
    figure.patch.set_facecolor(palette.background)
    return figure


def style_axes(axes, palette: ChartPalette, font_size: float = 7.0) -> None:
    """Quiet axes: no top/right spines, a light grid, palette colours, small labels."""
    axes.set_facecolor(palette.background)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        axes.spines[side].set_color(palette.muted)
    axes.tick_params(colors=palette.foreground, labelsize=font_size, length=2)
    axes.grid(True, color=palette.grid, linewidth=0.5)
    axes.set_axisbelow(True)


def render_png(figure: Figure, dpi: int = PRINT_DPI) -> bytes:
    """The figure as PNG bytes at `dpi`, drawn with the Agg canvas."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(figure)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi, facecolor=figure.get_facecolor())
    return buffer.getvalue()
